"""`make bench`: one run, one table of ratios, also written to docs/benchmarks.md.

Runs in .bench/venv from the repository root, on a throwaway PostgreSQL database and a key prefix
of its own in the local Redis, both removed at the end. Every loop is bounded in count and time,
and an alarm stops the whole run if it ever overstays.
"""

import gzip
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
from itertools import accumulate
from pathlib import Path

import django
import psycopg
from psycopg import sql
from redis import Redis

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
NPM = WORK / "npm" / "node_modules"
DATABASE = f"cookie_policy_bench_{os.getpid()}"
SERVER = "postgresql://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/0"
SETUP_TIMEOUT = 180
# The run keeps within this: the test suite, timed last, gets what is left of it (a minute at
# least). The alarm, a minute later, stops a run that hangs outside the bounded steps.
BUDGET = 30 * 60
ALARM = BUDGET + 60


def bounded(command, timeout, **kwargs):
    """Run ``command`` in a process group of its own, killed whole if it overstays."""
    process = subprocess.Popen(command, start_new_session=True, text=True, **kwargs)  # noqa: S603
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, output)
    return output


def manage(*args):
    with open(WORK / "setup.log", "a") as log:
        bounded(
            [sys.executable, "manage.py", *args], SETUP_TIMEOUT, cwd=ROOT, stdout=log, stderr=log
        )


def on_server(statement):
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as server:
        server.execute(sql.SQL(statement).format(sql.Identifier(DATABASE)))


def alarm(signum, frame):
    raise TimeoutError(f"the bench ran past {ALARM // 60} minutes")


def ratio(numerator, denominator, digits=2):
    return f"{numerator / denominator:.{digits}f}" if denominator > 0 else "n/a: within noise"


def page_rows(seconds, counts, rounds):
    from .pages import PAGES

    rows = []
    for page, url in PAGES.items():
        ours, none, dcc = (seconds[variant, page] for variant in ("ours", "none", "dcc"))
        rate = none / ours
        rows.append(
            (
                f"`{url}` views/s ({rounds} rounds): with our banner ÷ without",
                f"{1 / ours:.0f}/s",
                f"{1 / none:.0f}/s",
                f"{rate:.3f}",
                "≥ 0.97: " + ("met" if rate >= 0.97 else "missed"),
            )
        )
        rows.append(
            (
                f"`{url}` banner cost per view: django-cookie-consent ÷ ours",
                f"{(ours - none) * 1e6:.0f} µs",
                f"{(dcc - none) * 1e6:.0f} µs",
                ratio(dcc - none, ours - none) if dcc > none else "n/a: within noise",
                "",
            )
        )
        cold, warm = counts["ours", page]
        none_cold, none_warm = counts["none", page]
        dcc_cold, dcc_warm = counts["dcc", page]
        rows.append(
            (
                f"`{url}` queries cold / warm: ours; no banner · django-cookie-consent",
                f"{cold} / {warm}",
                f"{none_cold} / {none_warm} · {dcc_cold} / {dcc_warm}",
                f"{cold - none_cold:+d} / {warm - none_warm:+d} vs no banner",
                "warm +0: " + ("met" if warm <= none_warm else "missed"),
            )
        )
    return rows


def history_rows(publishing, lone, busy, rounds):
    from .history import PUBLICATIONS

    rate = lone / busy
    return [
        (
            f"Policy page views/s ({rounds} rounds): after {PUBLICATIONS} publications ÷ after 1",
            f"{1 / busy:.0f}/s",
            f"{1 / lone:.0f}/s",
            f"{rate:.3f}",
            "≥ 0.95: " + ("met" if rate >= 0.95 else "missed"),
        ),
        (
            f"Publishing the policy page, mean of {PUBLICATIONS - 1}",
            f"{publishing / (PUBLICATIONS - 1) * 1000:.0f} ms",
            "",
            "",
            "",
        ),
    ]


def load_rows(totals):
    from .load import CLIENTS, WORKERS, p95

    endpoint, bare = totals["endpoint"], totals["bare"]
    rate, bare_rate = statistics.median(endpoint.per_second), statistics.median(bare.per_second)
    # The median of each round's own ratio: the machine's speed drifts between rounds.
    pairs = zip(endpoint.per_second, bare.per_second, strict=True)
    paired = statistics.median(e / b for e, b in pairs)
    latency, bare_latency = p95(endpoint.latencies), p95(bare.latencies)
    rows = [
        (
            f"Consent POST/s, gunicorn {WORKERS} workers, {CLIENTS} clients, each post a new "
            f"visitor's ({len(endpoint.per_second)} rounds, median of their ratios): "
            "endpoint ÷ bare insert",
            f"{rate:.0f}/s",
            f"{bare_rate:.0f}/s",
            f"{paired:.2f}",
            "≥ 0.85: " + ("met" if paired >= 0.85 else "missed"),
        ),
        (
            "Consent POST p95 latency: endpoint ÷ bare insert",
            f"{latency * 1000:.1f} ms",
            f"{bare_latency * 1000:.1f} ms",
            ratio(latency, bare_latency),
            "≤ 1.3: " + ("met" if latency <= 1.3 * bare_latency else "missed"),
        ),
        (
            "Rows written ÷ posts accepted: endpoint; bare insert",
            f"{endpoint.written} ÷ {endpoint.accepted}",
            f"{bare.written} ÷ {bare.accepted}",
            "; ".join(ratio(t.written, t.accepted, 3) for t in (endpoint, bare)),
            "1.000",
        ),
    ]
    for name, total in totals.items():
        if total.refused:
            answers = ", ".join(
                f"{n} × {status or 'no answer'}" for status, n in total.refused.items()
            )
            rows.append((f"Consent posts not accepted ({name})", answers, "", "", "none"))
    return rows


def publish_rows(found):
    from .publish import SIZES

    small, large = SIZES
    (publish, purge, urls), (small_publish, small_purge, small_urls) = found[large], found[small]
    rate = publish / small_publish
    return [
        (
            f"Banner publish with a frontend cache: {large:,} live pages ÷ {small}",
            f"{publish * 1000:.0f} ms",
            f"{small_publish * 1000:.0f} ms",
            f"{rate:.2f}",
            "≤ 1.2: " + ("met" if rate <= 1.2 else "missed"),
        ),
        (
            f"Purge after it, in the background: {large:,} live pages ÷ {small}",
            f"{purge:.2f} s, {urls:,} URLs",
            f"{small_purge:.2f} s, {small_urls:,} URLs",
            ratio(purge, small_purge, 0),
            "",
        ),
    ]


def asset_rows(found):
    from .assets import VISIT

    def total(mode, visit, pages):
        views = [both[visit] for both in found[mode][:pages]]
        return sum(v.bytes for v in views), sum(v.requests for v in views)

    rows = []
    for label, visit, pages in (
        (f"`{VISIT[0]}` alone, empty cache", 0, 1),
        (f"{len(VISIT)}-page visit, empty cache", 0, len(VISIT)),
        (f"The same {len(VISIT)} pages again, warm cache", 1, len(VISIT)),
    ):
        (external, external_requests), (inline, inline_requests) = (
            total(mode, visit, pages) for mode in ("external", "inline")
        )
        rows.append(
            (
                f"{label}: bytes received, requests; asset mode external ÷ inline",
                f"{external / 1024:.1f} KB, {external_requests}",
                f"{inline / 1024:.1f} KB, {inline_requests}",
                ratio(external, inline),
                "",
            )
        )
    # From an empty cache: the first page view after which external has cost fewer bytes in all.
    spent = {
        mode: list(accumulate(first.bytes for first, _again in found[mode]))
        for mode in ("external", "inline")
    }
    cheaper = [
        number
        for number, (external, inline) in enumerate(zip(*spent.values(), strict=True), 1)
        if external < inline
    ]
    rows.append(
        (
            "Asset mode external has cost fewer bytes than inline, from an empty cache",
            f"from page {cheaper[0]} on" if cheaper else f"not within {len(VISIT)} pages",
            "",
            "",
            "",
        )
    )
    return rows


def insight_rows(found):
    records, seeding, cold, warm, raw, dashboard, rounds = found
    return [
        (
            f"Consent insight, a year of {records:,} records, weekly: report view ÷ "
            f"the same grouped count over the records (median of {rounds})",
            f"{warm * 1000:.0f} ms",
            f"{raw * 1000:.0f} ms",
            ratio(warm, raw),
            "view < 1 s: " + ("met" if warm < 1 else "missed"),
        ),
        (
            "Consent insight, its first view: fills a year of the daily rollup",
            f"{cold:.2f} s",
            f"seeding: {seeding:.1f} s",
            "",
            "",
        ),
        (
            f"Dashboard with the insight panel, {records:,} records (median of {rounds})",
            f"{dashboard * 1000:.0f} ms",
            "",
            "",
            "",
        ),
    ]


def scan_rows(seconds, found):
    from .scan import BUDGET_SECONDS

    if found is None:
        return [("Cookie scan of the demo", f"stopped after {seconds:.0f} s", "", "", "missed")]
    counts = found["counts"]
    return [
        (
            f"Cookie scan of the demo, {found['pages_visited']} pages in "
            f"{len(found['languages'])} languages, every consent state: time ÷ budget",
            f"{seconds:.0f} s",
            f"{BUDGET_SECONDS} s",
            ratio(seconds, BUDGET_SECONDS),
            "≤ 1: " + ("met" if seconds <= BUDGET_SECONDS else "missed"),
        ),
        (
            "Cookie scan of the demo: violations, warnings",
            f"{counts['violation']}, {counts['warning']}",
            "",
            "",
            "0 violations: " + ("met" if not counts["violation"] else "missed"),
        ),
    ]


def gzipped(paths):
    return sum(len(gzip.compress(path.read_bytes(), 9, mtime=0)) for path in paths)


def npm_package(name, *files):
    version = json.loads((NPM / name / "package.json").read_text(encoding="utf-8"))["version"]
    return f"{name} {version}", [NPM / name / "dist" / file for file in files]


def payload_rows():
    import cookie_consent

    static = ROOT / "cookie_policy" / "static" / "cookie_policy"
    ours = gzipped([static / "banner.js", static / "banner.css"])
    dcc_script = Path(cookie_consent.__file__).parent / "static/cookie_consent/cookiebar.module.js"
    others = [
        npm_package("vanilla-cookieconsent", "cookieconsent.umd.js", "cookieconsent.css"),
        npm_package("klaro", "klaro-no-css.js", "klaro.css"),
        (f"django-cookie-consent {cookie_consent.__version__}", [dcc_script]),
    ]
    return [
        (
            f"Banner script + stylesheet, gzip -9: ours ÷ {name}",
            f"{ours} B",
            f"{gzipped(files)} B",
            ratio(ours, gzipped(files)),
            "",
        )
        for name, files in others
    ]


def suite_row(environment, timeout):
    start = time.perf_counter()
    try:
        output = bounded(
            [ROOT / ".venv" / "bin" / "python", "-m", "pytest", "-q", "-p", "no:randomly"],
            timeout,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
    except subprocess.CalledProcessError as failed:
        output = failed.output  # failing tests still give a time; the summary says how many
    except subprocess.TimeoutExpired:
        output = f"stopped after {timeout:.0f} s, unfinished"
    seconds = time.perf_counter() - start
    # Kept: the summary line says how many failed, the log says which.
    (WORK / "suite.log").write_text(output)
    summary = re.sub(r"\s+in [\d.]+s.*$", "", output.strip().splitlines()[-1].strip("= "))
    return ("Test suite wall time, `pytest -q -p no:randomly`", f"{seconds:.0f} s", summary, "", "")


def main(only=()):
    """Run every step, or only the steps named in ``only`` (payload, pages, history, load,
    publish, assets, scan, insight, suite): a quick look at one, not the table to publish."""

    def wanted(step):
        return not only or step in only

    started, load_before = time.monotonic(), os.getloadavg()
    signal.signal(signal.SIGALRM, alarm)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench: stopped"))
    signal.alarm(ALARM)
    suite_environment = dict(os.environ)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=f"bench-only-{secrets.token_urlsafe(40)}",
        DATABASE_URL=f"{SERVER}/{DATABASE}",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=DATABASE,
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
    )
    WORK.mkdir(exist_ok=True)
    (WORK / "setup.log").unlink(missing_ok=True)
    on_server("CREATE DATABASE {}")
    try:
        print(f"bench: setting up {DATABASE} (log: .bench/setup.log)", flush=True)
        manage("migrate", "--noinput", "-v", "0")
        manage("load_content")
        manage("collectstatic", "--noinput", "-v", "0")
        django.setup()
        from . import assets, history, insight, load, pages, publish, report, scan

        rows = payload_rows() if wanted("payload") else []
        if wanted("pages"):
            print("bench: page views in process", flush=True)
            rows += page_rows(*pages.measure(WORK))
        if wanted("history"):
            print(f"bench: the policy page after {history.PUBLICATIONS} publications", flush=True)
            rows += history_rows(*history.measure())
        # Before the publish step, whose 10,000 pages the scan would otherwise follow.
        if wanted("scan"):
            print("bench: the cookie scan of the demo in Chromium", flush=True)
            with open(WORK / "scan.log", "w") as log:
                rows += scan_rows(*scan.measure(log, bounded))
        if wanted("load"):
            print("bench: consent posts under gunicorn", flush=True)
            with open(WORK / "gunicorn.log", "w") as log:
                rows += load_rows(load.measure(log))
        if wanted("publish"):
            print("bench: publishing on 10 and 10,000 pages", flush=True)
            rows += publish_rows(publish.measure())
        if wanted("assets"):
            print("bench: a five-page visit in Chromium, per asset mode", flush=True)
            with open(WORK / "assets.log", "w") as log:
                rows += asset_rows(assets.measure(log))
        # After the load test, which counts the records it writes.
        if wanted("insight"):
            print(f"bench: consent insight over {insight.RECORDS:,} records", flush=True)
            rows += insight_rows(insight.measure())
        if wanted("suite"):
            print("bench: test suite", flush=True)
            left = BUDGET - (time.monotonic() - started) - 15
            rows.append(suite_row(suite_environment, max(60, left)))
        rows = [report.Row(*row) for row in rows]
        print(report.table(rows), flush=True)
        if not only:
            (ROOT / "docs").mkdir(exist_ok=True)
            report.write(
                ROOT / "docs" / "benchmarks.md",
                rows,
                (time.monotonic() - started) / 60,
                load_before,
            )
    finally:
        signal.alarm(0)
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        on_server("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        redis = Redis.from_url(REDIS_URL)
        for key in redis.scan_iter(f"{DATABASE}:*"):
            redis.delete(key)


if __name__ == "__main__":
    main(set(sys.argv[1:]))
