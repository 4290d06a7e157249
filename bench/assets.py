"""Bytes and requests of a five-page visit in Chromium, per asset mode (COOKIE_POLICY_ASSET_MODE).

gunicorn serves the site with the bench settings (production's: WhiteNoise, hashed static files
cached for years) and Django's GZipMiddleware in front, as a proxy that compresses pages would.
Chromium visits five pages with an empty cache, then the same five again with the cache the
first visit left. The Chrome DevTools Protocol says what came over the wire
(``Network.loadingFinished`` ``encodedDataLength``: headers and compressed body) and what the
browser took from its cache instead.
"""

import os
from dataclasses import dataclass

from cookie_policy.assets import MODES

from .load import Gunicorn, free_port

# A visitor reading about cookies: home, the policy, its history, the consent document, the
# cookie settings page.
VISIT = [
    "/en/",
    "/en/cookie-policy/",
    "/en/cookie-policy/versions/",
    "/en/personal-data-consent/",
    "/en/cookie-consent/",
]
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Traffic:
    """What one page view cost: requests sent and bytes received, and resources cached."""

    requests: int = 0
    bytes: int = 0
    cached: int = 0


class Recorder:
    """What the Chrome DevTools Protocol reports about the requests of one page view."""

    def __init__(self, session):
        self.reset()
        session.on("Network.requestWillBeSent", self.sent)
        session.on("Network.requestServedFromCache", self.served_from_cache)
        session.on("Network.responseReceived", self.response_received)
        session.on("Network.loadingFinished", self.loading_finished)
        session.on("Network.loadingFailed", self.loading_failed)

    def reset(self):
        self.urls, self.cached, self.lengths, self.statuses, self.failed = {}, set(), {}, {}, []

    def sent(self, event):
        self.urls[event["requestId"]] = event["request"]["url"]

    def served_from_cache(self, event):
        self.cached.add(event["requestId"])

    def response_received(self, event):
        response = event["response"]
        self.statuses[event["requestId"]] = response["status"]
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            self.cached.add(event["requestId"])

    def loading_finished(self, event):
        self.lengths[event["requestId"]] = event["encodedDataLength"]

    def loading_failed(self, event):
        self.failed.append(event)

    def traffic(self):
        """Requests that reached the server and their bytes; what came from the cache."""
        if self.failed or any(status >= 400 for status in self.statuses.values()):
            raise RuntimeError(f"failed requests {self.failed} or statuses {self.statuses}")
        traffic = Traffic()
        for request_id, length in self.lengths.items():
            if not self.urls.get(request_id, "").startswith("http"):
                continue  # data: URLs
            if request_id in self.cached:
                traffic.cached += 1
            else:
                traffic.requests += 1
                traffic.bytes += int(length)
        return traffic


def view(page, recorder, url):
    """Open ``url`` and count its traffic once the network has been quiet."""
    recorder.reset()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if not page.evaluate("window.cookieConsent !== undefined"):
        raise RuntimeError(f"GET {url}: the banner script did not run")
    return recorder.traffic()


def visits(browser, origin):
    """Per page, a visit with an empty cache, then the same visit again: [(first, again)]."""
    context = browser.new_context(base_url=origin)
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        recorder = Recorder(session)
        session.send("Network.enable")
        first = [view(page, recorder, url) for url in VISIT]
        again = [view(page, recorder, url) for url in VISIT]
        return list(zip(first, again, strict=True))
    finally:
        context.close()


def measure(log):
    """Traffic by mode: for each page of VISIT, (first visit, visit again)."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True
        )
        try:
            for mode in MODES:
                os.environ.update(BENCH_ASSET_MODE=mode, BENCH_GZIP="1")
                try:
                    port = free_port()
                    with Gunicorn(port, log):
                        found[mode] = visits(browser, f"http://127.0.0.1:{port}")
                finally:
                    del os.environ["BENCH_ASSET_MODE"], os.environ["BENCH_GZIP"]
        finally:
            browser.close()
    return found
