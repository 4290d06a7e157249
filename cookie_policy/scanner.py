"""The cookie scan's browser side: visit pages in headless Chromium, before and after each choice.

Playwright is an optional extra (``pip install wagtail-cookie-policy[scan]``): it is imported
only when a scan starts, and ``ScanUnavailable`` says what is missing.

Each page is visited in a fresh browser context per state (``scan_compare.states``): nothing
carries over from one visit to the next. The banner's consent post is answered inside the
browser and never reaches the site, so a scan writes no consent record: the report of consent
records shows visitors' decisions only.
"""

import asyncio
import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from . import scan_compare

# Where Debian, Ubuntu and Homebrew put Chromium, tried when no executable is given and
# Playwright's own download is missing.
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-component-update"]
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# The banner's own storage: its unsent consent posts, part of the consent mechanism.
BANNER_STORAGE = frozenset({"cc-unsent"})
READ_STORAGE = "() => [Object.keys(localStorage), Object.keys(sessionStorage)]"
READ_ENDPOINT = (
    "() => { const el = document.getElementById('cc-config');"
    " return el ? JSON.parse(el.textContent).endpoint : null; }"
)


class ScanUnavailable(Exception):
    """Playwright or Chromium is missing; the message says how to install it."""


@dataclass
class Target:
    """A page to visit: its address, its language and its Wagtail page id (if known)."""

    url: str
    language: str
    page_id: int | None = None


@dataclass
class Options:
    concurrency: int = 4
    max_seconds: float = 600
    # Milliseconds a page may take to load, and to fall quiet after loading.
    page_timeout_ms: int = 15_000
    settle_ms: int = 1_500
    chromium: str | None = None


@dataclass
class Outcome:
    """What a scan saw, the pages it visited, the problems it met, and whether time ran out."""

    observations: list = field(default_factory=list)
    visited: set = field(default_factory=set)
    errors: list = field(default_factory=list)
    timed_out: bool = False


def chromium_path(given=None):
    """The Chromium to run: ``given``, ``COOKIE_POLICY_CHROMIUM``, else a system one, else None
    (Playwright's own download)."""
    given = given or os.environ.get("COOKIE_POLICY_CHROMIUM")
    if given:
        return given
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def scan(targets, refusable, options=None, progress=None):
    """Visit every target in every state; returns an Outcome. ``progress(done, total, target,
    state)`` is called after each visit."""
    options = options or Options()
    try:
        from playwright.async_api import async_playwright  # noqa: F401
    except ImportError:
        raise ScanUnavailable(
            "Scanning needs Playwright: pip install 'wagtail-cookie-policy[scan]'"
        ) from None
    # A thread of its own: the caller's thread may run an event loop already (sync Playwright,
    # an async view, a notebook), and asyncio.run refuses to start inside one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _scan(targets, list(refusable), options, progress)).result()


async def _scan(targets, refusable, options, progress):
    from playwright.async_api import Error, async_playwright

    outcome = Outcome()
    visits = [(t, s) for t in targets for s in scan_compare.states(refusable)]
    async with async_playwright() as playwright:
        executable = chromium_path(options.chromium)
        try:
            browser = await playwright.chromium.launch(
                executable_path=executable, args=LAUNCH_ARGS, headless=True
            )
        except Error as error:
            raise ScanUnavailable(
                f"Chromium could not be started ({executable or 'Playwright’s own'}): "
                f"{str(error).splitlines()[0]}. Install it (apt-get install chromium, or "
                "playwright install chromium) or give its path with --chromium."
            ) from None
        limit = asyncio.Semaphore(max(1, options.concurrency))
        done = 0

        async def one(target, state):
            nonlocal done
            async with limit:
                try:
                    outcome.observations += await _visit(browser, target, state, options)
                    outcome.visited.add(target.url)
                except Error as error:
                    outcome.errors.append(
                        {"page": target.url, "state": state, "error": str(error).splitlines()[0]}
                    )
            done += 1
            if progress:
                progress(done, len(visits), target, state)

        tasks = [asyncio.ensure_future(one(t, s)) for t, s in visits]
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), options.max_seconds)
        except TimeoutError:
            outcome.timed_out = True
        await browser.close()
    return outcome


async def _visit(browser, target, state, options):
    context = await browser.new_context(ignore_https_errors=False)
    context.set_default_timeout(options.page_timeout_ms)
    try:
        page = await context.new_page()
        await _load(page, target.url, options)
        if state != scan_compare.BEFORE:
            await _choose(context, page, state, options)
            # Reload: what the server sets, and scripts that run on load once consent is kept.
            await _load(page, target.url, options)
        return await _collect(context, page, target, state)
    finally:
        await context.close()


async def _load(page, url, options):
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    await page.goto(url, wait_until="load", timeout=options.page_timeout_ms)
    try:
        # Scripts that set cookies after load (analytics tags) get this long to do so.
        await page.wait_for_load_state("networkidle", timeout=options.settle_ms)
    except PlaywrightTimeout:
        pass


async def _choose(context, page, state, options):
    """Make the state's choice in the banner, its consent post answered here (no record)."""
    endpoint = await page.evaluate(READ_ENDPOINT)
    if endpoint is None:
        raise _error(f"no cookie banner on {page.url}")

    async def answer(route):
        if route.request.method == "POST":
            await route.fulfill(status=204, body="")
        else:
            await route.continue_()

    await context.route(urljoin(page.url, endpoint), answer)
    if state == scan_compare.REJECT:
        await page.click("[data-cc-reject]")
    elif state == scan_compare.ACCEPT:
        await page.click("[data-cc-accept]")
    else:
        key = state.removeprefix(scan_compare.GRANT)
        await page.click("[data-cc-open]")
        await page.evaluate(
            "(key) => { for (const box of document.querySelectorAll("
            "'#cc-settings input[name=granted]:enabled')) box.checked = box.value === key; }",
            key,
        )
        await page.click("#cc-settings button[value=custom]")
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_load_state("networkidle", timeout=options.settle_ms)
    except PlaywrightTimeout:
        pass


def _error(message):
    from playwright.async_api import Error

    return Error(message)


async def _collect(context, page, target, state):
    host = urlsplit(target.url).hostname or ""
    now = time.time()
    seen = [
        {
            "name": cookie["name"],
            "storage": "cookie",
            "domain": cookie["domain"],
            "path": cookie["path"],
            "lifetime": max(0, int(cookie["expires"] - now)) if cookie["expires"] > 0 else 0,
            "http_only": cookie["httpOnly"],
            "secure": cookie["secure"],
            "same_site": cookie.get("sameSite", ""),
            "party": scan_compare.party(cookie["domain"], host),
        }
        for cookie in await context.cookies()
    ]
    local, session = await page.evaluate(READ_STORAGE)
    for storage, keys in (("local", local), ("session", session)):
        seen += [
            {"name": key, "storage": storage, "domain": host, "party": "first", "lifetime": None}
            for key in keys
            if key not in BANNER_STORAGE
        ]
    for item in seen:
        item.update(state=state, page=target.url, page_id=target.page_id, language=target.language)
    return seen


def sitemap_targets(base_url, languages, fetch, max_pages):
    """Targets from the site's ``/sitemap.xml`` (an index is followed one level), each given the
    language its first path segment names, else the first of ``languages``."""
    targets = []
    queue = [urljoin(base_url, "/sitemap.xml")]
    while queue and len(targets) < max_pages:
        root = ElementTree.fromstring(fetch(queue.pop(0)))  # noqa: S314 - the site's own sitemap
        for loc in root.iter(f"{SITEMAP_NS}loc"):
            url = (loc.text or "").strip()
            if root.tag == f"{SITEMAP_NS}sitemapindex":
                queue.append(url)
                continue
            segment = urlsplit(url).path.strip("/").split("/")[0]
            language = segment if segment in languages else languages[0]
            # A sitemap names the production host; the scan visits the address it was given.
            path = urlsplit(url)._replace(scheme="", netloc="").geturl()
            targets.append(Target(urljoin(base_url, path), language))
    return targets[:max_pages]


def to_json(value):
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)
