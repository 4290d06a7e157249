"""The daily rollup of consent records, and the sums the consent insight draws from it.

Past days are counted once, on the first view that needs them, into ConsentTally; the days not
yet settled (today, and yesterday in its first hour) are counted live from the records through
their index by time. So the consent endpoint stays one small insert per decision, and a report
over a year reads a few thousand tally rows instead of millions of records. The first view after
a long time counts every day since in one grouped query (one pass over those records); bench/
insight.py measures both.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import ConsentRecord, ConsentTally, TalliedDay

# A decision posted in a day's last moment may commit a little after midnight: a day is counted
# for good only once this long has passed since it ended.
SETTLE = datetime.timedelta(hours=1)
DIMENSIONS = ("day", "site_id", "language", "consent_version", "method")


def zone():
    """Days are the site's days (TIME_ZONE), whatever time zone the admin reads them in."""
    return timezone.get_default_timezone()


def start_of(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone())


def first_unsettled_day(now=None):
    """The first day not yet over for good: its records are counted live."""
    return (timezone.localtime(now or timezone.now(), zone()) - SETTLE).date()


def count_records(since, until=None):
    """{(day, site_id, language, version, method): (decisions, Counter of grants)} for the
    records made from ``since`` (an aware datetime) until ``until`` (excluded, if given)."""
    records = ConsentRecord.objects.filter(created_at__gte=since)
    if until is not None:
        records = records.filter(created_at__lt=until)
    # Grouped by the granted list as well: a site has a handful of distinct lists, so the
    # database returns few rows and no JSON function is needed (SQLite has none for this).
    groups = (
        records.annotate(day=TruncDate("created_at", tzinfo=zone()))
        .values(*DIMENSIONS, "granted")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted = defaultdict(lambda: [0, Counter()])
    for group in groups:
        key = tuple(group[name] for name in DIMENSIONS)
        counted[key][0] += group["n"]
        for category in set(group["granted"] or ()):
            counted[key][1][category] += group["n"]
    return counted


def fill(now=None):
    """Count every settled day not yet in the rollup. Returns how many days it counted."""
    last = first_unsettled_day(now) - datetime.timedelta(days=1)
    done = TalliedDay.objects.aggregate(last=Max("day"))["last"]
    if done is None:
        first_record = ConsentRecord.objects.aggregate(first=Min("created_at"))["first"]
        if first_record is None:
            return 0
        first = timezone.localtime(first_record, zone()).date()
    else:
        first = done + datetime.timedelta(days=1)
    if first > last:
        return 0
    counted = count_records(start_of(first), start_of(last + datetime.timedelta(days=1)))
    tallies = [
        ConsentTally(**dict(zip(DIMENSIONS, key, strict=True)), decisions=n, granted=dict(grants))
        for key, (n, grants) in counted.items()
    ]
    days = [
        TalliedDay(day=first + datetime.timedelta(days=offset))
        for offset in range((last - first).days + 1)
    ]
    try:
        with transaction.atomic():
            TalliedDay.objects.bulk_create(days, batch_size=1000)
            ConsentTally.objects.bulk_create(tallies, batch_size=1000)
    except IntegrityError:
        return 0  # another view counted these days first, with the same numbers
    return len(days)


@dataclass
class Tally:
    """One row of counts: a day, site, language, consent version and method."""

    day: datetime.date
    site_id: int | None
    language: str
    consent_version: int
    method: str
    decisions: int
    granted: dict = field(default_factory=dict)


def tallies(first, last, site_id=None, now=None):
    """Every Tally from day ``first`` to day ``last`` (both included), settled or not."""
    fill(now)
    live_from = first_unsettled_day(now)
    settled = ConsentTally.objects.filter(day__gte=first, day__lte=last, day__lt=live_from)
    if site_id is not None:
        settled = settled.filter(site_id=site_id)
    found = [
        Tally(*values)
        for values in settled.values_list(*DIMENSIONS, "decisions", "granted").order_by()
    ]
    if last >= live_from:
        since = start_of(max(first, live_from))
        until = start_of(last + datetime.timedelta(days=1))
        for key, (n, grants) in count_records(since, until).items():
            if site_id is None or key[1] == site_id:
                found.append(Tally(*key, n, dict(grants)))
    return found
