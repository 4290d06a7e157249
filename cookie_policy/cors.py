"""Frontends on other origins that may post consent decisions: COOKIE_POLICY_ALLOWED_ORIGINS.

The consent endpoint takes a decision only from a page the browser vouches for by its Origin
header (cached pages carry no CSRF token): its own site's pages, and the origins listed here.
A listed origin's preflight is answered, and each answer to its posts lets that origin read it
with credentials (the decision, or the reason for a refusal). Any other origin gets no CORS
header: its preflight gets the endpoint's 405 and its post is refused, as before.

What SameSite means for the consent cookie the endpoint sets (README, "Headless"): a frontend
on a subdomain of the same site (www.example.com posting to cms.example.com) sends and receives
it, as SameSite=Lax allows; a truly cross-site frontend does not, and its own cookie, written
by the client module on its own origin, holds the decision.
"""

import re
from functools import wraps

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from . import conf

# An origin as a browser writes it in the Origin header: scheme, host and an optional port;
# lowercase, no path, no trailing slash, no wildcard.
ORIGIN = re.compile(r"https?://(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?")
# What a decision's post may carry: a form body and a wish for a JSON answer (client module).
ALLOWED_HEADERS = "Accept, Content-Type"
# Seconds a browser may reuse an answered preflight.
PREFLIGHT_MAX_AGE = "600"


def invalid_origins(value):
    """The entries of a COOKIE_POLICY_ALLOWED_ORIGINS value that are not origins (checks.py);
    a value that is not a list or tuple is wrong as a whole."""
    if not isinstance(value, list | tuple):
        return [value]
    return [
        origin for origin in value if not (isinstance(origin, str) and ORIGIN.fullmatch(origin))
    ]


def listed_origin(request):
    """The request's Origin when the site lists it, else None."""
    origin, listed = request.META.get("HTTP_ORIGIN"), conf.get("ALLOWED_ORIGINS")
    # A string lists nothing (the check says so): `in` would match any part of it.
    return origin if origin and isinstance(listed, list | tuple) and origin in listed else None


def allow_listed_origins(view):
    """Answer a listed origin's preflight for a POST, and let it read every answer ``view``
    gives its posts. Nothing changes for any other origin or method."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        origin = listed_origin(request)
        preflight = (
            request.method == "OPTIONS"
            and request.META.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD") == "POST"
        )
        if origin and preflight:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "POST"
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        else:
            response = view(request, *args, **kwargs)
        if origin and (preflight or request.method == "POST"):
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Credentials"] = "true"
        if conf.get("ALLOWED_ORIGINS"):
            # The answer differs by origin: a cache in between must not serve one to another.
            patch_vary_headers(response, ["Origin"])
        return response

    return wrapped
