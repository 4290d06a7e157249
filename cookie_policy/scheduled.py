"""A scheduled publication the publish check refuses: reported, never in the way of the others.

Wagtail's ``publish_scheduled`` publishes every due revision in one loop, so an exception would
abandon the rest of the run. A refused policy revision instead loses its schedule (it would only
be refused again on every run), leaves an entry in the page's history and is mailed to the editor
who scheduled it and the page's owner, as Wagtail mails its own notifications.
"""

import logging

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.mail import send_mail
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision

logger = logging.getLogger(__name__)

ACTION = "cookie_policy.publish.refused"


class RefusedFormatter(LogFormatter):
    label = gettext_lazy("Scheduled publication refused")

    def format_message(self, log_entry):
        return _("Scheduled publication refused: %(problems)s") % {
            "problems": log_entry.data.get("problems", "")
        }


def refuse(page, revision, refusal):
    """Cancel ``revision``'s schedule and tell its editors why it did not go live."""
    problems = str(refusal)
    logger.warning(
        "Scheduled publication of %r (revision %s) refused: %s", page, revision.pk, problems
    )
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
    log(instance=page, action=ACTION, revision=revision, data={"problems": problems})
    recipients = {
        user.email
        for user in get_user_model().objects.filter(pk__in=[revision.user_id, page.owner_id])
        if user.email and user.is_active
    }
    if recipients:
        send_mail(
            _("“%(page)s” was not published as scheduled")
            % {"page": page.get_admin_display_title()},
            _(
                "The revision scheduled for publication was refused and is no longer scheduled: "
                "%(problems)s\n\nCorrect the draft and schedule it again."
            )
            % {"problems": problems},
            sorted(recipients),
        )
