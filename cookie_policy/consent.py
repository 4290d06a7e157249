"""The consent rules, with no Django in it: the cookie format, its validity, a decision's method
and which cookies a refusal deletes.

A cookie value is five fields joined by ``:``::

    1:<consent version>:<granted category keys joined by +>:<unix time>:<consent id>

for example ``1:3:necessary+analytics:1764100000:Q2hlY2sgdGhlIGZvcm1hdA``. The banner script and
the consent endpoint both write it; both read it by the same pattern, which the script receives
in its JSON config, and treat anything else as "no decision yet". tests/consent_vectors.json
holds the cases both sides must agree on.
"""

import re
import secrets
from dataclasses import dataclass

FORMAT = "1"
MAX_LENGTH = 200
# Written for Python and JavaScript alike: [0-9] (Python's \d matches any script's digits),
# no anchors (Python uses fullmatch, the script wraps it in ^(?:…)$).
KEY_PATTERN = "[a-z][a-z0-9_]{0,31}"
ID_PATTERN = "[A-Za-z0-9_-]{16,32}"
KEYS_PATTERN = rf"(?:{KEY_PATTERN}(?:\+{KEY_PATTERN})*)?"
COOKIE_PATTERN = rf"{FORMAT}:([0-9]{{1,9}}):({KEYS_PATTERN}):([0-9]{{1,12}}):({ID_PATTERN})"
KEY = re.compile(KEY_PATTERN)
CONSENT_ID = re.compile(ID_PATTERN)
COOKIE = re.compile(COOKIE_PATTERN)
# "_ga_<container-id>" declares a family of cookies, as "_ga_*" does.
PLACEHOLDER = re.compile(r"<[^>]*>.*\Z", re.DOTALL)
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
    match = COOKIE.fullmatch(value)
    if match is None:
        return None
    version, keys, timestamp, consent_id = match.groups()
    granted = keys.split("+") if keys else []
    if len(set(granted)) != len(granted):
        return None
    return Consent(int(version), frozenset(granted), int(timestamp), consent_id)


def cookie_values(header, name):
    """Every raw value the ``Cookie`` header holds for ``name``, unquoted by nobody.

    A browser sends one value per path and domain it was set on, so there may be several;
    the script sees the same list in ``document.cookie``.
    """
    values = []
    for pair in (header or "").split(";"):
        key, sep, value = pair.strip(" ").partition("=")
        if sep and key == name:
            values.append(value)
    return values


def cookie_places(host, path):
    """Every (domain, path) a copy of a cookie sent to ``host`` and ``path`` may have been set
    on: host-only (domain ``""``) or with this host or a parent as its Domain, on ``path`` or a
    path above it. Deleting it from each place leaves no copy; the banner script does the same.
    """
    labels = host.split(".")
    domains = ["", *(".".join(labels[i:]) for i in range(len(labels)))]
    paths = ["/"]
    for i, char in enumerate(path):
        if char == "/" and i:
            paths += [path[:i], path[: i + 1]]
    paths.append(path)
    return [(domain, place) for domain in domains for place in dict.fromkeys(paths)]


# A domain name as a cookie's Domain takes it: ASCII labels (an IDN in its xn-- form), at least
# two of them, since browsers refuse a Domain that is a bare top-level domain such as "by".
DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?")


def normal_domain(value):
    """``value`` as a cookie domain is written: lowercase, without a leading or trailing dot."""
    return (value or "").strip().lower().strip(".")


def cookie_domain(host, configured):
    """The Domain the consent cookie gets on ``host``: the ``configured`` shared domain when it is
    the host or a parent of it, else ``""`` (host-only). A site served under another name too
    (localhost, say) keeps its cookie there host-only, as a browser would refuse the Domain.
    The banner script applies the same test: ``("." + host).endsWith("." + domain)``.
    """
    return configured if configured and f".{host}".endswith(f".{configured}") else ""


def current(values, *, version, known, required, now, accept_days, reject_days):
    """The visitor's decision if it still holds, else None.

    ``values`` are the cookie's raw values: several that disagree count as no decision. A
    decision holds when it was made for the current consent ``version``, names only ``known``
    categories, includes every ``required`` one, and is younger than its lifetime: refusals
    last ``reject_days``, anything granting a refusable category ``accept_days``.
    """
    if len(set(values)) != 1:
        return None
    consent = parse(values[0])
    if consent is None or consent.version != version:
        return None
    if not consent.granted <= set(known) or not set(required) <= consent.granted:
        return None
    days = lifetime_days(consent.granted, required, accept_days, reject_days)
    # A day of grace for browsers whose clock runs ahead of the server's.
    if not -DAY <= now - consent.timestamp < days * DAY:
        return None
    return consent


def decide(choice, wanted, previous, *, gpc, keys, required, gpc_categories, claimed=""):
    """The categories a decision grants, in policy order, and its method.

    ``choice`` is all, none or custom; ``wanted`` the refusable keys a custom choice ticks;
    ``previous`` the keys granted by the decision still held, if any. Giving up a category that
    was granted is a withdrawal; a GPC signal keeps its categories off under "accept all".
    The script writes the new cookie before its post arrives, so it may ``claim`` a withdrawal
    the server can no longer see; a visitor can only mislabel their own record that way.
    """
    required = set(required)
    if choice == "all":
        refused = set(gpc_categories) - required if gpc else set()
        granted = set(keys) - refused
        method = "gpc" if refused & set(keys) else "accept_all"
    else:
        granted = required | (set(wanted) & set(keys) if choice == "custom" else set())
        if claimed == "withdrawal" or (previous is not None and set(previous) - granted):
            method = "withdrawal"
        else:
            method = "reject_all" if choice == "none" else "custom"
    return [key for key in keys if key in granted], method


def cookie_pattern(declared):
    """The name or ``prefix*`` family a declared cookie name stands for."""
    return PLACEHOLDER.sub("*", declared)


def deletable(name, patterns, keep):
    """Whether a refusal of the categories declaring ``patterns`` deletes cookie ``name``.

    The ``keep`` cookies (consent, session, CSRF) never are, whatever a declaration says.
    """
    if name in keep:
        return False
    return any(matches(name, pattern) for pattern in patterns)


def matches(name, pattern):
    """Whether cookie ``name`` is the one ``pattern`` (a name or ``prefix*`` family) stands for."""
    return name.startswith(pattern[:-1]) if pattern.endswith("*") else name == pattern
