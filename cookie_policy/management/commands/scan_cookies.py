import sys
from contextlib import contextmanager, nullcontext
from urllib.parse import urlsplit
from urllib.request import urlopen

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.test.testcases import LiveServerThread
from django.utils import timezone
from wagtail.models import Site

from cookie_policy import scan_compare, scan_runs, scanner
from cookie_policy.models import CookieScan

# Exit status when the scan found what fails it (violations, or undeclared cookies on request).
FAILED = 2
# Exit status when it found nothing that fails it but could not visit every page and state: a
# site that is down must not pass.
INCOMPLETE = 1


class Command(BaseCommand):
    help = (
        "Visit the site's pages in headless Chromium before and after each consent choice and "
        "compare the cookies it sets with what the live cookie policy declares."
    )

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--url", help="The site's address, such as https://www.example.com.")
        where.add_argument(
            "--serve",
            action="store_true",
            help="Start a local server on this database and scan it.",
        )
        parser.add_argument(
            "--sitemap", action="store_true", help="Take the pages from /sitemap.xml."
        )
        parser.add_argument(
            "--site", help="The Wagtail site's host name (default: the one the address names)."
        )
        parser.add_argument("--language", action="append", help="Only this language (repeatable).")
        parser.add_argument("--max-pages", type=int, default=200, help="Pages at most (200).")
        parser.add_argument("--max-seconds", type=float, default=600, help="Time limit (600).")
        parser.add_argument("--concurrency", type=int, default=4, help="Pages at once (4).")
        parser.add_argument("--chromium", help="Path of the Chromium executable.")
        parser.add_argument(
            "--json", metavar="FILE", help="Write the report as JSON (- for stdout)."
        )
        parser.add_argument(
            "--fail-on-undeclared",
            action="store_true",
            help="Exit non-zero on undeclared cookies too, not only on violations.",
        )
        parser.add_argument(
            "--scheduled", action="store_true", help="Record the run as started by a schedule."
        )
        parser.add_argument("--user", help="Record the run as started by this user.")

    def handle(self, *args, **options):
        if options["max_pages"] < 1 or options["concurrency"] < 1 or options["max_seconds"] <= 0:
            raise CommandError("--max-pages, --concurrency and --max-seconds must be positive.")
        codes = self.languages(options["language"])
        user = self.user(options["user"])
        started_at = timezone.now()
        with self.server(options["serve"]) as served:
            base_url = (served or options["url"]).rstrip("/") + "/"
            if urlsplit(base_url).scheme not in ("http", "https"):
                raise CommandError("--url must begin with http:// or https://.")
            site = self.site(options["site"], base_url)
            targets = self.targets(site, base_url, codes, options)
            if not targets:
                raise CommandError("No page to scan: the site has no live public page.")
            refusable = scan_runs.refusable_keys(site, codes)
            run_options = scanner.Options(
                concurrency=options["concurrency"],
                max_seconds=options["max_seconds"],
                chromium=options["chromium"],
            )
            try:
                outcome = scanner.scan(targets, refusable, run_options, self.progress(options))
            except scanner.ScanUnavailable as error:
                raise CommandError(str(error)) from None
        findings = scan_runs.compare_all(outcome, site, codes)
        # Addresses as the site is known, not the temporary server's.
        run = scan_runs.save(
            outcome,
            findings,
            site=site,
            base_url="(local server)" if served else base_url,
            codes=codes,
            refusable=refusable,
            started_at=started_at,
            trigger=CookieScan.Trigger.SCHEDULE if options["scheduled"] else "command",
            user=user,
        )
        self.write_report(run, findings, options)
        if self.failed(findings, options["fail_on_undeclared"]):
            sys.exit(FAILED)
        if run.errors or run.timed_out:
            sys.exit(INCOMPLETE)

    def languages(self, chosen):
        configured = [code for code, _name in settings.LANGUAGES]
        unknown = sorted(set(chosen or ()) - set(configured))
        if unknown:
            raise CommandError(
                f"Unknown language {', '.join(unknown)}: choose from {', '.join(configured)}."
            )
        return [code for code in configured if not chosen or code in chosen]

    def user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {username}.") from None

    def site(self, hostname, base_url):
        parts = urlsplit(base_url)
        sites = Site.objects.select_related("root_page")
        site = sites.filter(hostname=hostname or parts.hostname).order_by("-is_default_site")
        site = site.first() or (None if hostname else sites.filter(is_default_site=True).first())
        if site is None:
            raise CommandError(f"No Wagtail site {hostname or parts.hostname}.")
        return site

    def targets(self, site, base_url, codes, options):
        if options["sitemap"]:
            try:
                return scanner.sitemap_targets(base_url, codes, fetch, options["max_pages"])
            except (OSError, ValueError) as error:
                raise CommandError(f"Could not read {base_url}sitemap.xml: {error}") from None
        return scan_runs.page_targets(site, base_url, codes, options["max_pages"])

    def progress(self, options):
        if options["json"] == "-" or not (self.stdout.isatty() or options["verbosity"] > 1):
            return None

        def show(done, total, target, state):
            self.stdout.write(f"[{done}/{total}] {state:<16} {target.url}")

        return show

    def write_report(self, run, findings, options):
        data = scan_runs.report(run, findings)
        if options["json"] == "-":
            self.stdout.write(scanner.to_json(data))
            return
        if options["json"]:
            with open(options["json"], "w", encoding="utf-8") as out:
                out.write(scanner.to_json(data))
        for item in findings:
            if item["severity"] == scan_compare.INFO and options["verbosity"] < 2:
                continue
            where = f" on {item['page']} ({item['state']})" if item["page"] else ""
            self.stdout.write(
                f"{item['severity'].upper():9} {item['language']:5} {item['kind']:15} "
                f"{item['name']}{where}"
            )
        for error in run.errors:
            self.stderr.write(
                f"Could not scan {error['page']} ({error['state']}): {error['error']}"
            )
        if run.timed_out:
            self.stderr.write("The time limit ran out: the scan is incomplete.")
        counts = data["counts"]
        summary = (
            f"{run.pages_visited} pages, {len(run.languages)} languages: "
            f"{counts['violation']} violations, {counts['warning']} warnings, "
            f"{counts['info']} notes."
        )
        self.stdout.write(self.style.ERROR(summary) if counts["violation"] else summary)

    def failed(self, findings, undeclared):
        return any(
            f["severity"] == scan_compare.VIOLATION
            or (undeclared and f["kind"] == scan_compare.UNDECLARED)
            for f in findings
        )

    def server(self, serve):
        return local_server() if serve else nullcontext()


def fetch(url):
    with urlopen(url, timeout=30) as response:  # noqa: S310 - an address the operator gave
        return response.read()


@contextmanager
def local_server():
    """This project's site on a free port of 127.0.0.1, static files included, for the block."""
    # Static files as runserver serves them under DEBUG; otherwise the site's own middleware
    # (WhiteNoise) serves them, hashed names included, as in production.
    handler = StaticFilesHandler if settings.DEBUG else (lambda app: app)
    thread = LiveServerThread("127.0.0.1", handler, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise CommandError(f"Could not start a local server: {thread.error}")
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
