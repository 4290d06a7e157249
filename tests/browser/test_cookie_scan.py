"""Reports → Cookie scans in Chromium: the dashboard's word on the last scan, the runs, the
findings filtered, and "add to the policy" leaving a draft in both languages. The scan itself is
made up here (tests/plugin/test_scan_engine.py runs a real one)."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Site

from cookie_policy import changes, languages
from cookie_policy.models import ConsentRecord, CookiePolicyPage, CookieScan, ScanFinding
from tests.browser.conftest import CHROMIUM
from tests.browser.helpers import sign_in
from tests.live_server import live_server


def made_up_scan():
    site = Site.objects.get(is_default_site=True)
    run = CookieScan.objects.create(
        site=site,
        base_url="https://www.example.com/",
        trigger=CookieScan.Trigger.SCHEDULE,
        languages=["en", "ru"],
        pages_visited=6,
        violations=1,
        warnings=1,
    )
    home = site.root_page
    ScanFinding.objects.create(
        scan=run,
        kind=ScanFinding.Kind.BEFORE_CHOICE,
        severity=ScanFinding.Severity.VIOLATION,
        language="en",
        name="tracker",
        state="before",
        page_url="https://www.example.com/en/",
        page=home,
    )
    ScanFinding.objects.create(
        scan=run,
        kind=ScanFinding.Kind.UNDECLARED,
        severity=ScanFinding.Severity.WARNING,
        language="en",
        name="_ym_uid",
        state="grant:analytics",
        page_url="https://www.example.com/en/",
        page=home,
        suggested_category="analytics",
        provider="Yandex Metrica",
        lifetime=365 * 86400,
        party="first",
    )
    return run


def analytics_names(page, code):
    found = changes.categories(languages.localized(page, "body", code))["analytics"]
    return changes.cookie_names(found)


def test_an_admin_reads_a_scan_and_adds_a_cookie_to_the_policy(new_context):
    run = made_up_scan()
    get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    admin = new_context().new_page()
    sign_in(admin, "admin", "pw")

    # The dashboard names the last scan and leads to it.
    panel = admin.locator("[data-cookie-scan-panel]")
    expect(panel).to_contain_text("1 violation")
    expect(panel).to_contain_text("ago")

    # Reports → Cookie scans lists the run, by schedule.
    admin.goto(reverse("cookie_policy_scans"))
    row = admin.locator("main table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("schedule")
    expect(row).to_contain_text("https://www.example.com/")
    row.get_by_role("link").first.click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Cookie scan of")
    expect(admin.locator("main table tbody tr")).to_have_count(2)

    # Filtered to violations: the cookie set before a choice, linked to its page.
    admin.goto(f"{reverse('cookie_policy_scan_findings', args=[run.pk])}?severity=violation")
    rows = admin.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("tracker")
    expect(rows.get_by_role("link", name="Edit the page")).to_have_attribute(
        "href", reverse("wagtailadmin_pages:edit", args=[run.site.root_page_id])
    )

    # "Add to the policy" from the undeclared one: a draft, in both languages, not published.
    admin.goto(f"{reverse('cookie_policy_scan_findings', args=[run.pk])}?kind=undeclared")
    row = admin.locator("main table tbody tr")
    expect(row).to_contain_text("Yandex Metrica")
    expect(row.get_by_label("Category")).to_have_value("analytics")
    row.get_by_role("button", name="Add to the policy").click()
    policy = CookiePolicyPage.objects.get()
    admin.wait_for_url(f"**{reverse('wagtailadmin_pages:edit', args=[policy.pk])}")
    expect(admin.locator(".messages")).to_contain_text("_ym_uid was added")
    policy.refresh_from_db()
    draft = policy.get_latest_revision_as_object()
    for code in ("en", "ru"):
        assert "_ym_uid" in analytics_names(draft, code), code
        assert "_ym_uid" not in analytics_names(policy, code), code
    assert policy.has_unpublished_changes


def test_the_demo_scan_finds_no_violation(site_url):
    """The demo keeps its own policy: nothing before a choice or after a refusal, and the
    analytics demo's _ga only once analytics is granted (English pages; `make bench` times both
    languages)."""
    out = StringIO()
    # tests/live_server.py, not pytest-django's: the scan's pages ask in parallel, and one in-memory
    # SQLite connection cannot serve two requests at once (a 500 on Python 3.12, Django 6). The
    # static files as runserver serves them: the analytics demo's script sets _ga.
    with live_server(StaticFilesHandler) as url:
        args = ["--url", url, "--language", "en", "--chromium", CHROMIUM, "--json", "-"]
        call_command("scan_cookies", *args, stdout=out)
    report = json.loads(out.getvalue())
    assert report["counts"]["violation"] == 0
    assert report["pages_visited"] == 3
    seen = {item["name"]: item for item in report["seen"]}
    assert seen["_ga"]["states"] == ["grant:analytics", "accept"]
    assert not ConsentRecord.objects.exists()
