"""The consent cookie format, with no Django in it.

A value is five fields joined by ``:``::

    1:<consent version>:<granted category keys joined by +>:<unix time>:<consent id>

for example ``1:3:necessary+analytics:1764100000:Q2hlY2sgdGhlIGZvcm1hdA``. The banner script and
the consent endpoint both write it; the server reads it strictly and treats anything else as
"no decision yet".
"""

import re
import secrets
from dataclasses import dataclass

FORMAT = "1"
MAX_LENGTH = 200
KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
CONSENT_ID = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
DAY = 86400


@dataclass(frozen=True)
class Consent:
    version: int
    granted: frozenset
    timestamp: int
    consent_id: str

    def serialize(self):
        keys = "+".join(sorted(self.granted))
        return f"{FORMAT}:{self.version}:{keys}:{self.timestamp}:{self.consent_id}"


def new_consent_id():
    return secrets.token_urlsafe(16)


def lifetime_days(granted, required, accept_days, reject_days):
    """Days a decision lasts: refusals ``reject_days``, anything granting more ``accept_days``."""
    return accept_days if set(granted) - set(required) else reject_days


def parse(value):
    """The Consent in a cookie value, or None when it is malformed in any way."""
    if not isinstance(value, str) or len(value) > MAX_LENGTH:
        return None
    parts = value.split(":")
    if len(parts) != 5 or parts[0] != FORMAT:
        return None
    _format, version, keys, timestamp, consent_id = parts
    if not (version.isascii() and version.isdigit() and len(version) <= 9):
        return None
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return None
    granted = keys.split("+") if keys else []
    if len(set(granted)) != len(granted) or not all(KEY.match(key) for key in granted):
        return None
    if not CONSENT_ID.match(consent_id):
        return None
    return Consent(int(version), frozenset(granted), int(timestamp), consent_id)


def current(value, *, version, known, required, now, accept_days, reject_days):
    """The visitor's decision if it still holds, else None.

    It holds when it was made for the current consent ``version``, names only ``known``
    categories, includes every ``required`` one, and is younger than its lifetime: refusals
    last ``reject_days``, anything granting a refusable category ``accept_days``.
    """
    consent = parse(value)
    if consent is None or consent.version != version:
        return None
    if not consent.granted <= set(known) or not set(required) <= consent.granted:
        return None
    days = lifetime_days(consent.granted, required, accept_days, reject_days)
    # A day of grace for browsers whose clock runs ahead of the server's.
    if not -DAY <= now - consent.timestamp < days * DAY:
        return None
    return consent
