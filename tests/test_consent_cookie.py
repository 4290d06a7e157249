"""The consent cookie format: strict parsing, round trips, lifetimes."""

import string

from django.test import SimpleTestCase
from hypothesis import given
from hypothesis import strategies as st

from cookie_policy import consent

NOW = 1_764_000_000
KNOWN = ["necessary", "functional", "analytics", "advertising", "other"]
keys = st.sets(st.sampled_from(KNOWN))
ids = st.text(string.ascii_letters + string.digits + "-_", min_size=16, max_size=32)


def holds(value, **kwargs):
    options = {
        "version": 3,
        "known": KNOWN,
        "required": ["necessary"],
        "now": NOW,
        "accept_days": 182,
        "reject_days": 30,
    }
    options.update(kwargs)
    return consent.current([value], **options)


class ParseTests(SimpleTestCase):
    @given(st.text(max_size=400))
    def test_any_text_parses_or_is_refused_without_error(self, value):
        """Whatever arrives, the parser returns a Consent or None and never raises."""
        result = consent.parse(value)
        assert result is None or isinstance(result, consent.Consent)

    @given(st.integers(0, 10**9 - 1), keys, st.integers(0, 10**12 - 1), ids)
    def test_round_trip(self, version, granted, timestamp, consent_id):
        """What is written is read back the same, and stays under 200 bytes."""
        value = consent.Consent(version, frozenset(granted), timestamp, consent_id)
        text = value.serialize()
        assert len(text) < 200
        assert consent.parse(text) == value

    def test_rejects_malformed_values(self):
        """Wrong format, bad keys, duplicates, non-ASCII digits and oversize are refused."""
        for value in [
            "",
            "2:3:necessary:1764000000:abcdefghijklmnop",
            "1:3:necessary:1764000000",
            "1:x:necessary:1764000000:abcdefghijklmnop",
            "1:3:Necessary:1764000000:abcdefghijklmnop",
            "1:3:necessary+necessary:1764000000:abcdefghijklmnop",
            "1:٣:necessary:1764000000:abcdefghijklmnop",
            "1:3:necessary:1764000000:short",
            "1:3:necessary:1764000000:" + "a" * 200,
            "1:3:necessary:-5:abcdefghijklmnop",
        ]:
            with self.subTest(value=value):
                assert consent.parse(value) is None


class CurrentTests(SimpleTestCase):
    def cookie(self, granted=("necessary", "analytics"), version=3, age_days=1):
        return consent.Consent(
            version, frozenset(granted), NOW - age_days * consent.DAY, "abcdefghijklmnopqrstuv"
        ).serialize()

    def test_valid_decision_holds(self):
        assert holds(self.cookie()).granted == {"necessary", "analytics"}

    def test_older_version_is_stale(self):
        """A decision made for an earlier consent version no longer counts."""
        assert holds(self.cookie(version=2)) is None

    def test_unknown_category_is_refused(self):
        assert holds(self.cookie(granted=("necessary", "tracking"))) is None

    def test_missing_required_category_is_refused(self):
        assert holds(self.cookie(granted=("analytics",))) is None

    def test_acceptance_and_refusal_expire_apart(self):
        """Refusals last reject_days, acceptances accept_days."""
        assert holds(self.cookie(age_days=100)) is not None
        assert holds(self.cookie(age_days=183)) is None
        assert holds(self.cookie(granted=("necessary",), age_days=29)) is not None
        assert holds(self.cookie(granted=("necessary",), age_days=31)) is None

    def test_far_future_timestamp_is_refused(self):
        assert holds(self.cookie(age_days=-30)) is None


class CookiePlacesTests(SimpleTestCase):
    def test_host_only_or_any_parent_domain_on_any_path_above(self):
        places = consent.cookie_places("www.softpro.test", "/en/cookie-consent/")
        assert ("", "/") in places
        assert ("", "/en/") in places
        assert ("softpro.test", "/") in places
        assert ("www.softpro.test", "/en/cookie-consent/") in places
        assert ("", "/ru/") not in places

    @given(
        st.lists(st.text("abc-", min_size=1, max_size=5), min_size=1, max_size=4).map(".".join),
        st.lists(st.text("ab.-/", max_size=5), max_size=4).map(lambda parts: "/" + "/".join(parts)),
    )
    def test_every_place_is_on_a_path_above_on_this_host_or_a_parent(self, host, path):
        places = consent.cookie_places(host, path)
        assert len(set(places)) == len(places)
        for domain, place in places:
            assert path.startswith(place)
            assert domain in ("", host) or host.endswith(f".{domain}")
