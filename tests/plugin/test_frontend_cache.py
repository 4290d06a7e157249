"""Purging the pages from a CDN: after the commit, in the background, every live page in every
language, retried when the CDN fails, never an error for the editor."""

import logging
import threading

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from cookie_policy import frontend_cache
from cookie_policy.models import ConsentBanner
from tests.frontend_cache_backend import FailingBackend
from tests.plugin.utils import BANNER_FIELDS, api_urls, codes, field, per_language, text

pytestmark = pytest.mark.django_db
FAILING = {"BACKEND": "tests.frontend_cache_backend.FailingBackend"}


def every_url(*paths):
    """Each page's URL in every language, and the headless API's."""
    pages = [f"http://localhost/{code}{path}" for code in codes() for path in paths]
    return sorted(pages + api_urls())


def publish(banner, capture):
    with capture(execute=True):
        banner.save_revision().publish()


def test_only_live_pages_are_purged(
    policy, banner, root, purged, django_capture_on_commit_callbacks
):
    """A draft page has no URL to purge; every live one is purged once per language."""
    draft = Page(live=False, **per_language("title", lambda code: f"Draft {code}"))
    for code in codes():
        setattr(draft, field("slug", code), f"draft-{code}")
    root.add_child(instance=draft)
    publish(banner, django_capture_on_commit_callbacks)
    assert sorted(purged) == every_url("/", "/cookie-policy/", "/cookie-policy/versions/")


def test_a_failing_cdn_is_retried(
    policy, banner, settings, purged, django_capture_on_commit_callbacks, caplog
):
    """A backend that raises is tried again, the others are not; each failure is logged."""
    settings.WAGTAILFRONTENDCACHE["cdn"] = FAILING
    FailingBackend.failures = 2
    with caplog.at_level(logging.WARNING, logger="cookie_policy.frontend_cache"):
        publish(banner, django_capture_on_commit_callbacks)
    assert FailingBackend.attempts == 3
    assert sorted(purged) == sorted(
        every_url("/", "/cookie-policy/", "/cookie-policy/versions/") * 2
    )
    assert [record.levelname for record in caplog.records] == ["WARNING", "WARNING"]
    assert "'cdn' failed; retrying" in caplog.records[0].getMessage()


def test_a_cdn_that_stays_down_is_logged_as_an_error(
    policy, banner, settings, purged, django_capture_on_commit_callbacks, caplog
):
    settings.WAGTAILFRONTENDCACHE["cdn"] = FAILING
    FailingBackend.failures = 99
    publish(banner, django_capture_on_commit_callbacks)
    assert FailingBackend.attempts == 1 + len(frontend_cache.RETRY_SECONDS)
    assert sorted(purged) == every_url(
        "/", "/cookie-policy/", "/cookie-policy/versions/"
    )  # the other backend's
    error = caplog.records[-1]
    assert error.levelname == "ERROR"
    assert "'cdn' failed 4 times" in error.getMessage()


def test_the_editor_gets_no_error_when_the_cdn_is_down(
    root, client, django_user_model, settings, purged, django_capture_on_commit_callbacks
):
    """Publishing a banner through the admin answers as usual, the CDN refusing every purge."""
    settings.WAGTAILFRONTENDCACHE = {"cdn": FAILING}
    FailingBackend.failures = 99
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.com", "x"))
    data = {"name": "Banner", "action-publish": "1"}
    for name, key in BANNER_FIELDS.items():
        for code in codes():
            value = text(key, code)
            data[field(name, code)] = rich_text(value) if name == "message" else value
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailsnippets_cookie_policy_consentbanner:add"), data)
    assert response.status_code == 302
    assert ConsentBanner.objects.filter(live=True).count() == 1
    assert FailingBackend.attempts == 4


def test_the_purge_runs_in_a_thread_of_its_own(settings):
    """purge_live_pages returns at once, whatever the purge takes."""
    settings.WAGTAILFRONTENDCACHE = {"cdn": FAILING}
    started, release = threading.Event(), threading.Event()

    def slow_purge():
        started.set()
        release.wait(10)

    thread = frontend_cache.in_background(slow_purge)
    assert started.wait(10)
    assert thread.is_alive()  # this thread goes on while the purge waits
    release.set()
    thread.join(10)
    assert not thread.is_alive()


def test_nothing_is_started_without_a_frontend_cache(settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = None
    started = []
    monkeypatch.setattr(frontend_cache, "in_background", started.append)
    frontend_cache.purge_live_pages()
    assert started == []
