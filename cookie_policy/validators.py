"""What an editor may type: cookie names and category keys, which machines read, and text that
people read, which nothing invisible may reorder.

Referenced by the migrations: keep these names.
"""

import functools
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from publicsuffixlist import PublicSuffixList

from . import bidi, conf, consent

# An RFC 6265 cookie-name is a token: ASCII letters, digits and these symbols. "*" is a token
# character too, but here it only ever ends a family.
SYMBOLS = "!#$%&'+-.^_`|~"
NAME = re.compile(
    rf"(?P<prefix>[0-9A-Za-z{re.escape(SYMBOLS)}]*)(?:\*|<(?P<placeholder>[^<>]+)>)?",
)
# The shortest vendor families in use have three characters (Mixpanel's "mp_<token>"); a
# shorter one, such as "_*", would also cover unrelated vendors' cookies in other categories.
MIN_FAMILY_PREFIX = 3


def refuse_direction_controls(value, controls=bidi.CONTROLS):
    """Refuse ``value`` if it holds any of the bidirectional ``controls``, naming them."""
    found = bidi.found(value, controls)
    if found:
        raise ValidationError(
            ngettext(
                "Remove %(characters)s: an invisible character that changes the direction of text.",
                "Remove %(characters)s: invisible characters that change the direction of text.",
                len(found),
            )
            % {"characters": ", ".join(found)},
            code="bidi",
        )


def refuse_reordering(value):
    """Refuse text people read if it holds a control that reorders it (``bidi.REORDERING``).

    The three direction marks pass: right-to-left languages need them in ordinary text.
    """
    refuse_direction_controls(value, bidi.REORDERING)


def validate_category_key(value):
    """A category key as the consent cookie carries it: ``analytics``, ``ads_2``."""
    refuse_direction_controls(value)
    if not consent.KEY.fullmatch(value):
        raise ValidationError(
            _("Use lowercase Latin letters, digits and underscores, beginning with a letter."),
            code="invalid",
        )


def validate_cookie_name(value):
    """A cookie's exact name, or a family: a prefix ending in ``*`` or one ``<placeholder>``.

    A family must have a prefix long enough to name one vendor's cookies and must not cover the
    cookies a refusal never deletes (consent, session, CSRF, language), under this site's names.
    """
    refuse_direction_controls(value)
    match = NAME.fullmatch(value)
    placeholder = match and match["placeholder"]
    if not value or not match or (placeholder and not placeholder.isprintable()):
        raise ValidationError(
            _(
                "A cookie name is Latin letters, digits and %(symbols)s, with no spaces. "
                "End it in * or one <placeholder> to declare a family of cookies."
            )
            % {"symbols": " ".join(SYMBOLS)},
            code="invalid",
        )
    prefix = match["prefix"]
    if prefix == value:
        return
    if len(prefix) < MIN_FAMILY_PREFIX:
        raise ValidationError(
            ngettext(
                "A family of cookies needs at least %(count)s character before its * or "
                "<placeholder>: a shorter one would cover unrelated cookies.",
                "A family of cookies needs at least %(count)s characters before its * or "
                "<placeholder>: a shorter one would cover unrelated cookies.",
                MIN_FAMILY_PREFIX,
            )
            % {"count": MIN_FAMILY_PREFIX},
            code="short_family",
        )
    covered = sorted(name for name in conf.kept_cookies() if name.startswith(prefix))
    if covered:
        raise ValidationError(
            _(
                "%(family)s would cover %(cookies)s, which this site needs and never deletes: "
                "declare such cookies by their exact names."
            )
            % {"family": value, "cookies": ", ".join(covered)},
            code="kept",
        )


def validate_document_address(value):
    """A document's address: a path on this site (``/en/privacy/``) or an http(s) URL."""
    if value.startswith("/") and not value.startswith("//") and not re.search(r"\s", value):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Give a path on this site, such as /en/privacy/, or an address beginning with https://."
            ),
            code="address",
        ) from None


def validate_cookie_domain(value):
    """A domain the consent cookie may be shared on: a registrable name such as example.by, or a
    name under one. Whether it is the site's host or a parent of it is checked with the site
    (OperatorSettings.clean).

    A public suffix ("by", "co.uk", "com.by", "github.io") is refused: browsers refuse a cookie
    on it, and the visitor would be asked on every page.
    """
    domain = consent.normal_domain(value)
    if not consent.DOMAIN.fullmatch(domain):
        raise ValidationError(
            _(
                "Give a domain name such as example.by, without https:// or a path: the site's "
                "own host or a domain above it, never a top-level domain alone."
            ),
            code="cookie_domain",
        )
    if public_suffixes().is_public(domain):
        raise ValidationError(
            _(
                "%(domain)s is a public suffix, shared by many sites: browsers refuse cookies "
                "on it. Give the site's own domain, such as example.%(domain)s."
            ),
            code="public_suffix",
            params={"domain": domain},
        )


@functools.cache
def public_suffixes():
    """Mozilla's Public Suffix List, as browsers apply it to cookies (publicsuffixlist's copy,
    ICANN and private sections: https://publicsuffix.org/learn/). Read once, when first asked."""
    return PublicSuffixList()
