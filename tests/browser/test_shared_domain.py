"""One consent for a site's subdomains, in a real browser: the site shares its consent cookie on
example.test, and Chromium maps www.example.test and shop.example.test to the live server (the
demo site is the default site, so it answers on both)."""

import time
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.models import Site

from cookie_policy.models import CookiePolicyPage, OperatorSettings
from tests.browser.helpers import (
    TEXT,
    analytics_runs,
    banner,
    consent_value,
    decided,
    dialog,
    is_consent_post,
    visit,
)

DOMAIN = "example.test"
WWW, SHOP = f"www.{DOMAIN}", f"shop.{DOMAIN}"


@pytest.fixture
def new_context(hosts_context, site_url):
    """Make a browser context that reaches www and shop only, the site sharing consent on
    example.test; its ``origin(host)`` gives each host's address."""
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname=WWW)
    OperatorSettings.objects.filter(site=site).update(cookie_domain=DOMAIN)
    cache.clear()  # the banner's config holds the domain
    port = urlsplit(site_url).port

    def make(**options):
        context = hosts_context(WWW, SHOP, **options)
        context.origin = lambda host: f"http://{host}:{port}"
        return context

    return make


@pytest.fixture
def context(new_context):
    return new_context()


def places(context, name):
    """Where ``name`` is set: (domain, path) of each copy."""
    return sorted((c["domain"], c["path"]) for c in context.cookies() if c["name"] == name)


def test_consent_given_on_www_holds_on_shop(context, lang):
    """Accepting on www writes one consent cookie on .example.test; shop reads it without
    asking again and runs the analytics script it granted."""
    page = context.new_page()
    visit(page, f"{context.origin(WWW)}/{lang}/")
    with page.expect_response(is_consent_post) as posted:
        banner(page, lang).get_by_role("button", name=TEXT[lang]["accept"]).click()
    assert posted.value.status == 200
    assert places(context, "cookie_consent") == [(f".{DOMAIN}", "/")]
    consent_id = consent_value(context).split(":")[4]

    visit(page, f"{context.origin(SHOP)}/{lang}/")
    expect(banner(page, lang)).to_be_hidden()
    assert decided(page)
    assert page.evaluate("window.cookieConsent.id()") == consent_id
    assert analytics_runs(page) == 1


def test_withdrawing_on_shop_deletes_analytics_cookies_on_the_shared_domain(context, lang):
    """Accepted on www, withdrawn on shop: the analytics cookies shop sees, on its own host and
    on example.test (where a tag such as GA4 sets them), are gone, and one refusal is left;
    the next page on www deletes the one www set on its own host."""
    page = context.new_page()
    visit(page, f"{context.origin(WWW)}/{lang}/")
    with page.expect_response(is_consent_post):
        banner(page, lang).get_by_role("button", name=TEXT[lang]["accept"]).click()
    context.add_cookies(
        [{"name": "_ga", "value": "GA1.2.shared", "domain": f".{DOMAIN}", "path": "/"}]
    )
    visit(page, f"{context.origin(SHOP)}/{lang}/")
    assert analytics_runs(page) == 1  # and the demo tag set _ga on shop itself
    # The demo tag set _ga host-only on each host it ran on.
    assert places(context, "_ga") == [(f".{DOMAIN}", "/"), (SHOP, "/"), (WWW, "/")]

    page.locator("footer [data-cc-open]").click()
    with page.expect_response(is_consent_post) as posted:
        dialog(page, lang).get_by_role("button", name=TEXT[lang]["reject"]).click()
    assert posted.value.status == 200
    # www's host-only copy is out of shop's reach, until the next page on www deletes it.
    assert places(context, "_ga") == [(WWW, "/")]
    assert places(context, "cookie_consent") == [(f".{DOMAIN}", "/")]
    assert consent_value(context).split(":")[2] == "necessary"
    visit(page, f"{context.origin(WWW)}/{lang}/")
    expect(banner(page, lang)).to_be_hidden()
    assert not page.evaluate("window.cookieConsent.granted('analytics')")
    assert analytics_runs(page) is None
    assert places(context, "_ga") == []


def test_without_javascript_the_server_deletes_on_the_shared_domain(new_context):
    """The settings page's form on shop, without JavaScript, after an acceptance kept in a
    host-only cookie (as written before the site shared it): the server alone deletes _ga on the
    host and on example.test, and leaves one consent cookie, on the shared domain. The server
    speaks every language alike: English only."""
    lang = "en"
    context = new_context(java_script_enabled=False)
    origin = context.origin(SHOP)
    version = CookiePolicyPage.objects.live().get().consent_version
    accepted = f"1:{version}:analytics+necessary:{int(time.time())}:{'A' * 22}"
    context.add_cookies(
        [
            {"name": "cookie_consent", "value": accepted, "url": origin},
            {"name": "_ga", "value": "GA1.2.shared", "domain": f".{DOMAIN}", "path": "/"},
            {"name": "_ga", "value": "GA1.1.host", "url": origin},
        ]
    )
    page = context.new_page()
    page.goto(f"{origin}/{lang}/cookie-consent/")
    expect(page.locator("main code")).to_have_text("A" * 22)  # the host-only copy holds
    with page.expect_navigation():
        page.locator("form.cc-page").get_by_role("button", name=TEXT[lang]["reject"]).click()
    assert places(context, "_ga") == []
    assert places(context, "cookie_consent") == [(f".{DOMAIN}", "/")]
    assert consent_value(context).split(":")[2:] == [
        "necessary",
        consent_value(context).split(":")[3],
        "A" * 22,
    ]
