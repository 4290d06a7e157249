"""Consent insight over a year of 1,000,000 consent records, on PostgreSQL.

The records are made by the database itself (one INSERT … SELECT over generate_series: a few
seconds, no rows through Python), spread over the last 365 days in two languages, two consent
versions and every method. Then the report for the whole year is opened as an admin would:
the first view fills the daily rollup; the later views read it. The baseline is the same
grouped count straight over the records, which is what the report would cost without a rollup.
"""

import datetime
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cookie_policy import tallies
from cookie_policy.models import ConsentRecord, ConsentTally, TalliedDay

RECORDS = 1_000_000
DAYS = 365
ROUNDS = 7

SEED = """
INSERT INTO cookie_policy_consentrecord
    (consent_id, created_at, site_id, language, consent_version, granted, method)
SELECT
    'bench-' || lpad(n::text, 16, '0'),
    now() - (n %% %(days)s) * interval '1 day' - (n %% 86400) * interval '1 second',
    %(site)s,
    CASE WHEN n %% 3 = 0 THEN 'ru' ELSE 'en' END,
    CASE WHEN n %% %(days)s < 90 THEN 2 ELSE 1 END,
    CASE
        WHEN n %% 10 < 4 THEN '["necessary", "functional", "analytics", "advertising"]'
        WHEN n %% 10 < 7 THEN '["necessary"]'
        WHEN n %% 10 < 9 THEN '["necessary", "analytics"]'
        ELSE '[]'
    END::jsonb,
    CASE
        WHEN n %% 10 < 4 THEN 'accept_all'
        WHEN n %% 10 < 7 THEN 'reject_all'
        WHEN n %% 10 < 9 THEN 'custom'
        WHEN n %% 20 = 9 THEN 'withdrawal'
        ELSE 'gpc'
    END
FROM generate_series(1, %(records)s) AS n
"""


def seed(site_id):
    with connection.cursor() as cursor:
        cursor.execute(SEED, {"days": DAYS, "site": site_id, "records": RECORDS})
        cursor.execute("ANALYZE cookie_policy_consentrecord")


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure():
    """(records, seconds to seed, first view, median later view, median raw grouped count,
    median dashboard view, rounds)."""
    from wagtail.models import Site

    ConsentTally.objects.all().delete()
    TalliedDay.objects.all().delete()
    seeding = timed(lambda: seed(Site.objects.get(is_default_site=True).pk))
    records = ConsentRecord.objects.count()
    admin = get_user_model().objects.create_superuser(
        "bench-insight", "bench-insight@example.com", None
    )
    client = Client()
    client.force_login(admin)
    last = timezone.localdate()
    first = last - datetime.timedelta(days=DAYS - 1)
    url = reverse("cookie_policy_consent_insight")
    query = {"start": first.isoformat(), "end": last.isoformat(), "interval": "week"}

    def view(address=url, data=None):
        response = client.get(address, data)
        if response.status_code != 200:
            raise RuntimeError(f"GET {address} answered {response.status_code}")

    cold = timed(lambda: view(url, query))
    warm = [timed(lambda: view(url, query)) for _round in range(ROUNDS)]
    raw = [
        timed(lambda: tallies.count_records(tallies.start_of(first))) for _round in range(ROUNDS)
    ]
    home = reverse("wagtailadmin_home")
    dashboard = [timed(lambda: view(home)) for _round in range(ROUNDS)]
    return (
        records,
        seeding,
        cold,
        statistics.median(warm),
        statistics.median(raw),
        statistics.median(dashboard),
        ROUNDS,
    )
