"""The plugin's Python API: what the visitor of a request has consented to."""

import time

from . import conf, consent
from .banner_cache import state


def request_consent(request, policy=None):
    """The request's consent decision if it still holds for the live policy, else None."""
    policy = policy or state(request)["policy"]
    categories = policy["categories"]
    return consent.current(
        # The raw header, as the script reads document.cookie: Django would unquote a quoted
        # value and keep only one of several.
        consent.cookie_values(request.META.get("HTTP_COOKIE"), conf.get("COOKIE_NAME")),
        version=policy["version"],
        known=[c["key"] for c in categories],
        required=policy["required"],
        now=int(time.time()),
        accept_days=conf.get("ACCEPT_DAYS"),
        reject_days=conf.get("REJECT_DAYS"),
    )


def consent_granted(request, key):
    """Whether the request's consent grants category ``key`` (required ones always are)."""
    policy = state(request)["policy"]
    if key in policy["required"]:
        return True
    decision = request_consent(request, policy)
    return decision is not None and key in decision.granted
