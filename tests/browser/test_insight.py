"""Consent insight in Chromium: the report and the dashboard panel draw real aggregates in the
admin's language and pass axe-core."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from cookie_policy.models import ConsentRecord
from tests.browser.helpers import sign_in
from tests.browser.test_accessibility import assert_no_axe_violations

TEXT = {
    "en": {
        "title": "Consent insight",
        "decisions": "Decisions per day by method",
        "grants": "Grant rate of each category that can be refused",
        "panel": "Consent in the last 7 days",
        "by_language": "Grant rate by language",
        "accept_all": "accept all",
    },
    "ru": {
        "title": "Аналитика согласий",
        "decisions": "Решения по дням и способам",
        "grants": "Доля согласий по каждой категории, от которой можно отказаться",
        "panel": "Согласия за последние 7 дней",
        "by_language": "Доля согласий по языкам",
        "accept_all": "принять все",
    },
}
METHODS = ["accept_all", "reject_all", "custom", "withdrawal", "gpc"]


@pytest.fixture
def decisions(site_url):
    """Two weeks of decisions in both languages and two consent versions, a few each day."""
    now = timezone.now()
    records = []
    for day in range(14):
        for n in range(day % 4 + 1):
            method = METHODS[(day + n) % len(METHODS)]
            granted = ["necessary", "analytics"] if method in ("accept_all", "custom") else []
            records.append(
                ConsentRecord(
                    consent_id=f"insight-visitor-{day:02d}-{n}",
                    created_at=now - datetime.timedelta(days=day, hours=n),
                    language="ru" if n % 2 else "en",
                    consent_version=1 if day > 6 else 2,
                    method=method,
                    granted=granted,
                )
            )
    ConsentRecord.objects.bulk_create(records)
    return len(records)


def admin_in(page, lang):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = lang
    profile.save()
    sign_in(page, "admin", "pw")


def test_report_and_panel_draw_real_aggregates(page, lang, decisions):
    """The report's charts and tables and the dashboard panel, in the admin's language:
    the numbers add up to the records made, and axe-core finds no violation."""
    admin_in(page, lang)
    text = TEXT[lang]
    panel = page.locator("#cookie-policy-consent-insight-section")
    expect(panel).to_contain_text(text["panel"])
    expect(panel.get_by_role("img", name=text["grants"])).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(reverse("cookie_policy_consent_insight"))
    expect(page.get_by_role("heading", level=1)).to_have_text(text["title"])
    chart = page.get_by_role("img", name=text["decisions"])
    expect(chart).to_be_visible()
    expect(page.get_by_role("img", name=text["by_language"])).to_be_visible()
    # The data table of the decisions chart sums to every record made.
    table = page.get_by_role("table", name=text["decisions"])
    totals = table.locator("tbody tr td:last-child").all_inner_texts()
    assert sum(int(cell.replace("\xa0", "").replace(",", "")) for cell in totals) == decisions
    expect(table.get_by_role("columnheader", name=text["accept_all"])).to_be_visible()
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "consent-insight.csv"
