"""Many visitors and editors at once, on PostgreSQL: nothing lost, purge safe beside writes,
no stale banner after a publish."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone, translation
from wagtail.models import Site

from cookie_policy import banner_cache
from cookie_policy.models import ConsentBanner, ConsentRecord, CookiePolicyPage
from tests.utils import make_banner, make_cookie_policy_page, make_home_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrency is tested on PostgreSQL"
    ),
]
N = 40


def post_consent(index):
    try:
        response = Client().post(
            "/en/cookie-consent/",
            urlencode({"choice": "all" if index % 2 else "none"}),
            content_type="application/x-www-form-urlencoded",
            HTTP_ORIGIN="http://testserver",
            REMOTE_ADDR=f"10.0.{index // 250}.{index % 250}",
        )
        return response.status_code
    finally:
        connections.close_all()


@pytest.fixture
def site():
    make_banner()
    make_cookie_policy_page(make_home_page())


@override_settings(COOKIE_POLICY_RATE_LIMIT_PER_MINUTE=10**6)
def test_concurrent_posts_each_give_one_record(site):
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(post_consent, range(N)))
    assert statuses == [303] * N
    assert ConsentRecord.objects.count() == N


@override_settings(COOKIE_POLICY_RATE_LIMIT_PER_MINUTE=10**6)
def test_purge_runs_safely_while_records_are_written(site):
    old = timezone.now() - timedelta(days=4000)
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            consent_id=f"old{i:020d}",
            language="en",
            consent_version=1,
            method="custom",
            created_at=old,
        )
        for i in range(2500)
    )

    def purge(_):
        try:
            call_command("purge_consent_records", stdout=None)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=6) as pool:
        purging = pool.submit(purge, None)
        statuses = list(pool.map(post_consent, range(N)))
        purging.result()
    assert statuses == [303] * N
    assert (
        ConsentRecord.objects.filter(created_at__lt=timezone.now() - timedelta(days=3000)).count()
        == 0
    )
    assert ConsentRecord.objects.count() == N


def test_two_publishes_at_once_each_raise_the_consent_version(site):
    """Two editors publish different cookie changes together: the version rises once for each."""
    revisions = []
    for name in ("_gid", "_gat"):
        revision = CookiePolicyPage.objects.get().save_revision()
        for language in ("en", "ru"):
            field = f"body_{language}"
            revision.content[field] = revision.content[field].replace('"_ga"', f'"{name}"')
        revision.save()
        revisions.append(revision)
    # Each revision holds the page it was saved from, read before either publish.
    together = threading.Barrier(len(revisions))

    def publish(revision):
        try:
            together.wait()
            revision.publish()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(revisions)) as pool:
        list(pool.map(publish, revisions))
    assert CookiePolicyPage.objects.get().consent_version == 3


@pytest.mark.parametrize("local_seconds", [0, 60])
def test_a_page_view_racing_a_publish_never_keeps_the_old_banner(
    site, monkeypatch, settings, local_seconds
):
    """A view that reads the old banner while the publish is uncommitted cannot cache it, in the
    shared cache or in this process's copy."""
    settings.COOKIE_POLICY_LOCAL_CACHE_SECONDS = local_seconds
    request = RequestFactory().get("/en/")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    read_old, committed = threading.Event(), threading.Event()
    real_render = banner_cache.render_banner

    def render_then_wait(*args):
        html = real_render(*args)  # the database has been read: the publish is not committed
        read_old.set()
        assert committed.wait(30)
        return html

    def view():
        try:
            with translation.override("en"):
                return banner_cache.state(request)["html"]
        finally:
            connections.close_all()

    banner_cache.clear()
    monkeypatch.setattr(banner_cache, "render_banner", render_then_wait)
    with ThreadPoolExecutor(max_workers=1) as pool:
        with transaction.atomic():
            banner = ConsentBanner.objects.get()
            banner.accept_label_en = "Allow everything"
            banner.save_revision().publish()
            racing = pool.submit(view)  # its own connection sees the old banner
            assert read_old.wait(30)
        committed.set()  # the racing view now stores what it read
        assert "Accept all" in racing.result()
    monkeypatch.setattr(banner_cache, "render_banner", real_render)
    with translation.override("en"):
        assert "Allow everything" in banner_cache.state(request)["html"]
