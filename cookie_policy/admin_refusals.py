"""The answer to an admin who may not see a screen: a 403 inside the admin, with the reason.

Wagtail turns PermissionDenied into a redirect to the dashboard, which hides from an export
or a bookmarked report why it got a dashboard; a bare text 403 left the admin without a way
back. This page keeps the status, the reason and the admin's menu.
"""

from django.template.response import TemplateResponse


def refused(request, reason):
    return TemplateResponse(
        request, "cookie_policy/admin/refused.html", {"reason": reason}, status=403
    )
