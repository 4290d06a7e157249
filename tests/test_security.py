"""Content-Security-Policy and stored XSS on public pages."""

import copy
import re
from html import escape

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from cookie_policy.inline import sha256
from cookie_policy.models import ConsentBanner, CookiePolicyPage
from tests.utils import (
    EN_BLOCKS,
    RU_BLOCKS,
    make_banner,
    make_cookie_policy_page,
    make_home_page,
    policy_form_data,
)

pytestmark = pytest.mark.django_db


def inline_blocks(html, tag):
    """Executable inline <script> (not JSON or inert ones) or <style> bodies."""
    pattern = rf"<{tag}(?P<attrs>[^>]*)>(?P<body>.*?)</{tag}>"
    blocks = []
    for match in re.finditer(pattern, html, re.S):
        attrs = match["attrs"]
        if "src=" in attrs or "application/json" in attrs or "text/plain" in attrs:
            continue
        blocks.append(match["body"])
    return blocks


@pytest.mark.parametrize(
    "path", ["/en/", "/ru/cookie-policy/", "/en/missing/", "/ru/cookie-consent/"]
)
def test_public_pages_have_strict_csp(policy, path):
    """No 'unsafe-inline' for scripts; every inline script and style is allowed by its hash."""
    response = Client().get(path)
    header = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in header.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    scripts = inline_blocks(response.text, "script")
    styles = inline_blocks(response.text, "style")
    assert scripts and styles
    for body in scripts:
        assert sha256(body) in directives["script-src"]
    for body in styles:
        assert sha256(body) in directives["style-src"]


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request.META }}{% debug %}",
    "javascript:alert(1)",
]


class StoredXssTests(WagtailPageTestCase):
    """Hostile text typed by an editor comes out inert everywhere visitors and admins see it."""

    def setUp(self):
        self.home = make_home_page()
        self.login()

    def publish_hostile_policy(self, payload):
        en = copy.deepcopy(EN_BLOCKS)
        ru = copy.deepcopy(RU_BLOCKS)
        for blocks in (en, ru):
            blocks[0]["value"] = payload
            category = blocks[2]["value"]
            category["title"] = payload
            category["lifetime"] = payload
            category["purpose"] = f'<p>{escape(payload)}<a href="javascript:alert(1)">x</a></p>'
            # Cookie names are tokens: the editor's form refuses these (tests/plugin/test_admin.py).
            category["cookies"][0]["provider"] = payload
            category["cookies"][0]["purpose"] = payload
        page = make_cookie_policy_page(self.home)
        data = policy_form_data(en, ru, title_en=payload, title_ru=payload, seo_title_en=payload)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-publish": "1"}
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title_ru, payload)
        return page

    def publish_hostile_banner(self, payload):
        banner = make_banner()
        rich = rich_text(f'<p>{escape(payload)} <a href="javascript:alert(1)">x</a></p>')
        data = {
            "name": payload,
            **{
                f"{field}_{language}": payload
                for field in (
                    "title",
                    "accept_label",
                    "reject_label",
                    "settings_label",
                    "save_label",
                    "settings_title",
                )
                for language in ("en", "ru")
            },
            "message_en": rich,
            "message_ru": rich,
            "settings_intro_en": rich,
            "settings_intro_ru": rich,
            "action-publish": "1",
        }
        url = reverse("wagtailsnippets_cookie_policy_consentbanner:edit", args=[banner.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        banner.refresh_from_db()
        self.assertEqual(banner.accept_label_ru, payload[:40])

    def assert_inert(self, html):
        self.assertNotIn("<script>alert(1)", html)
        self.assertNotIn("<img src=x onerror", html)
        self.assertNotIn('href="javascript:', html)
        self.assertNotIn("wsgi.input", html)  # {{ request.META }} was never evaluated

    def test_payloads_are_inert_on_public_pages_and_banner(self):
        for payload in PAYLOADS:
            with self.subTest(payload=payload):
                CookiePolicyPage.objects.all().delete()
                ConsentBanner.objects.all().delete()
                self.publish_hostile_banner(payload)
                self.publish_hostile_policy(payload)
                cache.clear()
                for path in ("/en/cookie-policy/", "/ru/cookie-policy/", "/en/", "/ru/"):
                    self.assert_inert(Client().get(path).text)
