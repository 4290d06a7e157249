"""The server side of tests/consent_vectors.json; tests/browser/test_consent_vectors.py runs the
same table against banner.js in Chromium."""

import time

import pytest

from cookie_policy import consent
from tests.vectors import ACCEPT_DAYS, REJECT_DAYS, VECTORS, cookie_value

KEYS = ["necessary", "functional", "analytics", "advertising", "other"]
REQUIRED = ["necessary"]
VERSION = 3
KEEP = {"cookie_consent", "sessionid", "csrftoken"}


@pytest.mark.parametrize("vector", VECTORS["cookies"], ids=lambda v: v["why"])
def test_cookie_validity(vector):
    """The server reads the raw Cookie header as the script reads document.cookie."""
    now = int(time.time())
    header = f"sessionid=abc; cookie_consent={cookie_value(vector, now, VERSION)}; lang=en"
    decision = consent.current(
        consent.cookie_values(header, "cookie_consent"),
        version=VERSION,
        known=KEYS,
        required=REQUIRED,
        now=now,
        accept_days=ACCEPT_DAYS,
        reject_days=REJECT_DAYS,
    )
    assert (decision is not None) is vector["valid"]


def test_two_cookies_that_disagree_are_no_decision():
    """A second consent cookie on a narrower path or a parent domain: no decision."""
    now = int(time.time())
    accepted = f"1:{VERSION}:analytics+necessary:{now}:AAAAAAAAAAAAAAAAAAAAAA"
    refused = f"1:{VERSION}:necessary:{now}:AAAAAAAAAAAAAAAAAAAAAA"
    options = {
        "version": VERSION,
        "known": KEYS,
        "required": REQUIRED,
        "now": now,
        "accept_days": ACCEPT_DAYS,
        "reject_days": REJECT_DAYS,
    }
    assert consent.current([accepted, refused], **options) is None
    assert consent.current([accepted, accepted], **options).granted == {"analytics", "necessary"}
    assert consent.current([], **options) is None


@pytest.mark.parametrize("vector", VECTORS["lifetimes"], ids=lambda v: v["why"])
def test_lifetime(vector):
    days = consent.lifetime_days(vector["granted"], REQUIRED, ACCEPT_DAYS, REJECT_DAYS)
    assert days == {"accept": ACCEPT_DAYS, "reject": REJECT_DAYS}[vector["lifetime"]]


@pytest.mark.parametrize("vector", VECTORS["methods"], ids=lambda v: v["why"])
def test_method(vector):
    granted, method = consent.decide(
        vector["choice"],
        vector["wanted"],
        vector["previous"],
        gpc=vector["gpc"],
        keys=KEYS,
        required=REQUIRED,
        gpc_categories=["advertising"],
    )
    assert (sorted(granted), method) == (sorted(vector["granted"]), vector["method"])


@pytest.mark.parametrize("vector", VECTORS["names"], ids=lambda v: v["why"])
def test_refusal_deletes(vector):
    pattern = consent.cookie_pattern(vector["declared"])
    assert consent.deletable(vector["cookie"], [pattern], KEEP) is vector["deleted"]


@pytest.mark.parametrize("vector", VECTORS["domains"], ids=lambda v: v["why"])
def test_cookie_domain(vector):
    """The consent cookie is shared on the site's cookie domain only where it covers the host."""
    assert consent.cookie_domain(vector["host"], vector["domain"]) == vector["used"]
