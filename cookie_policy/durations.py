"""How long a declared lifetime lasts: "2 years", «2 года», "Until the browser is closed".

Editors write durations as prose, in every language of the site. This reads the numbers and
units it knows (English, Russian, Belarusian) and takes the longest one a text names, since a
declaration such as "13 months in the EEA; 2 years elsewhere" promises no more than its longest.
No Django in it, so it is tested as a pure function.
"""

import re

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
# Calendar averages: a declaration of "1 year" covers a cookie set for 365 or 366 days.
UNITS = [
    (r"years?|yrs?|год[аы]?|лет|гадо[ўу]|гады", 366 * DAY),
    (r"months?|месяц(?:а|ев)?|месяц[ыа]ў|месяцы", 31 * DAY),
    (r"weeks?|недел[ьияюе]+|тыдн[яяўі]*|тыдзень", 7 * DAY),
    (r"days?|дн(?:я|ей|ів|i)|день|дзён|дзень|дні", DAY),
    (r"hours?|hrs?|час(?:а|ов)?|гадзін[ыаў]*|гадзіна", HOUR),
    (r"minutes?|mins?|минут[аы]?|хвілін[ыаў]*|хвіліна", MINUTE),
    (r"seconds?|secs?|секунд[аы]?|секунд", 1),
]
NUMBER = r"(\d+(?:[.,]\d+)?)"
AMOUNT = re.compile(
    NUMBER + r"[\s\u00a0\u202f-]*(" + "|".join(f"(?:{unit})" for unit, _ in UNITS) + r")\b",
    re.IGNORECASE,
)
# "a year", «один год»: a unit without a number counts once.
LONE_UNIT = re.compile(
    r"\b(?:an?|one|один|одна|адзін|адна)\s+("
    + "|".join(f"(?:{unit})" for unit, _ in UNITS)
    + r")\b",
    re.IGNORECASE,
)
# A cookie that lasts as long as the browser session.
SESSION = re.compile(
    r"session|browser (?:is )?closed|close (?:your |the )?browser|сеанс|сесси|закрыти[яе] браузера"
    r"|закрыцц?[яі] браўзера|сесі",
    re.IGNORECASE,
)


def _unit_seconds(word):
    for unit, seconds in UNITS:
        if re.fullmatch(unit, word, re.IGNORECASE):
            return seconds
    return None


def parse(text):
    """Seconds the longest lifetime ``text`` names; 0 for a session cookie; None if unknown."""
    text = text or ""
    longest = None
    for number, unit in AMOUNT.findall(text):
        seconds = float(number.replace(",", ".")) * _unit_seconds(unit)
        longest = seconds if longest is None else max(longest, seconds)
    for unit in LONE_UNIT.findall(text):
        seconds = _unit_seconds(unit)
        longest = seconds if longest is None else max(longest, seconds)
    if longest is not None:
        return int(longest)
    if SESSION.search(text):
        return 0
    return None


def describe(seconds):
    """A short English-neutral form of a real lifetime for reports: ``730d``, ``5h``, session."""
    if seconds is None or seconds <= 0:
        return "session"
    if seconds >= DAY:
        return f"{round(seconds / DAY)}d"
    if seconds >= HOUR:
        return f"{round(seconds / HOUR)}h"
    return f"{max(1, round(seconds / MINUTE))}min"
