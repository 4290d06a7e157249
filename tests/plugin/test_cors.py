"""Consent from frontends on other origins (COOKIE_POLICY_ALLOWED_ORIGINS): a listed origin's
posts are recorded and readable with credentials, its preflight is answered; any other origin is
refused as before, and the setting is checked at start."""

from urllib.parse import urlencode

import pytest
from django.core import checks

from cookie_policy.models import ConsentRecord
from tests.plugin.utils import codes

pytestmark = pytest.mark.django_db
FRONTEND = "https://www.example.com"
OTHER = "https://evil.example.net"
FORM = "application/x-www-form-urlencoded"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def listed(settings):
    settings.COOKIE_POLICY_ALLOWED_ORIGINS = [FRONTEND]


def post(client, data, origin, code=None, fetch_site="cross-site", **headers):
    """POST as a page on ``origin`` does with fetch()."""
    return client.post(
        f"/{code or codes()[0]}/cookie-consent/",
        urlencode(data, doseq=True),
        content_type=FORM,
        HTTP_ORIGIN=origin,
        HTTP_SEC_FETCH_SITE=fetch_site,
        **{**JSON, **headers},
    )


def preflight(client, origin, method="POST"):
    return client.options(
        f"/{codes()[0]}/cookie-consent/",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )


@pytest.mark.parametrize("code", codes())
def test_a_listed_origin_is_recorded_and_may_read_the_answer(policy, client, code):
    """As from the site's own pages: validated, recorded in the URL's language, the cookie set."""
    data = {"choice": "custom", "granted": ["analytics"], "consent_id": "A" * 22}
    response = post(client, {**data, "method": "custom", "version": "1"}, FRONTEND, code)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert "Origin" in response["Vary"]
    record = ConsentRecord.objects.get()
    assert (record.consent_id, record.language, record.granted, record.method) == (
        "A" * 22,
        code,
        ["necessary", "analytics"],
        "custom",
    )
    assert record.policy_revision_id == policy.live_revision_id
    assert response.json()["consentId"] == "A" * 22
    assert "cookie_consent" in response.cookies


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site", None])
def test_an_unlisted_origin_is_refused(policy, client, fetch_site):
    """Another site's page, a subdomain not listed, a browser without Sec-Fetch-Site: 403, no
    CORS header, nothing recorded."""
    headers = {"HTTP_SEC_FETCH_SITE": fetch_site} if fetch_site else {}
    response = client.post(
        f"/{codes()[0]}/cookie-consent/",
        urlencode({"choice": "all"}),
        content_type=FORM,
        HTTP_ORIGIN=OTHER,
        **{**JSON, **headers},
    )
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert ConsentRecord.objects.count() == 0


def test_a_listed_origin_meets_the_same_validation(policy, client):
    """Bad input is refused with its reason, which the frontend can read."""
    response = post(client, {"choice": "maybe"}, FRONTEND)
    assert response.status_code == 400
    assert response.json()["error"]
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    too_big = post(client, {"choice": "all", "x": "y" * 3000}, FRONTEND)
    assert too_big.status_code == 413
    assert ConsentRecord.objects.count() == 0


def test_a_listed_origin_meets_the_same_rate_limit(policy, client, settings):
    settings.COOKIE_POLICY_RATE_LIMIT_PER_MINUTE = 2
    statuses = [post(client, {"choice": "none"}, FRONTEND).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert ConsentRecord.objects.count() == 2


def test_the_preflight_of_a_listed_origin_is_answered(policy, client):
    response = preflight(client, FRONTEND)
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert response["Access-Control-Allow-Methods"] == "POST"
    assert "Content-Type" in response["Access-Control-Allow-Headers"]
    assert ConsentRecord.objects.count() == 0


@pytest.mark.parametrize("origin, method", [(OTHER, "POST"), (FRONTEND, "DELETE")])
def test_any_other_preflight_gets_no_cors_headers(policy, client, origin, method):
    """An unlisted origin, or another method: the endpoint's 405, nothing to allow anything."""
    response = preflight(client, origin, method)
    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response


def test_the_settings_page_is_not_shared_with_other_origins(policy, client):
    """Only posts are: a visitor's decision on the settings page stays with the site."""
    response = client.get(f"/{codes()[0]}/cookie-consent/", HTTP_ORIGIN=FRONTEND)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_without_listed_origins_nothing_changes(policy, client, settings):
    settings.COOKIE_POLICY_ALLOWED_ORIGINS = []
    response = post(client, {"choice": "all"}, FRONTEND)
    assert response.status_code == 403
    assert "Vary" not in response or "Origin" not in response["Vary"]
    assert preflight(client, FRONTEND).status_code == 405


def test_a_string_instead_of_a_list_lists_nothing(policy, client, settings):
    """Not even the origins it contains as a part: "https://www.example.co" is in the string."""
    settings.COOKIE_POLICY_ALLOWED_ORIGINS = FRONTEND
    assert post(client, {"choice": "all"}, FRONTEND[:-1]).status_code == 403
    assert post(client, {"choice": "all"}, FRONTEND).status_code == 403


def origin_errors():
    return [e for e in checks.run_checks() if e.id == "cookie_policy.E011"]


@pytest.mark.parametrize(
    "value",
    [
        "https://www.example.com",  # a string, not a list
        ["*"],
        ["https://www.example.com/"],
        ["https://www.example.com/app"],
        ["www.example.com"],
        ["HTTPS://WWW.EXAMPLE.COM"],
        ["https://www.example.com:port"],
        [None],
    ],
)
def test_a_malformed_origin_fails_the_checks_with_a_hint(settings, value):
    settings.COOKIE_POLICY_ALLOWED_ORIGINS = value
    [error] = origin_errors()
    assert "COOKIE_POLICY_ALLOWED_ORIGINS" in error.hint
    assert "scheme and host" in error.hint


def test_origins_as_browsers_send_them_pass_the_checks(settings):
    settings.COOKIE_POLICY_ALLOWED_ORIGINS = [
        "https://www.example.com",
        "http://localhost:3000",
        "http://127.0.0.1:8080",
        "http://[::1]:3000",
    ]
    assert origin_errors() == []
