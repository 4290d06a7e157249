"""The banner's script and stylesheet on a page, as COOKIE_POLICY_ASSET_MODE says.

"inline" writes them into every page: no request on the first view, their bytes again on every
view. "external" links them as static files: one request each on the first view, then the
browser's cache. Their names come from the site's staticfiles storage, which with
ManifestStaticFilesStorage holds a hash of the content, so they may be cached for a year and an
upgrade still reaches every browser (checks.py warns when the storage does not hash).

Both are written on every view rather than cached with the banner's markup, so a page always
names the files (or carries the text, matching the CSP hashes) of the code that serves it.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from . import conf, inline

MODES = ("inline", "external")
SCRIPT = "cookie_policy/banner.js"
STYLESHEET = "cookie_policy/banner.css"


def external():
    return conf.get("ASSET_MODE") == "external"


def stylesheet():
    """The banner's stylesheet, for <head>."""
    if external():
        return format_html('<link rel="stylesheet" href="{}">', static(STYLESHEET))
    return format_html("<style>{}</style>", mark_safe(inline.asset("banner.css")))  # noqa: S308


def script():
    """The banner's script: a module, so it runs once the page is parsed either way."""
    if external():
        return format_html('<script type="module" src="{}"></script>', static(SCRIPT))
    return format_html(
        '<script type="module">{}</script>',
        mark_safe(inline.asset("banner.js")),  # noqa: S308 - our own static file
    )
