import time
from datetime import UTC, datetime
from http.cookies import Morsel
from urllib.parse import urlsplit

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import banner_cache, conf, consent, cors, live
from .api import request_consent
from .forms import ConsentForm
from .models import ConsentRecord
from .rate_limit import rate_limited
from .rendering import gpc_note

FORM_TYPE = "application/x-www-form-urlencoded"
# Seconds a client waits before posting again when the database is down.
RETRY_AFTER = "30"
EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT"


def refuse(status, reason, **headers):
    response = JsonResponse({"error": reason}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def same_origin(request):
    """Cached pages carry no CSRF token, so the browser's own headers vouch for the origin.

    Headers on the consent endpoint are read from request.META: building request.headers (every
    header's name converted) was a tenth of the endpoint's own time when profiled."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN")
    return origin is not None and origin == f"{request.scheme}://{live.request_host(request)}"


def decide(form, request, policy, previous):
    """The categories granted and the method (consent.decide)."""
    data = form.cleaned_data
    return consent.decide(
        data["choice"],
        data["granted"],
        previous.granted if previous else None,
        gpc=request.META.get("HTTP_SEC_GPC") == "1" or data["method"] == "gpc",
        keys=[c["key"] for c in policy["categories"]],
        required=policy["required"],
        gpc_categories=conf.get("GPC_CATEGORIES"),
        claimed=data["method"],
    )


@csrf_exempt
@cors.allow_listed_origins
def consent_view(request):
    """GET (and HEAD): the cookie settings page. POST: record a decision and set the consent
    cookie. Every refusal is JSON with a reason."""
    if request.method not in ("GET", "HEAD", "POST"):
        return refuse(405, _("This request method is not allowed here."), Allow="GET, HEAD, POST")
    try:
        return handle_consent(request)
    except DatabaseError:
        # The policy was not in the cache either: there is nothing to show or set.
        if request.method == "POST":
            reason = _("Your choice could not be recorded; try again later.")
        else:
            reason = _("The cookie settings are unavailable just now; try again later.")
        return refuse(503, reason, Retry_After=RETRY_AFTER)


def handle_consent(request):
    shown = banner_cache.state(request)
    policy = shown["policy"]
    if not policy["categories"]:
        return refuse(404, _("This site has no published cookie policy."))
    if request.method != "POST":
        return settings_page(request, policy)
    if not (same_origin(request) or cors.listed_origin(request)):
        return refuse(403, _("Consent can only be given from this site's own pages."))
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return refuse(400, _("The request is malformed."))
    if length > conf.get("MAX_BODY_BYTES"):
        return refuse(413, _("The request is too large."))
    if request.content_type != FORM_TYPE:
        return refuse(415, _("Send the decision as a form."))
    if rate_limited(request):
        return refuse(429, _("Too many requests; try again in a minute."), Retry_After="60")
    as_json = "application/json" in request.META.get("HTTP_ACCEPT", "")
    try:
        form = ConsentForm(request.POST, policy=policy, late=as_json)
    except (BadRequest, SuspiciousOperation):  # a charset other than UTF-8, too many fields
        return refuse(400, _("The request is malformed."))
    if not form.is_valid():
        return refuse(400, " ".join(m for errors in form.errors.values() for m in errors))
    previous = request_consent(request, policy)
    granted, method = decide(form, request, policy, previous)
    consent_id = form.cleaned_data["consent_id"] or (
        previous.consent_id if previous else consent.new_consent_id()
    )
    version = form.cleaned_data["version"] or policy["version"]
    decision = consent.Consent(version, frozenset(granted), int(time.time()), consent_id)
    # A late post for a replaced version was made on texts no longer live: which ones is unknown.
    current = version == policy["version"]
    try:
        ConsentRecord.objects.create(
            consent_id=consent_id,
            site_id=live.site_id_for(request) or None,  # known already: banner_cache.state asked
            language=get_language(),
            policy_revision_id=shown["policy_revision"] if current else None,
            banner_revision_id=shown["banner_revision"] if current else None,
            consent_version=version,
            granted=granted,
            method=method,
        )
    except DatabaseError:
        # The choice holds all the same, in the cookie: the script posts it again later, and a
        # visitor without JavaScript is asked to save it again.
        if as_json:
            reason = _("Your choice could not be recorded; try again later.")
            response = refuse(503, reason, Retry_After=RETRY_AFTER)
        else:
            response = settings_page(request, policy, unrecorded=decision)
    else:
        if as_json:
            response = JsonResponse(
                {"consentId": consent_id, "granted": granted, "version": version, "method": method}
            )
        else:
            response = HttpResponseRedirect(back_url(request, policy), status=303)
    # A late post (sent again after an outage) is recorded as made but changes nothing when its
    # version has been replaced, or when the browser holds another choice by now (the script
    # writes its cookie before it posts; another tab may have decided since).
    superseded = as_json and previous and previous.granted != set(form.cleaned_data["granted"])
    if current and not superseded:
        set_consent_cookie(request, response, policy, decision)
        forget_refused_cookies(request, response, policy, granted)
    return response


def host_name(request):
    """The request's host name, without its port."""
    return urlsplit(f"//{live.request_host(request)}").hostname or ""


def set_consent_cookie(request, response, policy, decision):
    """Set the consent cookie on the root path, with the site's shared Domain where it covers
    this host (consent.cookie_domain), deleting any other copy first: copies would leave no
    decision. With a shared Domain the host-only copy is always deleted (the request cannot say
    which it carries); other places only when the request carries several copies."""
    name = conf.get("COOKIE_NAME")
    host = host_name(request)
    domain = consent.cookie_domain(host, policy.get("cookie_domain", ""))
    places = []
    if len(consent.cookie_values(request.META.get("HTTP_COOKIE"), name)) > 1:
        places = consent.cookie_places(host, request.path)
    elif domain:
        places = [("", "/")]
    # Deletions come first: a browser that counts a host-only cookie and one with its own host
    # as Domain as the same cookie (RFC 6265) would otherwise delete the one just set.
    for place_domain, path in places:
        if (place_domain, path) == (domain, "/"):
            continue  # where the cookie is set
        deletion = Morsel()
        deletion.set(name, "", "")
        deletion.update(
            {
                "domain": place_domain,
                "path": path,
                "max-age": 0,
                "expires": EPOCH,
                "samesite": "Lax",
            }
        )
        # response.cookies holds one cookie per name; Django's handlers send every entry.
        response.cookies[f"{name} {place_domain} {path}"] = deletion
    days = consent.lifetime_days(
        decision.granted, policy["required"], conf.get("ACCEPT_DAYS"), conf.get("REJECT_DAYS")
    )
    response.set_cookie(
        name,
        decision.serialize(),
        max_age=days * consent.DAY,
        domain=domain or None,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=False,  # the banner script reads it
    )


# Bytes of Set-Cookie deletions one response carries at most (about 20 cookies): a proxy such as
# nginx answers 502 when a response's headers overflow its 4 KB buffer.
MAX_DELETION_BYTES = 2048


def forget_refused_cookies(request, response, policy, granted):
    """Delete the site's own cookies of every refused category, on this host and on the site's
    shared cookie domain (the script also tries every parent domain): a refusal after an
    expired or outdated decision deletes them too.

    Up to MAX_DELETION_BYTES of deletions: the next refusal deletes more."""
    patterns = [
        pattern
        for category in policy["categories"]
        if category["key"] not in granted
        for pattern in category["cookies"]
    ]
    if not patterns:
        return
    keep = conf.kept_cookies()
    shared = consent.cookie_domain(host_name(request), policy.get("cookie_domain", ""))
    budget = MAX_DELETION_BYTES
    for name in request.COOKIES:  # one entry per name, however often the header repeats it
        if not consent.deletable(name, patterns, keep):
            continue
        response.delete_cookie(name, samesite="Lax")
        keys = [name]
        # A __Host- cookie never has a Domain.
        if shared and not name.startswith("__Host-"):
            keys.append(f"{name} {shared}")
            response.cookies[keys[1]] = response.cookies[name].copy()
            response.cookies[keys[1]]["domain"] = shared
        budget -= sum(len(response.cookies[key].output()) for key in keys)
        if budget < 0:
            for key in keys:
                del response.cookies[key]
            break


def back_url(request, policy):
    referer = request.META.get("HTTP_REFERER", "")
    if url_has_allowed_host_and_scheme(referer, {live.request_host(request)}, request.is_secure()):
        return referer
    return policy["url"] or f"/{get_language()}/"


def settings_page(request, policy, unrecorded=None):
    """The cookie settings page. With ``unrecorded``, a decision the database could not record,
    in effect all the same: the page shows it and asks the visitor to save it again."""
    decision = unrecorded or request_consent(request, policy)
    response = render(
        request,
        "cookie_policy/consent_settings.html",
        {
            "base_template": conf.get("BASE_TEMPLATE"),
            "policy": policy,
            "categories": policy["categories"],
            # Without a decision every refusable switch is off: nothing is pre-ticked.
            "granted": decision.granted if decision else (),
            "decision": decision,
            "gpc": request.headers.get("Sec-GPC") == "1",
            "gpc_note": gpc_note(policy),
            "unrecorded": unrecorded is not None,
        },
        status=503 if unrecorded else 200,
    )
    if unrecorded:
        response["Retry-After"] = RETRY_AFTER
    # This page shows one visitor's decision: never cache it for anyone else.
    patch_cache_control(response, private=True, no_store=True)
    return response


def plain(status, text):
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    patch_cache_control(response, private=True, no_store=True)
    return response


def receipt_view(request):
    """A receipt of the visitor's own current decision, read from their consent cookie, as a
    text file in their language. Every refusal is a plain-text reason."""
    if request.method not in ("GET", "HEAD"):
        response = plain(405, _("This request method is not allowed here."))
        response["Allow"] = "GET, HEAD"
        return response
    try:
        policy = banner_cache.state(request)["policy"]
    except DatabaseError:
        reason = _("The cookie settings are unavailable just now; try again later.")
        response = plain(503, reason)
        response["Retry-After"] = RETRY_AFTER
        return response
    if not policy["categories"]:
        return plain(404, _("This site has no published cookie policy."))
    values = consent.cookie_values(request.META.get("HTTP_COOKIE"), conf.get("COOKIE_NAME"))
    if not values:
        return plain(
            404, _("You have not made a choice yet: there is nothing to give a receipt for.")
        )
    if len(set(values)) != 1 or consent.parse(values[0]) is None:
        reason = _(
            "Your browser holds a damaged record of your choice. Make your choice again on the "
            "cookie settings page, then download the receipt."
        )
        return plain(400, reason)
    decision = request_consent(request, policy)
    if decision is None:
        reason = _(
            "Your last choice no longer applies: the cookie policy has changed or the choice "
            "has expired. Make your choice again on the cookie settings page."
        )
        return plain(404, reason)
    text = render_to_string(
        "cookie_policy/consent_receipt.txt",
        {
            "decision": decision,
            # The cookie's own time: the moment the choice was made, in this browser.
            "time": datetime.fromtimestamp(decision.timestamp, UTC),
            "allowed": [c["title"] for c in policy["categories"] if c["key"] in decision.granted],
            "refused": [
                c["title"] for c in policy["categories"] if c["key"] not in decision.granted
            ],
            "policy": policy,
            "policy_url": request.build_absolute_uri(policy["url"]) if policy["url"] else "",
            "settings_url": request.build_absolute_uri(reverse("cookie_policy:consent")),
            "site": request.get_host(),
        },
        request,
    )
    response = plain(200, text)
    filename = f"cookie-consent-{decision.consent_id}.txt"  # the ID's alphabet needs no quoting
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
