"""Who may do what: anonymous visitor, editor, moderator, admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from cookie_policy.models import ConsentRecord, CookiePolicyPage
from tests.utils import EN_BLOCKS, RU_BLOCKS, policy_form_data

pytestmark = pytest.mark.django_db
REPORT = "/admin/consent-records/"


def client_for(role):
    if role == "anonymous":
        return Client()
    User = get_user_model()
    if role == "admin":
        user = User.objects.create_superuser("admin", "admin@example.com", "pw")
    else:
        user = User.objects.create_user(role, f"{role}@example.com", "pw")
        user.groups.add(
            Group.objects.get(name={"editor": "Editors", "moderator": "Moderators"}[role])
        )
    client = Client()
    client.force_login(user)
    return client


# role: (can edit, can publish, can read and export consent records)
MATRIX = {
    "anonymous": (False, False, False),
    "editor": (True, False, False),
    "moderator": (True, True, False),
    "admin": (True, True, True),
}


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(policy, role):
    can_edit, can_publish, can_read_records = MATRIX[role]
    ConsentRecord.objects.create(
        consent_id="abcdefghijklmnopqrstuv", language="en", consent_version=1, method="custom"
    )
    client = client_for(role)
    edit_url = reverse("wagtailadmin_pages:edit", args=[policy.pk])
    assert (client.get(edit_url).status_code == 200) is can_edit

    data = {**policy_form_data(EN_BLOCKS, RU_BLOCKS, title_en="Changed by " + role)}
    client.post(edit_url, {**data, "action-publish": "1"})
    policy.refresh_from_db()
    assert (policy.title_en == "Changed by " + role) is can_publish
    if can_edit and not can_publish:
        assert policy.get_latest_revision_as_object().title_en == "Changed by " + role
        assert "Changed by" not in Client().get("/en/cookie-policy/").text, "draft leaked"

    for url in (REPORT, REPORT + "?export=csv"):
        status = client.get(url).status_code
        if can_read_records:
            assert status == 200
        else:
            assert status in (302, 403)
            if role == "anonymous":
                assert status == 302


def test_previews_and_drafts_never_reach_the_public(policy):
    """A saved draft changes nothing for visitors, and preview URLs need a login."""
    editor = client_for("editor")
    edit_url = reverse("wagtailadmin_pages:edit", args=[policy.pk])
    editor.post(edit_url, policy_form_data(EN_BLOCKS, RU_BLOCKS, title_en="Secret draft"))
    assert CookiePolicyPage.objects.get().has_unpublished_changes
    public = Client()
    assert "Secret draft" not in public.get("/en/cookie-policy/").text
    preview = public.get(reverse("wagtailadmin_pages:preview_on_edit", args=[policy.pk]))
    assert preview.status_code == 302
    assert "/admin/login/" in preview["Location"]
