"""The plugin's panel on the Wagtail dashboard (added by ``construct_homepage_panels``)."""

import datetime

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import insight

DAYS = 7


class ConsentInsightPanel(Component):
    """The last seven days of consent decisions, for users who may see the consent records."""

    name = "cookie_policy_consent_insight"
    template_name = "cookie_policy/admin/consent_insight_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        last = insight.today()
        found = insight.Insight(last - datetime.timedelta(days=DAYS - 1), last)
        return {
            "total": insight.count(found.total),
            "days": DAYS,
            "methods": [(str(m.label), insight.count(found.methods[m])) for m in insight.METHODS],
            "chart": found.grant_chart("insight-panel-grants"),
            "url": reverse("cookie_policy_consent_insight"),
        }
