"""A frontend on another origin, in Chromium: it reads the policy from the headless API, renders
its own banner with the client module (cookie_policy/client/cookie-policy.mjs), posts the
decision to the consent endpoint and runs a gated script.

Chromium maps every *.example host to 127.0.0.1. The CMS (the live server) is
cms.site.example; the frontend, a second server on another port, is reached as
www.site.example (the same site as the CMS), shop.other.example (another site; both listed in
COOKIE_POLICY_ALLOWED_ORIGINS) and evil.other.example (not listed).
"""

import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.models import Site

from cookie_policy import consent
from cookie_policy.models import ConsentRecord
from tests.browser.conftest import TIMEOUT_MS, stay_on
from tests.browser.helpers import CONSENT_COOKIE, TEXT, is_consent_post

CLIENT = Path(consent.__file__).parent / "client" / "cookie-policy.mjs"
CMS = "cms.site.example"
SAME_SITE, CROSS_SITE, UNLISTED = "www.site.example", "shop.other.example", "evil.other.example"

# The frontend's page: the README's example without a framework.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Frontend</title></head>
<body>
<section id="banner" aria-labelledby="banner-title" hidden>
  <h2 id="banner-title"></h2>
  <div id="message"></div>
  <button type="button" data-choice="all"></button>
  <button type="button" data-choice="none"></button>
</section>
<p id="status"></p>
<script type="text/plain" data-cookie-category="analytics">
  window.analyticsRuns = (window.analyticsRuns || 0) + 1;
</script>
<script type="module">
  import { activateScripts, choose, fetchPolicy, readConsent } from "./cookie-policy.mjs";

  const query = new URLSearchParams(location.search);
  const { banner, config } = await fetchPolicy(query.get("api"), { locale: query.get("locale") });
  const region = document.getElementById("banner");
  const status = document.getElementById("status");
  document.getElementById("banner-title").textContent = banner.title;
  document.getElementById("message").innerHTML = banner.message;
  for (const button of region.querySelectorAll("button")) {
    const choice = button.dataset.choice;
    button.textContent = choice === "all" ? banner.accept_label : banner.reject_label;
    button.addEventListener("click", () => {
      const { consent, posted } = choose(config, choice);
      region.hidden = true;
      activateScripts(config, consent);
      posted.then(
        (answer) => (status.textContent = `recorded ${answer.consentId}`),
        (error) => (status.textContent = `refused: ${error.message}`),
      );
    });
  }
  const consent = readConsent(config);
  region.hidden = Boolean(consent);
  activateScripts(config, consent);
  window.frontend = { config };
</script>
</body></html>
"""


@pytest.fixture
def frontend(tmp_path):
    """A static server for the frontend's page and the client module; its port."""
    (tmp_path / "index.html").write_text(PAGE)
    shutil.copy(CLIENT, tmp_path / "cookie-policy.mjs")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.extensions_map = {".mjs": "text/javascript", ".html": "text/html"}
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def cms(site_url, frontend, settings):
    """The demo site on cms.site.example, listing the two frontends' origins."""
    port = urlsplit(site_url).port
    Site.objects.filter(is_default_site=True).update(hostname=CMS, port=port)
    cache.clear()  # the banner's data holds the site's addresses
    settings.COOKIE_POLICY_ALLOWED_ORIGINS = [
        f"http://{SAME_SITE}:{frontend}",
        f"http://{CROSS_SITE}:{frontend}",
    ]
    return f"http://{CMS}:{port}"


@pytest.fixture
def open_frontend(hosts_browser, cms, frontend):
    """Open the frontend's page on ``host`` in ``lang``; its page and context."""
    contexts = []

    def open_(host, lang):
        context = hosts_browser.new_context()
        context.set_default_timeout(TIMEOUT_MS)
        stay_on(context, CMS, SAME_SITE, CROSS_SITE, UNLISTED)
        contexts.append(context)
        page = context.new_page()
        query = urlencode({"api": f"{cms}/api/v2/cookie-policy/", "locale": lang})
        page.goto(f"http://{host}:{frontend}/?{query}")
        page.wait_for_function("() => window.frontend !== undefined")
        return page, context

    yield open_
    for context in contexts:
        context.close()


def accept(page, lang):
    region = page.get_by_role("region", name=TEXT[lang]["banner_title"])
    expect(region).to_be_visible()
    with page.expect_response(is_consent_post) as posted:
        region.get_by_role("button", name=TEXT[lang]["accept"]).click()
    return posted.value


def consent_cookie(context, url):
    found = [c for c in context.cookies(url) if c["name"] == "cookie_consent"]
    return found[0]["value"] if found else None


def test_a_listed_frontend_on_another_site_records_a_decision(open_frontend, frontend, cms, lang):
    """From another site: the banner in the visitor's language from the API, the decision
    recorded, the frontend's own consent cookie written, the gated script run once. The CMS's
    cookie is not set: SameSite=Lax keeps it out of a cross-site answer (README, "Headless")."""
    page, context = open_frontend(CROSS_SITE, lang)
    assert page.evaluate("window.analyticsRuns") is None
    assert accept(page, lang).status == 200
    expect(page.locator("#status")).to_have_text(
        f"recorded {ConsentRecord.objects.get().consent_id}"
    )
    record = ConsentRecord.objects.get()
    assert (record.language, record.method) == (lang, "accept_all")
    own = consent_cookie(context, f"http://{CROSS_SITE}:{frontend}/")
    assert CONSENT_COOKIE.match(own)
    assert own.split(":")[4] == record.consent_id
    assert page.evaluate("window.analyticsRuns") == 1
    assert consent_cookie(context, cms) is None
    # The next page view knows the decision: no banner, the script runs at once.
    page.reload()
    page.wait_for_function("() => window.frontend !== undefined")
    expect(page.get_by_role("region", name=TEXT[lang]["banner_title"])).to_be_hidden()
    assert page.evaluate("window.analyticsRuns") == 1


def test_a_withdrawal_from_another_site_is_recorded_as_one(open_frontend, frontend):
    """The CMS cannot see the cross-site frontend's earlier decision, so the client names the
    withdrawal; the frontend's own analytics cookie is deleted."""
    page, context = open_frontend(CROSS_SITE, "en")
    assert accept(page, "en").status == 200
    front = f"http://{CROSS_SITE}:{frontend}/"
    context.add_cookies([{"name": "_ga", "value": "GA1.1.1", "url": front}])
    method = page.evaluate(
        """async () => {
            const client = await import("./cookie-policy.mjs");
            return client.choose(window.frontend.config, "none").posted.then((a) => a.method);
        }"""
    )
    assert method == "withdrawal"
    assert [r.method for r in ConsentRecord.objects.order_by("created_at")] == [
        "accept_all",
        "withdrawal",
    ]
    assert len({r.consent_id for r in ConsentRecord.objects.all()}) == 1
    assert "_ga" not in {c["name"] for c in context.cookies(front)}
    assert consent_cookie(context, front).split(":")[2] == "necessary"


def test_a_listed_frontend_on_the_same_site_shares_the_cms_cookie(open_frontend, cms):
    """A subdomain of the CMS's own site: the consent endpoint's cookie is set on the CMS too."""
    page, context = open_frontend(SAME_SITE, "en")
    assert accept(page, "en").status == 200
    record = ConsentRecord.objects.get()
    assert consent_cookie(context, cms).split(":")[4] == record.consent_id


def test_an_unlisted_frontend_is_refused(open_frontend, caplog):
    """Another origin's decision is refused by the server (403) and never recorded; the page
    cannot read the answer, and its preflight is not answered either."""
    page, _context = open_frontend(UNLISTED, "en")
    region = page.get_by_role("region", name=TEXT["en"]["banner_title"])
    with page.expect_event("requestfailed", lambda r: r.method == "POST"):
        region.get_by_role("button", name=TEXT["en"]["accept"]).click()
    expect(page.locator("#status")).to_have_text("refused: Failed to fetch")
    assert ConsentRecord.objects.count() == 0
    assert "Forbidden: /en/cookie-consent/" in caplog.text  # sent, and refused by the server
    assert preflighted_status(page) == "refused"


def test_a_listed_frontend_may_read_a_refusal_after_its_preflight(open_frontend):
    """A JSON body needs a preflight: answered for a listed origin, whose page then reads the
    endpoint's reason (415) with credentials."""
    page, _context = open_frontend(CROSS_SITE, "en")
    assert preflighted_status(page) == 415
    assert ConsentRecord.objects.count() == 0


def preflighted_status(page):
    """The status of a post whose JSON body needs a preflight, or "refused" if the browser would
    not let the page read it."""
    return page.evaluate(
        """() => fetch(window.frontend.config.endpoint, {
            method: "POST", credentials: "include", body: "{}",
            headers: {"Content-Type": "application/json"},
        }).then((response) => response.status, () => "refused")"""
    )
