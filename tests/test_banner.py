"""The banner tag: same bytes for everyone, cached, in the page's language."""

import json
import re
import time

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from cookie_policy import api, banner_cache
from cookie_policy.models import ConsentBanner
from tests.utils import make_banner

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def config(html):
    return json.loads(re.search(r'id="cc-config" type="application/json">(.*?)</script>', html)[1])


def test_banner_is_on_every_page_in_its_language(policy):
    """Home, policy and 404 pages carry the banner, in the URL's language."""
    client = Client()
    for path in ("/en/", "/en/cookie-policy/", "/en/nowhere/"):
        assert 'id="cc-banner"' in client.get(path).text, path
    ru = client.get("/ru/").text
    assert "Принять все" in ru
    assert 'href="/ru/cookie-policy/"' in ru
    assert 'action="/ru/cookie-consent/"' in ru


def test_categories_come_from_the_live_policy(policy):
    """The settings list the policy's categories: required locked on, the rest off."""
    html = Client().get("/en/").text
    assert 'value="necessary" aria-describedby="cc-necessary-about" checked disabled' in html
    assert 'value="analytics" aria-describedby="cc-analytics-about">' in html
    data = config(html)
    assert data["categories"] == ["necessary", "analytics"]
    assert data["required"] == ["necessary"]
    assert data["version"] == 1


def test_page_bytes_do_not_depend_on_consent(policy):
    """A visitor with a decision gets exactly the bytes of one without: caches stay correct."""
    anonymous = Client().get("/en/cookie-policy/")
    decided = Client()
    decided.cookies["cookie_consent"] = "1:1:analytics+necessary:1764000000:abcdefghijklmnopqrstuv"
    with_cookie = decided.get("/en/cookie-policy/")
    assert anonymous.content == with_cookie.content
    assert "Cookie" not in anonymous.get("Vary", "")
    assert not anonymous.cookies


def test_tag_makes_no_query_warm_and_at_most_three_cold(
    policy, django_assert_num_queries, django_assert_max_num_queries
):
    """Rendering the banner costs 0 queries from the cache and at most 3 without it (the policy,
    the banner, the operator)."""
    request = RequestFactory().get("/en/")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    Client().get("/en/")  # warms Wagtail's own routing caches, as any page view does
    banner_cache.clear()
    with translation.override("en"):
        with django_assert_max_num_queries(3):
            banner_cache.state(request)
        with django_assert_num_queries(0):
            banner_cache.state(request)


def test_publishing_clears_the_cached_banner(policy, django_capture_on_commit_callbacks):
    """A newly published banner wording shows once the publish commits."""
    client = Client()
    assert "Accept all" in client.get("/en/").text
    banner = ConsentBanner.objects.get()
    banner.accept_label_en = "Allow everything"
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
        assert "Accept all" in client.get("/en/").text  # not committed yet
    assert "Allow everything" in client.get("/en/").text


def test_banner_without_policy_renders_nothing(home):
    """With no published policy there are no categories to ask about: no banner."""
    make_banner()
    assert 'id="cc-banner"' not in Client().get("/en/").text


def test_gated_script_is_inert_markup(policy):
    """The demo analytics tag waits as text/plain with its category."""
    html = Client().get("/en/").text
    assert re.search(
        r'<script type="text/plain" data-cookie-category="analytics" data-src="[^"]+">', html
    )


def test_consent_granted_helper(policy):
    """The server-side helper follows the visitor's cookie; required is always granted."""
    factory = RequestFactory()
    request = factory.get("/en/")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    with translation.override("en"):
        assert api.consent_granted(request, "necessary")
        assert not api.consent_granted(request, "analytics")
        # The helper reads the raw Cookie header, as the banner script reads document.cookie.
        request.META["HTTP_COOKIE"] = (
            f"cookie_consent=1:1:analytics+necessary:{int(time.time())}:abcdefghijklmnopqrstuv"
        )
        assert api.consent_granted(request, "analytics")
        request.META["HTTP_COOKIE"] = "cookie_consent=garbage"
        assert not api.consent_granted(request, "analytics")


def test_publishing_purges_every_page_from_the_frontend_cache(
    policy, purged, django_capture_on_commit_callbacks
):
    """With frontend_cache configured, a new banner purges every page in both languages."""
    banner = ConsentBanner.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
    assert {
        "http://localhost/en/",
        "http://localhost/ru/",
        "http://localhost/en/cookie-policy/",
        "http://localhost/ru/cookie-policy/",
    } <= set(purged)


def test_moving_the_policy_updates_the_banner_link(
    policy, home, django_capture_on_commit_callbacks
):
    """The banner links to the policy where it now lives."""
    client = Client()
    assert 'href="/en/cookie-policy/"' in client.get("/en/").text
    section = Page(
        title="Legal",
        title_en="Legal",
        title_ru="Правовая информация",
        slug="legal",
        slug_en="legal",
        slug_ru="legal",
    )
    home.add_child(instance=section)
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()
        policy.move(section, pos="last-child")
    assert 'href="/en/legal/cookie-policy/"' in client.get("/en/").text


def test_local_copy_saves_the_shared_cache_and_is_dropped_on_publish(
    policy, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """With LOCAL_CACHE_SECONDS a process reuses the banner; a publish here drops it at once."""
    settings.COOKIE_POLICY_LOCAL_CACHE_SECONDS = 60
    request = RequestFactory().get("/en/")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    with translation.override("en"):
        banner_cache.state(request)
        calls = []
        real_get = cache.get
        monkeypatch.setattr(cache, "get", lambda *a, **k: calls.append(a) or real_get(*a, **k))
        assert "Accept all" in banner_cache.state(request)["html"]
        assert calls == []
        banner = ConsentBanner.objects.get()
        banner.accept_label_en = "Allow everything"
        with django_capture_on_commit_callbacks(execute=True):
            banner.save_revision().publish()
        assert "Allow everything" in banner_cache.state(request)["html"]
    banner_cache.clear()
