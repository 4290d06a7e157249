"""The banner and dialog pass axe-core, work from the keyboard and reflow at 320 CSS pixels."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.helpers import TEXT, banner, dialog, visit

FOCUSED_STYLE = """el => {
  const style = getComputedStyle(el);
  return {
    focusVisible: el.matches(":focus-visible"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


def banner_buttons(page, lang):
    region = banner(page, lang)
    return [
        region.get_by_role("button", name=TEXT[lang]["accept"]),
        region.get_by_role("button", name=TEXT[lang]["reject"]),
        region.get_by_role("link", name=TEXT[lang]["settings"], exact=True),
    ]


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()


def test_axe_finds_no_violation_with_banner_or_dialog(page, lang):
    """Whole page with the banner shown, then with the settings dialog open: zero violations."""
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_visible()
    assert_no_axe_violations(page)
    banner_buttons(page, lang)[2].click()
    expect(dialog(page, lang)).to_be_visible()
    assert_no_axe_violations(page)


def test_axe_finds_no_violation_on_the_policy_page(page, lang):
    """The policy page itself, with its contents, tables and the banner: zero violations."""
    visit(page, f"/{lang}/cookie-policy/")
    expect(banner(page, lang)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=TEXT[lang]["reject"]).first.click()
    expect(banner(page, lang)).to_be_hidden()
    assert_no_axe_violations(page)


def test_banner_is_a_named_region_in_the_page_language(page, lang):
    """The banner is a region named by its heading, in the language <html lang> declares."""
    visit(page, f"/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    region = banner(page, lang)
    expect(region).to_be_visible()
    expect(region).to_have_accessible_name(TEXT[lang]["banner_title"])
    expect(page.locator(".cc")).to_have_attribute("lang", lang)


def test_tab_reaches_accept_reject_settings_in_order_with_visible_focus(page, lang):
    """Tab reaches Accept, Reject and Settings in that order, each with a visible focus ring."""
    visit(page, f"/{lang}/")
    accept, reject, settings = banner_buttons(page, lang)
    for _ in range(40):
        page.keyboard.press("Tab")
        if accept.evaluate("el => el === document.activeElement"):
            break
    for position, button in enumerate((accept, reject, settings)):
        if position:
            page.keyboard.press("Tab")
        expect(button).to_be_focused()
        style = button.evaluate(FOCUSED_STYLE)
        assert style["focusVisible"], style
        assert style["outlineStyle"] != "none" and style["outlineWidth"] >= 2, style


def test_settings_dialog_takes_and_returns_focus(page, lang):
    """Opened from the keyboard, the dialog takes focus; closed, it gives it back to the opener."""
    visit(page, f"/{lang}/")
    settings = banner_buttons(page, lang)[2]
    settings.focus()
    page.keyboard.press("Enter")
    expect(dialog(page, lang)).to_be_visible()
    assert page.evaluate(
        "() => document.getElementById('cc-settings').contains(document.activeElement)"
    )
    close = dialog(page, lang).locator("[data-cc-close]")
    close.click()
    expect(dialog(page, lang)).to_be_hidden()
    expect(settings).to_be_focused()


def test_banner_targets_are_at_least_24_css_pixels(page, lang):
    """Every banner button and dialog control is at least 24 by 24 CSS pixels."""
    visit(page, f"/{lang}/")
    buttons = banner_buttons(page, lang)
    buttons[2].click()
    controls = dialog(page, lang).locator("button, input")
    for target in [*buttons[:2], *controls.all()]:
        if not target.is_visible():
            continue
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (target, box)
    page.keyboard.press("Escape")
    for target in buttons:
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (target, box)


def test_banner_reflows_at_320_css_pixels(new_context, lang):
    """At 320 px wide nothing scrolls sideways and the three banner buttons are visible."""
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    for button in banner_buttons(page, lang):
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box


def test_banner_choices_are_on_screen_at_320_by_640(new_context, lang):
    """On a 320x640 screen all three choices show without scrolling inside the banner."""
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    visit(page, f"/{lang}/")
    expect(banner(page, lang)).to_be_visible()
    for button in banner_buttons(page, lang):
        expect(button).to_be_in_viewport(ratio=1, timeout=1000)
