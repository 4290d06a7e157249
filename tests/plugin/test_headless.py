"""The headless API (cookie_policy.api_v2 on Wagtail's API v2): the live policy, banner texts and
banner configuration of a site in each language, cached with an ETag, purged on publish, and a
clear JSON refusal for anything it does not answer."""

import pytest

from cookie_policy import api_v2, banner_cache
from cookie_policy.blocks import HIDDEN, UNCONFIRMED
from tests.plugin.utils import (
    api_urls,
    banner_fields,
    category,
    codes,
    every_language,
    make_policy_page,
    make_site,
    publish_bodies,
    text,
    with_cookie,
)

pytestmark = pytest.mark.django_db
URL = "/api/v2/cookie-policy/"


def add_gid(code, found):
    return with_cookie(found, "analytics", "_gid")


def get(client, query="", **headers):
    return client.get(f"{URL}?{query}" if query else URL, **headers)


@pytest.mark.parametrize("code", codes())
def test_answers_in_each_language(policy, client, code):
    """Policy, categories with their texts and tables, banner texts and the script's config,
    in the language asked for, with addresses a page on another origin can follow."""
    response = get(client, f"locale={code}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Language"] == code
    data = response.json()
    assert data["locale"] == code
    assert data["consent_version"] == policy.consent_version == data["config"]["version"]
    assert data["policy"]["title"] == text("policy", code)
    assert data["policy"]["url"] == f"http://localhost/{code}/cookie-policy/"
    assert data["policy"]["last_updated"].startswith(str(policy.last_published_at.year))
    assert data["policy"]["body"] == [
        {"type": "heading", "value": text("heading", code)},
        {"type": "category", "value": "necessary"},
        {"type": "category", "value": "analytics"},
    ]
    necessary, analytics = data["policy"]["categories"]
    assert (necessary["key"], necessary["required"]) == ("necessary", True)
    assert analytics["title"] == text("analytics", code)
    assert analytics["purpose"] == f"<p>{text('purpose', code)}</p>"
    assert analytics["summary"] == text("purpose", code)
    assert analytics["cookies"] == [
        {
            "name": "_ga",
            "provider": "Example",
            "purpose": text("purpose", code),
            "duration": "1 year",
            "party": "first",
            "confirmed": True,
        }
    ]
    assert data["policy"]["operator"]["legal_name"] == text("legal_name", code)
    assert data["banner"]["title"] == text("banner_title", code)
    assert data["banner"]["accept_label"] == text("accept", code)
    assert data["banner"]["message"] == text("message", code)
    assert data["labels"]["operator"]  # the plugin's own strings, for the frontend's banner
    assert data["config"]["endpoint"] == f"http://localhost/{code}/cookie-consent/"
    assert data["settings_url"] == data["config"]["endpoint"]
    assert data["config"]["categories"] == ["necessary", "analytics"]
    assert data["config"]["cookies"] == {"analytics": ["_ga"]}


def test_the_default_language_needs_no_parameter(policy, client, settings):
    data = get(client, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert data["locale"] == settings.LANGUAGE_CODE
    assert data["policy"]["title"] == text("policy", settings.LANGUAGE_CODE)


def test_the_same_bytes_for_every_visitor(policy, client, django_assert_num_queries):
    """Warm, an answer makes no query and reads nobody's session: no Vary: Cookie, any page
    may read it (public data without credentials)."""
    first = get(client)
    client.cookies["sessionid"] = "x" * 32
    client.cookies["cookie_consent"] = "1:1:necessary:1764100000:AAAAAAAAAAAAAAAAAAAAAA"
    with django_assert_num_queries(0):
        second = get(client)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Vary"] == "Accept-Language"  # LocaleMiddleware's, outside a language prefix
    assert "Set-Cookie" not in second
    assert second["Access-Control-Allow-Origin"] == "*"


def test_a_client_revalidates_with_the_etag(policy, client, django_assert_num_queries):
    """If-None-Match with the current ETag: 304, no body, no query; each language its own tag."""
    etag = get(client)["ETag"]
    with django_assert_num_queries(0):
        response = get(client, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert get(client, HTTP_IF_NONE_MATCH='"another"').status_code == 200
    assert len({get(client, f"locale={code}")["ETag"] for code in codes()}) == len(codes())


def test_publishing_changes_the_answer_and_purges_it(
    policy, banner, client, purged, django_capture_on_commit_callbacks
):
    """Once a new banner is committed its texts are served under a new ETag, and the frontend
    cache purges every URL the API answers at, in every language."""
    code = codes()[-1]
    before = get(client, f"locale={code}")
    for name, value in banner_fields("New").items():
        setattr(banner, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
    after = get(client, f"locale={code}", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["banner"]["title"] == f"New {text('banner_title', code)}"
    assert after["ETag"] != before["ETag"]
    assert sorted(url for url in purged if "/api/" in url) == api_urls()


def test_a_new_policy_version_is_served_after_its_publish(
    policy, client, django_capture_on_commit_callbacks
):
    version = policy.consent_version
    get(client)  # cached
    with django_capture_on_commit_callbacks(execute=True):
        publish_bodies(policy, every_language(add_gid))
    data = get(client).json()
    assert data["consent_version"] == version + 1
    assert data["config"]["cookies"] == {"analytics": ["_ga", "_gid"]}


def test_a_process_behind_a_publish_stores_no_old_config(
    policy, client, settings, django_capture_on_commit_callbacks
):
    """A process whose own copy of the banner is a few seconds behind a publish
    (COOKIE_POLICY_LOCAL_CACHE_SECONDS) builds the API's answer from the shared cache: the
    answer is kept until the next publish, the local copy only for seconds."""
    settings.COOKIE_POLICY_LOCAL_CACHE_SECONDS = 60
    get(client)
    behind = dict(banner_cache._local)  # this process's copy, as another process still holds it
    with django_capture_on_commit_callbacks(execute=True):
        publish_bodies(policy, every_language(add_gid))
    banner_cache._local = behind
    data = get(client).json()
    assert data["consent_version"] == data["config"]["version"] == policy.consent_version
    assert data["config"]["cookies"] == {"analytics": ["_ga", "_gid"]}


def test_rows_not_confirmed_are_marked_or_left_out(root, banner, client):
    """A hidden row is not shown; one not yet confirmed is shown as not confirmed."""

    def statuses(code, found):
        found = with_cookie(with_cookie(found, "analytics", "_gid"), "analytics", "_secret")
        cookies = found[2]["value"]["cookies"]
        cookies[1]["status"], cookies[2]["status"] = UNCONFIRMED, HIDDEN
        return found

    make_policy_page(root, every_language(statuses))
    analytics = get(client).json()["policy"]["categories"][1]
    assert [(c["name"], c["confirmed"]) for c in analytics["cookies"]] == [
        ("_ga", True),
        ("_gid", False),
    ]


@pytest.mark.parametrize(
    "query, status, words",
    [
        ("locale=xx", 400, "Unknown locale xx"),
        ("locale=EN", 400, "Unknown locale EN"),
        ("locale=en&locale=en", 400, "locale"),
        ("fields=*", 400, "Unknown parameters: fields"),
        ("site=nowhere.example", 400, "Unknown site nowhere.example"),
        ("site=localhost:http", 400, "host name and port"),
        ("site=localhost:81", 400, "Unknown site"),
        ("site=local%0Ahost", 400, "host name and port"),
    ],
)
def test_bad_input_gets_a_json_reason(policy, client, query, status, words):
    response = get(client, query)
    assert response.status_code == status
    assert words in response.json()["message"]
    assert response["Access-Control-Allow-Origin"] == "*"  # readable where it was asked from


def test_a_site_without_a_policy_has_nothing_to_show(
    root, banner, client, django_capture_on_commit_callbacks
):
    """Before its policy is published a site shows no banner: not an error, and the first
    publication is served at once."""
    response = get(client)
    assert response.status_code == 200
    assert response.json()["policy"] is None
    assert response.json()["config"] is None
    with django_capture_on_commit_callbacks(execute=True):
        make_policy_page(root)
    assert get(client).json()["policy"]["title"] == text("policy", codes()[0])


def test_only_get(policy, client):
    """Another method is refused in JSON, also to a browser that asks for HTML."""
    response = client.post(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert get(client, HTTP_ACCEPT="text/html").json()["policy"]


def test_head_answers_as_get(policy, client):
    response = client.head(URL)
    assert response.status_code == 200
    assert response["ETag"] == get(client)["ETag"]


def test_the_site_parameter_chooses_a_site(policy, client):
    """One host serving the API for several sites: ?site= names the site, as on the pages
    endpoint; its policy, and its addresses."""
    other = make_site("other.example", "other-home")
    make_policy_page(
        other.root_page, every_language(lambda code, found: [*found, category("advertising", code)])
    )
    data = get(client, "site=other.example").json()
    assert data["config"]["categories"] == ["necessary", "analytics", "advertising"]
    assert data["policy"]["url"] == "http://other.example/en/cookie-policy/"
    assert get(client).json()["config"]["categories"] == ["necessary", "analytics"]
    again = get(client, "site=other.example:80")
    assert again.json()["config"]["categories"] == data["config"]["categories"]


def test_the_endpoint_is_found_for_purging_wherever_the_router_puts_it():
    """The URL names come from the URLconf, not from a setting."""
    from django.urls import get_resolver

    assert api_v2.endpoint_names(get_resolver()) == ["wagtailapi:cookie-policy:policy"]
