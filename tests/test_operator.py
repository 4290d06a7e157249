"""The demo's operator, laws and consent document, as `load_content` ships them."""

from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command

from cookie_policy.models import OperatorSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(client):
    call_command("load_content", stdout=StringIO())
    return client


def first_layer(html):
    return html[html.index('<div class="cc-banner"') : html.index('<dialog class="cc-dialog"')]


@pytest.mark.parametrize(
    ("lang", "legal_basis", "name", "consent"),
    [
        ("en", "Legal basis", "Private enterprise SOFTPRO+", "Consent to personal data processing"),
        ("ru", "Правовые основания", "Частное предприятие SOFTPRO+", "Согласие на обработку"),
    ],
)
def test_statement_names_its_laws_and_its_operator(demo, lang, legal_basis, name, consent):
    """The statement has a legal-basis section and the operator block; no contact details it
    does not have; the banner links the operator (99-Z) and the consent document (152-FZ)."""
    html = demo.get(f"/{lang}/cookie-policy/").content.decode()
    assert legal_basis in html
    assert "contact details on this site" not in html
    assert "по контактным данным, указанным на этом сайте" not in html
    section = html[
        html.index('id="operator"') : html.index("</section>", html.index('id="operator"'))
    ]
    assert name in section
    assert "mailto:placeholder@softpro.example" in section
    layer = first_layer(html)
    assert f'href="/{lang}/cookie-policy/#operator"' in layer
    assert f'href="/{lang}/personal-data-consent/"' in layer
    document = demo.get(f"/{lang}/personal-data-consent/")
    assert document.status_code == 200
    assert consent in document.content.decode()
    assert name in document.content.decode()


def test_check_deploy_flags_the_placeholders_until_replaced(demo):
    def warnings():
        found = checks.run_checks(include_deployment_checks=True)
        return [m.id for m in found if m.id.startswith("cookie_policy")]

    assert warnings() == ["cookie_policy.W001"]
    operator = OperatorSettings.objects.get()
    operator.registration_number = "190000001"
    operator.email = "privacy@softpro.example"
    operator.address_en = "1 Example Street, 220000 Minsk, Republic of Belarus"
    operator.address_ru = "ул. Примерная, 1, 220000, г. Минск, Республика Беларусь"
    operator.processing_policy_url_en = "/en/privacy/"
    operator.processing_policy_url_ru = "/ru/privacy/"
    operator.save()
    assert warnings() == []
