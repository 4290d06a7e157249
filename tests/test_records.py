"""Proof of consent: the admin report, its permission, CSV export and the purge command."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cookie_policy.models import ConsentRecord

pytestmark = pytest.mark.django_db
REPORT = "/admin/consent-records/"


def record(**kwargs):
    fields = {
        "consent_id": "abcdefghijklmnopqrstuv",
        "language": "en",
        "consent_version": 1,
        "granted": ["necessary"],
        "method": "reject_all",
    }
    fields.update(kwargs)
    return ConsentRecord.objects.create(**fields)


def editor(username, *perms):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client


def test_report_needs_its_own_permission(home):
    """Editors without the permission get 403; anonymous visitors are sent to log in."""
    assert Client().get(REPORT).status_code == 302
    plain = editor("plain")
    assert plain.get(REPORT).status_code == 403
    assert plain.get(REPORT + "?export=csv").status_code == 403
    groups = Group.objects.filter(name__in=["Editors", "Moderators"])
    assert not any(g.permissions.filter(codename="view_consent_report").exists() for g in groups)


def test_report_filters_and_exports(home):
    """With the permission, the report filters by method and language and exports CSV."""
    record(method="accept_all", language="ru", granted=["necessary", "analytics"])
    record(method="reject_all", consent_id="zyxwvutsrqponmlkjihgfe")
    client = editor("auditor", "view_consent_report")
    listing = client.get(REPORT + "?method=accept_all")
    assert listing.status_code == 200
    assert "abcdefghijklmnopqrstuv" in listing.text
    assert "zyxwvutsrqponmlkjihgfe" not in listing.text
    csv = client.get(REPORT + "?export=csv&language=ru")
    body = b"".join(csv.streaming_content).decode()
    assert "necessary, analytics" in body
    assert "zyxwvutsrqponmlkjihgfe" not in body


def test_export_neutralises_formulas(home):
    """A cell that a spreadsheet would run as a formula is exported as text."""
    record(consent_id='=HYPERLINK("http://e")')
    client = editor("auditor", "view_consent_report")
    body = b"".join(client.get(REPORT + "?export=csv").streaming_content).decode()
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body


def test_purge_deletes_only_old_records(db, settings):
    """Records older than the retention period go; recent ones stay."""
    settings.COOKIE_POLICY_RECORD_RETENTION_DAYS = 30
    old = record(created_at=timezone.now() - timedelta(days=31))
    new = record(created_at=timezone.now() - timedelta(days=29))
    call_command("purge_consent_records")
    assert list(ConsentRecord.objects.values_list("pk", flat=True)) == [new.pk]
    assert not ConsentRecord.objects.filter(pk=old.pk).exists()
    call_command("purge_consent_records", days=1)
    assert not ConsentRecord.objects.exists()


def test_report_escapes_stored_text(home):
    """Whatever a record holds is shown as text in the report."""
    record(consent_id="<script>alert(1)</script>")
    client = editor("auditor", "view_consent_report")
    html = client.get(REPORT).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
