"""The consent endpoint in every language: records the language, sets the cookie."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from cookie_policy import consent, languages
from cookie_policy.models import ConsentRecord
from tests.plugin.utils import codes, text

pytestmark = pytest.mark.django_db
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
JSON = {"HTTP_ACCEPT": "application/json"}
FORM = "application/x-www-form-urlencoded"


def post(client, code, data, **headers):
    """POST as the banner's form does, from a page of the site."""
    return client.post(
        f"/{code}/cookie-consent/",
        urlencode(data, doseq=True),
        content_type=FORM,
        **{**SAME_ORIGIN, **headers},
    )


@pytest.mark.parametrize("code", codes())
def test_decision_is_recorded_in_its_language(policy, client, code):
    """A post under /<code>/ stores a record in that language and sets the consent cookie."""
    response = post(client, code, {"choice": "all", "version": "1"}, **JSON)
    assert response.status_code == 200
    record = ConsentRecord.objects.get()
    assert record.language == code
    assert (record.method, record.granted) == ("accept_all", ["necessary", "analytics"])
    cookie = response.cookies["cookie_consent"]
    parsed = consent.parse(cookie.value)
    assert parsed.granted == {"necessary", "analytics"}
    assert parsed.consent_id == record.consent_id
    assert cookie["path"] == "/"
    assert cookie["samesite"] == "Lax"


@pytest.mark.languages("fr", "pt-br")
def test_a_regional_code_is_stored_whole(policy, client):
    """A regional code is stored whole ("pt-br"), apart from the other languages' records."""
    post(client, "pt-br", {"choice": "none"})
    post(client, "fr", {"choice": "none"})
    record = ConsentRecord.objects.get(language="pt-br")
    assert (record.method, record.granted) == ("reject_all", ["necessary"])
    assert ConsentRecord.objects.filter(language="fr").count() == 1


@pytest.mark.parametrize("code", codes())
def test_without_javascript_the_form_returns_to_the_policy_in_its_language(policy, client, code):
    """With no same-site Referer the no-JavaScript form goes back to the policy's own URL."""
    response = post(client, code, {"choice": "none"})
    assert response.status_code == 303
    assert response["Location"] == f"/{code}/cookie-policy/"
    assert "cookie_consent" in response.cookies


@pytest.mark.parametrize("code", codes())
def test_settings_page_shows_the_decision(policy, client, code):
    """The settings page of each language lists its categories and the switch just granted."""
    post(client, code, {"choice": "custom", "granted": ["analytics"]})
    response = client.get(f"/{code}/cookie-consent/")
    assert response.status_code == 200
    html = BeautifulSoup(response.text, "html.parser")
    assert html.html["lang"] == code
    main = html.select_one("main")
    labels = [label.text for label in main.select(".cc-category label")]
    assert labels == [text("necessary", code), text("analytics", code)]
    assert main.select_one("input[value=analytics]").has_attr("checked")
    assert ConsentRecord.objects.get().consent_id in main.text


def test_a_stale_version_is_refused(policy, client):
    """A decision against another consent version writes nothing, in any language."""
    for code in codes():
        response = post(client, code, {"choice": "all", "version": "7"})
        assert response.status_code == 400, code
    assert not ConsentRecord.objects.exists()


def test_a_foreign_origin_is_refused(policy, client):
    response = post(client, codes()[-1], {"choice": "all"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize("code", codes())
def test_what_the_visitor_saw_is_shown_in_their_language(policy, client, code, admin_client):
    """A record names the revisions served to its visitor; the admin renders them in the
    record's language, and the report finds the record by its consent ID."""
    from django.urls import reverse

    from cookie_policy.models import ConsentBanner

    response = post(client, code, {"choice": "none"}, **JSON)
    record = ConsentRecord.objects.get()
    banner = ConsentBanner.objects.get()
    assert record.policy_revision_id == policy.live_revision_id
    assert record.banner_revision_id == banner.live_revision_id
    report = admin_client.get(
        reverse("cookie_policy_consent_records"), {"consent_id": response.json()["consentId"]}
    )
    assert list(report.context["object_list"]) == [record]
    shown = admin_client.get(reverse("cookie_policy_consent_record", args=[record.pk]))
    # The record's language by name, as the admin's language names it.
    assert f"<dd>{languages.name(code)} ({code})</dd>" in shown.text
    texts = admin_client.get(reverse("cookie_policy_consent_record_texts", args=[record.pk]))
    assert texts.status_code == 200
    assert f'lang="{code}"' in texts.text
    assert text("policy", code) in texts.text
    assert text("necessary", code) in texts.text
    assert getattr(banner, f"accept_label_{code.replace('-', '_')}") in texts.text


@pytest.mark.parametrize("code", codes())
def test_a_receipt_is_in_the_visitors_language(policy, client, code):
    """The receipt names the categories in the visitor's language and links to the policy."""
    consent_id = post(client, code, {"choice": "all"}, **JSON).json()["consentId"]
    response = client.get(f"/{code}/cookie-consent/receipt/")
    assert response.status_code == 200
    receipt = response.content.decode()
    assert consent_id in receipt
    assert f"{text('necessary', code)}, {text('analytics', code)}" in receipt
    assert f"http://testserver{policy.get_url()}" in receipt


class RecordingCache:
    """The cache, with the names of the methods called on it."""

    def __init__(self, real):
        self.real, self.calls = real, []

    def __getattr__(self, name):
        method = getattr(self.real, name)

        def call(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return call


def test_a_warm_post_asks_the_shared_cache_nothing(policy, client, settings, monkeypatch):
    """With a local copy, a visitor's second post makes no shared-cache call: the rate limit
    counts a visitor's first posts of a minute in the process (rate_limit.py)."""
    from django.core.cache import cache

    from cookie_policy import banner_cache, live, rate_limit

    settings.COOKIE_POLICY_LOCAL_CACHE_SECONDS = 60
    assert post(client, "en", {"choice": "all"}).status_code == 303
    recording = RecordingCache(cache)
    for module in (banner_cache, live, rate_limit):
        monkeypatch.setattr(module, "cache", recording)
    client.cookies.clear()
    assert post(client, "en", {"choice": "none"}).status_code == 303
    assert recording.calls == []
    assert ConsentRecord.objects.count() == 2


def test_forms_check_categories_against_their_own_policy_with_djangos_messages(policy):
    """Each form checks categories against its own policy; its messages are Django's own."""
    from cookie_policy.forms import ConsentForm

    first = ConsentForm({"choice": "custom", "granted": ["a"]}, policy=policy_with("a"))
    second = ConsentForm({"choice": "custom", "granted": ["a"]}, policy=policy_with("b"))
    assert first.is_valid()
    assert first.cleaned_data["granted"] == ["a"]
    assert not second.is_valid()
    assert second.errors["granted"] == [
        "Select a valid choice. a is not one of the available choices."
    ]
    third = ConsentForm({"choice": "every", "method": "all"}, policy=policy_with("a"))
    assert not third.is_valid()
    assert set(third.errors) == {"choice", "method"}
    fourth = ConsentForm(
        {"choice": "", "version": "x", "consent_id": "short"}, policy=policy_with("a")
    )
    assert fourth.errors == {
        "choice": ["This field is required."],
        "version": ["Enter a whole number."],
        "consent_id": ["Enter a valid value."],
    }
    fifth = ConsentForm({"choice": "all", "version": str(10**9 + 1)}, policy=policy_with("a"))
    assert fifth.errors == {"version": ["Ensure this value is less than or equal to 1000000000."]}


def policy_with(key):
    return {"version": 1, "categories": [{"key": key, "title": key}]}
