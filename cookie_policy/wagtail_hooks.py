from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import bidi, changes, languages, scheduled
from .dashboard import ConsentInsightPanel
from .models import ConsentBanner, CookiePolicyPage, KnownCookie
from .reports import (
    PERMISSION,
    ConsentInsightView,
    ConsentRecordReportView,
    ConsentRecordView,
    consent_record_texts,
)
from .scan_reports import PERMISSION as SCAN_PERMISSION
from .scan_reports import (
    CookieScanReportView,
    LastCookieScanPanel,
    ScanFindingReportView,
    add_to_policy,
)
from .validation import PublishRefused


@hooks.register("before_publish_page")
def refuse_inconsistent_policy(request, page):
    """Turn the policy's refusal to publish into a message; the draft stays saved."""
    if not isinstance(page, CookiePolicyPage):
        return None
    try:
        page.check_publishable()
    except PublishRefused as refusal:
        messages.error(
            request,
            _("The draft was saved but not published: %(problems)s") % {"problems": refusal},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("insert_global_admin_js")
def reveal_direction_controls():
    """Every admin screen shows direction controls as ``[U+202E]`` (drafts may hold them)."""
    config = {
        "controls": sorted(bidi.REORDERING),
        "message": _("Invisible characters that change the direction of text: %(characters)s."),
    }
    return render_to_string(
        "cookie_policy/admin/reveal_direction_controls.html", {"config": config}
    )


@hooks.register("after_publish_page")
def name_unconfirmed_cookies(request, page):
    """Say on publishing which declared cookies are not yet confirmed on this site."""
    if not isinstance(page, CookiePolicyPage):
        return
    rows = changes.unconfirmed(languages.localized(page, "body"))
    if rows:
        messages.warning(
            request,
            _(
                "Not yet confirmed on this site, so not presented to visitors as fact: "
                "%(cookies)s. Mark each one confirmed once you have seen the site set it."
            )
            % {"cookies": ", ".join(name for _category, name, _status in rows)},
        )


@hooks.register("before_bulk_action")
def refuse_inconsistent_bulk_publish(request, action_type, objects, action_class_instance):
    """Turn a policy's refusal into a message before a bulk publication starts."""
    if action_type != "publish":
        return None
    for page in objects:
        page = page.specific
        if not isinstance(page, CookiePolicyPage):
            continue
        try:
            page.get_latest_revision_as_object().check_publishable()
        except PublishRefused as refusal:
            messages.error(
                request,
                _("“%(page)s” was not published: %(problems)s")
                % {"page": page.get_admin_display_title(), "problems": refusal},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_log_actions")
def register_refused_publication(actions):
    actions.register_action(scheduled.ACTION)(scheduled.RefusedFormatter)


class ConsentBannerViewSet(SnippetViewSet):
    model = ConsentBanner
    icon = "info-circle"
    menu_label = gettext_lazy("Consent banner")
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("site_display", label=gettext_lazy("Site")),
        UpdatedAtColumn(),
        LiveStatusTagColumn(),
    ]
    # A site has a handful of banners: search them with the ORM, which sorts the results by any
    # column; the search index sorts only by FilterFields and answered 500 on "Name".
    search_backend_name = None
    search_fields = ["name"]

    def get_queryset(self, request):
        return ConsentBanner.objects.select_related("site")


register_snippet(ConsentBannerViewSet)


@hooks.register("register_admin_urls")
def consent_record_urls():
    return [
        path(
            "consent-records/",
            ConsentRecordReportView.as_view(),
            name="cookie_policy_consent_records",
        ),
        path(
            "consent-records/results/",
            ConsentRecordReportView.as_view(results_only=True),
            name="cookie_policy_consent_records_results",
        ),
        path(
            "consent-insight/",
            ConsentInsightView.as_view(),
            name="cookie_policy_consent_insight",
        ),
        path(
            "consent-records/<int:pk>/",
            ConsentRecordView.as_view(),
            name="cookie_policy_consent_record",
        ),
        path(
            "consent-records/<int:pk>/texts/",
            consent_record_texts,
            name="cookie_policy_consent_record_texts",
        ),
    ]


class ConsentRecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def consent_records_menu_item():
    return ConsentRecordsMenuItem(
        gettext_lazy("Consent records"),
        reverse("cookie_policy_consent_records"),
        icon_name="lock",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def consent_insight_menu_item():
    return ConsentRecordsMenuItem(
        gettext_lazy("Consent insight"),
        reverse("cookie_policy_consent_insight"),
        icon_name="lock",
        order=910,
    )


@hooks.register("register_admin_urls")
def cookie_scan_urls():
    return [
        path("cookie-scans/", CookieScanReportView.as_view(), name="cookie_policy_scans"),
        path(
            "cookie-scans/results/",
            CookieScanReportView.as_view(results_only=True),
            name="cookie_policy_scans_results",
        ),
        path(
            "cookie-scans/<int:pk>/",
            ScanFindingReportView.as_view(),
            name="cookie_policy_scan_findings",
        ),
        path(
            "cookie-scans/<int:pk>/results/",
            ScanFindingReportView.as_view(results_only=True),
            name="cookie_policy_scan_findings_results",
        ),
        path(
            "cookie-scans/findings/<int:pk>/add-to-policy/",
            add_to_policy,
            name="cookie_policy_scan_add_to_policy",
        ),
    ]


class CookieScansMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SCAN_PERMISSION)


@hooks.register("register_reports_menu_item")
def cookie_scans_menu_item():
    return CookieScansMenuItem(
        gettext_lazy("Cookie scans"), reverse("cookie_policy_scans"), icon_name="search", order=920
    )


@hooks.register("construct_homepage_panels")
def consent_insight_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(ConsentInsightPanel())


@hooks.register("construct_homepage_panels")
def last_cookie_scan_panel(request, panels):
    if request.user.has_perm(SCAN_PERMISSION):
        panels.append(LastCookieScanPanel())


class KnownCookieViewSet(SnippetViewSet):
    model = KnownCookie
    icon = "search"
    menu_label = gettext_lazy("Known cookies")
    list_display = ["name", "category", "provider"]
    search_backend_name = None
    search_fields = ["name", "provider"]


register_snippet(KnownCookieViewSet)
