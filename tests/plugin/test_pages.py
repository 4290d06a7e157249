"""The policy page in every language: its categories, declaration table and history."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cookie_policy.models import PolicyChange
from tests.plugin.utils import codes, every_language, publish_bodies, text, with_cookie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", codes())
def test_policy_renders_in_each_language(policy, client, code):
    """/<code>/cookie-policy/ shows that language's title, heading and categories, none other."""
    response = client.get(f"/{code}/cookie-policy/")
    assert response.status_code == 200
    html = BeautifulSoup(response.text, "html.parser")
    assert html.html["lang"] == code
    assert html.h1.text == text("policy", code)
    titles = [h.text for h in html.select(".cookie-category h3")]
    assert titles == [text("necessary", code), text("analytics", code)]
    assert text("heading", code) in response.text
    for other in codes():
        if other != code:
            assert text("analytics", other) not in response.text


@pytest.mark.parametrize("code", codes())
def test_declaration_table_in_each_language(policy, client, code):
    """Each category's table names its cookies and their purpose in the page's language."""
    html = BeautifulSoup(client.get(f"/{code}/cookie-policy/").text, "html.parser")
    rows = {
        section["id"]: [
            (row.th.text, row.select("td")[1].text) for row in section.select("tbody tr")
        ]
        for section in html.select(".cookie-category")
    }
    purpose = text("purpose", code)
    assert rows == {
        "cookies-necessary": [("csrftoken", purpose), ("cookie_consent", purpose)],
        "cookies-analytics": [("_ga", purpose)],
    }


@pytest.mark.parametrize("code", codes())
def test_version_history_in_each_language(policy, client, code):
    """The history names a change with the category title of the page's language."""
    publish_bodies(policy, every_language(lambda _code, b: with_cookie(b, "analytics", "_gid")))
    response = client.get(f"/{code}/cookie-policy/")
    assert f"{text('analytics', code)}: cookie _gid added" in response.text


def history_items(client, path):
    """Each publication a history lists: its date and what changed."""
    html = BeautifulSoup(client.get(path).text, "html.parser")
    return [
        [li.text for li in item.select("ul li")]
        for item in html.select(".cookie-policy__versions > li")
    ]


def test_a_publication_that_changes_nothing_adds_nothing(policy, client):
    """Publishing the same text again leaves the history and its "Last updated" date alone."""
    publish_bodies(policy, every_language(lambda _code, b: with_cookie(b, "analytics", "_gid")))
    before = client.get("/en/cookie-policy/").text
    changed = policy.history.filter(language="en").first().published_at
    publish_bodies(policy, every_language(lambda _code, b: with_cookie(b, "analytics", "_gid")))
    assert policy.last_published_at > changed
    assert history_items(client, "/en/cookie-policy/") == [
        [f"{text('analytics', 'en')}: cookie _gid added"],
        ["First published"],
    ]
    assert client.get("/en/cookie-policy/").text == before


def test_a_rendered_history_shows_the_next_publication(policy, client):
    """The history is rendered once per publication: a view before a change does not hide it."""
    assert history_items(client, "/en/cookie-policy/") == [["First published"]]
    publish_bodies(policy, every_language(lambda _code, b: with_cookie(b, "analytics", "_gid")))
    assert history_items(client, "/en/cookie-policy/")[0] == [
        f"{text('analytics', 'en')}: cookie _gid added"
    ]


@pytest.mark.languages("fr")
def test_a_translation_fix_is_listed_in_its_language_only(policy, client):
    """A new French wording is a change for French readers; English ones see none."""

    def reworded(code, found):
        if code == "fr":
            found[2]["value"]["lifetime"] = "13 mois"
        return found

    publish_bodies(policy, every_language(reworded))
    assert history_items(client, "/fr/cookie-policy/")[0] == [
        f"{text('analytics', 'fr')}: description updated"
    ]
    assert history_items(client, "/en/cookie-policy/") == [["First published"]]


def test_the_history_costs_the_same_after_many_publications(
    policy, client, django_assert_num_queries
):
    """The page lists the newest ten with a link to all of them, in as many queries as after one
    publication; the versions page lists every one."""
    client.get("/en/cookie-policy/")  # warm the banner's and the site's caches
    with CaptureQueriesContext(connection) as first:
        client.get("/en/cookie-policy/")
    queries = len(first)  # now: later queries can push these out of the log
    for number in range(12):
        publish_bodies(
            policy, every_language(lambda _code, b, n=number: with_cookie(b, "analytics", f"_c{n}"))
        )
    client.get("/en/cookie-policy/")
    with django_assert_num_queries(queries):
        response = client.get("/en/cookie-policy/")
    assert len(history_items(client, "/en/cookie-policy/")) == 10
    assert 'href="/en/cookie-policy/versions/"' in response.text
    everything = history_items(client, "/en/cookie-policy/versions/")
    assert len(everything) == 13
    analytics = text("analytics", "en")
    assert everything[0] == [f"{analytics}: cookie _c11 added", f"{analytics}: cookie _c10 removed"]
    assert everything[-1] == ["First published"]


def test_the_migration_works_out_the_history_of_earlier_publications(policy):
    """An installed site upgrading gets the same history as publishing now records."""
    publish_bodies(policy, every_language(lambda _code, b: with_cookie(b, "analytics", "_gid")))
    publish_bodies(policy, every_language(lambda _code, b: with_cookie(b, "analytics", "_gid")))
    recorded = list(PolicyChange.objects.values_list("language", "revision", "lines"))
    PolicyChange.objects.all().delete()
    backfill = importlib.import_module("cookie_policy.migrations.0005_public_history").backfill
    backfill(apps, None)
    assert list(PolicyChange.objects.values_list("language", "revision", "lines")) == recorded
    assert len(recorded) == 2 * len(codes())
