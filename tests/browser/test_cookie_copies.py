"""Two consent cookies, two answers: copies on another path or a parent domain are no decision
for the script and the server alike, and the next choice leaves one cookie.

The live server is reached as www.softpro.test (Chromium maps softpro.test to loopback), so a
cookie can sit on the parent domain softpro.test as well as on the host.
"""

import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from cookie_policy.models import CookiePolicyPage
from tests.browser.conftest import TIMEOUT_MS, stay_on
from tests.browser.helpers import (
    TEXT,
    analytics_runs,
    banner,
    consent_value,
    decided,
    is_consent_post,
    visit,
)

HOST = "www.softpro.test"


@pytest.fixture
def new_context(hosts_browser, site_url):
    """Make a context on www.softpro.test holding disagreeing consent cookies: an acceptance
    on the host, refusals on narrower ``paths`` (/<lang>/) and on softpro.test."""
    base = f"http://{HOST}:{urlsplit(site_url).port}"
    contexts = []

    def make(lang, paths=None, **options):
        context = hosts_browser.new_context(base_url=base, **options)
        context.set_default_timeout(TIMEOUT_MS)
        stay_on(context, HOST)
        version = CookiePolicyPage.objects.live().get().consent_version
        value = f"1:{version}:{{}}:{int(time.time())}:{{}}"
        everything = "advertising+analytics+functional+necessary+other"
        context.add_cookies(
            [
                {
                    "name": "cookie_consent",
                    "value": value.format(everything, "A" * 22),
                    "url": base,
                },
                *(
                    {
                        "name": "cookie_consent",
                        "value": value.format("necessary", "B" * 22),
                        "url": f"{base}{path}",
                    }
                    for path in paths or [f"/{lang}/"]
                ),
                {
                    "name": "cookie_consent",
                    "value": value.format("necessary", "C" * 22),
                    "domain": ".softpro.test",  # as Set-Cookie with Domain=softpro.test
                    "path": "/",
                },
            ]
        )
        assert len(places(context)) == 2 + len(paths or [None])
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def places(context):
    return sorted(
        (cookie["domain"], cookie["path"])
        for cookie in context.cookies()
        if cookie["name"] == "cookie_consent"
    )


def test_the_script_leaves_one_cookie_and_both_sides_agree(new_context, lang):
    """Neither side takes a copy for a decision; the banner's choice deletes every copy the
    page sees and writes one cookie that both then read. The post is answered here, so only
    the script can have deleted anything."""
    context = new_context(lang)
    page = context.new_page()
    visit(page, f"/{lang}/")
    assert page.evaluate("document.cookie").count("cookie_consent=") == 3
    expect(banner(page, lang)).to_be_visible()
    assert not decided(page)
    page.wait_for_load_state("networkidle")
    assert analytics_runs(page) is None
    page.goto(f"/{lang}/cookie-consent/")
    expect(page.get_by_text(TEXT[lang]["no_choice_yet"])).to_be_visible()

    visit(page, f"/{lang}/")
    page.route("**/cookie-consent/", lambda route: route.fulfill(status=200, body="{}"))
    with page.expect_response(is_consent_post):
        banner(page, lang).get_by_role("button", name=TEXT[lang]["reject"]).click()
    page.unroute("**/cookie-consent/")
    assert places(context) == [(HOST, "/")]
    consent_id = consent_value(context).split(":")[4]
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_hidden()
    assert page.evaluate("window.cookieConsent.id()") == consent_id
    page.goto(f"/{lang}/cookie-consent/")
    expect(page.locator("main code")).to_have_text(consent_id)


def test_without_javascript_the_server_leaves_one_cookie(new_context, lang):
    """The settings page's form, posted with every copy (one on the consent URL's own path
    too), gets them deleted and one cookie set."""
    context = new_context(
        lang, paths=[f"/{lang}/", f"/{lang}/cookie-consent/"], java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"/{lang}/cookie-consent/")
    expect(page.get_by_text(TEXT[lang]["no_choice_yet"])).to_be_visible()
    with page.expect_navigation():
        page.locator("form.cc-page").get_by_role("button", name=TEXT[lang]["reject"]).click()
    assert places(context) == [(HOST, "/")]
    expect(page.locator("main code")).to_have_text(consent_value(context).split(":")[4])
