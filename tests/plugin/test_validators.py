"""What editors may type: cookie names, families, category keys, text that keeps its order."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from cookie_policy import bidi, conf, consent
from cookie_policy.validators import (
    MIN_FAMILY_PREFIX,
    refuse_reordering,
    validate_category_key,
    validate_cookie_name,
)

ACCEPTED_NAMES = [
    "_ga",
    "_ga_<container-id>",
    "_ga_<идентификатор>",  # a placeholder only describes: any printable text
    "mp_<token>",
    "_hj*",
    "IDE",
    "fr",  # an exact name may be short
    "__Host-session",
    "sessionid",  # a kept cookie declared by its exact name
]
REFUSED_NAMES = {
    "*": "short_family",
    "<anything>": "short_family",
    "_*": "short_family",
    "ab<id>": "short_family",
    "session*": "kept",
    "csrf<suffix>": "kept",
    "cookie_*": "kept",
    "django_<x>": "kept",
    "_ga\u202e": "bidi",
    "\u2067_ga": "bidi",
    "_g\u200fa": "bidi",
    "_ga_<id\u202e>": "bidi",
    "_ga id": "invalid",
    "_ga;x": "invalid",
    "_ga=1": "invalid",
    "_ga*x": "invalid",
    "_ga_<id>_x": "invalid",
    "_ga_<>": "invalid",
    "_ga_<a\x00b>": "invalid",
    "_ga\n": "invalid",
    "_gа": "invalid",  # Cyrillic а
    "": "invalid",
}


def refusal(validate, value):
    with pytest.raises(ValidationError) as refused:
        validate(value)
    return refused.value


@pytest.mark.parametrize("name", ACCEPTED_NAMES)
def test_cookie_names_accepted(name):
    validate_cookie_name(name)


@pytest.mark.parametrize(("name", "code"), REFUSED_NAMES.items())
def test_cookie_names_refused(name, code):
    """Each refusal says which rule: token, family prefix, kept cookie, direction control."""
    assert refusal(validate_cookie_name, name).code == code


def test_refusals_name_what_is_wrong():
    assert "U+202E" in refusal(validate_cookie_name, "_ga\u202e").messages[0]
    assert "U+2067, U+202E" in refusal(validate_cookie_name, "\u2067_ga\u202e").messages[0]
    assert "would cover sessionid" in refusal(validate_cookie_name, "session*").messages[0]
    assert "at least 3 characters" in refusal(validate_cookie_name, "*").messages[0]


@override_settings(SESSION_COOKIE_NAME="sid", COOKIE_POLICY_COOKIE_NAME="consent")
def test_kept_cookies_are_this_sites_names():
    """The kept names are read when a name is checked, so renamed cookies are protected."""
    validate_cookie_name("session*")
    assert refusal(validate_cookie_name, "sid*").code == "kept"
    assert refusal(validate_cookie_name, "cons*").code == "kept"


# Names built of what matters: token characters and separators, direction controls, the start
# of every kept cookie's name, and what may end a family.
prefixes = st.lists(
    st.sampled_from(
        ["_", "g", "a", "-", " ", ";", "*", "\u202e", "\u200f", "cookie", "cookie_consent"]
        + ["session", "sessionid", "csrf", "csrftoken", "django_", "django_language"]
    ),
    max_size=4,
).map("".join)
endings = st.sampled_from(["", "*", "<id>", "<a b>", "<>", "<\u202e>"])


@given(prefixes, endings)
def test_an_accepted_family_never_reaches_a_kept_cookie(prefix, ending):
    """Whatever the form accepts, its pattern would spare the kept cookies even without the
    keep list, never matches everything and holds no direction control."""
    name = prefix + ending
    try:
        validate_cookie_name(name)
    except ValidationError:
        return
    pattern = consent.cookie_pattern(name)
    assert not bidi.found(pattern)
    if pattern.endswith("*"):
        assert len(pattern) > MIN_FAMILY_PREFIX
        for kept in conf.kept_cookies():
            assert not consent.deletable(kept, [pattern], keep=set())


@pytest.mark.parametrize("key", ["necessary", "ads_2", "a" * 32])
def test_category_keys_accepted(key):
    validate_category_key(key)


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("Analytics", "invalid"),
        ("1st_party", "invalid"),
        ("ads-2", "invalid"),
        ("a" * 33, "invalid"),
        ("analytics\n", "invalid"),  # "$" would have let the newline through
        ("ads\u202e", "bidi"),
        ("\u2066ads", "bidi"),
    ],
)
def test_category_keys_refused(key, code):
    assert refusal(validate_category_key, key).code == code


@pytest.mark.parametrize("control", sorted(bidi.REORDERING))
def test_text_people_read_refuses_each_reordering_control(control):
    assert (
        bidi.code(control) in refusal(refuse_reordering, f"Analytics{control} cookies").messages[0]
    )


@pytest.mark.parametrize("mark", sorted(bidi.MARKS))
def test_text_people_read_keeps_direction_marks(mark):
    """Right-to-left languages need the three marks in ordinary text."""
    refuse_reordering(f"עוגיות{mark} (cookies)")
