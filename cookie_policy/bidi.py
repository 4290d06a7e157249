"""Bidirectional control characters: invisible, yet they change the order text is shown in.

U+202E (right-to-left override) makes ``_ga`` read ``ag_``; the others embed, isolate or mark a
direction. Unicode's Bidi_Control property lists all twelve.
"""

# The nine that reorder a run of text: embeddings, overrides and isolates.
REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# The three marks only set the direction of the punctuation next to them; right-to-left
# languages need them in ordinary text.
MARKS = frozenset("\u200e\u200f\u061c")
CONTROLS = REORDERING | MARKS


def code(char):
    """How a character is named to an editor: ``U+202E``."""
    return f"U+{ord(char):04X}"


def found(text, controls=CONTROLS):
    """The ``controls`` in ``text``, named as ``U+202E``, each once, in order of appearance."""
    return list(dict.fromkeys(code(char) for char in text or "" if char in controls))


def visible(text):
    """``text`` with each control written out as ``[U+202E]``, so it reorders nothing."""
    return "".join(f"[{code(char)}]" if char in CONTROLS else char for char in text or "")
