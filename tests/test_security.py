"""Content-Security-Policy and stored XSS on public pages."""

import re

import pytest
from django.test import Client

from cookie_policy.inline import sha256

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
