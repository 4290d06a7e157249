"""MalformedCookieMiddleware: a malformed session or CSRF cookie leaves public pages cacheable."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.plugin.utils import codes

pytestmark = pytest.mark.django_db
SESSION = "django.contrib.sessions.middleware.SessionMiddleware"


@pytest.fixture(autouse=True)
def middleware(settings):
    """Installed as the README says: just before SessionMiddleware."""
    at = settings.MIDDLEWARE.index(SESSION)
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:at],
        "cookie_policy.middleware.MalformedCookieMiddleware",
        *settings.MIDDLEWARE[at:],
    ]


@pytest.mark.parametrize(
    "cookies",
    [
        {"sessionid": "garbage"},
        {"csrftoken": "garbage"},
        {"sessionid": "", "csrftoken": "a" * 31 + "!"},
    ],
)
@pytest.mark.parametrize(
    ("path", "status"), [(f"/{codes()[-1]}/cookie-policy/", 200), ("/en/missing/", 404)]
)
def test_public_pages_stay_cacheable(policy, cookies, path, status):
    """No Vary: Cookie and no Set-Cookie, as for a visitor without the cookie."""
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    response = client.get(path)
    assert response.status_code == status
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_a_malformed_csrf_cookie_is_replaced_where_a_form_needs_one(policy):
    """The admin's login page still sets a good CSRF cookie, and the login goes through."""
    get_user_model().objects.create_superuser("admin", "admin@example.com", "a long passphrase")
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "garbage"
    page = client.get("/admin/login/")
    assert re.fullmatch("[A-Za-z0-9]{32}", page.cookies["csrftoken"].value)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "a long passphrase", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200  # the session cookie it set is kept
