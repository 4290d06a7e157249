"""The plugin's own suite: it runs on tests/testapp, a site with three languages and no demo.

Run it with ``DJANGO_SETTINGS_MODULE=tests.testapp.settings pytest tests/plugin`` (``make test``
runs it after the demo's suite).
"""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.plugin.utils import make_banner, make_policy_page, make_site_root

if settings.ROOT_URLCONF != "tests.testapp.urls":
    raise pytest.UsageError(
        "tests/plugin runs under the test app's settings: "
        "DJANGO_SETTINGS_MODULE=tests.testapp.settings pytest tests/plugin"
    )


def pytest_runtest_setup(item):
    """A test marked ``languages(...)`` is about those languages: skipped on a site without
    them (the suite also runs with one language: tests/testapp/settings_one_language.py)."""
    marker = item.get_closest_marker("languages")
    configured = {code for code, _name in settings.LANGUAGES}
    if marker and not set(marker.args) <= configured:
        pytest.skip(f"needs the languages {', '.join(marker.args)}")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: LocaleMiddleware leaves a request's active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def root(db):
    return make_site_root()


@pytest.fixture
def banner(db):
    return make_banner()


@pytest.fixture
def policy(root, banner):
    """The published policy page, with a live banner."""
    return make_policy_page(root)


@pytest.fixture
def client():
    return Client()
