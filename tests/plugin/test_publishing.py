"""The publish gate and the consent version, with three languages that must stay in step."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from wagtail.models import PageLogEntry

from cookie_policy import changes
from cookie_policy.validation import PublishRefused
from tests.plugin.utils import (
    category,
    codes,
    every_language,
    field,
    make_policy_page,
    publish_bodies,
    text,
    with_cookie,
)

pytestmark = pytest.mark.django_db
DEFAULT, *OTHERS = codes()


def name(code):
    return get_language_info(code)["name"]


def one_language(code, change):
    """Every language's blocks, with ``change`` applied to language ``code`` only."""
    return every_language(lambda c, found: change(c, found) if c == code else found)


def add_category(code, found):
    return [*found, category("advertising", code, ["_fbp"])]


def add_cookie(_code, found):
    return with_cookie(found, "analytics", "_gid")


def make_required(_code, found):
    found[2]["value"]["required"] = True
    return found


def reword(code, found):
    found[0]["value"] = f"{text('heading', code)} !"
    found[2]["value"]["title"] = f"{text('analytics', code)} (2)"
    found[2]["value"]["purpose"] = "<p>—</p>"
    return found


def assert_refused(page, message):
    """Publishing ``page``'s next revision raises PublishRefused; the live version stays."""
    live = page.live_revision_id
    with pytest.raises(PublishRefused) as refused:
        page.save_revision().publish()
    assert message in str(refused.value)
    page.refresh_from_db()
    assert page.live_revision_id == live
    assert page.has_unpublished_changes


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (add_category, "The categories differ in {language}"),
        (add_cookie, "The cookies of category “analytics” differ in {language}"),
        (make_required, "Category “analytics” is strictly necessary in one language only"),
    ],
)
def test_publish_refused_when_one_language_differs(policy, code, change, message):
    """Category keys, cookie names or required flags of one language out of step: refused."""
    for language, found in one_language(code, change).items():
        setattr(policy, field("body", language), json.dumps(found))
    assert_refused(policy, message.format(language=name(code)))


@pytest.mark.parametrize("code", OTHERS)
def test_publish_refused_when_a_title_is_empty(policy, code):
    """(An empty title in the default language is a form error of Wagtail's own.)"""
    setattr(policy, field("title", code), "")
    assert_refused(policy, f"The title is empty in {name(code)}.")


@pytest.mark.parametrize("code", codes())
def test_publish_refused_when_a_body_is_empty(policy, code):
    setattr(policy, field("body", code), "[]")
    assert_refused(policy, f"The body is empty in {name(code)}.")


def test_publish_refused_for_a_name_the_form_would_refuse(policy):
    """A revision written by code, or before names were checked, meets the form's rules."""
    bodies = every_language(lambda _code, found: with_cookie(found, "analytics", "<all>"))
    for language, found in bodies.items():
        setattr(policy, field("body", language), json.dumps(found))
    assert_refused(
        policy,
        f"“<all>” ({name(DEFAULT)}): A family of cookies needs at least 3 characters before its *",
    )


@pytest.mark.parametrize("code", codes())
def test_publish_refused_for_text_that_reorders_itself(policy, code):
    """Any text of any language: the word is shown with the control written out."""

    def override(_code, found):
        found[2]["value"]["cookies"][0]["purpose"] = "Counts \u202evisits."
        return found

    for language, found in one_language(code, override).items():
        setattr(policy, field("body", language), json.dumps(found))
    assert_refused(policy, f"“[U+202E]visits.” ({name(code)}): Remove U+202E")


@pytest.mark.languages("fr", "pt-br")
def test_the_default_language_out_of_step_names_every_other(policy):
    """The default language is the reference: when it alone differs, each other is named."""
    for language, found in one_language(DEFAULT, add_cookie).items():
        setattr(policy, field("body", language), json.dumps(found))
    with pytest.raises(PublishRefused) as refused:
        policy.save_revision().publish()
    for code in OTHERS:
        assert f"differ in {name(code)}" in str(refused.value)


def test_publish_accepted_when_every_language_agrees(policy, client):
    """The same change in every language publishes, and every language shows it."""
    publish_bodies(policy, every_language(add_category))
    assert not policy.has_unpublished_changes
    for code in codes():
        assert text("advertising", code) in client.get(f"/{code}/cookie-policy/").text


@pytest.mark.parametrize("active", codes())
def test_cookie_added_everywhere_raises_the_version(policy, active):
    """A cookie added in every language asks visitors again, whatever the editor's language."""
    with translation.override(active):
        publish_bodies(policy, every_language(add_cookie))
    assert policy.consent_version == 2


@pytest.mark.parametrize("active", codes())
def test_wording_change_keeps_the_version(policy, active):
    """New wording in every language asks nobody again."""
    with translation.override(active):
        publish_bodies(policy, every_language(reword))
    assert policy.consent_version == 1
    assert not policy.has_unpublished_changes


@pytest.mark.parametrize("active", codes())
def test_fingerprint_reads_the_default_language(policy, active):
    """What visitors consent to is read from the default language, never the active one."""
    for language, found in one_language(DEFAULT, add_cookie).items():
        setattr(policy, field("body", language), json.dumps(found))
    expected = changes.fingerprint(json.dumps(add_cookie(DEFAULT, every_language()[DEFAULT])))
    with translation.override(active):
        assert policy.consent_fingerprint_now() == expected
        assert "_gid" in expected


def slugs(slug):
    return {field("slug", code): slug for code in codes()}


def schedule(page, bodies, user=None):
    """Save ``bodies`` as a revision of ``page`` that was due a minute ago."""
    for code, found in bodies.items():
        setattr(page, field("body", code), json.dumps(found))
    revision = page.save_revision(user=user)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    return revision


def test_a_refused_scheduled_revision_stops_no_other(root, mailoutbox, django_user_model):
    """publish_scheduled goes on past a refused policy revision: the other due revision goes
    live, the refused one loses its schedule, shows in the page history and is mailed."""
    editor = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    refused_page = make_policy_page(root, owner=editor, **slugs("refused"))
    other_page = make_policy_page(root, **slugs("other"))
    # Out of step where there are several languages, empty where there is one.
    bad_bodies = one_language(OTHERS[0], add_category) if OTHERS else {DEFAULT: []}
    bad = schedule(refused_page, bad_bodies, user=editor)
    good = schedule(other_page, every_language(add_cookie))

    call_command("publish_scheduled")

    other_page.refresh_from_db()
    refused_page.refresh_from_db()
    assert other_page.live_revision_id == good.pk
    assert refused_page.live_revision_id != bad.pk
    bad.refresh_from_db()
    assert bad.approved_go_live_at is None
    entry = PageLogEntry.objects.get(page=refused_page, action="cookie_policy.publish.refused")
    assert entry.revision_id == bad.pk
    assert entry.message.startswith("Scheduled publication refused: ")
    (message,) = mailoutbox
    assert message.to == ["editor@example.com"]
    assert "was not published as scheduled" in message.subject
