"""Consent insight: the sums of a period of consent decisions, as charts with their tables and
as the rows of a CSV, in the reader's language.

Reports → Consent insight (``reports``) and the dashboard panel (``dashboard``) show it; the
numbers come from the daily rollup (``tallies``), the drawings from ``charts``.
"""

import datetime
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, PageLogEntry

from . import changes, charts, languages, tallies
from .models import ConsentBanner, ConsentRecord, CookiePolicyPage

METHODS = ConsentRecord.Method


def count(value):
    return number_format(value, decimal_pos=0, force_grouping=True)


def percent(value):
    if value is None:
        return "—"
    # Rounded first: number_format cuts a float's decimals off (27.27 would read 27.2).
    return _("%(number)s%%") % {"number": number_format(round(value, 1), decimal_pos=1)}


def rate(part, whole):
    return part / whole * 100 if whole else None


def share(part, whole):
    return f"{count(part)} ({percent(rate(part, whole))})"


def short_date(day):
    # E: the month as a date names it (Russian "26 октября", not the nominative "Октябрь").
    return date_format(day, get_format("MONTH_DAY_FORMAT").replace("F", "E"))


def full_date(day):
    return date_format(day, get_format("SHORT_DATE_FORMAT"))


def language_label(code):
    return f"{languages.name(code)} ({code})"


def version_label(version):
    return _("version %(number)s") % {"number": version}


def today():
    return timezone.localtime(timezone.now(), tallies.zone()).date()


def refusable_categories(site=None):
    """([(key, title)], {key}): the refusable categories of the live policies, titled in the
    admin's language, and the keys of their required ones."""
    found, required = {}, set()
    for page in CookiePolicyPage.objects.live().specific():
        if site is not None and not page.path.startswith(site.root_page.path):
            continue
        for key, category in changes.categories(page.body).items():
            if category.get("required"):
                required.add(key)
            else:
                found.setdefault(key, category.get("title") or key)
    return [(key, title) for key, title in found.items() if key not in required], required


def publications(first, last, site=None):
    """[(time, text)]: the policy and banner publications from day ``first`` to ``last``."""
    since = tallies.start_of(first)
    until = tallies.start_of(last + datetime.timedelta(days=1))
    found = []
    policies = CookiePolicyPage.objects.all()
    if site is not None:
        policies = policies.filter(path__startswith=site.root_page.path)
    entries = PageLogEntry.objects.filter(
        action="wagtail.publish",
        page__in=policies,
        timestamp__gte=since,
        timestamp__lt=until,
    ).select_related("revision")
    for entry in entries:
        version = (entry.revision.content or {}).get("consent_version") if entry.revision else None
        if version:
            text = _("Cookie policy published, consent version %(number)s") % {"number": version}
        else:
            text = _("Cookie policy published")
        found.append((entry.timestamp, text))
    banners = ConsentBanner.objects.all()
    if site is not None:
        banners = banners.filter(site__in=[site, None])
    entries = ModelLogEntry.objects.filter(
        action="wagtail.publish",
        content_type=ContentType.objects.get_for_model(ConsentBanner),
        object_id__in=[str(pk) for pk in banners.values_list("pk", flat=True)],
        timestamp__gte=since,
        timestamp__lt=until,
    )
    found += [(entry.timestamp, _("Consent banner published")) for entry in entries]
    return sorted(found, key=lambda item: item[0])


class Insight:
    """The sums of one period, split by time, method, category, language and consent version."""

    def __init__(self, first, last, interval="day", site=None, now=None):
        self.first, self.last, self.interval, self.site = first, last, interval, site
        self.rows = tallies.tallies(first, last, site.pk if site else None, now)
        self.categories, required = refusable_categories(site)
        known = {key for key, _title in self.categories}
        seen = sorted({key for row in self.rows for key in row.granted} - known - required)
        self.categories += [(key, key) for key in seen]  # granted once, no longer offered
        self.periods = self.period_starts()
        self.by_period = defaultdict(Counter)
        self.methods, self.grants = Counter(), Counter()
        self.by_language = defaultdict(lambda: {"methods": Counter(), "grants": Counter()})
        self.by_version = defaultdict(lambda: {"methods": Counter(), "grants": Counter()})
        for row in self.rows:
            self.by_period[self.period_of(row.day)][row.method] += row.decisions
            self.methods[row.method] += row.decisions
            self.grants.update(row.granted)
            for split, key in (
                (self.by_language, row.language),
                (self.by_version, row.consent_version),
            ):
                split[key]["methods"][row.method] += row.decisions
                split[key]["grants"].update(row.granted)
        self.total = sum(self.methods.values())

    def period_of(self, day):
        return day - datetime.timedelta(days=day.weekday()) if self.interval == "week" else day

    def period_starts(self):
        step = datetime.timedelta(days=7 if self.interval == "week" else 1)
        day, found = self.period_of(self.first), []
        while day <= self.last:
            found.append(day)
            day += step
        return found

    def period_label(self, start):
        if self.interval == "day":
            return full_date(start)
        # The first and last weeks count only the days inside the period: they say so.
        start, end = max(start, self.first), min(start + datetime.timedelta(days=6), self.last)
        return _("%(start)s – %(end)s") % {"start": full_date(start), "end": full_date(end)}

    def position(self, moment):
        """Where ``moment`` falls on the time axis, in periods from its left edge."""
        local = timezone.localtime(moment, tallies.zone())
        days = (local.date() - self.periods[0]).days + local.hour / 24 + local.minute / 1440
        return days / (7 if self.interval == "week" else 1)

    def method_series(self, values_for):
        methods = list(METHODS)
        return [
            charts.Series(str(method.label), values_for(method), colour)
            for method, colour in zip(methods, charts.colours(len(methods)), strict=True)
        ]

    def category_series(self, values_for):
        return [
            charts.Series(title, values_for(key), colour)
            for (key, title), colour in zip(
                self.categories, charts.colours(len(self.categories)), strict=True
            )
        ]

    def decisions_chart(self, markers):
        labels = [short_date(day) for day in self.periods]
        series = self.method_series(lambda m: [self.by_period[p][m] for p in self.periods])
        title = (
            _("Decisions per day by method")
            if self.interval == "day"
            else _("Decisions per week by method")
        )
        svg = charts.columns(
            "insight-decisions",
            title,
            labels,
            series,
            [(self.position(moment), text) for moment, text in markers],
            number=count,
        )
        rows = [
            [
                self.period_label(p),
                *(count(self.by_period[p][m]) for m in METHODS),
                count(sum(self.by_period[p].values())),
            ]
            for p in self.periods
        ]
        headings = [_("Period"), *(str(m.label) for m in METHODS), _("All decisions")]
        return charts.Chart("insight-decisions", title, svg, headings, rows)

    def grant_chart(self, slug="insight-grants"):
        title = _("Grant rate of each category that can be refused")
        rates = [rate(self.grants[key], self.total) for key, _title in self.categories]
        labels = [title_ for _key, title_ in self.categories]
        series = [charts.Series(_("Grant rate"), rates, charts.PALETTE[0])]
        svg = charts.bars(slug, title, labels, series, 100, number=percent)
        rows = [
            [label, count(self.grants[key]), count(self.total), percent(value)]
            for (key, label), value in zip(self.categories, rates, strict=True)
        ]
        headings = [_("Category"), _("Granted"), _("Decisions"), _("Grant rate")]
        return charts.Chart(slug, title, svg, headings, rows)

    def split_charts(self, slug, split, label, heading, method_title, grant_title):
        keys = sorted(split)
        groups = [label(key) for key in keys]
        totals = {key: sum(split[key]["methods"].values()) for key in keys}
        shares = self.method_series(
            lambda m: [rate(split[key]["methods"][m], totals[key]) for key in keys]
        )
        methods = charts.Chart(
            f"{slug}-methods",
            method_title,
            charts.bars(f"{slug}-methods", method_title, groups, shares, 100, number=percent),
            [heading, *(str(m.label) for m in METHODS), _("All decisions")],
            [
                [
                    group,
                    *(share(split[key]["methods"][m], totals[key]) for m in METHODS),
                    count(totals[key]),
                ]
                for key, group in zip(keys, groups, strict=True)
            ],
        )
        rates = self.category_series(
            lambda c: [rate(split[key]["grants"][c], totals[key]) for key in keys]
        )
        grants = charts.Chart(
            f"{slug}-grants",
            grant_title,
            charts.bars(f"{slug}-grants", grant_title, groups, rates, 100, number=percent),
            [heading, *(title for _key, title in self.categories)],
            [
                [
                    group,
                    *(
                        percent(rate(split[key]["grants"][c], totals[key]))
                        for c, _t in self.categories
                    ),
                ]
                for key, group in zip(keys, groups, strict=True)
            ],
        )
        return [methods, grants]

    def charts(self):
        markers = publications(self.first, self.last, self.site)
        decisions = self.decisions_chart(markers)
        decisions.notes = [
            (full_date(timezone.localtime(moment, tallies.zone()).date()), text)
            for moment, text in markers
        ]
        return [
            decisions,
            self.grant_chart(),
            *self.split_charts(
                "insight-language",
                self.by_language,
                language_label,
                _("Language"),
                _("Methods by language"),
                _("Grant rate by language"),
            ),
            *self.split_charts(
                "insight-version",
                self.by_version,
                version_label,
                _("Consent version"),
                _("Methods by consent version"),
                _("Grant rate by consent version"),
            ),
        ]

    def csv_rows(self):
        """The table behind the charts: one row per period, language, version and method."""
        summed = defaultdict(lambda: [0, Counter()])
        for row in self.rows:
            key = (self.period_of(row.day), row.language, row.consent_version, row.method)
            summed[key][0] += row.decisions
            summed[key][1].update(row.granted)
        yield [
            _("Period starting"),
            _("Language"),
            _("Consent version"),
            _("Method"),
            _("Decisions"),
            *(_("Granted: %(category)s") % {"category": title} for _k, title in self.categories),
        ]
        for (period, language, version, method), (n, grants) in sorted(summed.items()):
            yield [
                period.isoformat(),
                language,
                version,
                method,
                n,
                *(grants[key] for key, _title in self.categories),
            ]
