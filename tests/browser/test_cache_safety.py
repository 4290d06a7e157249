"""Every visitor of a language gets the same bytes, so a CDN may cache the pages."""

import time

import pytest

CONSENT_ID = "Q2hlY2sgdGhlIGZvcm1hdA"


def consent_cookie(granted):
    return f"cookie_consent=1:1:{'+'.join(sorted(granted))}:{int(time.time())}:{CONSENT_ID}"


@pytest.fixture
def http(playwright, site_url):
    """Playwright's request context: plain HTTP requests with exactly the headers we send."""
    request = playwright.request.new_context(base_url=site_url)
    yield request
    request.dispose()


@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/cookie-policy/"])
def test_same_bytes_with_and_without_consent(http, lang, path):
    """No, an accepting or a refusing consent cookie: identical bytes, no Vary on Cookie."""
    url = path.format(lang=lang)
    # The server understands the cookie: the settings page shows its consent ID.
    settings = http.get(
        f"/{lang}/cookie-consent/", headers={"Cookie": consent_cookie(["necessary", "analytics"])}
    )
    assert CONSENT_ID in settings.text()

    responses = [
        http.get(url),
        http.get(url, headers={"Cookie": consent_cookie(["necessary", "analytics", "other"])}),
        http.get(url, headers={"Cookie": consent_cookie(["necessary"])}),
    ]
    assert [r.status for r in responses] == [200, 200, 200]
    bodies = {r.body() for r in responses}
    assert len(bodies) == 1
    for response in responses:
        assert "cookie" not in response.headers.get("vary", "").lower(), response.headers
        assert "set-cookie" not in response.headers
