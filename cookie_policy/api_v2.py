"""The Wagtail API v2 endpoint for frontends that render the policy and banner themselves:
a site's live policy, banner texts, consent version and banner configuration in one language,
read-only (headless.py builds it).

A site adds it to its API router beside its other endpoints (README, "Headless")::

    api_router.register_endpoint("cookie-policy", CookiePolicyAPIViewSet)

and it answers ``GET /api/v2/cookie-policy/?locale=fr``, or ``?site=example.com&locale=fr``
when one host serves the API for several sites, as the pages endpoint's ``site`` does.

The language is the ``locale`` parameter, the name Wagtail's pages endpoint uses for a
language, and the default language without one. django-modeltranslation keeps every language
in one page, so a language is a way of reading the page rather than another page; a parameter
keeps the API under the one ``/api/v2/`` a site already has, while a language prefix would need
the router inside ``i18n_patterns``. Either way one URL is one language's bytes, for every
visitor: a router mounted inside ``i18n_patterns`` takes the prefix's language, and refuses a
``locale`` too.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.urls import URLResolver, get_resolver, path, reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Site

from . import headless
from .live import SITE_TTL, site_id_for

PARAMETERS = ("site", "locale")
# A host name with an optional port, as the pages endpoint's ``site`` takes it.
SITE = re.compile(r"[A-Za-z0-9.-]{1,255}(?::[0-9]{1,5})?")


class Document:
    """What the endpoint serves: no model, so the API router links no model's objects to it
    (WagtailAPIRouter.get_model_endpoint)."""


class JSONWhateverAccepted(BaseContentNegotiation):
    """JSON for every request, whatever its Accept header asks for (DRF's own example)."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class CookiePolicyAPIViewSet(BaseAPIViewSet):
    """The live cookie policy, banner and banner configuration of a site in one language."""

    model = Document
    # Public, and the same bytes for everyone: asking who is signed in would read the session,
    # and SessionMiddleware would then add Vary: Cookie, splitting every cache in front.
    authentication_classes = []
    permission_classes = [AllowAny]
    # JSON whatever the Accept header says, refusals included: no 406, no Vary: Accept.
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONWhateverAccepted

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "policy_view"}), name="policy")]

    def policy_view(self, request):
        request = request._request  # Django's own: Wagtail caches the site on it
        problem = bad_parameters(request)
        if problem:
            return refuse(400, problem)
        code, problem = language(request)
        if problem:
            return refuse(400, problem)
        try:
            site_id, problem = find_site(request)
            if problem:
                return refuse(400, problem)
            with translation.override(code):
                found = headless.answer(request, site_id)
        except DatabaseError:  # and nothing in the cache to answer from
            reason = _("The cookie settings are unavailable just now; try again later.")
            return refuse(503, reason, Retry_After="30")
        if found is None:  # deleted since its id was cached
            return refuse(400, _("No site answers to this address."))
        body, etag = found
        response = HttpResponse(body, content_type="application/json")
        response["ETag"] = etag
        response["Content-Language"] = code
        # Stored, and revalidated by its ETag before each use; a CDN told to keep it longer is
        # purged on publish (frontend_cache.py).
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
        response = get_conditional_response(request, etag=etag, response=response)
        return cross_origin(response)


def refuse(status, reason, **headers):
    """A refusal as the API's other endpoints answer one: ``{"message": reason}``.

    Never a 404: outside a language prefix, LocaleMiddleware redirects a 404 to the prefixed
    path, where a site's page URLs answer it with an HTML page."""
    response = JsonResponse({"message": reason}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return cross_origin(response)


def cross_origin(response):
    # Public data without credentials, the same for every origin: any page may read it, and
    # the answer need not vary by Origin. Posting a decision is another matter (cors.py).
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    return response


def bad_parameters(request):
    """Why the query string is not one this endpoint answers, or None.

    Each URL is one cached answer: a parameter it does not use would split the cache."""
    unknown = sorted(set(request.GET) - set(PARAMETERS))
    if unknown:
        return _("Unknown parameters: %(names)s. This endpoint takes site and locale.") % {
            "names": ", ".join(unknown)
        }
    repeated = [name for name in PARAMETERS if len(request.GET.getlist(name)) > 1]
    if repeated:
        return _("Give %(name)s once.") % {"name": repeated[0]}
    return None


def language(request):
    """``(code, None)`` for the language asked for, or ``(None, reason)``."""
    codes = [code for code, _name in settings.LANGUAGES]
    asked = request.GET.get("locale")
    prefix = translation.get_language_from_path(request.path_info)
    if prefix:
        if asked is not None:
            return None, _("The address's language prefix chooses the language: leave out locale.")
        return prefix, None
    if asked is None:
        return settings.LANGUAGE_CODE, None
    if asked not in codes:
        reason = _("Unknown locale %(locale)s. This site's languages: %(codes)s.")
        return None, reason % {"locale": asked, "codes": ", ".join(codes)}
    return asked, None


def find_site(request):
    """``(site id, None)``, or ``(None, reason)``: the ``site`` parameter's
    (``hostname`` or ``hostname:port``), else the request's as Wagtail finds it. Both are
    cached, so a warm answer makes no query."""
    asked = request.GET.get("site")
    if asked is None:
        site_id = site_id_for(request)
        if not site_id:
            return None, _("No site answers to this address.")
        return site_id, None
    if not SITE.fullmatch(asked):
        return None, _("Write site as a host name, or a host name and port: example.com:8000.")
    key = f"cookie_policy:site-named:{asked}"
    site_id = cache.get(key)
    if site_id is None:
        hostname, colon, port = asked.partition(":")
        sites = Site.objects.filter(hostname=hostname, **({"port": int(port)} if colon else {}))
        found = list(sites.values_list("pk", flat=True)[:2])
        if not found:
            return None, _("Unknown site %(site)s.") % {"site": asked}
        if len(found) > 1:
            reason = _(
                "Several sites have the host name %(site)s: add the port, as in %(site)s:8000."
            )
            return None, reason % {"site": asked}
        site_id = found[0]
        cache.set(key, site_id, SITE_TTL)
    return site_id, None


def endpoint_urls():
    """Every URL this endpoint answers with the same bytes until the next publish, written as
    the README tells frontends to write them, on the API's base URL and each site's: for the
    frontend cache to purge (frontend_cache.py)."""
    names = endpoint_names(get_resolver())
    if not names:
        return []
    sites = list(Site.objects.all())
    api_base = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    bases = [api_base.rstrip("/")] if api_base else []
    bases = dict.fromkeys([*bases, *(site.root_url for site in sites)])
    hosts = [[], *([("site", site.hostname)] for site in sites)]
    urls = set()
    for name in names:
        for address, locale in endpoint_paths(name):
            for base in bases:
                for host in hosts:
                    query = urlencode([*host, *locale])
                    urls.add(f"{base}{address}?{query}" if query else f"{base}{address}")
    return sorted(urls)


def endpoint_paths(name):
    """``(path, locale parameter)`` of each language's answer at URL ``name``."""
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths[code] = reverse(name)
    if len(set(paths.values())) > 1:  # mounted inside i18n_patterns: the prefix chooses
        return [(address, []) for address in paths.values()]
    address = paths[settings.LANGUAGE_CODE]
    return [(address, []), *((address, [("locale", code)]) for code in paths)]


def endpoint_names(resolver, namespace=""):
    """The namespaced URL names this endpoint is mounted under, wherever a router put it."""
    names = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += endpoint_names(pattern, inner)
        elif issubclass(getattr(pattern.callback, "cls", object), CookiePolicyAPIViewSet):
            names.append(f"{namespace}{pattern.name}")
    return names
