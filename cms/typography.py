"""Russian typography for the demo's content: a number keeps its unit on its line ("2 года",
"13 месяцев") and a dash keeps the word before it ("далее — «SOFTPRO»"), as a Russian editor
sets them, with a non-breaking space. Plain text and HTML alike: neither pattern occurs in a tag.
"""

import re

NBSP = "\u00a0"
# A number, a space, then a Cyrillic word: its unit or counted noun.
NUMBER_AND_WORD = re.compile(r"(?<=\d) (?=[а-яё])")
# The space before an em dash that stands between words.
BEFORE_DASH = re.compile(r" (?=— )")


def russian(text):
    """``text`` with the non-breaking spaces Russian typography asks for."""
    return BEFORE_DASH.sub(NBSP, NUMBER_AND_WORD.sub(NBSP, text))
