"""What visitors see: both languages, the switcher, history, errors."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Revision

from cms.models import HomePage
from cookie_policy.models import ConsentBanner, CookiePolicyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client()


def test_policy_renders_in_each_language(policy, client):
    """The policy page answers under /en/ and /ru/ with that language's text."""
    en = client.get("/en/cookie-policy/")
    ru = client.get("/ru/cookie-policy/")
    assert en.status_code == ru.status_code == 200
    assert "Strictly necessary cookies" in en.text
    assert "Строго необходимые файлы cookie" in ru.text
    assert '<html lang="ru">' in ru.text
    assert "Strictly necessary cookies" not in ru.text


def test_declaration_table_lists_cookies(policy, client):
    """Each category shows its cookies by name."""
    page = client.get("/en/cookie-policy/").text
    assert "<code>csrftoken</code>" in page
    assert "<code>_ga</code>" in page


def test_pages_extend_the_configured_base_template(policy, client, settings, tmp_path):
    """The policy page, the settings page and the banner preview extend the site's base."""
    (tmp_path / "site_base.html").write_text(
        "<main data-base=site>{% block content %}{% endblock %}"
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    settings.COOKIE_POLICY_BASE_TEMPLATE = "site_base.html"
    preview = ConsentBanner.objects.get().make_preview_request(preview_mode="en")
    for response in (client.get("/en/cookie-policy/"), client.get("/en/cookie-consent/"), preview):
        assert response.status_code == 200
        assert "<main data-base=site>" in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "target"), [("ru-RU,ru;q=0.9", "/ru/"), ("en-GB,en;q=0.8", "/en/"), ("", "/en/")]
)
def test_root_redirects_by_accept_language(home, client, accept, target):
    """/ sends visitors to their language."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_switcher_links_to_same_page_without_cookies(policy, client):
    """The language switcher leads to the same page in the other language and sets no cookie."""
    response = client.get("/en/cookie-policy/")
    assert 'href="/ru/cookie-policy/" hreflang="ru"' in response.text
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize(
    ("path", "text"),
    [("/en/no-such-page/", "Page not found"), ("/ru/no-such-page/", "Страница не найдена")],
)
def test_unknown_url_gets_styled_404_in_its_language(policy, client, path, text):
    """A wrong URL gets the site's own 404 page in the URL's language."""
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.text
    assert 'class="site-header"' in response.text
    other = "/ru/no-such-page/" if path.startswith("/en/") else "/en/no-such-page/"
    assert f'href="{other}"' in response.text


def test_version_history_is_public_and_translated(policy, client):
    """The page shows when it was updated and what each published version changed."""
    revision = policy.save_revision()
    body = revision.content
    for language in ("en", "ru"):
        body[f"body_{language}"] = body[f"body_{language}"].replace(
            '"name": "_ga"', '"name": "_gid"'
        )
    revision.content = body
    revision.save()
    revision.publish()
    en = client.get("/en/cookie-policy/").text
    ru = client.get("/ru/cookie-policy/").text
    assert "Last updated" in en
    assert "Analytical cookies: cookie _gid added" in en
    assert "Analytical cookies: cookie _ga removed" in en
    assert "First published" in en
    assert "Последнее обновление" in ru
    assert "Аналитические файлы cookie: файл cookie _gid добавлен" in ru
    versions = client.get("/ru/cookie-policy/versions/").text
    assert "Политика использования файлов cookie: история изменений" in versions
    html = BeautifulSoup(versions, "html.parser")
    assert html.title.text.startswith("Политика использования файлов cookie: история изменений")
    # The language switch leads to the version history in the other language.
    assert [a["href"] for a in html.select(".language-switcher a")] == [
        "/en/cookie-policy/versions/"
    ]
    assert "Аналитические файлы cookie: файл cookie _gid добавлен" in versions


def test_load_content_is_idempotent(db):
    """Loading the content twice creates every page once and no extra revision."""
    call_command("load_content", stdout=None)
    counts = (Page.objects.count(), Revision.objects.count(), ConsentBanner.objects.count())
    call_command("load_content")
    assert (Page.objects.count(), Revision.objects.count(), ConsentBanner.objects.count()) == counts
    assert HomePage.objects.count() == 1
    policy = CookiePolicyPage.objects.get()
    assert policy.title_ru == "Политика использования файлов cookie"
    assert policy.title_en == "Cookie policy"
    banner = ConsentBanner.objects.get()
    assert banner.accept_label_ru == "Принять все"
    assert banner.accept_label_en == "Accept all"


@pytest.mark.parametrize("path", ["/en/", "/ru/cookie-policy/"])
def test_a_malformed_session_or_csrf_cookie_leaves_pages_cacheable(policy, client, path):
    """Django would delete or replace them with Vary: Cookie; the demo's pages stay the same."""
    client.cookies["sessionid"] = "garbage"
    client.cookies["csrftoken"] = "garbage"
    response = client.get(path)
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.fixture
def demo(db):
    """The demo's own content, as `make run` loads it."""
    call_command("load_content", stdout=None)
    return CookiePolicyPage.objects.get()


def marked_rows(client, language):
    """``{cookie name: True when marked "not yet confirmed"}`` of the policy page's tables."""
    html = BeautifulSoup(client.get(f"/{language}/cookie-policy/").text, "html.parser")
    return {
        row.th.code.text: row.th.em is not None for row in html.select(".cookie-table tbody tr")
    }


@pytest.mark.parametrize("language", ["en", "ru"])
def test_demo_marks_the_cookies_it_does_not_set(demo, client, language):
    """Only the cookies the demo really sets read as fact; the rest carry the mark."""
    rows = marked_rows(client, language)
    confirmed = {name for name, marked in rows.items() if not marked}
    assert confirmed == {"csrftoken", "sessionid", "cookie_consent", "django_language", "_ga"}
    assert rows["_fbp"] and rows["YSC"]


def test_demo_mark_is_translated(demo, client):
    ru = client.get("/ru/cookie-policy/").text
    assert "(использование на этом сайте ещё не подтверждено)" in ru
    assert "not yet confirmed" not in ru


@pytest.mark.parametrize("language", ["en", "ru"])
def test_demo_settings_summaries_end_with_their_sentence(demo, client, language):
    """Every category in the settings dialog has a written summary, none cut mid-sentence."""
    html = BeautifulSoup(client.get(f"/{language}/").text, "html.parser")
    about = [p.text for p in html.select("#cc-settings .cc-about")]
    assert len(about) == 5
    for text in about:
        # Django's Truncator used to end a cut summary in "…".
        assert text.rstrip("»”)").endswith((".", "!", "?")), text
        assert "  " not in text and len(text.split()) <= 40, text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_demo_in_page_links_reach_their_sections(demo, client, language):
    """ "See Managing cookies below" is a link, and every in-page link has its target."""
    html = BeautifulSoup(client.get(f"/{language}/cookie-policy/").text, "html.parser")
    links = [a["href"][1:] for a in html.select('a[href^="#"]')]
    assert all(html.find(id=anchor) is not None for anchor in links), links
    managing = {
        "en": "managing-cookies-and-their-deletion",
        "ru": "управление-файлами-cookie-и-их-удаление",
    }
    assert html.select_one("#contents").text == {"en": "Contents", "ru": "Содержание"}[language]
    # The table of contents and four categories' purposes link to the section.
    assert links.count(managing[language]) == 5
