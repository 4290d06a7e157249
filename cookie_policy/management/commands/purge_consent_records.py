from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cookie_policy import conf, tallies
from cookie_policy.models import ConsentRecord

BATCH = 1000


class Command(BaseCommand):
    help = "Delete consent records older than COOKIE_POLICY_RECORD_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days instead.")

    def handle(self, *args, days=None, **options):
        days = conf.get("RECORD_RETENTION_DAYS") if days is None else days
        if days < 0:
            raise CommandError("--days must be zero or more.")
        cutoff = timezone.now() - timedelta(days=days)
        # Count the settled days first: the consent insight keeps their numbers after the purge.
        tallies.fill()
        deleted = 0
        # Small batches keep each transaction short while visitors keep adding records.
        while True:
            batch = list(
                ConsentRecord.objects.filter(created_at__lt=cutoff).values_list("pk", flat=True)[
                    :BATCH
                ]
            )
            if not batch:
                break
            deleted += ConsentRecord.objects.filter(pk__in=batch).delete()[0]
        self.stdout.write(f"Deleted {deleted} consent records older than {days} days.")
