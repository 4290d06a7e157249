"""What a scan saw against what the policy declares: the comparison alone, with no browser."""

import pytest

from cookie_policy import durations, scan_compare
from cookie_policy.scan_compare import compare

YEAR = 366 * durations.DAY
CATEGORIES = [
    {
        "key": "necessary",
        "required": True,
        "cookies": [{"name": "csrftoken", "duration": "1 year", "party": "first"}],
    },
    {
        "key": "analytics",
        "required": False,
        "cookies": [
            {"name": "_ga", "duration": "2 years", "party": "first", "provider": "Google"},
            {"name": "_ga_<container-id>", "duration": "2 years", "party": "first"},
        ],
    },
    {
        "key": "advertising",
        "required": False,
        "cookies": [
            {"name": "ad_id", "duration": "1 year", "party": "first"},
            {"name": "IDE", "duration": "13 months", "party": "third"},
        ],
    },
]


def seen(name, state, *, lifetime=YEAR, party="first", storage="cookie", page="/en/"):
    return {
        "name": name,
        "storage": storage,
        "domain": "localhost",
        "lifetime": lifetime,
        "party": party,
        "state": state,
        "page": page,
        "page_id": 3,
    }


def kinds(findings, name):
    return {(f["kind"], f["state"]) for f in findings if f["name"] == name}


def test_a_cookie_gated_as_declared_gives_no_finding():
    """_ga seen only once analytics is granted (alone or with all) is as declared."""
    found = compare(
        [seen("_ga", "grant:analytics"), seen("_ga", "accept")],
        CATEGORIES,
    )
    assert kinds(found, "_ga") == set()


def test_set_before_a_choice_or_after_reject_all_is_a_violation():
    found = compare([seen("ad_id", "before"), seen("ad_id", "reject")], CATEGORIES)
    assert kinds(found, "ad_id") == {("before_choice", "before"), ("after_refusal", "reject")}
    assert {f["severity"] for f in found if f["name"] == "ad_id"} == {"violation"}


def test_a_required_category_or_a_kept_cookie_may_be_set_before_a_choice():
    found = compare(
        [seen("csrftoken", "before"), seen("cookie_consent", "reject")],
        CATEGORIES,
        kept={"cookie_consent"},
    )
    assert not [f for f in found if f["severity"] == "violation"]
    # The consent cookie is still named as undeclared in this policy.
    assert kinds(found, "cookie_consent") == {("undeclared", "reject")}


def test_undeclared_gets_a_suggestion_from_the_known_cookies():
    def known(name):
        return (
            {"category": "analytics", "provider": "Yandex Metrica"} if name == "_ym_uid" else None
        )

    found = compare([seen("_ym_uid", "accept")], CATEGORIES, known=known)
    (finding,) = [f for f in found if f["name"] == "_ym_uid"]
    assert finding["kind"] == "undeclared"
    assert finding["severity"] == "warning"
    assert (finding["suggested"], finding["provider"]) == ("analytics", "Yandex Metrica")
    assert finding["page"] == "/en/"


def test_an_unknown_undeclared_cookie_is_suggested_the_category_it_waited_for():
    found = compare([seen("widget", "grant:advertising"), seen("widget", "accept")], CATEGORIES)
    (finding,) = [f for f in found if f["name"] == "widget"]
    assert (finding["kind"], finding["suggested"]) == ("undeclared", "advertising")


def test_an_undeclared_cookie_set_before_a_choice_is_also_a_violation():
    found = compare([seen("tracker", "before", page="/en/about/")], CATEGORIES)
    assert kinds(found, "tracker") == {("undeclared", "before"), ("before_choice", "before")}
    assert {f["page"] for f in found if f["name"] == "tracker"} == {"/en/about/"}


def test_seen_only_after_granting_another_category_is_the_wrong_category():
    found = compare([seen("ad_id", "grant:analytics"), seen("ad_id", "accept")], CATEGORIES)
    (finding,) = [f for f in found if f["name"] == "ad_id"]
    assert finding["kind"] == "wrong_category"
    assert (finding["category"], finding["suggested"]) == ("advertising", "analytics")


def test_seen_after_its_own_grant_and_another_is_set_after_its_refusal():
    found = compare(
        [seen("ad_id", "grant:advertising"), seen("ad_id", "grant:analytics")], CATEGORIES
    )
    assert kinds(found, "ad_id") == {("after_refusal", "grant:analytics")}


def test_placeholder_names_match_their_family():
    found = compare([seen("_ga_ABC123", "grant:analytics")], CATEGORIES)
    assert kinds(found, "_ga_ABC123") == set()
    assert "_ga_<container-id>" not in {f["name"] for f in found}


def test_a_cookie_living_longer_than_declared_is_named():
    found = compare([seen("ad_id", "grant:advertising", lifetime=400 * durations.DAY)], CATEGORIES)
    (finding,) = [f for f in found if f["name"] == "ad_id"]
    assert finding["kind"] == "lifetime"
    assert finding["declared"] == "1 year"
    assert finding["lifetime"] == 400 * durations.DAY


def test_a_lifetime_within_a_day_of_the_declared_one_passes():
    found = compare(
        [seen("ad_id", "grant:advertising", lifetime=YEAR + durations.DAY // 2)], CATEGORIES
    )
    assert kinds(found, "ad_id") == set()


def test_the_wrong_party_is_named():
    found = compare([seen("IDE", "grant:advertising", party="first")], CATEGORIES)
    (finding,) = [f for f in found if f["name"] == "IDE"]
    assert (finding["kind"], finding["declared"], finding["party"]) == ("party", "third", "first")


def test_declared_but_never_seen_is_information():
    found = compare([seen("_ga", "accept")], CATEGORIES)
    not_seen = {f["name"] for f in found if f["kind"] == "not_seen"}
    assert not_seen == {"csrftoken", "_ga_<container-id>", "ad_id", "IDE"}
    assert {f["severity"] for f in found if f["kind"] == "not_seen"} == {"info"}


def test_findings_come_most_severe_first_and_are_counted():
    found = compare([seen("tracker", "before"), seen("_ga", "accept")], CATEGORIES)
    order = [scan_compare.SEVERITIES.index(f["severity"]) for f in found]
    assert order == sorted(order)
    assert scan_compare.counts(found) == {"violation": 1, "warning": 1, "info": 4}


def test_storage_keys_are_compared_as_cookies_are():
    found = compare([seen("tracker", "before", storage="local", lifetime=None)], CATEGORIES)
    assert {(f["kind"], f["storage"]) for f in found if f["name"] == "tracker"} == {
        ("undeclared", "local"),
        ("before_choice", "local"),
    }


def test_sightings_list_each_name_once_with_its_states_in_order():
    observations = [
        {**seen("_ga", "accept"), "language": "en"},
        {**seen("_ga", "grant:analytics"), "language": "en"},
        {**seen("_ga", "accept"), "language": "fr"},
    ]
    found = scan_compare.sightings(observations, ["analytics"])
    assert [(s["language"], s["name"], s["states"]) for s in found] == [
        ("en", "_ga", ["grant:analytics", "accept"]),
        ("fr", "_ga", ["accept"]),
    ]


@pytest.mark.parametrize(
    ("cookie_domain", "host", "party"),
    [
        ("localhost", "localhost", "first"),
        (".example.com", "www.example.com", "first"),
        ("www.example.com", "www.example.com", "first"),
        (".doubleclick.net", "www.example.com", "third"),
        ("ample.com", "www.example.com", "third"),
    ],
)
def test_party(cookie_domain, host, party):
    assert scan_compare.party(cookie_domain, host) == party


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2 years", 2 * YEAR),
        ("2 года", 2 * YEAR),
        ("5 лет", 5 * YEAR),
        ("2 гады", 2 * YEAR),
        ("90 days", 90 * durations.DAY),
        ("90 дней", 90 * durations.DAY),
        ("6 months (182 days)", 6 * 31 * durations.DAY),
        ("13 months in the EEA, the UK and Switzerland; 2 years elsewhere", 2 * YEAR),
        ("a year", YEAR),
        ("24 hours", durations.DAY),
        ("30 минут", 30 * 60),
        ("Until the browser is closed", 0),
        ("До закрытия браузера", 0),
        ("Session", 0),
        ("as long as needed", None),
        ("", None),
    ],
)
def test_declared_lifetimes(text, seconds):
    assert durations.parse(text) == seconds
