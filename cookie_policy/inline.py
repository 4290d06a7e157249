"""The script and style the banner writes inline, and their hashes for a strict CSP.

Inlining (the default asset mode, see assets.py) saves a request per page; hashes (not nonces)
keep every visitor's HTML identical.
This module imports no Django models, so settings may import it.
"""

import base64
import hashlib
from functools import cache
from pathlib import Path

STATIC = Path(__file__).parent / "static" / "cookie_policy"

# Google Consent Mode v2: every signal denied before any Google tag runs; banner.js updates it.
CONSENT_MODE_DEFAULT = (
    "window.dataLayer=window.dataLayer||[];"
    "function gtag(){dataLayer.push(arguments)}"
    'gtag("consent","default",{"ad_personalization":"denied","ad_storage":"denied",'
    '"ad_user_data":"denied","analytics_storage":"denied","wait_for_update":500});'
)


@cache
def asset(name):
    """A static file's text, read once per process."""
    return (STATIC / name).read_text(encoding="utf-8")


def sha256(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def csp_hashes():
    """CSP sources for the inline banner: add them to script-src and style-src."""
    return {
        "script-src": [sha256(asset("banner.js")), sha256(CONSENT_MODE_DEFAULT)],
        "style-src": [sha256(asset("banner.css"))],
    }
