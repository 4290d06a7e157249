import csv
import datetime

import django_filters
from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Revision, Site

from . import admin_refusals, insight
from .consent import ID_PATTERN
from .models import ConsentBanner, ConsentRecord, CookiePolicyPage

PERMISSION = "cookie_policy.view_consent_report"
# A longer period is refused: its charts would hold more columns than pixels.
INSIGHT_MAX_DAYS = 3 * 366
# No decision is older than this, none is made more than a year ahead: dates outside are typing
# errors (and 9999-12-31 has no next day to end the period on).
INSIGHT_EARLIEST = datetime.date(2000, 1, 1)
INSIGHT_DEFAULT_DAYS = 30
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class ConsentIdFilter(django_filters.CharFilter):
    field_class = forms.RegexField


class ConsentRecordFilterSet(WagtailFilterSet):
    # The ID the visitor quotes, exactly; \A…\Z as in the consent form (a RegexField searches).
    consent_id = ConsentIdFilter(
        label=_("Consent ID"),
        regex=rf"\A{ID_PATTERN}\Z",
        error_messages={
            "invalid": _("A consent ID is 16 to 32 letters, digits, hyphens or underscores.")
        },
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    method = django_filters.ChoiceFilter(label=_("Method"), choices=ConsentRecord.Method.choices)
    language = django_filters.CharFilter(label=_("Language"))
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all())

    class Meta:
        model = ConsentRecord
        fields = ["consent_id", "created_at", "method", "language", "site"]


def shown_url(record):
    return reverse("cookie_policy_consent_record", args=[record.pk])


class StrictReportView(ReportView):
    """A report that lists nothing under a filter it cannot read. Wagtail lists everything: a
    mistyped consent ID would look like a search that found every record."""

    def filter_queryset(self, queryset):
        if self.filters and not self.filters.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)


class ConsentRecordReportView(StrictReportView):
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
            return refused(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        site = [Column("site_display", label=_("Site"))] if Site.objects.count() > 1 else []
        return [
            TitleColumn("consent_id", label=_("Consent ID"), get_url=shown_url),
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


def record_for(request, pk):
    """The record ``pk`` for a user with the report's permission; None when refused."""
    if not request.user.has_perm(PERMISSION):
        return None
    return get_object_or_404(ConsentRecord.objects.select_related("site"), pk=pk)


def refused(request):
    return admin_refusals.refused(request, _("You need the permission to view consent records."))


def shown_revision(revision_id, model):
    """(revision, note): the revision a record names, or None and why it cannot be shown."""
    if revision_id is None:
        return None, _("Not recorded: the record was made before revisions were kept with it.")
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None or not issubclass(revision.content_type.model_class() or object, model):
        return None, _("Revision %(id)s is no longer stored: it was purged.") % {"id": revision_id}
    return revision, ""


def shown(record):
    """The policy page and banner the record's visitor was shown, each with a note if missing."""
    policy, policy_note = shown_revision(record.policy_revision_id, CookiePolicyPage)
    banner, banner_note = shown_revision(record.banner_revision_id, ConsentBanner)
    return policy, policy_note, banner, banner_note


class ConsentRecordView(WagtailAdminTemplateMixin, TemplateView):
    """What this visitor saw: a record, and the texts it names rendered in its language."""

    template_name = "cookie_policy/admin/consent_record.html"
    page_title = _("What this visitor saw")
    header_icon = "lock"

    def dispatch(self, request, pk):
        self.record = record_for(request, pk)
        if self.record is None:
            return refused(request)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.record.consent_id

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cookie_policy_consent_records"), "label": _("Consent records")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        policy, policy_note, banner, banner_note = shown(self.record)
        return super().get_context_data(
            record=self.record,
            language=insight.language_label(self.record.language),
            policy=policy,
            policy_note=policy_note,
            banner=banner,
            banner_note=banner_note,
            texts_url=reverse("cookie_policy_consent_record_texts", args=[self.record.pk]),
            **kwargs,
        )


def consent_record_texts(request, pk):
    """The policy revision with the banner revision open on it, as the visitor was shown them,
    rendered by their own previews in the record's language (framed, read-only, by the view
    above)."""
    record = record_for(request, pk)
    if record is None:
        return refused(request)
    policy, _note, banner, _note = shown(record)
    language = record.language if record.language in dict(settings.LANGUAGES) else None
    if policy is not None:
        # The banner tag shows this banner (None: nothing) instead of the live one.
        shown_banner = {"cookie_policy_shown_banner": banner.as_object() if banner else None}
        response = policy.as_object().make_preview_request(request, language, shown_banner)
    elif banner is not None:
        response = banner.as_object().make_preview_request(request, language)
    else:
        raise Http404(_("Neither text this visitor saw is stored."))
    # The preview went through the site's middleware, which forbids framing everywhere.
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


def date_input():
    # The browser's date picker reads and writes ISO dates, whatever the admin's language.
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class InsightForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=date_input())
    end = forms.DateField(label=_("To"), widget=date_input())
    interval = forms.ChoiceField(
        label=_("Per"),
        choices=[("day", _("day")), ("week", _("week"))],
    )
    site = forms.ModelChoiceField(
        label=_("Site"),
        queryset=Site.objects.order_by("hostname"),
        required=False,
        empty_label=_("All sites"),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError(gettext("The period ends before it starts."))
            earliest, latest = INSIGHT_EARLIEST, insight.today() + datetime.timedelta(days=366)
            if start < earliest or end > latest:
                raise forms.ValidationError(
                    gettext("Choose dates from %(earliest)s to %(latest)s.")
                    % {"earliest": insight.full_date(earliest), "latest": insight.full_date(latest)}
                )
            if (end - start).days >= INSIGHT_MAX_DAYS:
                raise forms.ValidationError(
                    gettext("Choose a period of at most %(days)s days.")
                    % {"days": INSIGHT_MAX_DAYS}
                )
        return data


class ConsentInsightView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Consent insight: decisions and grant rates over a chosen period."""

    template_name = "cookie_policy/admin/consent_insight.html"
    page_title = _("Consent insight")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return refused(request)
        end = insight.today()
        initial = {
            "start": end - datetime.timedelta(days=INSIGHT_DEFAULT_DAYS - 1),
            "end": end,
            "interval": "day",
        }
        self.form = InsightForm({**initial, **request.GET.dict()}, initial=initial)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_insight(self):
        data = self.form.cleaned_data
        return insight.Insight(data["start"], data["end"], data["interval"], data["site"])

    def get(self, request, *args, **kwargs):
        if self.form.is_valid() and request.GET.get("export") == "csv":
            return csv_response(self.get_insight())
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=200 if self.form.is_valid() else 400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        if self.form.is_valid():
            found = self.get_insight()
            query = self.request.GET.copy()
            query["export"] = "csv"
            context.update(
                insight=found,
                total=insight.count(found.total),
                charts=found.charts(),
                export_url=f"?{query.urlencode()}",
                several_sites=Site.objects.count() > 1,
            )
        return context


def csv_response(found):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="consent-insight.csv"'
    # A byte order mark: Excel reads a CSV without one in the system's code page, and garbles
    # Cyrillic headings.
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in found.csv_rows():
        writer.writerow([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])
    return response
