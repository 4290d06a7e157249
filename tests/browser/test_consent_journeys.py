"""A visitor's consent journeys through the banner and the settings dialog, in each language."""

import json

from django.core.cache import cache
from playwright.sync_api import expect

from cookie_policy.models import ConsentRecord, CookiePolicyPage
from tests.browser.helpers import (
    CATEGORIES,
    TEXT,
    Clicks,
    analytics_runs,
    banner,
    consent_value,
    cookies_by_name,
    decided,
    dialog,
    granted,
    is_consent_post,
    visit,
    youtube_requests,
)


def records():
    return list(ConsentRecord.objects.order_by("created_at", "pk"))


def accept_all(page, lang):
    """Accept everything from the banner and wait for the record to be written."""
    with page.expect_response(is_consent_post) as posted:
        banner(page, lang).get_by_role("button", name=TEXT[lang]["accept"]).click()
    assert posted.value.ok, posted.value.text()
    page.wait_for_function("() => window.softproAnalyticsRuns === 1")


def open_settings_from_footer(page, lang, clicks):
    link = page.get_by_role("contentinfo").get_by_role("link", name=TEXT[lang]["footer_link"])
    link.scroll_into_view_if_needed()
    clicks(link)
    expect(dialog(page, lang)).to_be_visible()
    return dialog(page, lang)


def test_first_visit_sets_nothing_and_shows_the_banner(page, context, lang, offsite):
    """Before any choice: the banner shows; no cookie, no gated script, no request off the site."""
    visit(page, f"/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    region = banner(page, lang)
    expect(region).to_be_visible()
    expect(region.get_by_role("button", name=TEXT[lang]["accept"])).to_be_visible()
    expect(region.get_by_role("button", name=TEXT[lang]["reject"])).to_be_visible()
    expect(region.get_by_role("link", name=TEXT[lang]["settings"], exact=True)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert context.cookies() == []
    assert analytics_runs(page) is None
    assert youtube_requests(offsite) == []
    assert offsite == []
    assert not decided(page)


def test_accept_all_grants_everything_and_is_remembered(page, context, lang):
    """Accept all: banner hides, every category granted, analytics runs once per page, recorded."""
    other = "ru" if lang == "en" else "en"
    visit(page, f"/{lang}/")
    accept_all(page, lang)
    expect(banner(page, lang)).to_be_hidden()
    assert granted(context) == CATEGORIES
    assert analytics_runs(page) == 1
    [record] = records()
    assert (record.method, record.language, sorted(record.granted)) == (
        "accept_all",
        lang,
        CATEGORIES,
    )
    assert consent_value(context).endswith(":" + record.consent_id)

    visit(page, f"/{lang}/")
    page.wait_for_function("() => window.softproAnalyticsRuns >= 1")
    assert decided(page)
    expect(banner(page, lang)).to_be_hidden()
    assert analytics_runs(page) == 1

    page.get_by_role("navigation").get_by_role("link", name=TEXT[other]["language_name"]).click()
    page.wait_for_function("() => window.cookieConsent !== undefined")
    expect(page.locator("html")).to_have_attribute("lang", other)
    assert decided(page)
    expect(banner(page, other)).to_be_hidden()
    assert len(records()) == 1


def test_reject_all_grants_only_necessary(page, context, lang):
    """Reject all: only the required category, analytics never runs and sets no _ga, recorded."""
    visit(page, f"/{lang}/")
    with page.expect_response(is_consent_post) as posted:
        banner(page, lang).get_by_role("button", name=TEXT[lang]["reject"]).click()
    assert posted.value.ok
    expect(banner(page, lang)).to_be_hidden()
    assert granted(context) == ["necessary"]
    [record] = records()
    assert (record.method, record.language, record.granted) == ("reject_all", lang, ["necessary"])

    visit(page, f"/{lang}/")
    page.wait_for_load_state("networkidle")
    assert decided(page)
    assert analytics_runs(page) is None
    assert "_ga" not in cookies_by_name(context)


def test_settings_dialog_opens_with_nothing_pre_ticked(page, lang):
    """The banner's Settings opens the dialog: required switch on and locked, the rest off."""
    visit(page, f"/{lang}/")
    banner(page, lang).get_by_role("link", name=TEXT[lang]["settings"], exact=True).click()
    settings = dialog(page, lang)
    expect(settings).to_be_visible()
    assert page.evaluate("document.getElementById('cc-settings').open")
    switches = settings.get_by_role("switch")
    expect(switches).to_have_count(len(CATEGORIES))
    expect(settings.locator("#cc-necessary")).to_be_checked()
    expect(settings.locator("#cc-necessary")).to_be_disabled()
    for key in ("functional", "analytics", "advertising", "other"):
        expect(settings.locator(f"#cc-{key}")).not_to_be_checked()
        expect(settings.locator(f"#cc-{key}")).to_be_enabled()
    expect(settings.get_by_role("switch", name=TEXT[lang]["analytics"])).to_be_visible()
    expect(settings.locator("[data-cc-gpc]")).to_be_hidden()


def test_settings_save_grants_only_the_chosen_categories(page, context, lang):
    """Switching analytics on and saving grants necessary and analytics only, recorded as custom."""
    visit(page, f"/{lang}/")
    banner(page, lang).get_by_role("link", name=TEXT[lang]["settings"], exact=True).click()
    settings = dialog(page, lang)
    settings.get_by_role("switch", name=TEXT[lang]["analytics"]).click()
    save = settings.get_by_role("button", name=TEXT[lang]["save"])
    with page.expect_response(is_consent_post):
        save.click()
    assert granted(context) == ["analytics", "necessary"]
    [record] = records()
    assert (record.method, record.granted) == ("custom", ["necessary", "analytics"])


def accept_all_counting_clicks(page, context, lang):
    """Accept all from the banner; the analytics tag runs and sets _ga."""
    visit(page, f"/{lang}/")
    consenting = Clicks()
    with page.expect_response(is_consent_post):
        consenting(banner(page, lang).get_by_role("button", name=TEXT[lang]["accept"]))
    page.wait_for_function("() => window.softproAnalyticsRuns === 1")
    assert "_ga" in cookies_by_name(context)
    return consenting


def test_withdrawing_analytics_takes_three_clicks(page, context, lang):
    """Consent took one click; withdrawing analytics takes three and deletes its _ga cookie."""
    consenting = accept_all_counting_clicks(page, context, lang)

    withdrawing = Clicks()
    settings = open_settings_from_footer(page, lang, withdrawing)
    analytics = settings.get_by_role("switch", name=TEXT[lang]["analytics"])
    expect(analytics).to_be_checked()
    withdrawing(analytics)
    save = settings.get_by_role("button", name=TEXT[lang]["save"])
    with page.expect_response(is_consent_post):
        withdrawing(save)
    assert "_ga" not in cookies_by_name(context)
    assert granted(context) == ["advertising", "functional", "necessary", "other"]
    assert records()[-1].method == "withdrawal"
    assert (consenting.count, withdrawing.count) == (1, 3)


def test_reject_all_in_the_dialog_withdraws_everything_in_two_clicks(page, context, lang):
    """After accepting, the footer link and the dialog's Reject all withdraw everything."""
    consenting = accept_all_counting_clicks(page, context, lang)

    withdrawing = Clicks()
    settings = open_settings_from_footer(page, lang, withdrawing)
    expect(settings.get_by_role("switch", name=TEXT[lang]["analytics"])).to_be_checked()
    with page.expect_response(is_consent_post):
        withdrawing(settings.get_by_role("button", name=TEXT[lang]["reject"]))
    expect(settings).to_be_hidden()
    assert "_ga" not in cookies_by_name(context)
    assert granted(context) == ["necessary"]
    first, last = records()
    assert (first.method, last.method, last.granted) == ("accept_all", "withdrawal", ["necessary"])
    assert first.consent_id == last.consent_id
    assert (consenting.count, withdrawing.count) == (1, 2)


def test_escape_closes_the_dialog_without_deciding(page, context, lang):
    """Escape closes the settings dialog, writes nothing, and leaves the banner up."""
    posts = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    visit(page, f"/{lang}/")
    opener = banner(page, lang).get_by_role("link", name=TEXT[lang]["settings"], exact=True)
    opener.click()
    settings = dialog(page, lang)
    expect(settings).to_be_visible()
    page.keyboard.press("Escape")
    expect(settings).to_be_hidden()
    assert not page.evaluate("document.getElementById('cc-settings').open")
    expect(opener).to_be_focused()
    expect(banner(page, lang)).to_be_visible()
    assert context.cookies() == []
    assert posts == []
    assert not decided(page)


def add_cookie_to_policy():
    """Publish a policy revision declaring one more analytics cookie in both languages."""
    policy = CookiePolicyPage.objects.get()
    revision = policy.save_revision()
    for language in ("en", "ru"):
        body = json.loads(revision.content[f"body_{language}"])
        analytics = next(
            b for b in body if b["type"] == "category" and b["value"]["key"] == "analytics"
        )
        analytics["value"]["cookies"].append(
            {
                "name": "_gat",
                "provider": "Google (Google Analytics)",
                "purpose": {
                    "en": "Limits the request rate.",
                    "ru": "Ограничивает частоту запросов.",
                }[language],
                "duration": {"en": "1 minute", "ru": "1 минута"}[language],
                "party": "third",
            }
        )
        revision.content[f"body_{language}"] = json.dumps(body)
    revision.save()
    revision.publish()
    policy.refresh_from_db()
    return policy


def test_a_new_consent_version_asks_again(page, context, lang):
    """Once the policy adds a cookie, the stored consent no longer counts: the banner returns."""
    visit(page, f"/{lang}/")
    accept_all(page, lang)
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_hidden()

    assert add_cookie_to_policy().consent_version == 2
    cache.clear()
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_visible()
    assert not decided(page)
    page.wait_for_load_state("networkidle")
    assert analytics_runs(page) is None


GPC_SCRIPT = "Object.defineProperty(navigator, 'globalPrivacyControl', {get: () => true})"


def test_global_privacy_control_refuses_advertising(new_context, lang):
    """With GPC on, the dialog says so and Accept all grants everything but advertising."""
    context = new_context()
    context.add_init_script(GPC_SCRIPT)
    page = context.new_page()
    visit(page, f"/{lang}/")
    banner(page, lang).get_by_role("link", name=TEXT[lang]["settings"], exact=True).click()
    settings = dialog(page, lang)
    expect(settings.locator("[data-cc-gpc]")).to_be_visible()
    expect(settings.locator("[data-cc-gpc]")).to_contain_text(TEXT[lang]["gpc_note"])
    with page.expect_response(is_consent_post):
        settings.get_by_role("button", name=TEXT[lang]["accept"]).click()
    assert granted(context) == ["analytics", "functional", "necessary", "other"]
    [record] = records()
    assert (record.method, record.language) == ("gpc", lang)
    assert "advertising" not in record.granted
