"""Headings get stable anchors, and the policy opens with a table of contents."""

import pytest
from bs4 import BeautifulSoup

from tests.plugin.utils import codes, every_language, publish_bodies, text

pytestmark = pytest.mark.django_db


def page_html(client, code):
    return BeautifulSoup(client.get(f"/{code}/cookie-policy/").text, "html.parser")


@pytest.mark.parametrize("code", codes())
def test_contents_link_to_each_heading_and_category(policy, client, code):
    html = page_html(client, code)
    contents = html.select_one("nav.cookie-policy__contents")
    links = [(a["href"], a.text) for a in contents.select("a")]
    heading = html.select_one("article > h2:not(#contents)")
    assert links == [
        (f"#{heading['id']}", text("heading", code)),
        ("#cookies-necessary", text("necessary", code)),
        ("#cookies-analytics", text("analytics", code)),
        ("#version-history", contents.select("a")[-1].text),
    ]
    for href, _title in links:
        assert html.find(id=href[1:]) is not None, href


def test_a_headings_anchor_is_its_wording(policy, client):
    """The same words give the same anchor, in any script; a repeated heading gets -2."""

    def headings(code, found):
        found.insert(0, {"type": "heading", "value": "Управление файлами cookie"})
        found.append({"type": "heading", "value": "Управление файлами cookie"})
        return found

    publish_bodies(policy, every_language(headings))
    ids = [h.get("id") for h in page_html(client, codes()[0]).select("article h2")]
    assert ids[:3] == ["contents", "operator-title", "управление-файлами-cookie"]
    assert "управление-файлами-cookie-2" in ids


def test_a_heading_never_takes_a_categorys_or_the_historys_anchor(policy, client):
    def headings(code, found):
        found.append({"type": "heading", "value": "Cookies necessary"})
        found.append({"type": "heading", "value": "Version history"})
        return found

    publish_bodies(policy, every_language(headings))
    html = page_html(client, codes()[0])
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids))
    assert "cookies-necessary-2" in ids and "version-history-2" in ids
