"""Stable anchors for a policy's headings and the table of contents they make.

A heading's anchor is its text as a slug (Cyrillic and other scripts kept), so a link such as
"see Managing cookies below" survives any edit that keeps the heading's wording; a repeated
heading gets -2, -3. Categories keep their own ``cookies-<key>`` anchors.
"""

from django.utils.text import slugify
from django.utils.translation import gettext as _

RESERVED = {"version-history", "contents", "operator", "operator-title"}


def sections(body, history=False):
    """``(blocks, contents)`` for a policy body: each block with its anchor (None for blocks
    that are not headings), and the table of contents as ``{"anchor", "title", "children"}``
    entries, headings with the categories that follow each. ``history`` adds the version
    history's entry."""
    taken = set(RESERVED) | {
        f"cookies-{block.value['key']}" for block in body if block.block_type == "category"
    }
    blocks, contents = [], []
    for block in body:
        anchor = None
        if block.block_type == "heading":
            anchor = unique(slugify(str(block.value), allow_unicode=True) or "section", taken)
            contents.append({"anchor": anchor, "title": block.value, "children": []})
        elif block.block_type == "category":
            entry = {"anchor": f"cookies-{block.value['key']}", "title": block.value["title"]}
            if contents:
                contents[-1]["children"].append({**entry, "children": []})
            else:
                contents.append({**entry, "children": []})
        blocks.append((block, anchor))
    if history:
        contents.append(
            {"anchor": "version-history", "title": _("Version history"), "children": []}
        )
    return blocks, contents


def unique(anchor, taken):
    candidate, number = anchor, 1
    while candidate in taken:
        number += 1
        candidate = f"{anchor}-{number}"
    taken.add(candidate)
    return candidate
