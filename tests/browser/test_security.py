"""Under the strict Content-Security-Policy everything still works, and faults keep the choice."""

from playwright.sync_api import expect

from tests.browser.helpers import TEXT, analytics_runs, banner, granted, is_consent_post, visit

# Every violation the page reports, collected before any page script runs.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_no_csp_violation_through_a_whole_journey(page, lang):
    """Banner, gated script, embed and Consent Mode run with zero CSP violations."""
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    visit(page, f"/{lang}/")
    assert page.evaluate("typeof window.gtag") == "function", "Consent Mode defaults did not run"
    banner(page, lang).get_by_role("button", name=TEXT[lang]["accept"]).click()
    expect(page.locator("iframe.cc-frame")).to_have_count(1)
    page.wait_for_function("() => window.softproAnalyticsRuns === 1")
    updates = page.evaluate(
        "dataLayer.filter(a => a[0] === 'consent' && a[1] === 'update').map(a => a[2])"
    )
    assert updates[-1]["analytics_storage"] == "granted"
    visit(page, f"/{lang}/cookie-policy/")
    page.locator("footer [data-cc-open]").click()
    page.keyboard.press("Escape")
    assert page.evaluate("window.cspViolations") == []
    assert not [text for text in console if "Content Security Policy" in text]


def test_consent_mode_denies_everything_before_a_choice(page, lang):
    """Google Consent Mode v2 starts denied, before any tag."""
    visit(page, f"/{lang}/")
    default = page.evaluate("dataLayer.find(a => a[0] === 'consent' && a[1] === 'default')[2]")
    for signal in ("ad_storage", "analytics_storage", "ad_user_data", "ad_personalization"):
        assert default[signal] == "denied"


def test_choice_holds_when_the_endpoint_is_down(page, context, lang):
    """With the server unable to record (503), the visitor still chooses: the cookie holds it."""
    page.route(
        "**/cookie-consent/",
        lambda route: (
            route.fulfill(status=503, headers={"Retry-After": "30"}, body='{"error": "down"}')
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    visit(page, f"/{lang}/")
    banner(page, lang).get_by_role("button", name=TEXT[lang]["reject"]).click()
    expect(banner(page, lang)).to_be_hidden()
    assert granted(context) == ["necessary"]
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_hidden()
    assert analytics_runs(page) is None


def test_a_refused_post_is_not_sent_again(page, lang):
    """A 4xx would come again: the script drops that post rather than retry it forever."""
    page.route(
        "**/cookie-consent/",
        lambda route: route.fulfill(status=400, content_type="application/json", body="{}"),
    )
    visit(page, f"/{lang}/")
    with page.expect_response(is_consent_post):
        banner(page, lang).get_by_role("button", name=TEXT[lang]["reject"]).click()
    page.unroute("**/cookie-consent/")
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
    visit(page, f"/{lang}/")
    page.wait_for_load_state("networkidle")
    assert posts == []
