"""The demo's headless API (/api/v2/cookie-policy/) in English and Russian, with its ETag; the
plugin's own suite covers the rest (tests/plugin/test_headless.py)."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v2/cookie-policy/"

EXPECTED = {
    "en": {
        "policy": "Cookie policy",
        "analytics": "Analytical cookies",
        "banner": "Cookies on this site",
        "accept": "Accept all",
        "lifetime": "Lifetime",
    },
    "ru": {
        "policy": "Политика использования файлов cookie",
        "analytics": "Аналитические файлы cookie",
        "banner": "Файлы cookie на этом сайте",
        "accept": "Принять все",
        "lifetime": "Срок хранения",
    },
}


@pytest.mark.parametrize("code", ["en", "ru"])
def test_the_api_answers_in_each_language_with_an_etag(policy, client, code):
    response = client.get(URL, {"locale": code})
    assert response.status_code == 200
    assert response["Content-Language"] == code
    data = response.json()
    expected = EXPECTED[code]
    assert data["policy"]["title"] == expected["policy"]
    assert data["policy"]["url"] == f"http://localhost/{code}/cookie-policy/"
    assert [c["title"] for c in data["policy"]["categories"]][1] == expected["analytics"]
    assert data["banner"]["title"] == expected["banner"]
    assert data["banner"]["accept_label"] == expected["accept"]
    assert data["labels"]["lifetime"] == expected["lifetime"]  # the plugin's catalogue
    assert data["config"]["endpoint"] == f"http://localhost/{code}/cookie-consent/"
    again = client.get(URL, {"locale": code}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_an_unknown_language_is_a_json_400(policy, client):
    response = client.get(URL, {"locale": "de"})
    assert response.status_code == 400
    assert response.json()["message"] == "Unknown locale de. This site's languages: en, ru."
