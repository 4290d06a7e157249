"""A database outage loses no decision: Chromium against a real server process whose
database goes away (tests/server.py), with JavaScript and without."""

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from cookie_policy.models import ConsentRecord
from tests.browser.conftest import TIMEOUT_MS
from tests.browser.helpers import TEXT, consent_value, granted
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
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if urlsplit(route.request.url).hostname == host else route.abort()
            ),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


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
