"""Real-Chromium fixtures: one browser per session, a fresh context per test, the demo content.

Every test in this folder is marked ``browser`` (run them alone with ``pytest -m browser``).
Without Chromium they are skipped with a loud banner, or fail when ``REQUIRE_BROWSER=1``.
``COOKIE_POLICY_CHROMIUM`` points at another Chromium binary.
"""

import os
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; Django would refuse DB access.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("COOKIE_POLICY_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOOPBACK = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Event-driven waits only: a missing element fails in seconds instead of hanging the suite.
# 15 s, not 5: on a busy 2-core machine an admin edit view alone has taken over 5 s (CI on
# PostgreSQL). Assertions (expect) wait as long as actions do.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)
# Set at collection: browser tests were collected and Chromium is missing.
missing_key = pytest.StashKey[bool]()


def chromium_missing():
    return not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK))


def browser_required():
    return os.environ.get("REQUIRE_BROWSER") == "1"


def missing_message():
    verb = "FAILED" if browser_required() else "SKIPPED"
    return f"BROWSER TESTS {verb}: {CHROMIUM} not found (apt-get install chromium)"


def in_this_folder(item):
    return HERE in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config, items):
    ours = [item for item in items if in_this_folder(item)]
    for item in ours:
        item.add_marker(pytest.mark.browser)
    config.stash[missing_key] = bool(ours) and chromium_missing()
    if config.stash[missing_key] and not browser_required():
        skip = pytest.mark.skip(reason=missing_message())
        for item in ours:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if config.stash.get(missing_key, False):
        line = "!" * 78
        for text in (line, missing_message(), line):
            terminalreporter.write_line(text, red=True, bold=True)


@pytest.fixture(scope="session")
def playwright():
    if chromium_missing():
        pytest.fail(missing_message() + " and REQUIRE_BROWSER=1", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
    yield browser
    browser.close()


# Host names the tests give the live server: Chromium resolves them to loopback.
MAPPED_HOSTS = "MAP *.test 127.0.0.1, MAP *.example 127.0.0.1"


@pytest.fixture(scope="session")
def hosts_browser(playwright):
    """A browser that reaches the live server under other host names (www.softpro.test)."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[*LAUNCH_ARGS, f"--host-resolver-rules={MAPPED_HOSTS}"],
        headless=True,
    )
    yield browser
    browser.close()


def stay_on(context, *hosts):
    """Let ``context`` reach ``hosts`` only: nothing leaves the machine."""
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if urlsplit(route.request.url).hostname in hosts else route.abort()
        ),
    )


@pytest.fixture
def hosts_context(hosts_browser, site_url):
    """Make a context of ``hosts_browser`` that reaches the live server under ``hosts`` only,
    its base URL on the first of them; closed after the test."""
    port = urlsplit(site_url).port
    contexts = []

    def make(*hosts, **options):
        options.setdefault("base_url", f"http://{hosts[0]}:{port}")
        context = hosts_browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        stay_on(context, *hosts)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()  # closing one twice is harmless


@pytest.fixture
def site_url(live_server, transactional_db, django_db_serialized_rollback):
    """The live server's address, serving the demo site's real content in both languages."""
    # The rollback restores Wagtail's root page and locale that the previous test flushed.
    call_command("load_content", stdout=StringIO())
    # The banner HTML is cached per site and language, in this same process.
    cache.clear()
    yield live_server.url
    cache.clear()


@pytest.fixture
def offsite():
    """Every request the page tried to send beyond loopback (each answered with an empty 200)."""
    return []


@pytest.fixture
def new_context(browser, offsite, site_url):
    """Make a browser context that never leaves loopback; closed after the test."""
    contexts = []

    def block_offsite(route):
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.fulfill(status=200, body="")

    def make(**options):
        options.setdefault("base_url", site_url)
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", block_offsite)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(params=["en", "ru"])
def lang(request):
    """Each journey runs in English and in Russian."""
    return request.param
