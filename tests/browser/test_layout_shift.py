"""Showing the banner never moves the page: it is fixed over it, not pushed into the flow."""

from playwright.sync_api import expect

from tests.browser.helpers import banner, visit

# Sums every layout shift since navigation (buffered), after two frames have been painted.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shifts.push(entry.value);
    }
  }).observe({ type: "layout-shift", buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(shifts), 100)));
})"""


def test_first_load_with_the_banner_has_no_layout_shift(page, lang):
    """The cumulative layout shift of a first visit, banner shown, is exactly zero."""
    visit(page, f"/{lang}/")
    assert page.evaluate("() => PerformanceObserver.supportedEntryTypes.includes('layout-shift')")
    expect(banner(page, lang)).to_be_visible()
    page.wait_for_load_state("networkidle")
    shifts = page.evaluate(LAYOUT_SHIFT)
    assert sum(shifts) == 0, shifts
