"""A draft revision of a policy page with a cookie a scan found added to a category."""

import json
import uuid

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname

from . import changes, consent, durations
from .blocks import CONFIRMED


class NotAdded(Exception):
    """Why the cookie was not added; the message is for the editor."""


def lifetime_text(seconds):
    """A real lifetime as a declaration would say it, in the active language."""
    if not seconds:
        return _("Until the browser is closed")
    days = round(seconds / durations.DAY)
    if days >= 1:
        return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}
    hours = max(1, round(seconds / durations.HOUR))
    return ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}


def add_cookie(policy, finding, category_key, user):
    """Save a draft revision of ``policy`` (its latest draft, if any) with ``finding``'s cookie
    in category ``category_key``, in every language of ``settings.LANGUAGES``."""
    page = policy.get_latest_revision_as_object()
    codes = [code for code, _name in settings.LANGUAGES]
    bodies = {}
    for code in codes:
        name = build_localized_fieldname("body", code)
        raw = changes.raw_stream(getattr(page, name, None))
        found = [
            b for b in raw if b["type"] == "category" and b["value"].get("key") == category_key
        ]
        if not category_key or not found:
            raise NotAdded(
                _("The policy has no category %(category)s: choose one of %(categories)s.")
                % {
                    "category": category_key or "—",
                    "categories": ", ".join(changes.categories(raw)) or "—",
                }
            )
        declared = changes.declared_cookies(found[0]["value"])
        if any(consent.matches(finding.name, consent.cookie_pattern(c["name"])) for c in declared):
            raise NotAdded(
                _("%(cookie)s is declared in that category already.") % {"cookie": finding.name}
            )
        with translation.override(code):
            row = {
                "name": finding.name,
                "provider": finding.provider,
                # The editor writes it in each language before publishing; the gate requires it.
                "purpose": "",
                "duration": lifetime_text(finding.lifetime),
                "party": finding.party or "first",
                # The scan saw this site set it.
                "status": CONFIRMED,
            }
        found[0]["value"].setdefault("cookies", []).append(
            {"type": "item", "value": row, "id": str(uuid.uuid4())}
        )
        bodies[name] = json.dumps(raw)
    for name, body in bodies.items():
        setattr(page, name, body)
    return page.save_revision(user=user, log_action=True)
