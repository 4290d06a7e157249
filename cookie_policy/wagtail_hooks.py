from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import CookiePolicyPage
from .validation import publish_problems


@hooks.register("before_publish_page")
def refuse_inconsistent_policy(request, page):
    """Keep the draft but refuse to publish a policy whose languages are out of step."""
    if not isinstance(page, CookiePolicyPage):
        return None
    problems = publish_problems(page)
    if not problems:
        return None
    messages.error(
        request,
        _("The draft was saved but not published: %(problems)s") % {"problems": " ".join(problems)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
