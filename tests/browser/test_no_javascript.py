"""Without JavaScript the choice still works: a static banner and a server-rendered page."""

from playwright.sync_api import expect

from cookie_policy.models import ConsentRecord
from tests.browser.helpers import TEXT, granted


def test_static_banner_rejects_and_returns_to_the_page(new_context, lang, site_url):
    """The noscript banner's Reject all posts the form and comes back to the same page."""
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{lang}/cookie-policy/")
    static = page.locator(".cc-static")
    expect(static).to_be_visible()
    expect(page.locator("#cc-banner")).to_be_hidden()
    with page.expect_navigation():
        static.get_by_role("button", name=TEXT[lang]["reject"]).click()
    assert page.url == f"{site_url}/{lang}/cookie-policy/"
    assert granted(context) == ["necessary"]
    record = ConsentRecord.objects.get()
    assert (record.method, record.language) == ("reject_all", lang)


def test_settings_page_saves_a_custom_choice(new_context, lang, site_url):
    """/<lang>/cookie-consent/ renders the switches; saving with analytics on records custom."""
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{lang}/cookie-consent/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(TEXT[lang]["settings_title"])
    form = page.locator("form.cc-page")
    expect(page.get_by_text(TEXT[lang]["no_choice_yet"])).to_be_visible()
    expect(form.locator("#cc-page-necessary")).to_be_checked()
    expect(form.locator("#cc-page-necessary")).to_be_disabled()
    analytics = form.get_by_role("switch", name=TEXT[lang]["analytics"])
    expect(analytics).not_to_be_checked()
    analytics.check()
    with page.expect_navigation():
        form.get_by_role("button", name=TEXT[lang]["save"]).click()
    assert page.url == f"{site_url}/{lang}/cookie-consent/"
    assert granted(context) == ["analytics", "necessary"]
    record = ConsentRecord.objects.get()
    assert (record.method, record.language, record.granted) == (
        "custom",
        lang,
        ["necessary", "analytics"],
    )
    # The page now shows the stored choice and its consent ID.
    expect(form.get_by_role("switch", name=TEXT[lang]["analytics"])).to_be_checked()
    expect(page.locator("main code")).to_have_text(record.consent_id)
