"""Faults: an unreachable cache and a failing database never leak a traceback."""

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from cms.settings.base import redis_caches
from cookie_policy import cache_breaker

pytestmark = pytest.mark.django_db

# What production runs when Redis is down: its own cache settings, pointed at a closed port.
UNREACHABLE_REDIS = redis_caches("redis://127.0.0.1:1/0")


@pytest.fixture
def unreachable_cache():
    with override_settings(CACHES=UNREACHABLE_REDIS):
        assert caches["default"].get("anything", "missing") == "missing"
        yield
    cache_breaker._open_until.clear()  # the next test's Redis starts trusted


def test_pages_render_with_the_banner_when_the_cache_is_down(policy, unreachable_cache):
    """The banner falls back to the database."""
    for path in ("/en/", "/ru/cookie-policy/"):
        response = Client().get(path)
        assert response.status_code == 200
        assert 'id="cc-banner"' in response.text


def refuse_all():
    return Client().post(
        "/en/cookie-consent/",
        "choice=none",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="http://testserver",
    )


def test_consent_is_recorded_when_the_cache_is_down(policy, unreachable_cache):
    assert refuse_all().status_code == 303


@override_settings(COOKIE_POLICY_RATE_LIMIT_PER_MINUTE=1)
def test_the_rate_limit_fails_open_when_the_cache_is_down(policy, unreachable_cache):
    """As the README says: visitors can still refuse and withdraw, however often."""
    assert [refuse_all().status_code for _ in range(3)] == [303, 303, 303]


@override_settings(DEBUG=False)
def test_server_error_page_shows_no_traceback(policy, monkeypatch):
    """An unexpected error answers the plain 500 page, never a traceback."""
    from cookie_policy.models import CookiePolicyPage

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(CookiePolicyPage, "get_context", boom)
    client = Client(raise_request_exception=False)
    response = client.get("/en/cookie-policy/")
    assert response.status_code == 500
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
    assert "Ошибка сервера" in response.text
