"""What a policy revision collects, and how two revisions differ.

Works on the raw StreamField data (a list of ``{"type", "value"}`` dicts) so that revisions can be
compared without building blocks.
"""

import copy
import json
import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .blocks import CONFIRMED, HIDDEN

# Letters of the Latin and Cyrillic scripts, accented and national ones included (German ß,
# Portuguese ç, Belarusian і and ў, Ukrainian ї), by Unicode block.
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
# A word with letters of both scripts, such as the seed's "Аnalytical" (Cyrillic А) or
# "Беларусi" (Latin i): look-alike letters a reader cannot see and a search cannot find.
MIXED_SCRIPT_WORD = re.compile(rf"\b(?=\w*[{LATIN}])(?=\w*[{CYRILLIC}])\w+\b")


def raw_stream(value):
    """The raw block list of a StreamValue, of its JSON text or of ``None``."""
    if not value:
        return []
    if isinstance(value, str):
        return json.loads(value)
    if isinstance(value, list):  # a revision's translated column, still raw
        return copy.deepcopy(value)
    return list(value.raw_data)


def categories(value):
    """The category blocks of a body, as plain dicts keyed by category key (in page order)."""
    found = {}
    for block in raw_stream(value):
        if block["type"] == "category":
            category = block["value"]
            found[category.get("key", "")] = category
    return found


def fingerprint(value):
    """What visitors consent to: category keys, their required flags and the names of the cookies
    they are shown (a row hidden from them is not part of what they agree to)."""
    return json.dumps(
        sorted(
            [key, bool(category.get("required")), sorted(shown_cookie_names(category))]
            for key, category in categories(value).items()
        )
    )


def cookie_names(category):
    """Every cookie name the category declares, hidden rows included: a refusal deletes them all."""
    return [cookie.get("name", "") for cookie in _cookies(category)]


def shown_cookie_names(category):
    return [cookie.get("name", "") for cookie in _shown_cookies(category)]


def shown_cookies(category):
    """The declaration table's rows visitors see (hidden ones left out), each with its status."""
    return list(_shown_cookies(category))


def cookie_statuses(category):
    """``(name, status)`` of each declared cookie; rows older than the status are confirmed."""
    return [(c.get("name", ""), c["status"]) for c in _cookies(category)]


def unconfirmed(value):
    """``(category title, cookie name, status)`` of each row of a body that this site is not yet
    known to set, in page order."""
    return [
        (category.get("title") or key, cookie["name"], cookie["status"])
        for key, category in categories(value).items()
        for cookie in _cookies(category)
        if cookie["status"] != CONFIRMED
    ]


def declared_cookies(category):
    """Every row of the category's declaration table, hidden ones included, each with its status."""
    return list(_cookies(category))


def _shown_cookies(category):
    return (cookie for cookie in _cookies(category) if cookie["status"] != HIDDEN)


def _cookies(category):
    # A ListBlock stores items as {"type": "item", "value": {...}}; older data stores bare dicts.
    for item in category.get("cookies") or []:
        cookie = item["value"] if "value" in item and "name" not in item else item
        # Rows saved before the status existed were presented as fact: confirmed.
        yield {**cookie, "status": cookie.get("status") or CONFIRMED}


def mixed_script_words(text):
    """The words of ``text`` (HTML allowed) that mix Latin and Cyrillic letters."""
    return MIXED_SCRIPT_WORD.findall(strip_tags(text or ""))


def texts(value):
    """Every string a body holds, for spelling checks."""

    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in ("id", "type"):
                    yield from walk(item)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    return list(walk([block["value"] for block in raw_stream(value)]))


def describe_changes(old, new, wording=True):
    """Short sentences that say how body ``new`` differs from ``old``, in the active language.

    With ``wording=False`` only what visitors consent to: categories, cookies, required flags.
    """
    before, after = categories(old), categories(new)
    lines = []
    for key, category in after.items():
        title = category.get("title") or key
        if key not in before:
            lines.append(_("%(category)s: category added") % {"category": title})
            continue
        previous = before[key]
        if bool(previous.get("required")) != bool(category.get("required")):
            if category.get("required"):
                lines.append(_("%(category)s: now strictly necessary") % {"category": title})
            else:
                lines.append(_("%(category)s: can now be refused") % {"category": title})
        old_cookies = {c.get("name"): c for c in _shown_cookies(previous)}
        new_cookies = {c.get("name"): c for c in _shown_cookies(category)}
        for name in sorted(new_cookies.keys() - old_cookies.keys()):
            lines.append(
                _("%(category)s: cookie %(cookie)s added") % {"category": title, "cookie": name}
            )
        for name in sorted(old_cookies.keys() - new_cookies.keys()):
            lines.append(
                _("%(category)s: cookie %(cookie)s removed") % {"category": title, "cookie": name}
            )
        for name in sorted(new_cookies.keys() & old_cookies.keys()) if wording else ():
            if new_cookies[name] != old_cookies[name]:
                lines.append(
                    _("%(category)s: cookie %(cookie)s updated")
                    % {"category": title, "cookie": name}
                )
        # Every text of the category: title, summary, purpose, lifetime and any field added later.
        # A field added since a revision was saved reads as empty there, as it does to visitors.
        described = (previous.keys() | category.keys()) - {"key", "required", "cookies"}
        if wording and any(
            (previous.get(field) or "") != (category.get(field) or "") for field in described
        ):
            lines.append(_("%(category)s: description updated") % {"category": title})
    for key in sorted(before.keys() - after.keys()):
        lines.append(
            _("%(category)s: category removed") % {"category": before[key].get("title") or key}
        )
    other_before = [b["value"] for b in raw_stream(old) if b["type"] != "category"]
    other_after = [b["value"] for b in raw_stream(new) if b["type"] != "category"]
    if wording and other_before != other_after:
        lines.append(_("Text updated"))
    return lines
