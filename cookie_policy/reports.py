import django_filters
from django.http import HttpResponseForbidden
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from .models import ConsentRecord

PERMISSION = "cookie_policy.view_consent_report"
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class ConsentRecordFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    method = django_filters.ChoiceFilter(label=_("Method"), choices=ConsentRecord.Method.choices)
    language = django_filters.CharFilter(label=_("Language"))
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all())

    class Meta:
        model = ConsentRecord
        fields = ["created_at", "method", "language", "site"]


class ConsentRecordReportView(ReportView):
    """Proof of consent: every recorded decision, filtered and exported as CSV."""

    model = ConsentRecord
    page_title = _("Consent records")
    header_icon = "lock"
    filterset_class = ConsentRecordFilterSet
    index_url_name = "cookie_policy_consent_records"
    index_results_url_name = "cookie_policy_consent_records_results"
    list_export = [
        "consent_id",
        "created_at",
        "site_display",
        "language",
        "consent_version",
        "method",
        "granted_display",
    ]
    export_headings = {"granted_display": _("Granted categories"), "site_display": _("Site")}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return HttpResponseForbidden(_("You need the permission to view consent records."))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        site = [Column("site_display", label=_("Site"))] if Site.objects.count() > 1 else []
        return [
            Column("consent_id", label=_("Consent ID")),
            DateColumn("created_at", label=_("Time")),
            *site,  # a single site's report needs no column for it
            Column("language", label=_("Language")),
            Column("consent_version", label=_("Consent version")),
            Column("get_method_display", label=_("Method")),
            Column("granted_display", label=_("Granted categories")),
        ]

    def get_queryset(self):
        return ConsentRecord.objects.select_related("site").order_by("-created_at", "-pk")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if isinstance(value, str) else value
