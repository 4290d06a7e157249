"""The test app is set up as the README says: checks pass, migrations match three languages."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from cookie_policy import languages
from cookie_policy.models import ConsentBanner, CookiePolicyPage
from tests.plugin.utils import codes, field


@pytest.mark.languages("fr", "pt-br")
def test_languages_are_the_sites():
    """The plugin reads the site's languages, the default first; pt-br keeps its region."""
    assert languages.codes() == ["en", "fr", "pt-br"]
    assert languages.default() == "en"
    assert field("body", "pt-br") == "body_pt_br"


def test_check_passes():
    """`manage.py check` finds nothing wrong with a site set up as the README says."""
    out = StringIO()
    call_command("check", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()
    assert "cookie_policy." not in out.getvalue()


@pytest.mark.django_db
def test_migrations_match_the_models_in_three_languages():
    """The plugin's migrations add a column per language of the site: nothing left to make."""
    out = StringIO()
    call_command("makemigrations", "cookie_policy", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "name"), [(CookiePolicyPage, "body"), (ConsentBanner, "accept_label")]
)
def test_tables_have_a_column_per_language(model, name):
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
        }
    assert {field(name, code) for code in codes()} <= columns


@pytest.mark.parametrize("code", codes())
def test_consent_url_is_inside_each_language_prefix(code):
    with translation.override(code):
        assert reverse("cookie_policy:consent") == f"/{code}/cookie-consent/"
