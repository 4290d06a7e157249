"""System checks refuse a setup that cannot work, and the plugin follows the site's languages."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import models
from django.test import override_settings

from cookie_policy import checks, languages
from cookie_policy.changes import mixed_script_words
from cookie_policy.translated_columns import translated

ROOT = Path(__file__).resolve().parent.parent


def ids(errors):
    return [error.id for error in errors]


def test_demo_setup_passes_every_check():
    """The demo site is set up as the README says: no check fails."""
    assert checks.check_translation_apps(None) == []
    assert checks.check_languages(None) == []
    assert checks.check_consent_url(None) == []


def test_missing_and_misordered_translation_apps():
    """modeltranslation missing or after the plugin is refused with a hint."""
    good = [*checks.TRANSLATION_APPS, "cookie_policy", "wagtail"]
    assert checks.translation_app_errors(good) == []
    missing = checks.translation_app_errors(["modeltranslation", "cookie_policy"])
    assert ids(missing) == ["cookie_policy.E001"]
    assert "wagtail_modeltranslation.migrate" in missing[0].msg
    late = checks.translation_app_errors(["cookie_policy", *checks.TRANSLATION_APPS])
    assert ids(late) == ["cookie_policy.E002"]


@override_settings(LANGUAGE_CODE="en-us")
def test_language_code_outside_languages():
    """`wagtail start` writes LANGUAGE_CODE = "en-us": it must be a code of LANGUAGES."""
    errors = checks.check_languages(None)
    assert ids(errors) == ["cookie_policy.E003"]
    assert "'en-us'" in errors[0].msg


def test_locale_middleware_missing(settings):
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "django.middleware.locale.LocaleMiddleware"
    ]
    assert ids(checks.check_languages(None)) == ["cookie_policy.E004"]


@pytest.mark.parametrize(
    ("urlconf", "error"),
    [
        ("tests.urlconfs.no_consent", "cookie_policy.E005"),
        ("tests.urlconfs.swallowed", "cookie_policy.E006"),
        ("tests.urlconfs.unprefixed", "cookie_policy.E007"),
    ],
)
def test_consent_url_mistakes(settings, urlconf, error):
    """The URL mistakes that made every consent post fail are caught at start."""
    settings.ROOT_URLCONF = urlconf
    errors = checks.check_consent_url(None)
    assert ids(errors) == [error]
    assert "i18n_patterns" in errors[0].hint


def test_translated_columns_follow_the_languages():
    """One nullable copy of a field per configured language, named by modeltranslation."""
    columns = translated("label", models.CharField(max_length=40, verbose_name="label"))
    assert [name for name, _field in columns] == ["label_en", "label_ru"]
    for _name, field in columns:
        assert field.null and field.max_length == 40


def test_default_language_comes_first():
    assert languages.codes()[0] == languages.default() == "en"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Аnalytical cookies", ["Аnalytical"]),  # Cyrillic А in an English word
        ("Беларусi", ["Беларусi"]),  # Latin i in a Belarusian word
        ("Беларусі ўсё", []),  # Belarusian і and ў are Cyrillic
        ("Größe, navegação, façade", []),  # German and Portuguese letters are Latin
        ("файлы cookie _ga_<container-id>", []),  # scripts side by side, not inside a word
        ("Їжак і cookie-файл", []),
    ],
)
def test_mixed_script_words(text, found):
    assert mixed_script_words(text) == found


def test_adding_a_language_later_adds_its_columns(tmp_path):
    """A site that adds German and Brazilian Portuguese runs `migrate`: the plugin's columns
    appear, nothing is written into the plugin, and `makemigrations` stays clean."""
    settings_dir = tmp_path / "site"
    settings_dir.mkdir()
    (settings_dir / "more_languages.py").write_text(
        "from cms.settings.test import *  # noqa\n"
        "LANGUAGES = [('en', 'English'), ('ru', 'Russian'), ('de', 'German'),"
        " ('pt-br', 'Portuguese')]\n"
    )
    database = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    env.pop("REDIS_URL", None)

    def manage(*args, settings_module="cms.settings.test"):
        return subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": settings_module, "PYTHONPATH": str(settings_dir)},
            capture_output=True,
            text=True,
            check=True,
        )

    manage("migrate", "--noinput", "-v", "0")
    manage("migrate", "--noinput", "-v", "0", settings_module="more_languages")
    with sqlite3.connect(database) as db:
        rows = db.execute("PRAGMA table_info(cookie_policy_consentbanner)").fetchall()
    columns = {row[1] for row in rows}
    assert {"title_en", "title_ru", "title_de", "title_pt_br", "settings_intro_pt_br"} <= columns
    check = manage(
        "makemigrations", "cookie_policy", "--check", "--dry-run", settings_module="more_languages"
    )
    assert "No changes detected" in check.stdout
