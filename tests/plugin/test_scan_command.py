"""``scan_cookies`` as CI and cron run it: exit status, JSON report, bad input. The browser is
stubbed here (test_scan_engine.py runs the real one)."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from cookie_policy import scanner
from cookie_policy.models import CookieScan, KnownCookie


def outcome_with(*names, state="accept"):
    def fake_scan(targets, refusable, options=None, progress=None):
        outcome = scanner.Outcome()
        for target in targets:
            outcome.visited.add(target.url)
            for name in names:
                outcome.observations.append(
                    {
                        "name": name,
                        "storage": "cookie",
                        "domain": "localhost",
                        "path": "/",
                        "lifetime": 3600,
                        "http_only": False,
                        "secure": False,
                        "same_site": "Lax",
                        "party": "first",
                        "state": state,
                        "page": target.url,
                        "page_id": target.page_id,
                        "language": target.language,
                    }
                )
        return outcome

    return fake_scan


def run(*args):
    out = StringIO()
    try:
        call_command("scan_cookies", "--url", "http://localhost/", *args, stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def policy_site(policy):
    return policy


def test_a_clean_scan_exits_zero_and_is_saved(policy_site, monkeypatch):
    monkeypatch.setattr(scanner, "scan", outcome_with("_ga"))
    status, output = run()
    assert status == 0
    assert "0 violations" in output
    scan = CookieScan.objects.get()
    assert scan.pages_visited == 2 * len(settings.LANGUAGES)  # home and policy, each language
    assert scan.languages == [code for code, _name in settings.LANGUAGES]
    assert scan.started_by == "command"


def test_violations_exit_non_zero_with_a_json_report(policy_site, monkeypatch):
    monkeypatch.setattr(scanner, "scan", outcome_with("_ga", state="before"))
    status, output = run("--json", "-", "--language", settings.LANGUAGE_CODE)
    assert status == 2
    report = json.loads(output)
    assert report["counts"]["violation"] == 1
    (violation,) = [f for f in report["findings"] if f["severity"] == "violation"]
    assert (violation["name"], violation["kind"], violation["language"]) == (
        "_ga",
        "before_choice",
        settings.LANGUAGE_CODE,
    )
    assert report["seen"][0]["states"] == ["before"]


def test_undeclared_fails_only_on_request(policy_site, monkeypatch):
    monkeypatch.setattr(scanner, "scan", outcome_with("_ym_uid"))
    assert run()[0] == 0
    assert run("--fail-on-undeclared")[0] == 2


def test_undeclared_cookies_get_the_editors_suggestion_first(policy_site, monkeypatch):
    """The plugin's table knows _ym_uid as Yandex Metrica's; an editor's entry wins."""
    monkeypatch.setattr(scanner, "scan", outcome_with("_ym_uid", "custom_1"))
    KnownCookie.objects.create(name="custom_*", category="functional", provider="Our widget")
    report = json.loads(run("--json", "-", "--language", settings.LANGUAGE_CODE)[1])
    suggested = {
        f["name"]: (f["suggested"], f["provider"])
        for f in report["findings"]
        if f["kind"] == "undeclared"
    }
    assert suggested == {
        "_ym_uid": ("analytics", "Yandex Metrica"),
        "custom_1": ("functional", "Our widget"),
    }


def test_a_json_file_and_a_schedule(policy_site, monkeypatch, tmp_path, admin_user):
    monkeypatch.setattr(scanner, "scan", outcome_with("_ga"))
    target = tmp_path / "scan.json"
    assert run("--json", str(target), "--scheduled")[0] == 0
    assert json.loads(target.read_text())["counts"]["violation"] == 0
    assert CookieScan.objects.get().started_by == "schedule"
    run("--user", admin_user.username)
    assert CookieScan.objects.first().started_by == admin_user.username


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--language", "xx"], "Unknown language xx"),
        (["--max-pages", "0"], "must be positive"),
        (["--user", "nobody"], "No user nobody"),
        (["--site", "elsewhere.example"], "No Wagtail site elsewhere.example"),
    ],
)
def test_bad_input_is_a_command_error(policy_site, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("scan_cookies", "--url", "http://localhost/", *args, stdout=StringIO())


def test_an_address_must_be_http(policy_site):
    with pytest.raises(CommandError, match="http"):
        call_command("scan_cookies", "--url", "ftp://localhost/", stdout=StringIO())


def test_missing_chromium_is_a_clear_error(policy_site, monkeypatch):
    def unavailable(*args, **kwargs):
        raise scanner.ScanUnavailable("Scanning needs Playwright: pip install ...")

    monkeypatch.setattr(scanner, "scan", unavailable)
    with pytest.raises(CommandError, match="needs Playwright"):
        call_command("scan_cookies", "--url", "http://localhost/", stdout=StringIO())


def test_a_missing_chromium_binary_is_named(policy_site):
    pytest.importorskip("playwright")
    with pytest.raises(CommandError, match="Chromium could not be started"):
        call_command(
            "scan_cookies",
            "--url",
            "http://localhost/",
            "--chromium",
            "/nonexistent/chromium",
            stdout=StringIO(),
        )


def test_pages_from_a_sitemap():
    sitemap = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://www.example.com/en/</loc></url>
<url><loc>https://www.example.com/fr/about/</loc></url>
<url><loc>https://www.example.com/other/</loc></url>
</urlset>"""
    targets = scanner.sitemap_targets(
        "http://127.0.0.1:8000/", ["en", "fr"], lambda url: sitemap, max_pages=10
    )
    assert [(t.url, t.language) for t in targets] == [
        ("http://127.0.0.1:8000/en/", "en"),
        ("http://127.0.0.1:8000/fr/about/", "fr"),
        ("http://127.0.0.1:8000/other/", "en"),
    ]


def test_a_scan_that_reached_no_page_exits_one_and_says_so_in_the_admin(
    policy_site, monkeypatch, admin_client
):
    """A site that is down must not pass CI: the run is saved, incomplete, with its errors."""
    from django.urls import reverse

    def unreachable(targets, refusable, options=None, progress=None):
        outcome = scanner.Outcome()
        for target in targets:
            outcome.errors.append(
                {"page": target.url, "state": "before", "error": "net::ERR_CONNECTION_REFUSED"}
            )
        return outcome

    monkeypatch.setattr(scanner, "scan", unreachable)
    err = StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("scan_cookies", "--url", "http://localhost/", stdout=StringIO(), stderr=err)
    assert exit.value.code == 1
    assert "ERR_CONNECTION_REFUSED" in err.getvalue()
    scan = CookieScan.objects.get()
    assert scan.pages_visited == 0
    findings = admin_client.get(reverse("cookie_policy_scan_findings", args=[scan.pk]))
    assert findings.status_code == 200
    assert "This scan is incomplete" in findings.text
    assert "ERR_CONNECTION_REFUSED" in findings.text
    assert "This scan is incomplete" in admin_client.get(reverse("wagtailadmin_home")).text
