from html import unescape

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from . import bidi, changes, languages, laws
from .validators import refuse_reordering, validate_category_key, validate_cookie_name

TRANSLATED_TEXT_FIELDS = ("title", "seo_title", "search_description")


class PublishRefused(PermissionDenied):
    """A cookie policy whose languages are out of step may not go live (a 403, never a 500)."""


def publish_problems(page):
    """Why ``page`` may not be published yet: languages out of step, empty or misspelt fields,
    cookie names or keys the editor's form refuses, text that reorders itself, and what the
    laws of its site require (laws.py)."""
    codes = languages.codes()
    problems = []
    for code in codes:
        language = languages.name(code)
        if not (languages.localized(page, "title", code) or "").strip():
            problems.append(_("The title is empty in %(language)s.") % {"language": language})
        body = languages.localized(page, "body", code)
        if not changes.raw_stream(body):
            problems.append(_("The body is empty in %(language)s.") % {"language": language})
        strings = [languages.localized(page, name, code) or "" for name in TRANSLATED_TEXT_FIELDS]
        for word in dict.fromkeys(
            w for text in strings + changes.texts(body) for w in changes.mixed_script_words(text)
        ):
            problems.append(
                _("“%(word)s” mixes Latin and Cyrillic letters (%(language)s).")
                % {"word": word, "language": language}
            )
        # Keys and names by the rules of the editor's form, which a revision written before them,
        # or by code, may break; every other text as people read it.
        for value, problem in refusals(text_checks(strings, body)):
            problems.append(
                _("“%(value)s” (%(language)s): %(problem)s")
                % {"value": bidi.visible(value), "language": language, "problem": problem}
            )
    reference, *others = codes
    expected = changes.categories(languages.localized(page, "body", reference))
    for code in others:
        language = languages.name(code)
        found = changes.categories(languages.localized(page, "body", code))
        if list(found) != list(expected):
            problems.append(
                _("The categories differ in %(language)s: %(found)s instead of %(expected)s.")
                % {
                    "language": language,
                    "found": ", ".join(found) or "—",
                    "expected": ", ".join(expected) or "—",
                }
            )
            continue
        for key, category in expected.items():
            theirs = found[key]
            if changes.cookie_names(theirs) != changes.cookie_names(category):
                problems.append(
                    _("The cookies of category “%(key)s” differ in %(language)s.")
                    % {"key": key, "language": language}
                )
            elif changes.cookie_statuses(theirs) != changes.cookie_statuses(category):
                problems.append(
                    _(
                        "Whether the cookies of category “%(key)s” are confirmed on this site "
                        "differs in %(language)s."
                    )
                    % {"key": key, "language": language}
                )
            if bool(theirs.get("required")) != bool(category.get("required")):
                problems.append(
                    _("Category “%(key)s” is strictly necessary in one language only.")
                    % {"key": key}
                )
    return problems + laws.problems(page, operator_of(page))


def operator_of(page):
    """The operator settings of the site ``page`` belongs to (None: no site, or none saved)."""
    from .models import OperatorSettings

    site = page.get_site()
    if site is None:
        return None
    return OperatorSettings.objects.select_related("consent_document").filter(site=site).first()


def text_checks(strings, body):
    """``(value, validator)`` for the texts of one language: each category key and cookie name
    of ``body`` as the editor's form checks them, each other word of it and of ``strings`` as
    people read it (HTML allowed)."""
    declared = dict.fromkeys(declarations(body))
    names = {value for value, _validate in declared}
    words = dict.fromkeys(
        word
        for text in strings + changes.texts(body)
        if text not in names
        for word in unescape(strip_tags(text)).split()
    )
    return [*declared, *((word, refuse_reordering) for word in words)]


def declarations(body):
    """Each category key and cookie name of ``body``, with the validator the editor's form runs."""
    for key, category in changes.categories(body).items():
        yield key, validate_category_key
        for name in changes.cookie_names(category):
            yield name, validate_cookie_name


def refusals(checks):
    """``(value, message)`` for each ``(value, validator)`` whose validator refuses the value."""
    found = []
    for value, validate in checks:
        try:
            validate(value)
        except ValidationError as error:
            found.append((value, " ".join(error.messages)))
    return found
