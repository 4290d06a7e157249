"""CI: the built wheel in a site made by `wagtail start`, set up by the README's own steps.

The site gets pages first, then the plugin exactly as README.md's "Adding the plugin to an
existing Wagtail site" says: every fenced block right after a `<!-- fresh-site: ACTION [PATH] -->`
comment is applied in order, where ACTION is

- `run`: shell commands, run in the site's folder with its virtualenv first on PATH (the package
  name `wagtail-cookie-policy` is replaced by the wheel built here);
- `append PATH`: text added at the end of the file;
- `replace PATH`: the file's whole new content;
- `patch PATH`: a diff whose hunks (separated by `@@` lines) must each match the file once.

Then it creates a policy page and a banner in English and German and checks in Chromium that the
banner shows in both languages, choices are recorded and the pages made before still answer.
Usage: .ci/fresh-site [--keep] (--keep leaves the site in its temporary folder);
FRESH_SITE_WAGTAIL="wagtail==7.4.*" starts from another Wagtail.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
# The README's steps are written for what Wagtail 8's `wagtail start` generates.
WAGTAIL = os.environ.get("FRESH_SITE_WAGTAIL", "wagtail>=8,<8.1")
PACKAGE = "wagtail-cookie-policy"
MARKER = re.compile(r"^<!-- fresh-site: (.*?) -->\n", re.M)
BLOCK = re.compile(r"```[\w-]*\n(.*?)^```$", re.M | re.S)
CHROMIUM = os.environ.get("COOKIE_POLICY_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TIMEOUT_MS = 10_000

# What the site has before the plugin comes: the home page `wagtail start` made, and a child
# published through a revision, as the admin does.
EXISTING_PAGES = """
from home.models import HomePage
about = HomePage(title="About", slug="about")
HomePage.objects.get(depth=2).add_child(instance=about)
about.save_revision().publish()
"""

BANNER = {
    "en": {
        "title": "Cookies on mysite",
        "message": "<p>We use cookies to run the site and, if you agree, to count visits.</p>",
        "accept_label": "Accept all",
        "reject_label": "Reject all",
        "settings_label": "Settings",
        "save_label": "Save choices",
        "settings_title": "Cookie settings",
    },
    "de": {
        "title": "Cookies auf mysite",
        "message": "<p>Wir verwenden Cookies für den Betrieb und, wenn Sie zustimmen, zur "
        "Besucherzählung.</p>",
        "accept_label": "Alle akzeptieren",
        "reject_label": "Alle ablehnen",
        "settings_label": "Einstellungen",
        "save_label": "Auswahl speichern",
        "settings_title": "Cookie-Einstellungen",
    },
}
POLICY = {
    "en": {
        "title": "Cookie policy",
        "slug": "cookie-policy",
        "months": "6 months",
        "categories": [
            (
                "necessary",
                "Strictly necessary cookies",
                "Keep the site working.",
                "Remembers your choice.",
            ),
            ("analytics", "Analytics cookies", "Count visits.", "Tells visitors apart."),
        ],
    },
    "de": {
        "title": "Cookie-Richtlinie",
        "slug": "cookie-richtlinie",
        "months": "6 Monate",
        "categories": [
            (
                "necessary",
                "Notwendige Cookies",
                "Halten die Website am Laufen.",
                "Speichert Ihre Wahl.",
            ),
            ("analytics", "Analyse-Cookies", "Zählen Besuche.", "Unterscheidet Besucher."),
        ],
    },
}
COOKIES = {
    "necessary": ("cookie_consent", "mysite", "first"),
    "analytics": ("_ga", "Google", "third"),
}

CONTENT = """
import json
from django.conf import settings
from wagtail.models import Page, Site
from cookie_policy.models import ConsentBanner, CookiePolicyPage, OperatorSettings

codes = [code for code, _name in settings.LANGUAGES]
if codes != ["en", "de"]:
    raise SystemExit(f"LANGUAGES should be English and German, not {codes}")
data = json.loads(DATA)
# Publishing a policy needs the operator (README, step 6: Settings -> Operator and law).
OperatorSettings.objects.create(
    site=Site.objects.get(is_default_site=True),
    legal_name_en="Example GmbH",
    legal_name_de="Beispiel GmbH",
    address_en="1 Example Street, 10115 Berlin, Germany",
    address_de="Beispielstraße 1, 10115 Berlin, Deutschland",
    registration_number="HRB 123456",
    email="privacy@example.com",
)
policy = CookiePolicyPage(**data["policy"])
Page.objects.get(depth=2).add_child(instance=policy)
policy.save_revision().publish()
banner = ConsentBanner(**data["banner"])
banner.save()
banner.save_revision().publish()
"""

# The admin screens an editor reaches first, as a superuser: each must answer 200.
ADMIN = """
import json
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site
from cookie_policy.models import ConsentBanner, CookiePolicyPage

user = get_user_model().objects.create_superuser("fresh-admin", "admin@example.com", "pw")
client = Client()
client.force_login(user)
banner, policy = ConsentBanner.objects.get(), CookiePolicyPage.objects.get()
urls = [
    "/admin/",
    "/admin/snippets/cookie_policy/consentbanner/",
    f"/admin/snippets/cookie_policy/consentbanner/edit/{banner.pk}/",
    f"/admin/snippets/cookie_policy/consentbanner/history/{banner.pk}/",
    f"/admin/pages/{policy.pk}/edit/",
    f"/admin/pages/{policy.pk}/history/",
    "/admin/pages/search/?ordering=title",
    "/admin/consent-records/",
    "/admin/consent-records/?export=csv",
    f"/admin/settings/cookie_policy/operatorsettings/{Site.objects.get(is_default_site=True).pk}/",
]
print(json.dumps({url: client.get(url, HTTP_HOST="localhost").status_code for url in urls}))
"""

RECORDS = """
import json
from cookie_policy.models import ConsentRecord
records = ConsentRecord.objects.all()
print(json.dumps(sorted([r.language, r.method, sorted(r.granted)] for r in records)))
"""


class Failure(Exception):
    """A step failed: the message says which, the output says why."""


def say(message):
    print(f"fresh-site: {message}", flush=True)


def run(args, cwd, env=None):
    """Run a command quietly; its output is shown only if it fails."""
    result = subprocess.run(  # noqa: S603 - commands of this script
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise Failure(f"`{' '.join(map(str, args))}` failed:\n" + "\n".join(output[-40:]))
    return result.stdout


def readme_steps():
    """The README's marked blocks, in order: (action, path or None, text)."""
    text = README.read_text()
    steps = []
    for marker in MARKER.finditer(text):
        block = BLOCK.match(text, marker.end())
        if block is None:
            raise Failure(
                f"README.md: no fenced block right after <!-- fresh-site: {marker[1]} -->"
            )
        action, _, path = marker[1].partition(" ")
        if action not in ("run", "append", "replace", "patch") or bool(path) == (action == "run"):
            raise Failure(f"README.md: unknown step <!-- fresh-site: {marker[1]} -->")
        steps.append((action, path or None, block[1]))
    if not steps:
        raise Failure("README.md has no <!-- fresh-site: … --> steps")
    return steps


def apply_patch(path, diff):
    """Apply each hunk of a unified diff (line numbers not needed) where it matches once."""
    text = "\n" + path.read_text()
    for hunk in re.split(r"^@@.*\n", diff, flags=re.M):
        old, new = [], []
        for line in hunk.splitlines():
            sign, rest = line[:1], line[1:]
            if sign not in ("", " ", "-", "+"):
                raise Failure(f"README.md: a line of the patch for {path.name} is not a diff line")
            if sign != "+":
                old.append(rest)
            if sign != "-":
                new.append(rest)
        before, after = "\n" + "\n".join(old) + "\n", "\n" + "\n".join(new) + "\n"
        if text.count(before) != 1:
            raise Failure(
                f"README.md: the patch for {path} does not match the file:\n{before.strip()}"
            )
        text = text.replace(before, after)
    path.write_text(text[1:])


def apply_step(site, env, wheel, action, path, text):
    if action == "run":
        if PACKAGE in text:
            text = text.replace(PACKAGE, str(wheel)).replace("pip install", "pip install --quiet")
        run(["bash", "-euo", "pipefail", "-c", text], cwd=site, env=env)
        return
    target = site / path
    if action == "append":
        target.write_text(target.read_text().rstrip("\n") + "\n\n\n" + text)
    elif action == "replace":
        target.write_text(text)
    else:
        apply_patch(target, text)


def content_data():
    policy, banner = {}, {}
    for code, page in POLICY.items():
        policy[f"title_{code}"] = page["title"]
        policy[f"slug_{code}"] = page["slug"]
        policy[f"body_{code}"] = [
            {
                "type": "category",
                "value": {
                    "key": key,
                    "title": title,
                    "purpose": f"<p>{purpose}</p>",
                    "lifetime": page["months"],
                    "required": key == "necessary",
                    "cookies": [
                        {
                            "name": COOKIES[key][0],
                            "provider": COOKIES[key][1],
                            "purpose": cookie_purpose,
                            "duration": page["months"],
                            "party": COOKIES[key][2],
                        }
                    ],
                },
            }
            for key, title, purpose, cookie_purpose in page["categories"]
        ]
        banner.update({f"{name}_{code}": value for name, value in BANNER[code].items()})
    return {"policy": policy, "banner": {"name": "Banner", **banner}}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, server, log):
    for _ in range(60):
        if server.poll() is not None:
            raise Failure("runserver exited:\n" + log.read_text()[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own server
                return
        except urllib.error.HTTPError as error:
            raise Failure(f"{url} answered {error.code}:\n{log.read_text()[-3000:]}") from error
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise Failure(f"no answer from {url} within 30 seconds")


def check_in_chromium(base):
    """What a visitor sees: the banner in each language, a choice recorded, the old pages."""
    if not os.access(CHROMIUM, os.X_OK):
        raise Failure(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for code, locale, choice in (
                ("en", "en-US", "accept_label"),
                ("de", "de-DE", "reject_label"),
            ):
                context = browser.new_context(base_url=base, locale=locale)
                context.set_default_timeout(TIMEOUT_MS)
                context.route("**/*", keep_on_loopback)
                visit_as(context, base, code, choice)
                context.close()
        finally:
            browser.close()


def keep_on_loopback(route):
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.fulfill(status=200, body="")


def visit(page, path):
    """Open ``path`` and wait until the banner script has run (it defines window.cookieConsent)."""
    response = page.goto(path)
    page.wait_for_function("() => window.cookieConsent !== undefined")
    return response


def visit_as(context, base, code, choice):
    page = context.new_page()
    text, policy = BANNER[code], POLICY[code]
    banner = page.get_by_role("region", name=text["title"])

    step = f"/{code}/: the banner"
    visit(page, f"/{code}/")
    expect(page.locator("html"), step).to_have_attribute("lang", code)
    expect(banner, step).to_be_visible()
    link = banner.get_by_role("link", name=policy["title"])
    expect(link, f"{step} links to the policy").to_have_attribute(
        "href", f"/{code}/{policy['slug']}/"
    )

    step = f"/{code}/: {text[choice]!r} is recorded"
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        banner.get_by_role("button", name=text[choice]).click()
    if not posted.value.ok:
        raise Failure(f"{step}: the consent post answered {posted.value.status}")
    expect(banner, step).to_be_hidden()
    cookie = {c["name"]: c["value"] for c in context.cookies()}.get("cookie_consent", "")
    granted = "analytics+necessary" if choice == "accept_label" else "necessary"
    if not re.fullmatch(rf"1:1:{re.escape(granted)}:\d+:[\w-]{{22}}", cookie):
        raise Failure(f"{step}: consent cookie {cookie!r}, expected one granting {granted}")

    step = f"/{code}/{policy['slug']}/: the policy page"
    visit(page, f"/{code}/{policy['slug']}/")
    expect(page.get_by_role("heading", level=1), step).to_have_text(policy["title"])
    analytics = page.get_by_role("heading", level=3, name=policy["categories"][1][1])
    expect(analytics, step).to_be_visible()

    step = f"/{code}/about/: the page made before the plugin"
    visit(page, f"/{code}/about/")
    expect(page, step).to_have_title(re.compile(r"^\s*About\b"))
    if not page.evaluate("window.cookieConsent.decided()"):
        raise Failure(f"{step}: the choice made on /{code}/ is forgotten")
    expect(banner, step).to_be_hidden()

    if code == "en":
        step = "/about/: the old address"
        response = visit(page, "/about/")
        if page.url != f"{base}/en/about/" or response.request.redirected_from is None:
            raise Failure(f"{step} led to {page.url}, not a redirect to /en/about/")
        expect(page, step).to_have_title(re.compile(r"^\s*About\b"))
    page.close()


def fresh_site(work, wheel_dir):
    started = time.monotonic()
    say(f"building the wheel and a `wagtail start` site in {work}")
    # From a copy of the tracked files: a build/ folder left in the checkout would bring stale
    # modules into the wheel.
    source = work / "source"
    for name in run(["git", "ls-files", "-z"], cwd=REPO).split("\0"):
        if name and (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    run([sys.executable, "-m", "build", "--wheel", "--outdir", wheel_dir, source], cwd=work)
    (wheel,) = wheel_dir.glob("*.whl")
    venv, site = work / "venv", work / "mysite"
    run([sys.executable, "-m", "venv", venv], cwd=work)
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    env.update(VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}")
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1")
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "install", "--quiet", WAGTAIL], cwd=work, env=env)
    site.mkdir()
    run(["wagtail", "start", "mysite", site], cwd=work, env=env)
    manage = [python, "manage.py"]
    run([*manage, "migrate", "--noinput"], cwd=site, env=env)
    run([*manage, "shell", "-v", "0", "-c", EXISTING_PAGES], cwd=site, env=env)

    steps = readme_steps()
    say(f"applying the README's {len(steps)} steps")
    for action, path, text in steps:
        apply_step(site, env, wheel, action, path, text)

    say("creating the policy page and the banner, checking the setup")
    data = f"DATA = {json.dumps(json.dumps(content_data()))}\n"
    run([*manage, "shell", "-v", "0", "-c", data + CONTENT], cwd=site, env=env)
    run([*manage, "check", "--fail-level", "WARNING"], cwd=site, env=env)
    run([*manage, "makemigrations", "--check", "--dry-run"], cwd=site, env=env)
    statuses = json.loads(run([*manage, "shell", "-v", "0", "-c", ADMIN], cwd=site, env=env))
    if set(statuses.values()) != {200}:
        raise Failure(f"admin screens answered {statuses}")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "runserver.log"
    with log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603 - the site's own runserver
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=site,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(f"{base}/en/", server, log)
        say(f"checking {base} in Chromium")
        try:
            check_in_chromium(base)
        except (AssertionError, PlaywrightError) as error:
            # Playwright's message ends in a long page snapshot: its first lines say enough.
            message = "\n".join(str(error).splitlines()[:12])
            raise Failure(f"{message}\n-- runserver log:\n{log.read_text()[-2000:]}") from error
    finally:
        server.terminate()
        server.wait(timeout=10)

    records = json.loads(run([*manage, "shell", "-v", "0", "-c", RECORDS], cwd=site, env=env))
    expected = [
        ["de", "reject_all", ["necessary"]],
        ["en", "accept_all", ["analytics", "necessary"]],
    ]
    if records != expected:
        raise Failure(f"consent records {records}, expected {expected}")
    say(f"passed in {time.monotonic() - started:.0f} s")


def main():
    keep = "--keep" in sys.argv[1:]
    work = Path(tempfile.mkdtemp(prefix="fresh-site-"))
    try:
        fresh_site(work, work / "dist")
    except Failure as failure:
        print(f"fresh-site: FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    finally:
        if keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
