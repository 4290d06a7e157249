# Django's Russian dates with the non-breaking spaces Russian typography asks for: the day stays
# with its month and the year with "г." ("26 ноября 2026 г."). Other formats are Django's.
DATE_FORMAT = "j\u00a0E Y\u00a0г."
DATETIME_FORMAT = "j\u00a0E Y\u00a0г. G:i"
