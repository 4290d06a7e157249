"""The consent endpoint: records decisions, sets the cookie, refuses bad input cleanly."""

import time
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.models import Site

from cookie_policy import consent
from cookie_policy.models import ConsentBanner, ConsentRecord, CookiePolicyPage
from tests.utils import body, category, declare_unchecked, make_banner, make_cookie_policy_page

pytestmark = pytest.mark.django_db
URL = "/en/cookie-consent/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
JSON = {"HTTP_ACCEPT": "application/json"}
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client(policy):
    return Client()


def switch(response, key):
    """The settings page's switch for category ``key``."""
    return BeautifulSoup(response.text, "html.parser").select_one(f"main input[value={key}]")


def post(client, data, **headers):
    return send(client, data, **{**SAME_ORIGIN, **headers})


def send(client, data, **headers):
    """POST as a browser form does (the test client's default is multipart)."""
    return client.post(URL, urlencode(data, doseq=True), content_type=FORM, **headers)


def test_accept_all_records_and_sets_cookie(client):
    """Accept all stores one record and a cookie granting every category."""
    response = post(client, {"choice": "all", "version": "1"}, **JSON)
    assert response.status_code == 200
    record = ConsentRecord.objects.get()
    assert record.method == "accept_all"
    assert record.granted == ["necessary", "analytics"]
    assert record.language == "en"
    assert record.consent_version == 1
    cookie = response.cookies["cookie_consent"]
    parsed = consent.parse(cookie.value)
    assert parsed.granted == {"necessary", "analytics"}
    assert parsed.consent_id == record.consent_id == response.json()["consentId"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["httponly"]
    assert int(cookie["max-age"]) == 182 * 86400


def test_reject_all_grants_only_required(client):
    post(client, {"choice": "none"})
    record = ConsentRecord.objects.get()
    assert (record.method, record.granted) == ("reject_all", ["necessary"])


def test_without_javascript_the_form_redirects_back(client):
    """The no-JavaScript form gets a redirect to the page it came from."""
    response = post(client, {"choice": "none"}, HTTP_REFERER="http://testserver/en/cookie-policy/")
    assert response.status_code == 303
    assert response["Location"] == "http://testserver/en/cookie-policy/"
    assert "cookie_consent" in response.cookies


def test_foreign_referer_is_not_followed(client):
    response = post(client, {"choice": "none"}, HTTP_REFERER="https://evil.example/")
    assert response["Location"] == "/en/cookie-policy/"


def test_custom_then_withdrawal(client):
    """Turning a granted category off later is recorded as a withdrawal, same consent id."""
    post(client, {"choice": "custom", "granted": ["analytics"]})
    response = post(client, {"choice": "custom"})
    first, second = ConsentRecord.objects.order_by("created_at", "pk")
    assert (first.method, first.granted) == ("custom", ["necessary", "analytics"])
    assert (second.method, second.granted) == ("withdrawal", ["necessary"])
    assert first.consent_id == second.consent_id
    assert consent.parse(response.cookies["cookie_consent"].value).granted == {"necessary"}


def test_gpc_header_keeps_advertising_off_on_accept_all(home):
    """With Sec-GPC: 1, accept all grants everything but advertising, recorded as GPC."""
    from tests.utils import body, category, make_cookie_policy_page

    blocks = [
        category("necessary", "Necessary", ["csrftoken"], True),
        category("advertising", "Advertising", ["_fbp"]),
    ]
    make_cookie_policy_page(home, body_en=body(*blocks), body_ru=body(*blocks))
    post(Client(), {"choice": "all"}, HTTP_SEC_GPC="1")
    record = ConsentRecord.objects.get()
    assert (record.method, record.granted) == ("gpc", ["necessary"])


@pytest.mark.parametrize(
    ("headers", "data", "status"),
    [
        ({}, {"choice": "all"}, 403),  # no Origin
        ({"HTTP_ORIGIN": "https://evil.example"}, {"choice": "all"}, 403),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, {"choice": "all"}, 403),
        (SAME_ORIGIN, {"choice": "maybe"}, 400),
        (SAME_ORIGIN, {"choice": "custom", "granted": ["tracking"]}, 400),
        (SAME_ORIGIN, {"choice": "all", "version": "7"}, 400),
        (SAME_ORIGIN, {"choice": "all", "consent_id": "<script>"}, 400),
        (SAME_ORIGIN, {"choice": "all", "method": "reject_all"}, 400),
        (SAME_ORIGIN, {"choice": "all", "padding": "x" * 5000}, 413),
        (SAME_ORIGIN, {"choice": ""}, 400),
        (SAME_ORIGIN, {"choice": "all", "version": "9" * 4000}, 413),
        (SAME_ORIGIN, {"choice": "all", "version": "9" * 19}, 400),
        (SAME_ORIGIN, {"choice": "all", "version": "-1"}, 400),
        (SAME_ORIGIN, {"choice": "all", "version": "1.5"}, 400),
        (SAME_ORIGIN, {"choice": "all", "consent_id": "a" * 33}, 400),
        (SAME_ORIGIN, {"choice": "all", "method": "everything"}, 400),
    ],
)
def test_bad_requests_get_a_reason_and_write_nothing(client, headers, data, status):
    response = send(client, data, **headers)
    assert response.status_code == status
    assert response.json()["error"]
    assert ConsentRecord.objects.count() == 0
    assert "cookie_consent" not in response.cookies


def test_json_body_is_refused(client):
    response = client.post(URL, '{"choice": "all"}', content_type="application/json", **SAME_ORIGIN)
    assert response.status_code == 415
    assert ConsentRecord.objects.count() == 0


@override_settings(COOKIE_POLICY_RATE_LIMIT_PER_MINUTE=3)
def test_rate_limit_answers_429(client):
    statuses = [post(client, {"choice": "none"}).status_code for _ in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    assert ConsentRecord.objects.count() == 3


def test_settings_page_is_server_rendered_and_private(client):
    """Without JavaScript the settings are a page: switches off, the current id shown."""
    response = client.get(URL)
    assert response.status_code == 200
    assert not switch(response, "analytics").has_attr("checked")
    assert switch(response, "necessary").has_attr("disabled")
    assert "private" in response["Cache-Control"]
    post(client, {"choice": "all"})
    record = ConsentRecord.objects.get()
    again = client.get(URL)
    assert record.consent_id in again.text
    assert switch(again, "analytics").has_attr("checked")


def test_forged_cookie_counts_as_no_decision(client):
    client.cookies["cookie_consent"] = "1:1:necessary+analytics:999999999999:<script>alert(1)"
    response = client.get(URL)
    assert response.status_code == 200
    assert not switch(response, "analytics").has_attr("checked")


@override_settings(COOKIE_POLICY_ACCEPT_DAYS=1000, COOKIE_POLICY_REJECT_DAYS=30)
def test_lifetimes_are_capped_and_apart(client):
    accepted = post(client, {"choice": "all"})
    rejected = post(client, {"choice": "none"})
    assert int(accepted.cookies["cookie_consent"]["max-age"]) == 395 * 86400
    assert int(rejected.cookies["cookie_consent"]["max-age"]) == 30 * 86400


@pytest.fixture
def database_down(client, monkeypatch):
    """Records cannot be written; the banner and the host's site are in the cache."""
    from django.db import OperationalError

    for language in ("en", "ru"):  # warms the cache
        assert client.get(f"/{language}/cookie-consent/").status_code == 200

    def fail(*args, **kwargs):
        raise OperationalError("database is unavailable")

    monkeypatch.setattr(ConsentRecord.objects, "create", fail)
    monkeypatch.setattr(Site, "find_for_request", fail)


def test_database_down_answers_the_script_503_and_sets_the_cookie(client, database_down):
    """The script is told to post again later; the cookie holds the choice meanwhile."""
    response = post(client, {"choice": "all", "consent_id": "A" * 22}, **JSON)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["error"] == "Your choice could not be recorded; try again later."
    assert consent.parse(response.cookies["cookie_consent"].value).consent_id == "A" * 22


@pytest.mark.parametrize(
    ("language", "notice"),
    [("en", "we could not record it just now"), ("ru", "зафиксировать его сейчас не удалось")],
)
def test_database_down_shows_a_form_its_choice_in_effect(client, database_down, language, notice):
    """Without JavaScript the visitor gets the cookie and, in their language, the settings page
    with their choice ticked and a request to save it again."""
    url = f"/{language}/cookie-consent/"
    data = {"choice": "custom", "granted": ["analytics"]}
    response = client.post(url, urlencode(data, doseq=True), content_type=FORM, **SAME_ORIGIN)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert notice in response.text
    assert switch(response, "analytics").has_attr("checked")
    assert "private" in response["Cache-Control"]
    cookie = consent.parse(response.cookies["cookie_consent"].value)
    assert cookie.granted == {"necessary", "analytics"}
    assert cookie.consent_id in response.text


def test_database_down_still_serves_the_settings_page(client, database_down):
    """A GET needs no database: the policy and the host's last site are in the cache, even once
    the site's own entry has expired."""
    cache.delete("cookie_policy:site:testserver")
    response = client.get(URL)
    assert response.status_code == 200
    assert switch(response, "analytics") is not None


def test_database_and_cache_down_the_settings_page_says_so(client, monkeypatch):
    from django.db import OperationalError

    def fail(*args, **kwargs):
        raise OperationalError("database is unavailable")

    monkeypatch.setattr(Site, "find_for_request", fail)
    response = client.get(URL)
    assert response.status_code == 503
    assert response.json()["error"] == (
        "The cookie settings are unavailable just now; try again later."
    )


def test_a_late_post_does_not_undo_a_newer_choice(client):
    """A script's post is recorded, but leaves the cookie alone once the browser holds another
    choice (the script writes its cookie first: only a late post finds a different one)."""
    newer = f"1:1:necessary:{int(time.time())}:{'A' * 22}"
    client.cookies["cookie_consent"] = newer
    data = {"choice": "all", "granted": ["necessary", "analytics"], "consent_id": "A" * 22}
    response = post(client, data, **JSON)
    assert response.status_code == 200
    assert "cookie_consent" not in response.cookies
    assert ConsentRecord.objects.get().granted == ["necessary", "analytics"]
    client.cookies["cookie_consent"] = newer.replace("necessary", "analytics+necessary")
    assert "cookie_consent" in post(client, data, **JSON).cookies


def test_a_late_post_is_recorded_for_its_version_and_changes_nothing(client):
    """The script may post after the policy changed (an outage): recorded for the version the
    visitor saw, without a cookie. A page form from before the change is refused."""
    CookiePolicyPage.objects.update(consent_version=2)
    cache.clear()
    data = {"choice": "all", "version": "1", "consent_id": "A" * 22}
    response = post(client, data, **JSON)
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert "cookie_consent" not in response.cookies
    assert ConsentRecord.objects.get().consent_version == 1
    assert post(client, data).status_code == 400


def test_a_warm_post_makes_one_query(client, django_assert_num_queries):
    """With the banner cached, recording a decision is a single insert."""
    post(client, {"choice": "none"})
    with django_assert_num_queries(1):
        assert post(Client(), {"choice": "all"}).status_code == 303


def test_refusal_deletes_the_sites_own_cookies(client):
    """Refusing analytics deletes its first-party cookies, even after an outdated decision."""
    client.cookies["_ga"] = "GA1.1.123"
    client.cookies["cookie_consent"] = "1:0:analytics+necessary:1764000000:abcdefghijklmnopqrstuv"
    response = post(client, {"choice": "none"})
    assert response.cookies["_ga"]["max-age"] == 0
    assert "csrftoken" not in response.cookies


def test_a_refusal_sends_at_most_2_kb_of_deletions(home):
    """Hundreds of refused cookies get a bounded set of deletions, not hundreds of headers."""
    blocks = [
        category("necessary", "Necessary", ["csrftoken", "cookie_consent"], required=True),
        category("analytics", "Analytics", ["_ga_<container-id>"]),
    ]
    make_banner()
    make_cookie_policy_page(home, body_en=body(*blocks), body_ru=body(*blocks))
    client = Client()
    for i in range(300):
        client.cookies[f"_ga_{i:04d}"] = "GS1.1.1764000000"
    response = post(client, {"choice": "none"})
    assert response.status_code == 303
    deleted = [morsel for name, morsel in response.cookies.items() if name != "cookie_consent"]
    assert {morsel["max-age"] for morsel in deleted} == {0}
    sizes = [len(morsel.output()) for morsel in deleted]
    assert sum(sizes) <= 2048
    assert len(deleted) == 2048 // sizes[0]  # as many as fit: the names are all as long


def test_refusal_never_deletes_the_cookies_the_site_needs(client, django_user_model):
    """Whatever a refused category declares, even families that match everything, the consent
    cookie just written and the session, CSRF and language cookies stay: an editor stays signed
    in. The category's own cookies go."""
    declare_unchecked("analytics", ["*", "<anything>", "session*", "csrf*", "django_*"])
    client.force_login(django_user_model.objects.create_superuser("editor"))
    client.cookies["csrftoken"] = "a" * 32
    client.cookies["django_language"] = "en"
    client.cookies["_ga"] = client.cookies["other"] = "1"
    client.cookies["cookie_consent"] = "1:0:analytics+necessary:1764000000:abcdefghijklmnopqrstuv"
    response = post(client, {"choice": "none"})
    assert response.status_code == 303
    assert response.cookies["_ga"]["max-age"] == response.cookies["other"]["max-age"] == 0
    for name in ("sessionid", "csrftoken", "django_language"):
        assert name not in response.cookies
    written = response.cookies["cookie_consent"]
    assert written["max-age"] > 0
    assert consent.parse(written.value).granted == {"necessary"}
    assert client.get("/admin/").status_code == 200


def test_server_sees_a_withdrawal_whatever_the_client_says(client):
    post(client, {"choice": "all"})
    post(client, {"choice": "none", "method": "reject_all"})
    assert ConsentRecord.objects.order_by("pk").last().method == "withdrawal"


@override_settings(COOKIE_POLICY_RATE_LIMIT_PER_MINUTE=2, COOKIE_POLICY_PROXY_COUNT=1)
def test_rate_limit_behind_a_proxy_counts_each_visitor(client):
    """Behind a proxy, visitors are told apart by X-Forwarded-For, not the proxy's address."""
    for visitor in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        statuses = [
            post(
                Client(), {"choice": "none"}, HTTP_X_FORWARDED_FOR=f"spoofed, {visitor}"
            ).status_code
            for _ in range(2)
        ]
        assert statuses == [303, 303]
    third = post(Client(), {"choice": "none"}, HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert third.status_code == 429


def test_malformed_content_length_is_a_400(client):
    response = client.post(
        URL, "choice=all", content_type=FORM, CONTENT_LENGTH="lots", **SAME_ORIGIN
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        (f"{FORM}; charset=utf-16", "choice=all".encode("utf-16")),
        (FORM, b"choice=all" + b"&" * 1500),  # more fields than Django parses
    ],
)
def test_a_body_django_cannot_parse_gets_a_json_400(client, content_type, data):
    response = client.generic("POST", URL, data, content_type=content_type, **SAME_ORIGIN)
    assert response.status_code == 400
    assert response.json()["error"] == "The request is malformed."
    assert ConsentRecord.objects.count() == 0


def test_head_is_get_without_the_page(client):
    response = client.head(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == b""


@pytest.mark.parametrize("method", ["put", "delete", "patch", "options"])
def test_other_methods_get_a_json_405(client, method):
    response = getattr(client, method)(URL, **SAME_ORIGIN)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert response.json()["error"]


def test_a_decision_deletes_the_other_copies_of_the_cookie(client):
    """With several consent cookies (from another path or a parent domain) the answer sets one
    and deletes a copy from every other place this request's cookies may come from."""
    value = "1:1:necessary:1764000000:abcdefghijklmnopqrstuv"
    copies = f"cookie_consent={value}; cookie_consent=1:1:necessary:1764000001:{'B' * 22}"
    response = post(client, {"choice": "none"}, HTTP_COOKIE=copies)
    written = [m for m in response.cookies.values() if m.key == "cookie_consent"]
    assert [(m["domain"], m["path"]) for m in written if m["max-age"] != 0] == [("", "/")]
    deleted = {(m["domain"], m["path"]) for m in written if m["max-age"] == 0}
    assert deleted == set(consent.cookie_places("testserver", URL)) - {("", "/")}
    alone = post(Client(), {"choice": "none"}, HTTP_COOKIE=f"cookie_consent={value}")
    assert [m.key for m in alone.cookies.values()] == ["cookie_consent"]


def test_a_record_names_the_revisions_the_visitor_was_shown(
    client, django_capture_on_commit_callbacks
):
    """The record holds the live policy and banner revisions its cached banner was built from;
    after a publish, the next record names the new ones."""
    page, banner = CookiePolicyPage.objects.get(), ConsentBanner.objects.get()
    post(client, {"choice": "all"}, **JSON)
    first = ConsentRecord.objects.get()
    assert (first.policy_revision_id, first.banner_revision_id) == (
        page.live_revision_id,
        banner.live_revision_id,
    )
    banner.accept_label_en = "Allow everything"
    with django_capture_on_commit_callbacks(execute=True):  # drops the cached banner on commit
        banner.save_revision().publish()
    post(client, {"choice": "none"}, **JSON)
    second = ConsentRecord.objects.order_by("pk").last()
    assert second.banner_revision_id == ConsentBanner.objects.get().live_revision_id
    assert second.banner_revision_id != first.banner_revision_id
    assert second.policy_revision_id == first.policy_revision_id


def test_a_late_post_names_no_revision(client):
    """A decision for a replaced version was made on texts no longer live: none is named."""
    CookiePolicyPage.objects.update(consent_version=2)
    cache.clear()
    post(client, {"choice": "all", "version": "1", "consent_id": "A" * 22}, **JSON)
    record = ConsentRecord.objects.get()
    assert (record.policy_revision_id, record.banner_revision_id) == (None, None)


RECEIPT = "/ru/cookie-consent/receipt/"


def test_the_settings_page_links_to_a_receipt_once_a_choice_is_made(client):
    assert "/en/cookie-consent/receipt/" not in client.get(URL).text
    post(client, {"choice": "none"})
    link = BeautifulSoup(client.get(URL).text, "html.parser").find(
        "a", string="Download a receipt of your choice"
    )
    assert link["href"] == "/en/cookie-consent/receipt/"


def test_a_receipt_restates_the_visitors_choice_in_their_language(client):
    """The receipt is a private text file: the consent ID, the time the cookie holds, the
    version, the categories by their Russian titles and absolute links to the texts."""
    made = int(time.time()) - 3600
    client.cookies["cookie_consent"] = f"1:1:analytics+necessary:{made}:{'B' * 22}"
    response = client.get(RECEIPT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="cookie-consent-{"B" * 22}.txt"'
    )
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    text = response.content.decode()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(made))
    assert f"Идентификатор согласия: {'B' * 22}" in text
    assert f"({stamp})" in text
    assert "Версия согласия: 1" in text
    assert "Строго необходимые файлы cookie, Аналитические файлы cookie" in text
    assert "http://testserver/ru/cookie-policy/\n" in text
    assert "http://testserver/ru/cookie-policy/versions/\n" in text
    assert "http://testserver/ru/cookie-consent/\n" in text
    assert "&" not in text and "cookie" in text


def test_a_receipt_lists_what_was_refused(client):
    post(client, {"choice": "none"})
    text = client.get("/en/cookie-consent/receipt/").content.decode()
    assert "Categories you allowed: Strictly necessary cookies\n" in text
    assert "Categories you refused: Analytical cookies\n" in text
    record = ConsentRecord.objects.get()
    assert f"Consent ID: {record.consent_id}\n" in text


@pytest.mark.parametrize(
    "cookie, status, reason",
    [
        (None, 404, "Вы ещё не сделали выбор"),
        ("1:1:necessary:<script>:x", 400, "В вашем браузере хранится повреждённая запись"),
        (f'1:1:necessary:{int(time.time())}:{"A" * 22}"', 400, "повреждённая запись"),
        (
            f"1:7:necessary:{int(time.time())}:{'A' * 22}",
            404,
            "Ваш прежний выбор больше не действует",
        ),
        (f"1:1:necessary+spying:{int(time.time())}:{'A' * 22}", 404, "больше не действует"),
    ],
)
def test_no_receipt_without_a_current_choice(client, cookie, status, reason):
    """No cookie, a damaged or forged one, or an outdated choice: a reason in the visitor's
    language, never a receipt."""
    if cookie:
        client.cookies["cookie_consent"] = cookie
    response = client.get(RECEIPT)
    assert response.status_code == status
    assert reason in response.content.decode()
    assert "Content-Disposition" not in response
    assert "no-store" in response["Cache-Control"]


def test_a_receipt_is_only_fetched(client):
    response = client.post(RECEIPT)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
