"""Reports → Cookie scans through the admin's views: runs, findings, "add to the policy", the
dashboard panel. No browser: tests/browser/test_cookie_scan.py drives the same in Chromium."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Site

from cookie_policy import changes, languages
from cookie_policy.models import CookiePolicyPage, CookieScan, ScanFinding
from tests.plugin.utils import codes


@pytest.fixture
def scan(policy):
    run = CookieScan.objects.create(
        site=Site.objects.get(is_default_site=True),
        base_url="https://www.example.com/",
        languages=codes(),
        pages_visited=4,
        violations=1,
        warnings=1,
        notices=0,
    )
    ScanFinding.objects.create(
        scan=run,
        kind="before_choice",
        severity="violation",
        language=codes()[0],
        name="tracker",
        state="before",
        page_url="https://www.example.com/en/",
        page=policy.get_parent(),
    )
    ScanFinding.objects.create(
        scan=run,
        kind="undeclared",
        severity="warning",
        language=codes()[0],
        name="_ym_uid",
        state="accept",
        page_url="https://www.example.com/en/",
        suggested_category="analytics",
        provider="Yandex Metrica",
        lifetime=365 * 86400,
        party="first",
    )
    return run


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_runs_list_and_its_findings(admin_client, scan):
    response = admin_client.get(reverse("cookie_policy_scans"))
    assert response.status_code == 200
    assert b"https://www.example.com/" in response.content
    response = admin_client.get(reverse("cookie_policy_scan_findings", args=[scan.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "tracker" in content and "_ym_uid" in content
    # The page where it appeared, and the button for the undeclared one only.
    assert reverse("wagtailadmin_pages:edit", args=[scan.findings.first().page_id]) in content
    assert content.count("Add to the policy") == 1


def test_a_declared_finding_links_to_its_category(admin_client, scan, policy):
    ScanFinding.objects.create(
        scan=scan,
        kind="lifetime",
        severity="warning",
        language=codes()[0],
        name="_ga",
        category="analytics",
        declared="1 year",
        lifetime=400 * 86400,
    )
    content = admin_client.get(reverse("cookie_policy_scan_findings", args=[scan.pk])).content
    content = content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[policy.pk])}"' in content
    assert f"{policy.url}#cookies-analytics" in content
    # Categories by their titles in the admin's language, with the key the policy shares.
    assert "Declared in <a" in content and ">Analytical cookies (analytics)</a>" in content
    assert "Suggested category: Analytical cookies (analytics)" in content
    assert '<option value="analytics" selected>Analytical cookies</option>' in content


def test_findings_are_filtered(admin_client, scan):
    url = reverse("cookie_policy_scan_findings_results", args=[scan.pk])
    content = admin_client.get(url, {"severity": "violation"}).content.decode()
    assert "tracker" in content and "_ym_uid" not in content
    content = admin_client.get(url, {"kind": "undeclared"}).content.decode()
    assert "tracker" not in content and "_ym_uid" in content


def test_add_to_the_policy_saves_a_draft_in_every_language(admin_client, scan, policy):
    finding = scan.findings.get(name="_ym_uid")
    url = reverse("cookie_policy_scan_add_to_policy", args=[finding.pk])
    response = admin_client.post(url, {"category": "analytics"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[policy.pk])
    page = CookiePolicyPage.objects.get(pk=policy.pk)
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    for code in codes():
        found = changes.categories(languages.localized(draft, "body", code))["analytics"]
        rows = {c["name"]: c for c in changes.declared_cookies(found)}
        assert rows["_ym_uid"]["provider"] == "Yandex Metrica", code
        assert rows["_ym_uid"]["purpose"] == ""
        # The live page is unchanged: nothing is published.
        live = changes.categories(languages.localized(page, "body", code))["analytics"]
        assert "_ym_uid" not in changes.cookie_names(live)
    # Twice is refused with a message, as is an unknown category.
    response = admin_client.post(url, {"category": "analytics"}, follow=True)
    assert "declared in that category already" in response.content.decode()
    response = admin_client.post(url, {"category": "nonesuch"}, follow=True)
    assert "has no category nonesuch" in response.content.decode()


def test_add_to_the_policy_is_a_post(admin_client, scan):
    finding = scan.findings.get(name="_ym_uid")
    url = reverse("cookie_policy_scan_add_to_policy", args=[finding.pk])
    assert admin_client.get(url).status_code == 405


def test_an_editor_without_the_permission_is_refused(client, django_user_model, scan):
    editor = django_user_model.objects.create_user("editor", password="x")  # noqa: S106
    editors = Group.objects.create(name="Scan-less editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)
    finding = scan.findings.first()
    assert client.get(reverse("cookie_policy_scans")).status_code == 403
    assert client.get(reverse("cookie_policy_scan_findings", args=[scan.pk])).status_code == 403
    url = reverse("cookie_policy_scan_add_to_policy", args=[finding.pk])
    assert client.post(url).status_code == 403
    assert "Cookie scans" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_dashboard_shows_the_last_scan(admin_client, scan):
    content = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-cookie-scan-panel" in content
    assert "1 violation" in content
    assert reverse("cookie_policy_scan_findings", args=[scan.pk]) in content


def test_the_dashboard_without_a_scan(admin_client, policy):
    content = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "No scan yet" in content


def test_findings_export_as_csv_with_no_formula(admin_client, scan):
    ScanFinding.objects.create(
        scan=scan, kind="undeclared", severity="warning", language=codes()[0], name="=cmd"
    )
    url = reverse("cookie_policy_scan_findings", args=[scan.pk])
    response = admin_client.get(url, {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[0].startswith("Name,Severity,Finding")
    assert "'=cmd" in text and "_ym_uid" in text
