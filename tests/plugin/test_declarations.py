"""Declared cookies this site is not yet known to set are never presented to visitors as fact."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from cookie_policy import changes
from cookie_policy.policy_data import policy_data
from cookie_policy.validation import PublishRefused
from tests.plugin.utils import (
    codes,
    every_language,
    make_policy_page,
    policy_form_data,
    publish_bodies,
    text,
    with_cookie,
)

pytestmark = pytest.mark.django_db


def declaring(*rows):
    """A change that adds ``(name, status)`` rows to the analytics category in every language."""

    def change(_code, found):
        for name, status in rows:
            with_cookie(found, "analytics", name)
            found[-1]["value"]["cookies"][-1]["status"] = status
        return found

    return change


def table_rows(client, code):
    html = BeautifulSoup(client.get(f"/{code}/cookie-policy/").text, "html.parser")
    return [row.th.get_text(" ", strip=True) for row in html.select("#cookies-analytics tbody tr")]


@pytest.mark.parametrize("code", codes())
def test_unconfirmed_rows_are_marked_and_hidden_rows_left_out(policy, client, code):
    """A row not yet confirmed says so on the policy page; a hidden one is not on it at all."""
    publish_bodies(policy, every_language(declaring(("_gcl_au", "unconfirmed"), ("IDE", "hidden"))))
    rows = table_rows(client, code)
    assert len(rows) == 2
    assert rows[0] == "_ga"  # confirmed: no mark
    assert rows[1].startswith("_gcl_au (") and rows[1] != "_gcl_au ()"
    html = BeautifulSoup(client.get(f"/{code}/cookie-policy/").text, "html.parser")
    assert "IDE" not in html.select_one("#cookies-analytics").text


def test_the_mark_is_in_the_pages_language(policy, client):
    """The mark is a translated string, as every visitor-facing string is."""
    publish_bodies(policy, every_language(declaring(("_gcl_au", "unconfirmed"))))
    assert table_rows(client, codes()[0])[1] == "_gcl_au (not yet confirmed on this site)"


def test_a_category_whose_rows_are_all_hidden_shows_no_empty_table(root, banner, client):
    bodies = every_language()
    for found in bodies.values():
        for cookie in found[1]["value"]["cookies"]:
            cookie["status"] = "hidden"
    make_policy_page(root, bodies)
    html = BeautifulSoup(client.get(f"/{codes()[0]}/cookie-policy/").text, "html.parser")
    assert html.select_one("#cookies-necessary") is not None
    assert html.select_one("#cookies-necessary table") is None


def test_a_refusal_deletes_unconfirmed_and_hidden_cookies_too(policy):
    """Deleting a cookie the site may not set is harmless, and deletes it if it does."""
    publish_bodies(policy, every_language(declaring(("_gcl_au", "unconfirmed"), ("IDE", "hidden"))))
    analytics = {c["key"]: c for c in policy_data(policy)["categories"]}["analytics"]
    assert analytics["cookies"] == ["_ga", "_gcl_au", "IDE"]


def test_confirming_a_shown_row_keeps_the_consent_version(policy):
    """Visitors already read the row: confirming it changes no decision they made."""
    publish_bodies(policy, every_language(declaring(("_gcl_au", "unconfirmed"))))
    version = policy.consent_version
    publish_bodies(policy, every_language(declaring(("_gcl_au", "confirmed"))))
    assert policy.consent_version == version


def test_showing_a_hidden_row_asks_visitors_again(policy):
    """A hidden row was not part of what visitors agreed to; once shown, it is."""
    publish_bodies(policy, every_language(declaring(("IDE", "hidden"))))
    version = policy.consent_version
    publish_bodies(policy, every_language(declaring(("IDE", "unconfirmed"))))
    assert policy.consent_version == version + 1


def test_the_public_history_does_not_name_hidden_rows(policy, client):
    publish_bodies(policy, every_language(declaring(("IDE", "hidden"), ("_gcl_au", "unconfirmed"))))
    html = BeautifulSoup(client.get(f"/{codes()[0]}/cookie-policy/").text, "html.parser")
    history = html.select_one(".cookie-policy__history").text
    assert "_gcl_au" in history
    assert "IDE" not in history


def test_rows_saved_before_the_status_count_as_confirmed():
    """Older revisions have no status: they were presented as fact, so they stay confirmed (and
    their missing summary is the empty one a new revision saves)."""
    old = {"key": "analytics", "cookies": [{"name": "_ga"}]}
    new = {"key": "analytics", "summary": "", "cookies": [{"name": "_ga", "status": "confirmed"}]}
    assert changes.cookie_statuses(old) == changes.cookie_statuses(new) == [("_ga", "confirmed")]
    old_body = json.dumps([{"type": "category", "value": old}])
    new_body = json.dumps([{"type": "category", "value": new}])
    assert changes.describe_changes(old_body, new_body) == []


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


def test_the_editor_lists_rows_not_yet_confirmed(policy, editor):
    publish_bodies(policy, every_language(declaring(("_gcl_au", "unconfirmed"), ("IDE", "hidden"))))
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[policy.pk]))
    html = BeautifulSoup(response.text, "html.parser")
    listed = [item.get_text(" ", strip=True) for item in html.select(".help-warning li")]
    title = text("analytics", codes()[0])
    assert listed == [
        f"_gcl_au ({title}): shown marked “not yet confirmed on this site”",
        f"IDE ({title}): hidden from visitors",
    ]


def test_publishing_names_rows_not_yet_confirmed(policy, editor):
    bodies = every_language(declaring(("_gcl_au", "unconfirmed")))
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[policy.pk]),
        {**policy_form_data(bodies), "action-publish": "publish"},
    )
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Not yet confirmed on this site" in t and "_gcl_au" in t for t in texts), texts
    policy.refresh_from_db()
    title = text("analytics", codes()[0])
    assert changes.unconfirmed(policy.body) == [(title, "_gcl_au", "unconfirmed")]


@pytest.mark.skipif(len(codes()) < 2, reason="needs a second language")
def test_publish_refused_when_a_status_differs_between_languages(policy):
    """Each language must tell visitors the same about which cookies are confirmed."""
    bodies = every_language(declaring(("_gcl_au", "unconfirmed")))
    bodies[codes()[1]][-1]["value"]["cookies"][-1]["status"] = "confirmed"
    with pytest.raises(PublishRefused) as refusal:
        publish_bodies(policy, bodies)
    assert "confirmed on this site differs" in str(refusal.value)
