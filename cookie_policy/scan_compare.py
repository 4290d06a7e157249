"""What a scan saw against what the policy declares, in one language. No Django in it.

A scan visits each page in fresh browser contexts, one per *state*: ``before`` (no choice yet),
``reject`` (after "reject all"), ``grant:<key>`` (after granting one refusable category alone)
and ``accept`` (after "accept all"). Each thing it saw there is an *observation*, a dict::

    {"name", "storage" ("cookie", "local" or "session"), "domain", "path", "lifetime"
     (seconds; 0 for a session cookie), "http_only", "secure", "same_site", "party"
     ("first" or "third"), "state", "page" (its address), "page_id" (or None)}

``compare`` turns the observations of one language and that language's declared categories
(``{"key", "required", "cookies": [{"name", "provider", "duration", "party"}]}``, the live
policy's) into findings, each a dict with ``kind`` and ``severity`` and where it was seen.
"""

from . import consent, durations

VIOLATION, WARNING, INFO = "violation", "warning", "info"
SEVERITIES = (VIOLATION, WARNING, INFO)
BEFORE, REJECT, ACCEPT, GRANT = "before", "reject", "accept", "grant:"
# The kinds of finding, each with its severity.
BEFORE_CHOICE = "before_choice"  # set before the visitor chose anything
AFTER_REFUSAL = "after_refusal"  # set after its category was refused
UNDECLARED = "undeclared"  # seen, declared in no category
WRONG_CATEGORY = "wrong_category"  # seen only after granting another category
LIFETIME = "lifetime"  # lives longer than its declaration says
PARTY = "party"  # set by the other party than the one declared
NOT_SEEN = "not_seen"  # declared, never seen in this scan
SEVERITY = {
    BEFORE_CHOICE: VIOLATION,
    AFTER_REFUSAL: VIOLATION,
    UNDECLARED: WARNING,
    WRONG_CATEGORY: WARNING,
    LIFETIME: WARNING,
    PARTY: WARNING,
    NOT_SEEN: INFO,
}
# A day's grace: a browser counts a cookie's Max-Age from when it was set, a declaration in
# whole days, months or years.
LIFETIME_GRACE = durations.DAY


def states(refusable):
    """Every state a page is visited in, in report order."""
    return [BEFORE, REJECT, *(GRANT + key for key in refusable), ACCEPT]


def state_order(state, refusable):
    order = states(refusable)
    return order.index(state) if state in order else len(order)


def declared_patterns(categories):
    """``(pattern, category, cookie)`` for every declared row, exact names before families."""
    rows = [
        (consent.cookie_pattern(cookie.get("name", "")), category, cookie)
        for category in categories
        for cookie in category.get("cookies", [])
        if cookie.get("name")
    ]
    return sorted(rows, key=lambda row: row[0].endswith("*"))


def declaration(name, patterns):
    """The ``(category, cookie)`` that declares ``name``, or ``(None, None)``."""
    for pattern, category, cookie in patterns:
        if consent.matches(name, pattern):
            return category, cookie
    return None, None


def compare(observations, categories, *, kept=(), known=None, refusable=None):
    """Findings for one language, most severe first.

    ``kept`` names the cookies the consent mechanism itself needs (never a violation);
    ``known(name)`` suggests ``{"category", "provider"}`` for an undeclared one, or None.
    """
    patterns = declared_patterns(categories)
    if refusable is None:
        refusable = [c["key"] for c in categories if not c.get("required")]
    seen = {}
    # Deterministic "first seen": in state order, then by address.
    for obs in sorted(observations, key=lambda o: (state_order(o["state"], refusable), o["page"])):
        seen.setdefault((obs["storage"], obs["name"]), []).append(obs)
    findings = []
    for (storage, name), sightings in seen.items():
        findings += _item_findings(name, storage, sightings, patterns, kept, known, refusable)
    for pattern, category, cookie in patterns:
        if not any(consent.matches(name, pattern) for _storage, name in seen):
            findings.append(
                finding(NOT_SEEN, cookie["name"], category=category["key"], storage="cookie")
            )
    return sorted(findings, key=lambda f: (SEVERITIES.index(f["severity"]), f["name"]))


def _item_findings(name, storage, sightings, patterns, kept, known, refusable):
    category, cookie = declaration(name, patterns)
    first = {}
    for obs in sightings:
        first.setdefault(obs["state"], obs)
    key = category["key"] if category else ""
    found = []

    def add(kind, obs, **extra):
        found.append(
            finding(
                kind,
                name,
                storage=storage,
                category=key,
                **seen_at(obs),
                **extra,
            )
        )

    granted = [key_ for key_ in refusable if GRANT + key_ in first]
    if category is None:
        suggestion = (known(name) if known else None) or {}
        if not suggestion and granted and BEFORE not in first and REJECT not in first:
            # Unknown, but it waited for one category: that one.
            suggestion = {"category": granted[0]}
        add(
            UNDECLARED,
            sightings[0],
            suggested=suggestion.get("category", ""),
            provider=suggestion.get("provider", ""),
            party=sightings[0].get("party", ""),
            lifetime=max(o.get("lifetime") or 0 for o in sightings),
        )
    gated = name not in kept and not (category and category.get("required"))
    if gated:
        for state, kind in ((BEFORE, BEFORE_CHOICE), (REJECT, AFTER_REFUSAL)):
            if state in first:
                add(kind, first[state])
        if category is not None and BEFORE not in first and REJECT not in first and granted:
            if key in granted:
                for other in granted:
                    if other != key:
                        add(AFTER_REFUSAL, first[GRANT + other])
            else:
                add(WRONG_CATEGORY, first[GRANT + granted[0]], suggested=granted[0])
    if cookie is not None and storage == "cookie":
        found += _declaration_findings(name, cookie, key, sightings)
    return found


def _declaration_findings(name, cookie, key, sightings):
    found = []
    declared = durations.parse(cookie.get("duration", ""))
    longest = max(sightings, key=lambda o: o.get("lifetime") or 0)
    real = longest.get("lifetime") or 0
    if declared is not None and real > declared + LIFETIME_GRACE:
        found.append(
            finding(
                LIFETIME,
                name,
                category=key,
                **seen_at(longest),
                declared=cookie.get("duration", ""),
                lifetime=real,
            )
        )
    parties = {o.get("party") for o in sightings} - {None, ""}
    declared_party = cookie.get("party") or "first"
    wrong = sorted(parties - {declared_party})
    if wrong:
        obs = next(o for o in sightings if o.get("party") == wrong[0])
        found.append(
            finding(
                PARTY,
                name,
                category=key,
                **seen_at(obs),
                declared=declared_party,
                party=wrong[0],
            )
        )
    return found


def seen_at(obs):
    """Where a sighting was made, as a finding names it."""
    return {
        "state": obs["state"],
        "page": obs["page"],
        "page_id": obs.get("page_id"),
        "domain": obs.get("domain", ""),
    }


def finding(kind, name, **fields):
    """A finding of ``kind`` about cookie or storage key ``name``."""
    base = {
        "kind": kind,
        "severity": SEVERITY[kind],
        "name": name,
        "storage": "cookie",
        "category": "",
        "state": "",
        "page": "",
        "page_id": None,
        "domain": "",
        "suggested": "",
        "provider": "",
        "declared": "",
        "party": "",
        "lifetime": None,
    }
    base.update(fields)
    return base


def party(cookie_domain, host):
    """``first`` when a cookie on ``cookie_domain`` belongs to the site at ``host``."""
    domain = (cookie_domain or "").lstrip(".").lower()
    host = (host or "").lower()
    return "first" if host == domain or host.endswith("." + domain) else "third"


def sightings(observations, refusable):
    """What was seen, once per language and name: the states it was seen in (in report order),
    where it first appeared, and its attributes there."""
    found = {}
    ordered = sorted(observations, key=lambda o: (state_order(o["state"], refusable), o["page"]))
    for obs in ordered:
        key = (obs.get("language", ""), obs["storage"], obs["name"])
        item = found.setdefault(key, {**obs, "states": []})
        if obs["state"] not in item["states"]:
            item["states"].append(obs["state"])
    for item in found.values():
        item.pop("state", None)
    return sorted(found.values(), key=lambda i: (i.get("language", ""), i["storage"], i["name"]))


def counts(findings):
    """Findings per severity: ``{"violation": 2, "warning": 1, "info": 0}``."""
    return {severity: sum(f["severity"] == severity for f in findings) for severity in SEVERITIES}
