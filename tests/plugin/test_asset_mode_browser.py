"""Both asset modes in Chromium under the demo's strict Content-Security-Policy: the banner runs,
the choice is kept, and the browser reports no violation."""

import re

import pytest

from cookie_policy import inline
from cookie_policy.conf import GOOGLE_CONSENT_MODE
from tests.browser.conftest import (  # also lets Playwright's loop share Django's thread
    CHROMIUM,
    LAUNCH_ARGS,
    TIMEOUT_MS,
    browser_required,
    chromium_missing,
    missing_message,
)
from tests.live_server import live_server
from tests.plugin.test_asset_mode import FOREVER, HASHED, hashed_static  # noqa: F401 - a fixture
from tests.plugin.utils import text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_missing() and not browser_required(), reason=missing_message()),
]

SELF = "'self'"
# As the demo sets it (cms/settings/base.py): the site's own origin and the inline hashes.
DEMO_CSP = {
    "default-src": [SELF],
    "script-src": [SELF, *inline.csp_hashes()["script-src"]],
    "style-src": [SELF, *inline.csp_hashes()["style-src"]],
    "connect-src": [SELF],
    "object-src": ["'none'"],
    "base-uri": [SELF],
    "form-action": [SELF],
}
# Every violation the page reports, collected before any page script runs.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def browser():
    if chromium_missing():
        pytest.fail(missing_message() + " and REQUIRE_BROWSER=1", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def strict_site(settings, hashed_static):  # noqa: F811 - the fixture imported above
    """The test app behind django-csp with the demo's policy, Consent Mode on."""
    pytest.importorskip("csp")
    settings.MIDDLEWARE = ["csp.middleware.CSPMiddleware", *settings.MIDDLEWARE]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": DEMO_CSP}
    settings.COOKIE_POLICY_CONSENT_MODE = GOOGLE_CONSENT_MODE
    return settings


@pytest.fixture
def server(transactional_db, django_db_serialized_rollback, strict_site):
    """A live server whose static files WhiteNoise serves, as in production: pytest-django's own
    serves them from the finders, which know no hashed names."""
    with live_server() as url:
        yield url


def visit(browser, url):
    """A fresh browser opening ``url``: its page, responses and console messages."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    responses, console = [], []
    page.on("response", lambda response: responses.append(response))
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    return page, responses, console


@pytest.mark.parametrize("mode", ["external", "inline"])
def test_banner_runs_under_the_strict_csp(policy, server, browser, strict_site, mode):
    """The banner shows, records a choice, and Consent Mode updates: no CSP violation."""
    strict_site.COOKIE_POLICY_ASSET_MODE = mode
    page, responses, console = visit(browser, f"{server}/en/")
    page.wait_for_function("() => window.cookieConsent !== undefined")
    banner = page.get_by_role("region", name=text("banner_title", "en"))
    assert banner.is_visible()
    position = "getComputedStyle(document.querySelector('.cc-banner')).position"
    assert page.evaluate(position) == "fixed", "the banner's stylesheet did not apply"
    with page.expect_response(lambda r: r.request.method == "POST"):
        banner.get_by_role("button", name=text("accept", "en")).click()
    assert banner.is_hidden()
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies["cookie_consent"].split(":")[2] == "analytics+necessary"
    signals = page.evaluate("dataLayer.filter(a => a[0] === 'consent').map(a => [a[1], a[2]])")
    assert signals[0][0] == "default" and signals[0][1]["analytics_storage"] == "denied"
    assert signals[-1][0] == "update" and signals[-1][1]["analytics_storage"] == "granted"
    assert page.evaluate("window.cspViolations") == []
    assert not [message for message in console if "Content Security Policy" in message]
    fetched = {r.url.removeprefix(server): r for r in responses}
    linked = [
        url for url in fetched if HASHED["script"].match(url) or HASHED["stylesheet"].match(url)
    ]
    if mode == "external":
        assert len(linked) == 2
        assert all(fetched[url].headers["cache-control"] == FOREVER for url in linked)
    else:
        assert linked == []
    page.context.close()


def test_external_files_need_the_origin_in_the_csp(policy, server, browser, strict_site):
    """A policy of hashes alone blocks the external files, and the browser reports it: so the
    test above would see a missing source."""
    strict_site.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**DEMO_CSP, **{d: DEMO_CSP[d][1:] for d in ("script-src", "style-src")}}
    }
    page, _responses, _console = visit(browser, f"{server}/en/")
    page.wait_for_load_state("load")
    blocked = page.evaluate("window.cspViolations")
    assert any(re.match(r"script-src(-elem)? .*banner\.[0-9a-f]{12}\.js$", v) for v in blocked)
    assert any(re.match(r"style-src(-elem)? .*banner\.[0-9a-f]{12}\.css$", v) for v in blocked)
    assert page.evaluate("window.cookieConsent") is None
    page.context.close()
