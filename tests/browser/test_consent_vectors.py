"""The browser side of tests/consent_vectors.json: banner.js in Chromium, against the same table
tests/plugin/test_consent_vectors.py runs on the server. Cookie validity is checked on both
sides here too: the banner script's verdict and the server's settings page, for one cookie."""

import json
import time
from urllib.parse import parse_qs

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from cookie_policy.models import ConsentRecord, CookiePolicyPage, OperatorSettings
from tests.browser.helpers import TEXT, consent_value, cookies_by_name, decided, visit
from tests.vectors import ACCEPT_DAYS, REJECT_DAYS, VECTORS, cookie_value

BROWSER_COOKIES = [v for v in VECTORS["cookies"] if not v.get("server_only")]
ID = "AAAAAAAAAAAAAAAAAAAAAA"
GPC_SCRIPT = "Object.defineProperty(navigator, 'globalPrivacyControl', {get: () => true})"


@pytest.fixture
def lifetimes(settings, site_url):
    """The lifetimes the vectors' ages are measured in (refusals shorter than acceptances)."""
    settings.COOKIE_POLICY_ACCEPT_DAYS = ACCEPT_DAYS
    settings.COOKIE_POLICY_REJECT_DAYS = REJECT_DAYS
    cache.clear()  # the banner's config holds the lifetimes
    return site_url


def live_version():
    return CookiePolicyPage.objects.live().get().consent_version


def add_consent(context, site_url, value):
    context.add_cookies([{"name": "cookie_consent", "value": value, "url": site_url}])


@pytest.mark.parametrize("vector", BROWSER_COOKIES, ids=lambda v: v["why"])
def test_cookie_validity(vector, lifetimes, context, page):
    """The script and the server reach the same verdict on one consent cookie."""
    add_consent(context, lifetimes, cookie_value(vector, time.time(), live_version()))
    visit(page, "/en/")
    assert decided(page) is vector["valid"]
    page.goto("/en/cookie-consent/")
    no_choice = page.get_by_text(TEXT["en"]["no_choice_yet"])
    expect(no_choice).to_have_count(0 if vector["valid"] else 1)


def choose(page, choice, wanted=()):
    """Make ``choice`` in the settings dialog (ticking ``wanted``), returning the posted form."""
    page.locator("footer [data-cc-open]").click()
    dialog = page.locator("#cc-settings")
    expect(dialog).to_be_visible()
    if choice == "custom":
        for switch in dialog.locator("input[name=granted]:enabled").all():
            switch.set_checked(switch.get_attribute("value") in wanted)
    with page.expect_request(lambda r: r.method == "POST") as posted:
        dialog.locator(f"button[value={choice}]").click()
    return parse_qs(posted.value.post_data)


@pytest.mark.parametrize("vector", VECTORS["lifetimes"], ids=lambda v: v["why"])
def test_lifetime(vector, lifetimes, context, page):
    """The cookie the script writes lasts the lifetime its categories call for."""
    visit(page, "/en/")
    refusable = [key for key in vector["granted"] if key != "necessary"]
    choose(page, "custom", refusable)
    days = {"accept": ACCEPT_DAYS, "reject": REJECT_DAYS}[vector["lifetime"]]
    cookie = cookies_by_name(context)["cookie_consent"]
    assert abs(cookie["expires"] - time.time() - days * 86400) < 120


@pytest.mark.parametrize("vector", VECTORS["methods"], ids=lambda v: v["why"])
def test_method(vector, site_url, context, page):
    """The script posts the method the table names, and the server records it."""
    if vector["gpc"]:
        context.add_init_script(GPC_SCRIPT)
    if vector["previous"] is not None:
        keys = "+".join(sorted(vector["previous"]))
        add_consent(context, site_url, f"1:{live_version()}:{keys}:{int(time.time())}:{ID}")
    visit(page, "/en/")
    with page.expect_response(lambda r: r.request.method == "POST"):
        form = choose(page, vector["choice"], vector["wanted"])
    assert form["method"] == [vector["method"]]
    assert sorted(consent_value(context).split(":")[2].split("+")) == sorted(vector["granted"])
    record = ConsentRecord.objects.latest("created_at")
    assert (record.method, sorted(record.granted)) == (vector["method"], sorted(vector["granted"]))


@pytest.fixture
def declared(site_url):
    """The live policy declares every vector's name in its analytics category."""
    names = [vector["declared"] for vector in VECTORS["names"]]
    page = CookiePolicyPage.objects.live().get()
    for field in ("body_en", "body_ru"):
        blocks = getattr(page, field).raw_data
        for block in blocks:
            if block["type"] == "category" and block["value"]["key"] == "analytics":
                first = block["value"]["cookies"][0]
                template = first.get("value", first)
                block["value"]["cookies"] = [{**template, "name": name} for name in names]
        setattr(page, field, json.dumps(list(blocks)))
    # Straight into the live row, as data from before names were checked would be: the editor
    # and the publish check now refuse families that cover the kept cookies.
    page.save()
    cache.clear()
    return site_url


@pytest.mark.parametrize("vector", VECTORS["names"], ids=lambda v: v["why"])
def test_refusal_deletes(vector, declared, context, page):
    """Withdrawing analytics deletes its declared cookies in the browser, and never the kept
    ones. The consent post is answered here, so only the script can have deleted anything."""
    keys = "analytics+necessary"
    add_consent(context, declared, f"1:{live_version()}:{keys}:{int(time.time())}:{ID}")
    page.route("**/cookie-consent/", lambda route: route.fulfill(status=200, body="{}"))
    visit(page, "/en/")
    # Set after the page loaded: only the script's refusal can touch it.
    if vector["cookie"] != "cookie_consent":
        context.add_cookies([{"name": vector["cookie"], "value": "x", "url": declared}])
    choose(page, "none")
    present = vector["cookie"] in cookies_by_name(context)
    assert present is not vector["deleted"]
    assert consent_value(context).split(":")[2] == "necessary"


def test_cookie_domain(hosts_context):
    """The script writes the consent cookie on the site's cookie domain only where it covers
    the page's host. The post is answered here, so only the script has written it. One test
    for the whole group: each vector needs only a new context, not the demo content again."""
    for vector in VECTORS["domains"]:
        OperatorSettings.objects.update(cookie_domain=vector["domain"])
        cache.clear()  # the banner's config holds the domain
        context = hosts_context(vector["host"])
        page = context.new_page()
        page.route("**/cookie-consent/", lambda route: route.fulfill(status=200, body="{}"))
        visit(page, "/en/")
        choose(page, "none")
        [cookie] = [c for c in context.cookies() if c["name"] == "cookie_consent"]
        expected = f".{vector['used']}" if vector["used"] else vector["host"]
        assert cookie["domain"] == expected, vector["why"]
        context.close()
