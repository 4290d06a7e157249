"""A cookie domain shared by a site's subdomains: its validation in the admin, its system check,
and the consent endpoint setting the consent cookie and deleting refused cookies on it."""

import time
from urllib.parse import urlencode

import pytest
from django.core import checks
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailTestUtils

from cookie_policy import banner_cache, consent
from cookie_policy.models import OperatorSettings
from tests.plugin.utils import codes, make_site_root, per_language

pytestmark = pytest.mark.django_db
WWW, SHOP = "www.example.by", "shop.example.by"
FORM = "application/x-www-form-urlencoded"
ID = "AAAAAAAAAAAAAAAAAAAAAA"


@pytest.fixture
def shared(policy):
    """The default site on www.example.by, sharing consent on example.by."""
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname=WWW)
    OperatorSettings.objects.filter(site=site).update(cookie_domain="example.by")
    banner_cache.clear()
    return policy


def post(client, host, data, cookie="", script=True):
    """POST a decision from a page on ``host``, as the banner script does (or, with ``script``
    False, the form without JavaScript)."""
    accept = {"HTTP_ACCEPT": "application/json"} if script else {}
    return client.post(
        f"/{codes()[0]}/cookie-consent/",
        urlencode(data, doseq=True),
        content_type=FORM,
        HTTP_HOST=host,
        HTTP_ORIGIN=f"http://{host}",
        HTTP_COOKIE=cookie,
        **accept,
    )


def set_cookies(response):
    """Every Set-Cookie of ``response`` as (name, value, domain, max-age)."""
    return [
        (morsel.key, morsel.value, morsel["domain"], morsel["max-age"])
        for morsel in response.cookies.values()
    ]


def held(policy, granted):
    return f"1:{policy.consent_version}:{'+'.join(sorted(granted))}:{int(time.time())}:{ID}"


@pytest.mark.parametrize("host", [WWW, SHOP])
def test_consent_cookie_is_set_on_the_shared_domain(shared, client, host):
    """Accepting on any subdomain sets the consent cookie with Domain=example.by, and deletes a
    host-only copy first, so the two can never disagree."""
    response = post(client, host, {"choice": "all"})
    assert response.status_code == 200
    found = set_cookies(response)
    assert found[-1][1:3] == (response.cookies["cookie_consent"].value, "example.by")
    assert consent.parse(found[-1][1]).granted == {"necessary", "analytics"}
    assert found[:-1] == [("cookie_consent", "", "", 0)]


def test_consent_given_on_one_subdomain_holds_on_another(shared, client):
    """The settings page on shop.example.by reads the decision made on www.example.by."""
    cookie = post(client, WWW, {"choice": "all"}).cookies["cookie_consent"].value
    page = client.get(
        reverse("cookie_policy:consent"), HTTP_HOST=SHOP, HTTP_COOKIE=f"cookie_consent={cookie}"
    )
    assert page.status_code == 200
    assert ID not in page.text
    assert consent.parse(cookie).consent_id in page.text


def test_refusal_deletes_on_the_host_and_the_shared_domain(shared, client):
    """Withdrawing analytics on shop deletes _ga both host-only and on example.by."""
    cookie = f"cookie_consent={held(shared, ['necessary', 'analytics'])}; _ga=GA1.2.3; lang=x"
    response = post(client, SHOP, {"choice": "none"}, cookie=cookie, script=False)
    assert response.status_code == 303
    found = set_cookies(response)
    assert ("_ga", "", "", 0) in found
    assert ("_ga", "", "example.by", 0) in found
    assert not [c for c in found if c[0] == "lang"]


def test_outside_the_shared_domain_the_cookie_stays_host_only(shared, client):
    """The site reached under another name (localhost) sets a host-only cookie there, which a
    browser would otherwise refuse, and deletes refused cookies on the host alone."""
    cookie = f"cookie_consent={held(shared, ['necessary', 'analytics'])}; _ga=GA1.2.3"
    response = post(client, "localhost", {"choice": "none"}, cookie=cookie, script=False)
    domains = {(name, domain) for name, _value, domain, _age in set_cookies(response)}
    assert domains == {("cookie_consent", ""), ("_ga", "")}


def test_without_a_shared_domain_nothing_changes(policy, client):
    """No cookie domain: one host-only consent cookie, no deletion."""
    response = post(client, "localhost", {"choice": "all"})
    assert [c[0::2] for c in set_cookies(response)] == [("cookie_consent", "")]


def test_copies_are_deleted_everywhere_but_the_shared_domain(shared, client):
    """Two copies that disagree: every other place is deleted, the shared one is set last."""
    cookie = (
        f"cookie_consent={held(shared, ['necessary'])}; "
        f"cookie_consent={held(shared, ['necessary', 'analytics'])}"
    )
    response = post(client, SHOP, {"choice": "all"}, cookie=cookie)
    found = set_cookies(response)
    assert found[-1][2] == "example.by" and found[-1][1]
    deleted = {domain for _name, value, domain, _age in found[:-1] if not value}
    assert {"", "shop.example.by", "by"} <= deleted
    shared_root = [
        m for m in response.cookies.values() if (m["domain"], m["path"]) == ("example.by", "/")
    ]
    assert [m.value for m in shared_root] == [response.cookies["cookie_consent"].value]


def test_the_banner_config_and_the_api_carry_the_domain(shared, client):
    """The script learns the domain from the config the server renders, as the API serves it."""
    page = client.get(f"/{codes()[0]}/", HTTP_HOST=SHOP)
    assert '"domain": "example.by"' in page.text
    api = client.get("/api/v2/cookie-policy/", {"locale": codes()[0]}, HTTP_HOST=SHOP)
    assert api.status_code == 200
    assert api.json()["config"]["domain"] == "example.by"


def domain_warnings():
    return [
        m for m in checks.run_checks(include_deployment_checks=True) if m.id == "cookie_policy.W005"
    ]


def test_check_warns_of_a_domain_that_does_not_cover_the_host(shared):
    """W005 names the site when its host name has moved out of its cookie domain."""
    assert domain_warnings() == []
    Site.objects.update(hostname="www.example.com")
    [warning] = domain_warnings()
    assert "example.by" in warning.msg and "www.example.com" in warning.msg
    assert "Settings → Operator and law" in warning.hint


class FormTests(WagtailTestUtils, TestCase):
    """The setting in the admin: the site's host or a domain above it, else a form error."""

    def setUp(self):
        make_site_root()
        Site.objects.update(hostname=WWW)
        self.site = Site.objects.get()
        self.login()
        self.url = reverse(
            "wagtailsettings:edit", args=["cookie_policy", "operatorsettings", self.site.pk]
        )

    def save(self, domain):
        data = {
            **per_language("legal_name", lambda code: f"Name {code}"),
            **per_language("address", lambda code: f"Address {code}"),
            **per_language("data_protection_officer", lambda code: ""),
            **per_language("processing_policy_url", lambda code: ""),
            "registration_number": "42",
            "email": "dpo@example.com",
            "consent_document": "",
            "cookie_domain": domain,
        }
        return self.client.post(self.url, data)

    def test_the_host_or_a_parent_is_saved(self):
        for typed, stored in [
            ("example.by", "example.by"),
            (".Example.BY", "example.by"),
            (WWW, WWW),
            ("", ""),
        ]:
            with self.subTest(typed):
                self.assertEqual(self.save(typed).status_code, 302)
                operator = OperatorSettings.objects.get(site=self.site)
                self.assertEqual(operator.cookie_domain, stored)

    def test_anything_else_is_a_form_error(self):
        for typed, message in [
            ("by", "never a top-level domain alone"),
            ("https://example.by/", "without https://"),
            ("example.by/shop", "without https://"),
            ("127.0.0.1", "Give a domain name"),
            ("exa mple.by", "Give a domain name"),
            ("example.com", "This site is on www.example.by"),
            ("shop.example.by", "such as example.by"),
            ("myexample.by", "This site is on www.example.by"),
        ]:
            with self.subTest(typed):
                response = self.save(typed)
                self.assertEqual(response.status_code, 200)
                errors = response.context["form"].errors["cookie_domain"]
                self.assertIn(message, " ".join(errors))
                self.assertEqual(len(errors), 1)
                self.assertEqual(OperatorSettings.objects.get(site=self.site).cookie_domain, "")

    def test_a_public_suffix_is_a_form_error(self):
        """co.uk or com.by cover a site's host, but browsers refuse a cookie on them."""
        for host, typed in [
            ("www.example.com.by", "com.by"),
            ("www.example.co.uk", "co.uk"),
            ("docs.github.io", "github.io"),
        ]:
            with self.subTest(typed):
                Site.objects.update(hostname=host)
                response = self.save(typed)
                self.assertEqual(response.status_code, 200)
                errors = response.context["form"].errors["cookie_domain"]
                self.assertEqual(
                    errors,
                    [
                        f"{typed} is a public suffix, shared by many sites: browsers refuse "
                        f"cookies on it. Give the site's own domain, such as example.{typed}."
                    ],
                )
                self.assertEqual(OperatorSettings.objects.get(site=self.site).cookie_domain, "")
        Site.objects.update(hostname="www.example.co.uk")
        self.assertEqual(self.save("example.co.uk").status_code, 302)
