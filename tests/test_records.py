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


def test_report_finds_a_record_by_its_consent_id(home):
    """The exact consent ID finds its record and only it; a malformed one is a form error that
    lists nothing."""
    record(consent_id="abcdefghijklmnopqrstuv")
    record(consent_id="zyxwvutsrqponmlkjihgfe")
    client = editor("auditor", "view_consent_report")
    found = client.get(REPORT, {"consent_id": "zyxwvutsrqponmlkjihgfe"})
    assert found.status_code == 200
    assert "zyxwvutsrqponmlkjihgfe" in found.text
    assert "abcdefghijklmnopqrstuv" not in found.text
    for bad in ("abc", "abcdefghijklmnopqrstuv'--", "x" * 33, "abcdefghijklmnopqrstu\n"):
        response = client.get(REPORT, {"consent_id": bad})
        assert response.status_code == 200
        assert "A consent ID is 16 to 32 letters" in response.text
        assert "abcdefghijklmnopqrstuv<" not in response.text
        assert not list(response.context["object_list"])


@pytest.fixture
def decided(policy, client):
    """A visitor's decision on the Russian site, recorded by the consent endpoint."""
    from django.core.cache import cache

    cache.clear()
    response = Client().post(
        "/ru/cookie-consent/",
        "choice=all",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    cache.clear()
    return ConsentRecord.objects.get(consent_id=response.json()["consentId"])


def shown_urls(record):
    from django.urls import reverse

    return (
        reverse("cookie_policy_consent_record", args=[record.pk]),
        reverse("cookie_policy_consent_record_texts", args=[record.pk]),
    )


def test_what_this_visitor_saw_renders_the_recorded_revisions_in_their_language(decided):
    """The report links each record to its page; the texts are the recorded revisions (not the
    live ones, edited since) in Russian, framed read-only."""
    from cookie_policy.models import ConsentBanner

    banner = ConsentBanner.objects.get()
    banner.accept_label_ru = "Разрешить всё"
    banner.save_revision().publish()
    page_url, texts_url = shown_urls(decided)
    client = editor("auditor", "view_consent_report")
    assert page_url in client.get(REPORT).text
    page = client.get(page_url)
    assert page.status_code == 200
    assert f"Revision {decided.policy_revision_id} of" in page.text
    assert f"Revision {decided.banner_revision_id} of" in page.text
    assert f'src="{texts_url}" sandbox="allow-same-origin"' in page.text
    texts = client.get(texts_url)
    assert texts.status_code == 200
    assert texts["X-Frame-Options"] == "SAMEORIGIN"
    assert '<html lang="ru">' in texts.text
    assert "Политика использования файлов cookie" in texts.text
    assert "Принять все" in texts.text  # the banner as it was, not as published since
    assert "Разрешить всё" not in texts.text
    assert "Cookies on this site" not in texts.text


def test_a_purged_revision_is_named_as_such(decided):
    """A record whose banner revision was purged says so, and shows the policy without it."""
    from wagtail.models import Revision

    Revision.objects.filter(pk=decided.banner_revision_id).delete()
    page_url, texts_url = shown_urls(decided)
    client = editor("auditor", "view_consent_report")
    page = client.get(page_url)
    assert f"Revision {decided.banner_revision_id} is no longer stored" in page.text
    texts = client.get(texts_url)
    assert "Политика использования файлов cookie" in texts.text
    assert 'id="cc-banner"' not in texts.text
    Revision.objects.filter(pk=decided.policy_revision_id).delete()
    # (The demo's LocaleMiddleware first tries the path under /en/, as for any 404.)
    assert client.get(texts_url, follow=True).status_code == 404
    assert "no longer stored" in client.get(page_url).text


def test_a_record_from_before_revisions_were_kept_says_so(home):
    old = record()
    page_url, texts_url = shown_urls(old)
    client = editor("auditor", "view_consent_report")
    assert "Not recorded" in client.get(page_url).text
    assert client.get(texts_url, follow=True).status_code == 404


def test_what_this_visitor_saw_needs_the_report_permission(decided):
    page_url, texts_url = shown_urls(decided)
    plain = editor("plain")
    assert plain.get(page_url).status_code == 403
    assert plain.get(texts_url).status_code == 403
    assert Client().get(page_url).status_code == 302
    auditor = editor("auditor", "view_consent_report")
    for url in (page_url, texts_url):
        unknown = url.replace(f"/{decided.pk}/", "/999999/")
        assert auditor.get(unknown, follow=True).status_code == 404
