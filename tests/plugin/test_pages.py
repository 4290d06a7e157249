"""The policy page in every language: its categories, declaration table and history."""

import pytest
from bs4 import BeautifulSoup

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
