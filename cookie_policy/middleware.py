"""MalformedCookieMiddleware: a session or CSRF cookie Django would reject counts as absent.

Django answers such a cookie on whatever page it comes with: SessionMiddleware deletes a session
cookie too short to be a key, CsrfViewMiddleware replaces a CSRF cookie of the wrong length or
characters, and each adds ``Vary: Cookie`` and a ``Set-Cookie`` to a public page that is otherwise
the same bytes for everyone. A CDN then stops caching it, or caches one visitor's new CSRF cookie
for all. Placed before SessionMiddleware, this drops such a cookie from the request, as the plugin
treats a malformed consent cookie; a page that needs a CSRF token still gets a fresh one.
"""

from importlib import import_module

from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH


class MalformedCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in malformed(request.COOKIES):
            del request.COOKIES[name]
        return self.get_response(request)


def malformed(cookies):
    """The names of the session and CSRF cookies in ``cookies`` that Django would reject."""
    names = []
    session = cookies.get(settings.SESSION_COOKIE_NAME)
    if session is not None:
        # The store keeps only a key it accepts, and loads nothing until asked.
        store = import_module(settings.SESSION_ENGINE).SessionStore(session)
        if store.session_key is None:
            names.append(settings.SESSION_COOKIE_NAME)
    csrf = cookies.get(settings.CSRF_COOKIE_NAME)
    if csrf is not None and not settings.CSRF_USE_SESSIONS and not csrf_format(csrf):
        names.append(settings.CSRF_COOKIE_NAME)
    return names


def csrf_format(value):
    """Whether CsrfViewMiddleware would accept ``value`` as its cookie (a secret or a token)."""
    return len(value) in (CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH) and set(value) <= set(
        CSRF_ALLOWED_CHARS
    )
