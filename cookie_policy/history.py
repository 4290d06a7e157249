"""The policy page's public version history: what each publication changed for its readers.

Worked out once, when a revision is published, and stored per language (``PolicyChange``), so a
page view reads a few rows however often the page has been published. A publication that
changed nothing a reader sees stores nothing.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import PageLogEntry

from . import changes, languages

# Log actions of a publication, immediate or scheduled.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
# Publications the policy page lists; the versions page lists them all.
RECENT = 10


def describe(previous, content, code):
    """What a reader of ``code`` sees changed between two revisions' content (``previous`` is
    ``None`` for the first publication), in that language."""
    field = build_localized_fieldname("body", code)
    if field not in content:  # a revision from before the language was added
        return []
    with translation.override(code):
        if previous is None or field not in previous:
            return [_("First published")]
        return [str(line) for line in changes.describe_changes(previous[field], content[field])]


def previous_content(page, revision):
    """The content of the revision published before ``revision``, or ``None`` if none was."""
    entry = (
        PageLogEntry.objects.filter(page=page, action__in=PUBLISH_ACTIONS)
        .filter(revision__isnull=False)
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.content if entry else None


def record(page, revision):
    """Store what publishing ``revision`` of ``page`` changed, in each language that changed."""
    from .models import PolicyChange

    before = previous_content(page, revision)
    PolicyChange.objects.bulk_create(
        PolicyChange(
            page=page,
            language=code,
            revision=revision,
            published_at=page.last_published_at,
            lines=lines,
        )
        for code in languages.codes()
        if (lines := describe(before, revision.content, code))
    )


def versions(page, code=None, limit=None):
    """The publications that changed ``page`` for readers of ``code`` (the active language),
    newest first: ``{"date", "changes"}`` each. A language added since shows the default one's."""
    if not page.pk:  # a new page being previewed has no history yet
        return []
    code = code or translation.get_language()
    for language in dict.fromkeys([code, languages.default()]):
        rows = page.history.filter(language=language).values_list("published_at", "lines")
        found = [{"date": date, "changes": lines} for date, lines in rows[:limit]]
        if found:
            return found
    return []
