"""Consent insight: the daily rollup, the report, its CSV and the dashboard panel."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from cookie_policy import tallies
from cookie_policy.models import ConsentRecord, ConsentTally, TalliedDay

REPORT = reverse("cookie_policy_consent_insight")
ZONE = timezone.get_default_timezone()
NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=ZONE)
TODAY = NOW.date()


def at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZONE)


def record(when, method="accept_all", granted=("necessary", "analytics"), **kwargs):
    fields = {"consent_id": "abcdefghijklmnopqrstuv", "language": "en", "consent_version": 1}
    return ConsentRecord.objects.create(
        created_at=when, method=method, granted=list(granted), **{**fields, **kwargs}
    )


def auditor(*perms):
    user = get_user_model().objects.create_user("auditor", "auditor@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def decided(policy):
    """Three days of decisions: two before today, one today (not yet settled)."""
    yesterday = TODAY - datetime.timedelta(days=1)
    record(at(TODAY - datetime.timedelta(days=2)), method="accept_all")
    record(at(yesterday), method="reject_all", granted=["necessary"], language="ru")
    record(at(yesterday, 23), method="custom", granted=["necessary", "analytics"], language="ru")
    record(at(TODAY, 9), method="withdrawal", granted=["necessary"], consent_version=2)
    return policy


def test_past_days_are_counted_once_and_today_live(decided):
    """The first view counts settled days into the rollup; today's decisions are read live."""
    found = tallies.tallies(TODAY - datetime.timedelta(days=6), TODAY, now=NOW)
    assert sum(t.decisions for t in found) == 4
    assert TalliedDay.objects.count() == 2  # the first record's day and yesterday
    assert sorted((t.day, t.method, t.decisions) for t in ConsentTally.objects.all()) == [
        (TODAY - datetime.timedelta(days=2), "accept_all", 1),
        (TODAY - datetime.timedelta(days=1), "custom", 1),
        (TODAY - datetime.timedelta(days=1), "reject_all", 1),
    ]
    # A second view counts nothing again, and reads the same numbers.
    assert tallies.fill(NOW) == 0
    again = tallies.tallies(TODAY - datetime.timedelta(days=6), TODAY, now=NOW)
    assert sorted((t.day, t.method, t.granted.get("analytics", 0)) for t in again) == sorted(
        (t.day, t.method, t.granted.get("analytics", 0)) for t in found
    )


def test_tallies_outlive_the_records_purge(decided):
    """Once a day is counted, deleting its records (the retention purge) keeps its numbers."""
    tallies.fill(NOW)
    ConsentRecord.objects.filter(created_at__lt=at(TODAY, 0)).delete()
    found = tallies.tallies(TODAY - datetime.timedelta(days=6), TODAY, now=NOW)
    assert sum(t.decisions for t in found) == 4


def test_the_purge_counts_past_days_before_it_deletes_them(policy):
    """Records purged before any view was made still count in the insight."""
    last_week = timezone.now() - datetime.timedelta(days=7)
    record(last_week)
    call_command("purge_consent_records", days=1, stdout=io.StringIO())
    assert not ConsentRecord.objects.exists()
    day = timezone.localdate()
    found = tallies.tallies(day - datetime.timedelta(days=30), day)
    assert [(t.day, t.decisions) for t in found] == [(timezone.localdate(last_week), 1)]


def test_a_day_is_settled_an_hour_after_it_ends(decided):
    """Just after midnight yesterday is still counted live: a late commit can still land."""
    just_after = at(TODAY, 0) + datetime.timedelta(minutes=20)
    tallies.fill(just_after)
    assert not TalliedDay.objects.filter(day=TODAY - datetime.timedelta(days=1)).exists()
    assert TalliedDay.objects.filter(day=TODAY - datetime.timedelta(days=2)).exists()


def test_report_needs_the_consent_report_permission(policy):
    """Without the permission: 403 for the report and its CSV; anonymous: the login."""
    assert Client().get(REPORT).status_code == 302
    plain = auditor()
    refused = plain.get(REPORT)
    assert refused.status_code == 403
    # Inside the admin, with the reason and a way back, not a bare text page.
    html = BeautifulSoup(refused.content, "html.parser")
    assert html.select_one("[data-refused]").text == (
        "You need the permission to view consent records."
    )
    assert html.select_one("main a.button")["href"] == reverse("wagtailadmin_home")
    assert html.select_one("[data-wagtail-sidebar-branding-logo]") is not None
    assert plain.get(REPORT, {"export": "csv"}).status_code == 403


@pytest.mark.languages("en")
def test_report_draws_each_chart_with_its_table(decided):
    """Every chart is an SVG named by its title with a table of the same numbers."""
    client = auditor("view_consent_report")
    first = (timezone.localdate() - datetime.timedelta(days=29)).isoformat()
    record(timezone.now(), method="gpc", granted=["necessary"])
    response = client.get(REPORT, {"start": first, "end": timezone.localdate().isoformat()})
    assert response.status_code == 200
    text = response.text
    assert text.count('<svg xmlns="http://www.w3.org/2000/svg"') == 6
    assert text.count('<table class="listing">') == 6
    assert "Grant rate of each category that can be refused" in text
    assert "Global Privacy Control" in text
    # The policy was published in the period: the time axis marks it.
    assert "cookie-policy-chart-marker" in text
    assert "Cookie policy published, consent version 1" in text
    assert "<script" not in text.split("<main")[1].split("</main>")[0]
    assert " style=" not in "".join(text.split("<svg")[1:]).split("</svg>")[0]


@pytest.mark.languages("en")
def test_grant_rate_counts_every_decision(policy):
    """Two of four decisions granted analytics: 50.0% (withdrawals and rejections count)."""
    day = timezone.localdate()
    for method, granted in [
        ("accept_all", ["necessary", "analytics"]),
        ("custom", ["analytics"]),
        ("reject_all", ["necessary"]),
        ("withdrawal", []),
    ]:
        record(timezone.now(), method=method, granted=granted)
    response = auditor("view_consent_report").get(
        REPORT, {"start": day.isoformat(), "end": day.isoformat()}
    )
    grants = response.context["charts"][1]
    assert [row[1:] for row in grants.rows] == [["2", "4", "50.0%"]]


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2026-03-10", "end": "2026-03-01"},
        {"start": "2020-01-01", "end": "2026-03-01"},
        {"start": "yesterday"},
        {"interval": "month"},
        {"site": "999999"},
        {"start": "9999-12-01", "end": "9999-12-31"},
        {"start": "9999-12-01", "end": "9999-12-31", "export": "csv"},
        {"start": "0001-01-01", "end": "0001-01-02"},
    ],
)
def test_bad_periods_get_a_form_error(policy, query):
    """A reversed, overlong, unreadable or impossible period answers 400 with the form's
    message."""
    response = auditor("view_consent_report").get(REPORT, query)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert "cookie-policy-chart" not in response.text
    assert response.get("Content-Type").startswith("text/html")


def test_csv_export_is_the_aggregated_table_with_formulas_defused(policy):
    """One row per day, language, version and method; a cell starting with = is quoted."""
    record(timezone.now(), method="accept_all", language="=cmd")
    record(timezone.now(), method="accept_all", language="=cmd")
    day = timezone.localdate().isoformat()
    response = auditor("view_consent_report").get(
        REPORT, {"start": day, "end": day, "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # for Excel
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 6  # period, language, version, method, decisions, one category
    assert rows[1] == [day, "'=cmd", "1", "accept_all", "2", "2"]


def test_dashboard_panel_shows_the_last_seven_days(policy):
    """Users with the permission see the week's decisions and a link to the report."""
    record(timezone.now(), method="reject_all", granted=["necessary"])
    record(timezone.now() - datetime.timedelta(days=30))  # outside the week
    allowed = auditor("view_consent_report").get(reverse("wagtailadmin_home"))
    assert 'id="cookie-policy-consent-insight' in allowed.text
    assert REPORT in allowed.text
    panel = allowed.text.split('id="cookie-policy-consent-insight', 1)[1]
    assert "insight-panel-grants" in panel
    assert "Decisions in the last 7 days: 1." in panel
    get_user_model().objects.all().delete()
    assert "cookie-policy-consent-insight" not in auditor().get(reverse("wagtailadmin_home")).text


@pytest.mark.languages("en")
def test_weeks_sum_their_days(policy):
    """Per week: one row per week of the period, adding up to every decision in it."""
    last = timezone.localdate()
    first = last - datetime.timedelta(days=20)
    for days_ago in (0, 1, 8, 15, 20, 25):
        record(timezone.now() - datetime.timedelta(days=days_ago))
    response = auditor("view_consent_report").get(
        REPORT, {"start": first.isoformat(), "end": last.isoformat(), "interval": "week"}
    )
    decisions = response.context["charts"][0]
    assert decisions.title == "Decisions per week by method"
    assert len(decisions.rows) in (3, 4)  # 21 days touch three or four Monday-to-Sunday weeks
    assert sum(int(row[-1]) for row in decisions.rows) == 5  # 25 days ago is outside
    assert decisions.rows[0][0].startswith(first.strftime("%m/%d/%Y"))


def test_a_site_sees_its_own_decisions(policy):
    """Tallies filtered by site count only that site's records, settled or live."""
    site = Site.objects.get()
    other = Site.objects.create(hostname="other.example", root_page=site.root_page)
    record(at(TODAY - datetime.timedelta(days=3)), site=site)
    record(at(TODAY - datetime.timedelta(days=3)), site=other)
    record(at(TODAY, 9), site=other)
    week = (TODAY - datetime.timedelta(days=6), TODAY)
    assert sum(t.decisions for t in tallies.tallies(*week, site_id=site.pk, now=NOW)) == 1
    assert sum(t.decisions for t in tallies.tallies(*week, site_id=other.pk, now=NOW)) == 2
    assert sum(t.decisions for t in tallies.tallies(*week, now=NOW)) == 3


def test_percentages_are_rounded_not_cut():
    from cookie_policy.insight import percent, rate

    assert percent(rate(3, 11)) == "27.3%"
    assert percent(rate(9996, 10000)) == "100.0%"
    assert percent(rate(1, 3)) == "33.3%"
