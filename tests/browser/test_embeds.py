"""Third-party embeds stay a click-to-load placeholder until the visitor lets them in."""

import re

from playwright.sync_api import expect

from cookie_policy.models import ConsentRecord
from tests.browser.helpers import TEXT, banner, granted, is_consent_post, visit, youtube_requests

PLAYER = re.compile(r"^https://www\.youtube-nocookie\.com/embed/[A-Za-z0-9_-]{11}$")


def is_youtube(request):
    return "youtube-nocookie.com" in request.url


def test_embed_loads_only_when_allowed(page, context, lang, offsite):
    """The video waits: once loads it without a cookie; always allow grants "other" for good."""
    visit(page, f"/{lang}/")
    placeholder = page.locator("[data-cc-embed]")
    frame = page.locator("iframe.cc-frame")
    expect(placeholder).to_be_visible()
    expect(frame).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert youtube_requests(offsite) == []

    with page.expect_request(is_youtube):
        placeholder.get_by_role("button", name=TEXT[lang]["allow_once"]).click()
    expect(frame).to_have_attribute("src", PLAYER)
    assert context.cookies() == []
    expect(banner(page, lang)).to_be_visible()

    visit(page, f"/{lang}/")
    expect(placeholder).to_be_visible()
    expect(frame).to_have_count(0)

    with page.expect_response(is_consent_post), page.expect_request(is_youtube):
        placeholder.get_by_role("button", name=TEXT[lang]["always_allow"]).click()
    expect(frame).to_have_attribute("src", PLAYER)
    assert granted(context) == ["necessary", "other"]
    expect(banner(page, lang)).to_be_hidden()
    record = ConsentRecord.objects.get()
    assert (record.method, record.language, record.granted) == (
        "custom",
        lang,
        ["necessary", "other"],
    )

    visit(page, f"/{lang}/")
    expect(frame).to_have_attribute("src", PLAYER)
    expect(placeholder).to_have_count(0)
