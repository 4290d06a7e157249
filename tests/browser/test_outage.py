"""A database outage loses no decision: Chromium against a real server process whose
database goes away (tests/server.py), with JavaScript and without."""

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from cookie_policy.models import ConsentRecord
from tests.browser.conftest import TIMEOUT_MS, stay_on
from tests.browser.helpers import TEXT, banner, consent_value, granted, is_consent_post, visit
from tests.server import outage

UNRECORDED = {
    "en": "Your choice is in effect, but we could not record it just now.",
    "ru": "Ваш выбор уже действует, но зафиксировать его сейчас не удалось.",
}


@pytest.fixture
def server(start_server):
    return start_server()


@pytest.fixture
def new_context(browser, server):
    """Make a context on the server process that never leaves it; closed after the test."""
    contexts = []
    host = urlsplit(server).hostname

    def make(**options):
        context = browser.new_context(base_url=server, **options)
        context.set_default_timeout(TIMEOUT_MS)
        stay_on(context, host)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def reject_in_an_outage(page, lang):
    """Reject all from the banner while the database is down: the post gets a 503."""
    with outage():
        with page.expect_response(is_consent_post) as posted:
            banner(page, lang).get_by_role("button", name=TEXT[lang]["reject"]).click()
        assert posted.value.status == 503
        assert posted.value.headers["retry-after"] == "30"
        assert granted(page.context) == ["necessary"]
    assert ConsentRecord.objects.count() == 0


def recorded(page, lang):
    """The one record of the page's decision."""
    record = ConsentRecord.objects.get()
    assert (record.method, record.language) == ("reject_all", lang)
    assert record.consent_id == consent_value(page.context).split(":")[4]


def test_the_script_posts_again_when_the_server_asks(new_context, lang):
    """After a 503 the script posts the decision again once Retry-After has passed."""
    page = new_context().new_page()
    page.clock.install()
    visit(page, f"/{lang}/")
    reject_in_an_outage(page, lang)
    page.clock.run_for(29_000)
    assert ConsentRecord.objects.count() == 0
    with page.expect_response(is_consent_post) as posted:
        page.clock.run_for(1_000)
    assert posted.value.ok
    recorded(page, lang)


def test_the_script_posts_again_on_the_next_page_view(new_context, lang):
    """A decision left unrecorded when the visitor moves on is posted from the next page."""
    page = new_context().new_page()
    visit(page, f"/{lang}/")
    reject_in_an_outage(page, lang)
    with page.expect_response(is_consent_post) as posted:
        visit(page, f"/{lang}/cookie-policy/")
    assert posted.value.ok
    recorded(page, lang)
    visit(page, f"/{lang}/")
    page.wait_for_load_state("networkidle")
    assert ConsentRecord.objects.count() == 1


def test_without_javascript_the_choice_holds_and_the_page_says_so(new_context, lang):
    """In an outage the form's choice is set in the cookie and the page, in the visitor's
    language, asks to save it again; saved again later, it is recorded."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"/{lang}/cookie-consent/")
    form = page.locator("form.cc-page")
    with outage():
        with page.expect_navigation():
            form.get_by_role("button", name=TEXT[lang]["reject"]).click()
        expect(page.get_by_role("alert")).to_contain_text(UNRECORDED[lang])
        expect(page.locator("html")).to_have_attribute("lang", lang)
        assert granted(page.context) == ["necessary"]
        assert ConsentRecord.objects.count() == 0
    with page.expect_navigation():
        form.get_by_role("button", name=TEXT[lang]["save"]).click()
    record = ConsentRecord.objects.get()
    assert (record.granted, record.language) == (["necessary"], lang)
    assert record.consent_id == consent_value(page.context).split(":")[4]
    expect(page.get_by_role("alert")).to_have_count(0)


def test_the_settings_page_opens_in_an_outage(new_context, server, lang):
    """A GET needs no database once the policy is cached, even after the five minutes the
    host's site is kept for."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"/{lang}/cookie-consent/")
    with outage():
        cache.delete(f"cookie_policy:site:{urlsplit(server).netloc}")
        response = page.goto(f"/{lang}/cookie-consent/")
        assert response.status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text(TEXT[lang]["settings_title"])
        expect(page.get_by_text(TEXT[lang]["no_choice_yet"])).to_be_visible()
