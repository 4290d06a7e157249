"""Builders shared by the tests."""

import json
import sqlite3
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage
from cookie_policy import changes
from cookie_policy.models import ConsentBanner, CookiePolicyPage, OperatorSettings


def category(key, title, cookies=(), required=False, purpose="<p>Purpose.</p>", lifetime="1 year"):
    return {
        "type": "category",
        "value": {
            "key": key,
            "title": title,
            "purpose": purpose,
            "lifetime": lifetime,
            "required": required,
            "cookies": [
                {
                    "name": name,
                    "provider": "SOFTPRO",
                    "purpose": "Purpose.",
                    "duration": "1 year",
                    "party": "first",
                }
                for name in cookies
            ],
        },
    }


def body(*blocks):
    return json.dumps(list(blocks))


EN_BLOCKS = [
    {"type": "heading", "value": "What are cookies?"},
    category("necessary", "Strictly necessary cookies", ["csrftoken", "cookie_consent"], True),
    category("analytics", "Analytical cookies", ["_ga"]),
]
RU_BLOCKS = [
    {"type": "heading", "value": "Что такое файлы cookie?"},
    category("necessary", "Строго необходимые файлы cookie", ["csrftoken", "cookie_consent"], True),
    category("analytics", "Аналитические файлы cookie", ["_ga"]),
]
EN_BODY = body(*EN_BLOCKS)
RU_BODY = body(*RU_BLOCKS)


def make_home_page():
    # A transactional test flushes the tree that Wagtail's migrations created.
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", title_en="Root", slug="root", slug_en="root")
    )
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home = HomePage(title_en="Home", title_ru="Главная", slug_en="home", slug_ru="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
    )
    make_operator(site)
    return home


def make_operator(site, **kwargs):
    """The site's operator, filled in as publishing a policy requires, with no law chosen."""
    fields = {
        "legal_name_en": "Private enterprise SOFTPRO+",
        "legal_name_ru": "Частное предприятие SOFTPRO+",
        "address_en": "1 Example Street, 220000 Minsk, Republic of Belarus",
        "address_ru": "ул. Примерная, 1, 220000, г. Минск, Республика Беларусь",
        "registration_number": "190000001",
        "email": "privacy@softpro.example",
    }
    fields.update(kwargs)
    return OperatorSettings.objects.update_or_create(site=site, defaults=fields)[0]


def make_cookie_policy_page(parent, **kwargs):
    kwargs.setdefault("title_en", "Cookie policy")
    kwargs.setdefault("title_ru", "Политика использования файлов cookie")
    kwargs.setdefault("slug_en", "cookie-policy")
    kwargs.setdefault("slug_ru", "cookie-policy")
    kwargs.setdefault("body_en", EN_BODY)
    kwargs.setdefault("body_ru", RU_BODY)
    page = CookiePolicyPage(**kwargs)
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    page.refresh_from_db()
    return page


def category_form(block):
    """Admin form data for one category block of ``category()``."""
    value = block["value"]
    return {
        "key": value["key"],
        "title": value["title"],
        "summary": value.get("summary", ""),
        "purpose": rich_text(value["purpose"]),
        "lifetime": value["lifetime"],
        "required": "on" if value["required"] else "",
        "cookies": {
            "count": str(len(value["cookies"])),
            **{
                # The editor's form sends the status's default, as a browser would.
                str(i): {"value": {"status": "confirmed", **cookie}, "deleted": "", "order": str(i)}
                for i, cookie in enumerate(value["cookies"])
            },
        },
    }


def policy_form_data(en_blocks, ru_blocks, **fields):
    """POST data for the page editor from raw blocks (as built by ``category()``)."""

    def stream(blocks):
        return streamfield(
            [
                (b["type"], category_form(b) if b["type"] == "category" else b["value"])
                for b in blocks
            ]
        )

    data = {
        "title_en": "Cookie policy",
        "title_ru": "Политика использования файлов cookie",
        "slug_en": "cookie-policy",
        "slug_ru": "cookie-policy",
        "body_en": stream(en_blocks),
        "body_ru": stream(ru_blocks),
    }
    data.update(fields)
    return nested_form_data(data)


def make_banner(**kwargs):
    """A live consent banner with every field set in both languages."""
    fields = {
        "name": "Banner",
        "title_en": "Cookies on this site",
        "title_ru": "Файлы cookie на этом сайте",
        "message_en": "<p>Choose which cookies we may use.</p>",
        "message_ru": "<p>Выберите, какие файлы cookie мы можем использовать.</p>",
        "accept_label_en": "Accept all",
        "accept_label_ru": "Принять все",
        "reject_label_en": "Reject all",
        "reject_label_ru": "Отклонить все",
        "settings_label_en": "Settings",
        "settings_label_ru": "Настройки",
        "save_label_en": "Save choices",
        "save_label_ru": "Сохранить выбор",
        "settings_title_en": "Cookie settings",
        "settings_title_ru": "Настройки файлов cookie",
    }
    fields.update(kwargs)
    banner = ConsentBanner(**fields)
    banner.save()
    banner.save_revision().publish()
    return banner


def database_url_for_another_process(folder):
    """A DATABASE_URL at which another process sees what this test has committed.

    On PostgreSQL, the test database itself. SQLite's test database lives in this process's
    memory: it is copied to a file in ``folder``, so the other process sees it as it is now.
    """
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
        return f"postgres://{db['USER']}@{host}:{port}/{db['NAME']}"
    path = Path(folder) / "db.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    return f"sqlite:///{path}"


def declare_unchecked(key, names):
    """Declare cookie ``names`` in category ``key`` of the live policy, in both languages, past
    the editor's form and the publish check: as a revision from before they existed could."""
    page = CookiePolicyPage.objects.get()
    bodies = {}
    for code in ("en", "ru"):
        blocks = changes.raw_stream(getattr(page, f"body_{code}"))
        for block in blocks:
            if block["type"] == "category" and block["value"]["key"] == key:
                block["value"]["cookies"] += [
                    {
                        "name": name,
                        "provider": "?",
                        "purpose": "?",
                        "duration": "?",
                        "party": "first",
                    }
                    for name in names
                ]
        bodies[f"body_{code}"] = json.dumps(blocks)
    CookiePolicyPage.objects.filter(pk=page.pk).update(**bodies)
    cache.clear()  # the banner's data, and the endpoint's
