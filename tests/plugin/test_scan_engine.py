"""One real scan in Chromium of a site that breaks its own policy: an ungated script that sets
a cookie on load, a server that sets an undeclared cookie, a cookie declared under the wrong
category and one that lives longer than declared. Scans are slow: one scan, many assertions."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from cookie_policy.models import ConsentRecord, CookieScan, ScanFinding
from tests.browser.conftest import (  # also lets Playwright's loop share Django's thread
    CHROMIUM,
    browser_required,
    chromium_missing,
    missing_message,
)
from tests.live_server import Misbehaving, live_server
from tests.plugin.utils import every_language, make_banner, make_policy_page, make_site_root

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_missing() and not browser_required(), reason=missing_message()),
]

UNGATED = '<script>document.cookie = "ungated=1; Path=/; Max-Age=86400";</script>'
# Declared under advertising (below) but gated on analytics; _ga declared for "1 year".
GATED = (
    '<script type="text/plain" data-cookie-category="analytics">'
    'document.cookie = "_ga=GA1.1.test; Path=/; Max-Age=63072000";'
    'document.cookie = "ad_id=1; Path=/; Max-Age=3600";</script>'
)
SERVER_COOKIE = "server_side=1; Path=/; HttpOnly; SameSite=Lax"


def with_advertising(code, found):
    from tests.plugin.utils import category

    return [*found, category("advertising", code, ["ad_id"])]


def broken(app):
    return Misbehaving(app, scripts=UNGATED + GATED, set_cookie=[SERVER_COOKIE])


@pytest.fixture
def scanned(transactional_db):
    """The scan's JSON report, exit status and saved run, in the default language."""
    # No serialized rollback: make_site_root builds what the flush removes (locale, root page),
    # and the data it would restore collides with what test_migrations leaves behind.
    if chromium_missing():
        pytest.fail(missing_message() + " and REQUIRE_BROWSER=1", pytrace=False)
    home = make_site_root()
    make_banner()
    make_policy_page(home, every_language(with_advertising))
    out = StringIO()
    with live_server(broken) as url:
        try:
            call_command(
                "scan_cookies",
                "--url",
                url,
                "--language",
                settings.LANGUAGE_CODE,
                "--chromium",
                CHROMIUM,
                "--json",
                "-",
                stdout=out,
                stderr=StringIO(),
            )
            status = 0
        except SystemExit as exit:
            status = exit.code
    return {
        "report": json.loads(out.getvalue()),
        "status": status,
        "run": CookieScan.objects.get(),
        "home": home,
        "url": url,
    }


def found(report, name):
    return {(f["kind"], f["state"]) for f in report["findings"] if f["name"] == name}


def test_a_scan_of_a_site_that_breaks_its_policy(scanned):
    report, home, url = scanned["report"], scanned["home"], scanned["url"]
    # Violations fail the command, for CI and cron.
    assert scanned["status"] == 2
    assert report["errors"] == []
    assert report["pages_visited"] == 2  # the home page and the policy page

    # The ungated script's cookie and the server's: before a choice and after "reject all",
    # each on the page it was seen on, and undeclared.
    for name in ("ungated", "server_side"):
        assert found(report, name) == {
            ("undeclared", "before"),
            ("before_choice", "before"),
            ("after_refusal", "reject"),
        }, name
    ungated = next(f for f in report["findings"] if f["name"] == "ungated")
    assert ungated["page"] == f"{url}/{settings.LANGUAGE_CODE}/"
    assert ungated["page_id"] == home.pk

    # Declared under advertising, seen only after analytics was granted alone.
    (wrong,) = [f for f in report["findings"] if f["name"] == "ad_id"]
    assert (wrong["kind"], wrong["category"], wrong["suggested"]) == (
        "wrong_category",
        "advertising",
        "analytics",
    )
    # _ga waits for analytics, but lives longer than the "1 year" declared.
    assert found(report, "_ga") == {("lifetime", "accept")} or found(report, "_ga") == {
        ("lifetime", "grant:analytics")
    }
    # csrftoken is declared and never set on these pages.
    assert ("not_seen", "") in found(report, "csrftoken")

    # What the site really set, and when.
    seen = {s["name"]: s for s in report["seen"]}
    assert seen["_ga"]["states"] == ["grant:analytics", "accept"]
    assert seen["ungated"]["states"][:2] == ["before", "reject"]
    assert seen["server_side"]["http_only"] is True
    assert seen["server_side"]["party"] == "first"
    assert seen["cookie_consent"]["states"][0] == "reject"

    # The run is saved with its findings; the scan's decisions wrote no consent record.
    run = scanned["run"]
    assert run.violations == report["counts"]["violation"] == 4
    assert run.findings.filter(kind=ScanFinding.Kind.BEFORE_CHOICE, page=home).count() == 2
    assert run.seen == report["seen"]
    assert not ConsentRecord.objects.exists()
