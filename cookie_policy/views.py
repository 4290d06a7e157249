import hashlib
import time

from django.core.cache import cache
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import banner_cache, conf, consent
from .api import request_consent
from .forms import ConsentForm
from .models import ConsentRecord
from .rendering import gpc_note

FORM_TYPE = "application/x-www-form-urlencoded"


def refuse(status, reason, **headers):
    response = JsonResponse({"error": reason}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def same_origin(request):
    """Cached pages carry no CSRF token, so the browser's own headers vouch for the origin."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    return origin is not None and origin == f"{request.scheme}://{request.get_host()}"


def client_address(request):
    """The visitor's address; behind N trusted proxies, the Nth address from the right of
    X-Forwarded-For (the left part is whatever the client claimed)."""
    proxies = conf.get("PROXY_COUNT")
    forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",")]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request):
    # The address is hashed and kept only for a minute, in the cache, never in a record.
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"cookie_policy:rate:{client}:{int(time.time() // 60)}"
    cache.add(key, 0, 70)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        return False
    # With the cache down (None) visitors can still choose: the limit fails open.
    return count is not None and count > conf.get("RATE_LIMIT_PER_MINUTE")


def decide(form, request, policy, previous):
    """The categories granted and the method (consent.decide)."""
    data = form.cleaned_data
    return consent.decide(
        data["choice"],
        data["granted"],
        previous.granted if previous else None,
        gpc=request.headers.get("Sec-GPC") == "1" or data["method"] == "gpc",
        keys=[c["key"] for c in policy["categories"]],
        required=policy["required"],
        gpc_categories=conf.get("GPC_CATEGORIES"),
        claimed=data["method"],
    )


@csrf_exempt
def consent_view(request):
    """GET (and HEAD): the cookie settings page. POST: record a decision and set the consent
    cookie. Every refusal is JSON with a reason."""
    if request.method not in ("GET", "HEAD", "POST"):
        return refuse(405, _("This request method is not allowed here."), Allow="GET, HEAD, POST")
    try:
        return handle_consent(request)
    except DatabaseError:
        # The banner script has already stored the choice in the browser: ask it to retry later.
        return refuse(
            503, _("Your choice could not be recorded; try again later."), Retry_After="30"
        )


def handle_consent(request):
    policy = banner_cache.state(request)["policy"]
    if not policy["categories"]:
        return refuse(404, _("This site has no published cookie policy."))
    if request.method != "POST":
        return settings_page(request, policy)
    if not same_origin(request):
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
    try:
        form = ConsentForm(request.POST, policy=policy)
    except (BadRequest, SuspiciousOperation):  # a charset other than UTF-8, too many fields
        return refuse(400, _("The request is malformed."))
    if not form.is_valid():
        return refuse(400, " ".join(m for errors in form.errors.values() for m in errors))
    previous = request_consent(request, policy)
    granted, method = decide(form, request, policy, previous)
    consent_id = form.cleaned_data["consent_id"] or (
        previous.consent_id if previous else consent.new_consent_id()
    )
    ConsentRecord.objects.create(
        consent_id=consent_id,
        language=get_language(),
        consent_version=policy["version"],
        granted=granted,
        method=method,
    )
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse(
            {
                "consentId": consent_id,
                "granted": granted,
                "version": policy["version"],
                "method": method,
            }
        )
    else:
        response = HttpResponseRedirect(back_url(request, policy), status=303)
    decision = consent.Consent(policy["version"], frozenset(granted), int(time.time()), consent_id)
    days = consent.lifetime_days(
        granted, policy["required"], conf.get("ACCEPT_DAYS"), conf.get("REJECT_DAYS")
    )
    response.set_cookie(
        conf.get("COOKIE_NAME"),
        decision.serialize(),
        max_age=days * consent.DAY,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=False,  # the banner script reads it
    )
    forget_refused_cookies(request, response, policy, granted)
    return response


def forget_refused_cookies(request, response, policy, granted):
    """Delete the site's own cookies of every refused category (the script also tries its
    domain variants): a refusal after an expired or outdated decision deletes them too."""
    patterns = [
        pattern
        for category in policy["categories"]
        if category["key"] not in granted
        for pattern in category["cookies"]
    ]
    keep = conf.kept_cookies()
    for name in request.COOKIES:
        if consent.deletable(name, patterns, keep):
            response.delete_cookie(name, samesite="Lax")


def back_url(request, policy):
    referer = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
        return referer
    return policy["url"] or f"/{get_language()}/"


def settings_page(request, policy):
    decision = request_consent(request, policy)
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
        },
    )
    # This page shows one visitor's decision: never cache it for anyone else.
    patch_cache_control(response, private=True, no_store=True)
    return response
