"""The banner's markup and wording, from a policy's data and a banner snippet."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import conf
from .policy_data import config


def render_banner(request, policy, banner, preview=False):
    if banner is None or not policy["categories"]:
        return ""
    return render_to_string(
        "cookie_policy/banner.html",
        {
            "banner": banner,
            "language": get_language(),
            "categories": policy["categories"],
            "granted": (),
            "endpoint": reverse("cookie_policy:consent"),
            "policy_url": policy["url"],
            "policy_title": policy["title"],
            "operator": policy.get("operator"),
            "gpc_note": gpc_note(policy),
            "config": config(policy),
            "preview": preview,
        },
    )


def gpc_note(policy):
    titles = [c["title"] for c in policy["categories"] if c["key"] in conf.get("GPC_CATEGORIES")]
    if not titles:
        return ""
    return _(
        "Your browser sends a Global Privacy Control signal, so these stay off unless you "
        "switch them on here: %(categories)s."
    ) % {"categories": ", ".join(titles)}
