import pytest
from django.test import Client


@pytest.mark.django_db
def test_policy_renders_in_each_language(policy):
    """The policy page answers under /en/ and /ru/ with that language's text."""
    client = Client()
    en = client.get("/en/cookie-policy/")
    ru = client.get("/ru/cookie-policy/")
    assert en.status_code == 200
    assert ru.status_code == 200
    assert "Strictly necessary cookies" in en.text
    assert "Строго необходимые файлы cookie" in ru.text
    assert '<html lang="ru">' in ru.text
