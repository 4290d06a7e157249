"""Reports → Cookie scans: each run of ``scan_cookies``, its findings, and "add to the policy"."""

import django_filters
from django.contrib import messages
from django.db.models import Case, When
from django.http import HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Site

from . import admin_refusals, changes, durations, languages, policy_drafts
from .live import live_policy
from .models import CookieScan, ScanFinding
from .reports import StrictReportView, spreadsheet_safe

PERMISSION = "cookie_policy.view_cookie_scan_report"


def refused(request):
    return admin_refusals.refused(request, _("You need the permission to view cookie scans."))


class CookieScanFilterSet(WagtailFilterSet):
    started_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), widget=DateRangePickerWidget
    )
    trigger = django_filters.ChoiceFilter(
        label=gettext_lazy("Started by"), choices=CookieScan.Trigger.choices
    )
    site = django_filters.ModelChoiceFilter(label=gettext_lazy("Site"), queryset=Site.objects.all())

    class Meta:
        model = CookieScan
        fields = ["started_at", "trigger", "site"]


def findings_url(scan):
    return reverse("cookie_policy_scan_findings", args=[scan.pk])


class CookieScanReportView(StrictReportView):
    """Every scan: when, by whom or by schedule, pages visited, findings by severity."""

    model = CookieScan
    page_title = gettext_lazy("Cookie scans")
    header_icon = "search"
    filterset_class = CookieScanFilterSet
    index_url_name = "cookie_policy_scans"
    index_results_url_name = "cookie_policy_scans_results"
    list_export = [
        "started_at",
        "started_by",
        "base_url",
        "pages_visited",
        "violations",
        "warnings",
        "notices",
    ]
    export_headings = {"started_by": gettext_lazy("Started by")}
    columns = [
        TitleColumn("started_at", label=gettext_lazy("Started"), get_url=findings_url),
        Column("started_by", label=gettext_lazy("Started by")),
        Column("base_url", label=gettext_lazy("Address")),
        Column("pages_visited", label=gettext_lazy("Pages visited")),
        Column("violations", label=gettext_lazy("Violations")),
        Column("warnings", label=gettext_lazy("Warnings")),
        Column("notices", label=gettext_lazy("Notes")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return refused(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return CookieScan.objects.select_related("user", "site").order_by("-started_at", "-pk")


class ScanFindingFilterSet(WagtailFilterSet):
    severity = django_filters.ChoiceFilter(
        label=gettext_lazy("Severity"), choices=ScanFinding.Severity.choices
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Finding"), choices=ScanFinding.Kind.choices
    )
    language = django_filters.CharFilter(label=gettext_lazy("Language"))
    name = django_filters.CharFilter(label=gettext_lazy("Name"), lookup_expr="icontains")

    class Meta:
        model = ScanFinding
        fields = ["severity", "kind", "language", "name"]


class FindingColumn(Column):
    """Where it was seen and declared, and the "add to the policy" button, in one cell."""

    cell_template_name = "cookie_policy/admin/scan_finding_cell.html"

    def __init__(self, name, policy=None, categories=None, **kwargs):
        super().__init__(name, **kwargs)
        # key → the category's title in the admin's language, in the policy's order.
        self.policy = policy
        self.titles = {key: c.get("title") or key for key, c in (categories or {}).items()}

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        policy, request = self.policy, parent_context.get("request")
        context.update(
            finding=instance,
            page_edit_url=(
                reverse("wagtailadmin_pages:edit", args=[instance.page_id])
                if instance.page_id
                else ""
            ),
            policy_edit_url=reverse("wagtailadmin_pages:edit", args=[policy.pk]) if policy else "",
            # The category's own anchor on the published policy (anchors.py).
            category_url=(
                f"{policy.get_url(request)}#cookies-{instance.category}"
                if policy and instance.category
                else ""
            ),
            lifetime=durations.describe(instance.lifetime) if instance.lifetime else "",
            add_url=(
                reverse("cookie_policy_scan_add_to_policy", args=[instance.pk])
                if policy and instance.kind == ScanFinding.Kind.UNDECLARED
                else ""
            ),
            csrf_token=get_token(request) if request else "",
            categories=list(self.titles.items()),
            category_title=self.named(instance.category),
            suggested_title=self.named(instance.suggested_category),
        )
        return context

    def named(self, key):
        """A category as an editor knows it, with the key the scan and the policy share."""
        title = self.titles.get(key)
        return f"{title} ({key})" if title and title != key else key


class ScanFindingReportView(StrictReportView):
    """One scan's findings, filtered by severity, kind, language and name."""

    model = ScanFinding
    header_icon = "search"
    filterset_class = ScanFindingFilterSet
    # Says above the findings when the scan could not see everything.
    template_name = "cookie_policy/admin/scan_findings.html"
    list_export = [
        "name",
        "severity",
        "kind",
        "language",
        "storage",
        "state",
        "page_url",
        "domain",
        "category",
        "suggested_category",
        "provider",
        "declared",
        "party",
        "lifetime",
    ]

    @cached_property
    def columns(self):
        body = languages.localized(self.policy, "body") if self.policy else None
        return [
            Column("name", label=gettext_lazy("Name")),
            Column("get_severity_display", label=gettext_lazy("Severity")),
            Column("get_kind_display", label=gettext_lazy("Finding")),
            Column("language", label=gettext_lazy("Language")),
            Column("state", label=gettext_lazy("State")),
            FindingColumn(
                "where",
                label=gettext_lazy("Where"),
                policy=self.policy,
                categories=changes.categories(body),
            ),
        ]

    def dispatch(self, request, pk, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return refused(request)
        self.scan = get_object_or_404(CookieScan.objects.select_related("site", "user"), pk=pk)
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_title(self):
        return _("Cookie scan of %(time)s") % {
            "time": self.scan.started_at.strftime("%Y-%m-%d %H:%M")
        }

    def get_index_url(self):
        return reverse("cookie_policy_scan_findings", args=[self.scan.pk])

    def get_index_results_url(self):
        return reverse("cookie_policy_scan_findings_results", args=[self.scan.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cookie_policy_scans"), "label": _("Cookie scans")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_queryset(self):
        # Violations first, then warnings, then information.
        rank = Case(
            *(When(severity=value, then=i) for i, value in enumerate(ScanFinding.Severity.values))
        )
        return self.scan.findings.order_by(rank, "language", "name", "pk")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Cookie names and addresses come from the scanned site: never a spreadsheet formula.
        return spreadsheet_safe(value) if isinstance(value, str) else value

    @cached_property
    def policy(self):
        return live_policy(self.scan.site)

    def get_context_data(self, **kwargs):
        return super().get_context_data(scan=self.scan, **kwargs)


def add_to_policy(request, pk):
    """POST: a draft revision of the live policy with the finding's cookie in its suggested
    category (or the one posted), in every language. Nothing is published."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm(PERMISSION):
        return refused(request)
    finding = get_object_or_404(ScanFinding.objects.select_related("scan__site"), pk=pk)
    back = reverse("cookie_policy_scan_findings", args=[finding.scan_id])
    policy = live_policy(finding.scan.site)
    if policy is None:
        messages.error(request, _("This site has no live cookie policy to add the cookie to."))
        return redirect(back)
    if not policy.permissions_for_user(request.user).can_edit():
        return admin_refusals.refused(request, _("You may not edit the cookie policy."))
    category = request.POST.get("category") or finding.suggested_category
    try:
        policy_drafts.add_cookie(policy, finding, category, request.user)
    except policy_drafts.NotAdded as reason:
        messages.error(request, str(reason))
        return redirect(back)
    messages.success(
        request,
        _(
            "%(cookie)s was added to “%(category)s” in a draft of the cookie policy, in every "
            "language. Write its purpose in each language, then publish."
        )
        % {"cookie": finding.name, "category": category},
    )
    return redirect("wagtailadmin_pages:edit", policy.pk)


class LastCookieScanPanel(Component):
    """The dashboard's word on the last scan: its findings by severity and its age."""

    name = "cookie_scan"
    order = 150
    template_name = "cookie_policy/admin/last_cookie_scan_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "scan": CookieScan.objects.order_by("-started_at", "-pk").first(),
            "scans_url": reverse("cookie_policy_scans"),
        }
