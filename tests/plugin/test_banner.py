"""The banner in every language: that language's texts, the live policy's categories, cached."""

import json
import time

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from cookie_policy import banner_cache
from cookie_policy.models import ConsentBanner
from tests.plugin.utils import (
    api_urls,
    category,
    codes,
    every_language,
    field,
    per_language,
    publish_bodies,
    text,
)

pytestmark = pytest.mark.django_db
TAG = Template("{% load cookie_policy_tags %}{% cookie_banner %}")


def banner_of(response):
    return BeautifulSoup(response.text, "html.parser").select_one("div.cc")


def config(html):
    return json.loads(html.select_one("#cc-config").string)


@pytest.mark.parametrize("code", codes())
@pytest.mark.parametrize("path", ["/", "/cookie-policy/"])
def test_banner_in_each_language(policy, client, code, path):
    """Any page of a language carries the banner in that language, with its links there."""
    banner = banner_of(client.get(f"/{code}{path}"))
    assert banner["lang"] == code
    assert banner.select_one("#cc-title").text == text("banner_title", code)
    assert banner.select_one("[data-cc-accept]").text == text("accept", code)
    assert banner.select_one("[data-cc-reject]").text == text("reject", code)
    assert banner.select_one("#cc-settings-title").text == text("settings_title", code)
    assert text("message", code) in str(banner)
    policy_link = banner.select_one(".cc-text a")
    assert (policy_link["href"], policy_link.text) == (
        f"/{code}/cookie-policy/",
        text("policy", code),
    )
    assert banner.form["action"] == f"/{code}/cookie-consent/"


@pytest.mark.parametrize("code", codes())
def test_banner_lists_the_live_policy_categories(policy, client, code):
    """The settings dialog offers the policy's categories, titled in the page's language."""
    banner = banner_of(client.get(f"/{code}/"))
    labels = [label.text for label in banner.select(".cc-category label")]
    assert labels == [text("necessary", code), text("analytics", code)]
    data = config(banner)
    assert data["categories"] == ["necessary", "analytics"]
    assert data["required"] == ["necessary"]
    assert data["endpoint"] == f"/{code}/cookie-consent/"
    assert data["cookies"] == {"analytics": ["_ga"]}


def test_publishing_the_policy_updates_every_language(
    policy, client, django_capture_on_commit_callbacks
):
    """A category added in every language reaches each language's cached banner at once."""
    for code in codes():
        client.get(f"/{code}/")  # cache the banner of each language

    def add_advertising(code, found):
        return [*found, category("advertising", code, ["_fbp"])]

    with django_capture_on_commit_callbacks(execute=True):
        publish_bodies(policy, every_language(add_advertising))
    for code in codes():
        data = config(banner_of(client.get(f"/{code}/")))
        assert data["categories"] == ["necessary", "analytics", "advertising"], code
        assert data["version"] == 2


def test_publishing_the_banner_updates_every_language(
    policy, banner, client, django_capture_on_commit_callbacks
):
    """New wording in one language shows at once; the others keep theirs."""
    for code in codes():
        client.get(f"/{code}/")
    last = codes()[-1]
    setattr(banner, field("accept_label", last), "OK para todos")
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
    for code in codes():
        accept = banner_of(client.get(f"/{code}/")).select_one("[data-cc-accept]").text
        assert accept == ("OK para todos" if code == last else text("accept", code))


def test_a_lost_delete_heals_within_the_entry_lifetime(policy, banner, client, monkeypatch):
    """A change whose cache delete was lost (the cache was down) shows after banner_cache.TTL."""

    def accept():
        return banner_of(client.get("/en/")).select_one("[data-cc-accept]").text

    assert accept() == text("accept", "en")
    # An update sends no signal: as a publish whose delete was lost.
    ConsentBanner.objects.filter(pk=banner.pk).update(**{field("accept_label", "en"): "Go on"})
    assert accept() == text("accept", "en")
    later = time.time() + banner_cache.TTL + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert accept() == "Go on"


@pytest.mark.parametrize("code", codes())
def test_tag_makes_no_query_warm(policy, client, code, django_assert_num_queries):
    """The banner of each language is cached on its own: a warm render makes no query."""
    request = RequestFactory().get(f"/{code}/")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    client.get(f"/{code}/")  # warms Wagtail's own caches, as any page view does
    with translation.override(code):
        first = TAG.render(Context({"request": request}))
        with django_assert_num_queries(0):
            again = TAG.render(Context({"request": request}))
    assert first == again
    assert f'lang="{code}"' in first


def test_publishing_purges_every_language_from_the_frontend_cache(
    policy, banner, purged, django_capture_on_commit_callbacks
):
    """With frontend_cache configured, a new banner purges every live page in every language,
    once the publish has committed."""
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
        assert purged == []  # not committed yet
    assert sorted(purged) == sorted(
        [
            f"http://localhost/{code}{path}"
            for code in codes()
            for path in ("/", "/cookie-policy/", "/cookie-policy/versions/")
        ]
        + api_urls()
    )


def test_moving_the_policy_updates_the_link_in_every_language(
    policy, root, client, django_capture_on_commit_callbacks
):
    """The banner links to the policy where it now lives, under each language's slugs."""
    for code in codes():
        client.get(f"/{code}/")
    section = Page(**per_language("title", lambda code: f"Legal {code}"))
    for code in codes():
        setattr(section, field("slug", code), f"legal-{code}")
    root.add_child(instance=section)
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()
        policy.move(section, pos="last-child")
    for code in codes():
        link = banner_of(client.get(f"/{code}/")).select_one(".cc-text a")["href"]
        assert link == f"/{code}/legal-{code}/cookie-policy/"
