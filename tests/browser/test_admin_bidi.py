"""Direction controls in a draft are written out on every admin screen, never reordered."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cookie_policy.models import CookiePolicyPage
from tests.browser.helpers import sign_in

NOTE = "[data-cookie-policy-bidi]"


def test_a_reordering_draft_title_is_shown_written_out(page):
    """A draft's Russian and English titles hold U+202E: the explorer, the edit form and the
    revision comparison show it as [U+202E], and the field keeps what the editor typed."""
    get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    policy = CookiePolicyPage.objects.get()
    first = policy.get_latest_revision()
    policy.title_en = "Cookie \u202epolicy"
    policy.title_ru = "Политика \u202eфайлов cookie"
    with translation.override("en"):  # the admin's language names the draft in listings
        second = policy.save_revision()
    sign_in(page, "admin", "pw")

    page.goto(reverse("wagtailadmin_explore", args=[policy.get_parent().pk]))
    expect(page.get_by_role("link", name="Cookie [U+202E]policy", exact=True)).to_be_visible()
    assert "\u202e" not in page.locator("main").inner_text()

    page.goto(reverse("wagtailadmin_pages:edit", args=[policy.pk]), timeout=30_000)
    # Each language's title carries its note; the editor sees the default language's first.
    title_en = page.locator("input[name=title_en]")
    assert title_en.input_value() == "Cookie \u202epolicy"
    expect(page.locator(f"input[name=title_ru] + {NOTE}")).to_have_text(
        "Invisible characters that change the direction of text: U+202E."
    )
    note = page.locator(f"input[name=title_en] + {NOTE}")
    expect(note).to_be_visible()
    title_en.fill("Cookie policy")
    expect(note).to_have_text("")
    title_en.fill("Cookie \u2067policy\u2069")
    expect(note).to_contain_text("U+2067, U+2069")

    compare = reverse("wagtailadmin_pages:revisions_compare", args=[policy.pk, first.pk, second.pk])
    page.goto(compare)
    expect(page.locator("main")).to_contain_text("[U+202E]файлов cookie")
    assert "\u202e" not in page.locator("main").inner_text()
