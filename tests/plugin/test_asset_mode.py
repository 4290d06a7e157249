"""COOKIE_POLICY_ASSET_MODE: the banner's script and stylesheet inline, or as hashed static files
that browsers cache, allowed by a strict CSP either way."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.checks import Error, Warning
from django.core.management import call_command
from django.test import Client

import cookie_policy
from cookie_policy import inline
from cookie_policy.checks import check_asset_mode
from cookie_policy.conf import GOOGLE_CONSENT_MODE
from tests.plugin.test_consent import post

STATIC = Path(cookie_policy.__file__).parent / "static"
MANIFEST = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
HASHED = {
    "script": re.compile(r"^/static/cookie_policy/banner\.[0-9a-f]{12}\.js$"),
    "stylesheet": re.compile(r"^/static/cookie_policy/banner\.[0-9a-f]{12}\.css$"),
}
# WhiteNoise's answer for a file whose name holds its hash: cached for ten years, never revalidated.
FOREVER = "max-age=315360000, public, immutable"


@pytest.fixture
def hashed_static(settings, tmp_path):
    """The plugin's static files collected as a production site collects them (hashed names and
    a manifest), served by WhiteNoise as the demo serves them; external mode on."""
    pytest.importorskip("whitenoise")
    settings.STATIC_ROOT = tmp_path
    # Only the plugin's own files: Wagtail's admin files would take a minute to hash.
    settings.STATICFILES_DIRS = [STATIC]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST}}
    call_command("collectstatic", interactive=False, verbosity=0)
    settings.MIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware", *settings.MIDDLEWARE]
    settings.COOKIE_POLICY_ASSET_MODE = "external"


def assets_of(html):
    """The banner's script and stylesheet as a page carries them: URLs, or inline bodies."""
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.select('script[type="module"]')
    return {
        "script": [s.get("src") or s.string for s in scripts],
        "stylesheet": [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        + [style.string for style in soup.select("style")],
    }


def test_inline_is_the_default(policy, client):
    """By default the script and stylesheet are in the page, as their files hold them."""
    found = assets_of(client.get("/en/").text)
    assert found == {
        "script": [inline.asset("banner.js")],
        "stylesheet": [inline.asset("banner.css")],
    }


def test_external_pages_name_the_hashed_files(policy, client, hashed_static):
    """External mode links the files under the names the manifest gives them, nothing inline."""
    html = client.get("/en/").text
    found = assets_of(html)
    for kind, name in (("script", "banner.js"), ("stylesheet", "banner.css")):
        assert found[kind] == [staticfiles_storage.url(f"cookie_policy/{name}")]
        assert HASHED[kind].match(found[kind][0]), found[kind]
    assert inline.asset("banner.js")[:200] not in html


@pytest.mark.parametrize("name", ["banner.js", "banner.css"])
def test_external_files_are_served_for_long(policy, client, hashed_static, name):
    """What a page links is served with the file's own bytes and a lifetime of years."""
    url = assets_of(client.get("/en/").text)["script" if name.endswith("js") else "stylesheet"][0]
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == FOREVER
    assert b"".join(response.streaming_content) == (STATIC / "cookie_policy" / name).read_bytes()


def test_external_pages_are_the_same_bytes_for_every_visitor(policy, hashed_static):
    """Decided or not, every visitor of a language gets the same page: a CDN may keep it."""
    decided = Client()
    post(decided, "en", {"choice": "all"})
    assert decided.cookies["cookie_consent"].value
    pages = [visitor.get("/en/cookie-policy/") for visitor in (Client(), decided, Client())]
    assert pages[0].content == pages[1].content == pages[2].content
    assert "Cookie" not in pages[1].get("Vary", "")


def test_external_mode_keeps_the_no_javascript_form(policy, client, hashed_static):
    """Without JavaScript the banner is a form in <noscript>, styled by the linked stylesheet."""
    soup = BeautifulSoup(client.get("/en/").text, "html.parser")
    assert soup.head.select_one('link[rel="stylesheet"]')
    form = BeautifulSoup(soup.select_one("noscript").decode_contents(), "html.parser").form
    assert form["action"] == "/en/cookie-consent/"
    assert {b["value"] for b in form.select("button[name=choice]")} == {"all", "none"}


@pytest.mark.parametrize("mode", ["inline", "external"])
def test_consent_mode_defaults_come_first(policy, client, hashed_static, settings, mode):
    """Google Consent Mode's denied defaults are inline in both modes, before the stylesheet
    (an inline script after a stylesheet waits for it) and before any other script."""
    settings.COOKIE_POLICY_ASSET_MODE = mode
    settings.COOKIE_POLICY_CONSENT_MODE = GOOGLE_CONSENT_MODE
    soup = BeautifulSoup(client.get("/en/").text, "html.parser")
    first = soup.find(["script", "style", "link"])
    assert first.name == "script" and first.string == inline.CONSENT_MODE_DEFAULT
    assert soup.select_one("#cc-config")


def test_no_banner_no_script(root, client, hashed_static):
    """Without a live policy and banner the page has neither markup nor script of ours."""
    assert assets_of(client.get("/en/").text)["script"] == []


@pytest.mark.parametrize(
    ("mode", "storage", "ids"),
    [
        ("inline", "django.contrib.staticfiles.storage.StaticFilesStorage", []),
        ("external", MANIFEST, []),
        ("external", "whitenoise.storage.CompressedManifestStaticFilesStorage", []),
        ("external", "django.contrib.staticfiles.storage.StaticFilesStorage", ["W002"]),
        ("extern", MANIFEST, ["E010"]),
        ("", MANIFEST, ["E010"]),
    ],
)
def test_asset_mode_check(settings, mode, storage, ids):
    """An unknown mode is an error; external files whose names never change are a warning."""
    if storage.startswith("whitenoise"):
        pytest.importorskip("whitenoise")
    settings.COOKIE_POLICY_ASSET_MODE = mode
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": storage}}
    found = check_asset_mode(None)
    assert [message.id.removeprefix("cookie_policy.") for message in found] == ids
    for message in found:
        assert isinstance(message, Error if message.id.endswith("E010") else Warning)
        assert "COOKIE_POLICY_ASSET_MODE" in message.hint
