"""Russian text is set as a Russian editor sets it, and calls the document by one name."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from cms.typography import russian

ROOT = Path(__file__).resolve().parent.parent
# A breakable space between a number and a Cyrillic word, or before a dash.
BREAKABLE = re.compile(r"\d [а-яё]| —")


def test_numbers_keep_their_units_and_dashes_their_words():
    assert russian("От 2 недель до 1 года — <b>13 месяцев</b>") == (
        "От 2\u00a0недель до 1\u00a0года\u00a0— <b>13\u00a0месяцев</b>"
    )


def test_latin_words_numbers_and_markup_are_left_alone():
    text = 'Google Analytics 4 <a href="/ru/">1 2</a> iOS 18, 2025 г.'
    assert russian(text) == text.replace("2025 г.", "2025\u00a0г.")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ru/", "/ru/cookie-policy/"])
def test_demo_russian_pages_have_no_breakable_space_where_russian_forbids_it(path):
    call_command("load_content", stdout=None)
    html = BeautifulSoup(Client().get(path).text, "html.parser")
    for script in html.select("script"):
        script.decompose()
    text = html.get_text()
    assert BREAKABLE.findall(text) == []
    if path.endswith("cookie-policy/"):
        assert "2\u00a0года" in text
        assert "SOFTPRO+ (далее\u00a0— «SOFTPRO»" in text


@pytest.mark.django_db
def test_english_is_not_touched():
    call_command("load_content", stdout=None)
    assert "\u00a0" not in Client().get("/en/cookie-policy/").text


@pytest.mark.django_db
def test_the_russian_document_has_one_name():
    """The glossary's «Политика использования файлов cookie», never «Заявление»."""
    call_command("load_content", stdout=None)
    text = Client().get("/ru/cookie-policy/").text
    assert "Заявлени" not in text
    assert "настоящей Политике использования файлов cookie" in text


@pytest.mark.parametrize(
    "catalogue",
    ["cookie_policy/locale/ru/LC_MESSAGES/django.po", "locale/ru/LC_MESSAGES/django.po"],
)
def test_the_russian_catalogues_keep_dashes_with_their_words(catalogue):
    translations = [
        line
        for line in (ROOT / catalogue).read_text(encoding="utf-8").splitlines()
        if not line.startswith(("#", "msgid"))
    ]
    assert [line for line in translations if BREAKABLE.search(line)] == []
