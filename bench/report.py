"""The one table of a bench run, printed and written with the machine it ran on."""

import os
import platform
from collections import namedtuple
from datetime import UTC, datetime

import django
import gunicorn
import wagtail
from django.conf import settings
from django.db import connection
from redis import Redis

Row = namedtuple("Row", "measure ours reference ratio target")
HEADER = Row("Measure", "Ours", "Reference", "Ratio", "Target")

METHOD = """\
How each row is measured (`bench/`):

- **Views/s with our banner ÷ without**: the site's own `base.html` in three variants that differ
  only in the banner tags (ours; none; django-cookie-consent's), rendered through the full
  middleware stack in one process with Django's test client, against PostgreSQL and Redis. The
  variants take turns view by view (`bench/loaders.py` switches base.html); a round is 50 views of
  each page per variant; the median of the rounds is shown.
- **Banner cost per view**: seconds per view with a banner minus without, from the same rounds.
  django-cookie-consent 1.0 is set up as its JavaScript integration guide says (a `<template>`,
  `{% all_cookie_groups %}` and the `showCookieBar` module), with its cookie groups and cookies
  copied from our live policy. Its banner offers accept and decline only: no settings dialog, no
  no-JavaScript form, no inline stylesheet.
- **Views/s after 500 publications ÷ after 1**: two copies of the demo's policy page, one
  published once and one 500 times through Wagtail's publish path (each publication rewording a
  category, so each adds to the public version history), viewed in turns, 50 views a round; the
  median of the rounds. The mean publish time of those 499 publications is shown beside it.
- **Queries cold / warm**: the first view after the banner, django-cookie-consent and Wagtail
  site caches are dropped, then the next view.
- **Banner script + stylesheet**: each file compressed with gzip level 9, summed. Ours:
  `banner.js` and `banner.css` (inlined into the page by default); vanilla-cookieconsent:
  `cookieconsent.umd.js` and `cookieconsent.css`; klaro: `klaro-no-css.js` and `klaro.css`;
  django-cookie-consent: `cookiebar.module.js` (it ships no stylesheet).
- **Consent POST/s**: gunicorn with sync workers on a throwaway PostgreSQL database, concurrent
  clients on loopback posting `choice=all` as the no-JavaScript form does (a 303 answer), with
  a same-origin `Origin` header, each post a new visitor's (`X-Forwarded-For` behind one trusted
  proxy) under the default rate limit. The reference is a view that inserts one row into the
  same table and nothing else (`bench/views.py`), routed right after the endpoint. Each round
  runs both back to back; the ratio is the median of nine rounds' own ratios after a warm-up
  round (the machine's speed drifts between rounds); p95 over every timed post.
- **Rows written ÷ posts accepted**: rows counted before and after each round against 303 (or
  200) answers, warm-up included. 1.000 means nothing accepted was lost.
- **Banner publish with a frontend cache**: `bench/publish.py` on the same database, with
  `WAGTAILFRONTENDCACHE` set to a backend that counts the URLs it is sent. The site has 10 live
  pages, then 10,000 more are added in one insert. The banner is published as the admin does it
  (a revision saved and published in one transaction), timed until the commit has run its
  on-commit work; median of 7 publishes after a warm-up. The purge runs in a thread of its own:
  it is timed from the start of the publish until the backend has its last URL, and awaited
  before the next publish.
- **Five-page visit, per asset mode**: `bench/assets.py`. gunicorn (2 sync workers, HTTP/1.1
  on loopback) serves the demo with the production settings, once with
  `COOKIE_POLICY_ASSET_MODE = "inline"` and once with `"external"`. WhiteNoise serves the
  collected static files under hashed names with `Cache-Control: max-age=315360000, public,
  immutable`, and their gzip -9 copies; Django's `GZipMiddleware` (level 6, without its random
  BREACH padding) compresses the pages as a proxy in front would. Chromium, in a fresh context,
  opens `/en/`, the policy page, its versions, the consent document and the cookie settings page,
  then the same five again without making a choice. Bytes are what the Chrome DevTools Protocol
  reports as received (`Network.loadingFinished` `encodedDataLength`: headers and compressed
  body); a request is one that reached the server, not answered from the browser's cache. Pages
  carry no `Cache-Control`, so each is fetched again; the hashed files are not.
- **Consent insight**: `bench/insight.py`. 1,000,000 consent records over the last 365 days
  (two languages, two consent versions, every method), made by PostgreSQL in one
  `INSERT … SELECT` over `generate_series` and analysed. Reports → Consent insight for the whole
  year, per week, is opened as a superuser through Django's test client: the first view fills the
  daily rollup (`cookie_policy/tallies.py`), the median of the next 7 is the report's time. The
  reference is the same grouped count run straight over the records, as the report would cost
  without the rollup. The dashboard, with its insight panel for the last 7 days, is timed likewise.
- **Test suite**: wall time of `.venv/bin/python -m pytest -q -p no:randomly` on this machine.

Absolute numbers depend on the machine and on what else ran; compare the ratios, which come from
one run.
"""


def table(rows):
    def line(row):
        return "| " + " | ".join(str(cell) for cell in row) + " |"

    return "\n".join(
        [line(HEADER), "| --- | ---: | ---: | ---: | --- |", *(line(row) for row in rows)]
    )


def machine(load):
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for text in cpuinfo:
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    redis = Redis.from_url(settings.CACHES["redis"]["LOCATION"]).info("server")["redis_version"]
    return (
        f"{model}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"Django {django.get_version()}, Wagtail {wagtail.__version__}, "
        f"gunicorn {gunicorn.__version__}, PostgreSQL {postgres}, Redis {redis}. Load average "
        "before the run (1, 5, 15 minutes): " + ", ".join(f"{average:.1f}" for average in load)
    )


def write(path, rows, minutes, load):
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    path.write_text(
        "# Benchmarks\n\n"
        f"`make bench`, run on {when} in {minutes:.1f} minutes.\n\n"
        f"Machine: {machine(load)}.\n\n"
        f"{table(rows)}\n\n{METHOD}",
        encoding="utf-8",
    )
