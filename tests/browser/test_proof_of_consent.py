"""Proof of consent through the admin: a record found by the visitor's consent ID shows the
texts that visitor saw, in their language."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import TEXT, banner, consent_value, is_consent_post, sign_in, visit


def test_an_admin_sees_what_a_russian_visitor_saw(new_context):
    """A visitor accepts on /ru/; an admin finds the record by the consent ID in the visitor's
    cookie and opens "What this visitor saw": the Russian policy with the Russian banner."""
    visitor = new_context()
    page = visitor.new_page()
    visit(page, "/ru/")
    with page.expect_response(is_consent_post) as posted:
        banner(page, "ru").get_by_role("button", name=TEXT["ru"]["accept"]).click()
    assert posted.value.ok
    consent_id = consent_value(visitor).split(":")[4]

    get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    admin = new_context().new_page()
    sign_in(admin, "admin", "pw")
    admin.goto(f"{reverse('cookie_policy_consent_records')}?consent_id={consent_id}")
    rows = admin.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name=consent_id).click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("What this visitor saw")
    shown = admin.frame_locator("iframe.cookie-policy-shown")
    expect(shown.locator("h1")).to_have_text("Политика использования файлов cookie")
    expect(shown.locator("html")).to_have_attribute("lang", "ru")
    # Scripts do not run in the frame: the banner shows as it does without JavaScript.
    shown_banner = shown.locator("#cc-banner")
    expect(shown_banner.get_by_role("heading")).to_have_text(TEXT["ru"]["banner_title"])
    expect(shown_banner.get_by_role("button", name=TEXT["ru"]["accept"])).to_be_visible()
