"""A refusal deletes the refused category's cookies, never those the site itself needs."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from tests.browser.helpers import (
    SIGNED_IN,
    TEXT,
    banner,
    cookies_by_name,
    granted,
    is_consent_post,
    sign_in,
    visit,
)
from tests.utils import declare_unchecked


def test_refusing_a_category_that_declares_the_session_keeps_an_editor_signed_in(page, context):
    """Analytics declares session*, csrf* and a bare placeholder (stored before names were
    checked): an editor who rejects it is still signed in and is not asked again."""
    declare_unchecked("analytics", ["session*", "csrf*", "<anything>"])
    editor = get_user_model().objects.create_user("editor", password="correct horse battery")
    # Wagtail's migrations made the group; an earlier test's flush may have emptied the table.
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    sign_in(page, "editor", "correct horse battery")
    visit(page, "/en/")
    with page.expect_response(is_consent_post) as posted:
        banner(page, "en").get_by_role("button", name=TEXT["en"]["reject"]).click()
    assert posted.value.ok, posted.value.text()
    assert granted(context) == ["necessary"]
    assert {"sessionid", "csrftoken"} <= cookies_by_name(context).keys()
    page.goto("/admin/")
    expect(page).to_have_url(SIGNED_IN)
    visit(page, "/en/")
    expect(banner(page, "en")).to_be_hidden()
