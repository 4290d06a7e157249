"""The operator and the law profiles: what each law requires gates publishing, through the real
admin edit view, in every language; the operator is shown wherever visitors decide."""

from django.core import checks
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from cookie_policy import laws
from cookie_policy.models import ConsentRecord, OperatorSettings
from tests.plugin.utils import (
    codes,
    every_language,
    field,
    make_banner,
    make_policy_page,
    make_site_root,
    per_language,
    policy_form_data,
    text,
)


def without_cookies(_code, found):
    """The analytics category, which visitors are asked about, with no cookie declared."""
    found[2]["value"]["cookies"] = []
    return found


def language(code):
    from cookie_policy.languages import name

    return name(code)


class LawGateTests(WagtailPageTestCase):
    """Publishing is refused, the article cited, until what the site's laws require is there."""

    def setUp(self):
        self.root = make_site_root()
        self.user = self.login()
        self.page = make_policy_page(self.root)
        self.operator = OperatorSettings.objects.get()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def set(self, **fields):
        for name, value in fields.items():
            setattr(self.operator, name, value)
        self.operator.save()

    def publish(self, bodies=None):
        return self.client.post(self.edit_url, {**policy_form_data(bodies), "action-publish": "1"})

    def assert_refused(self, *messages, bodies=None):
        """The edit view keeps the draft unpublished and tells the editor each message."""
        live = self.page.live_revision_id
        response = self.publish(bodies)
        self.assertRedirects(response, self.edit_url, fetch_redirect_response=False)
        followed = self.client.get(self.edit_url)
        self.assertContains(followed, "saved but not published")
        for message in messages:
            self.assertContains(followed, message)
        self.page.refresh_from_db()
        self.assertEqual(self.page.live_revision_id, live)
        self.assertTrue(self.page.has_unpublished_changes)

    def assert_published(self, bodies=None):
        response = self.publish(bodies)
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertFalse(self.page.has_unpublished_changes)

    def test_operator_missing_in_one_language_is_refused(self):
        """With no law chosen the operator is still required, each language's name and address."""
        for code in codes():
            with self.subTest(code=code):
                self.set(**{field("legal_name", code): "", field("address", code): " "})
                self.assert_refused(
                    f"The operator&#x27;s legal name is empty ({language(code)})",
                    f"The operator&#x27;s address is empty ({language(code)})",
                )
                self.set(
                    **{
                        field("legal_name", code): text("legal_name", code),
                        field("address", code): text("address", code),
                    }
                )
        self.assert_published()

    def test_a_site_without_operator_settings_is_refused(self):
        """Registration number and e-mail are asked for once, for every language."""
        OperatorSettings.objects.all().delete()
        self.assert_refused(
            "The operator&#x27;s registration number is empty (every language)",
            "The operator&#x27;s contact e-mail is empty (every language)",
            f"The operator&#x27;s legal name is empty ({language(codes()[0])})",
        )

    def test_each_law_cites_its_article_for_the_operator(self):
        """One message per gap, citing the article of each law chosen."""
        self.set(law_profiles=[laws.BELARUS, laws.GDPR], email="")
        self.assert_refused(
            "The operator&#x27;s contact e-mail is empty (every language): fill it in under "
            "Settings → Operator and law (required by Law 99-Z Article 5; GDPR Article 13(1)(a))."
        )

    def test_belarus_refuses_a_category_without_its_data(self):
        """Article 5 of 99-Z: before consent, the data (cookies) of each category asked about."""
        self.set(law_profiles=[laws.BELARUS])
        self.assert_refused(
            *(
                f"Category “analytics” needs a purpose, a lifetime and at least one cookie with "
                f"its provider and duration ({language(code)}) (required by Law 99-Z Article 5)."
                for code in codes()
            ),
            bodies=every_language(without_cookies),
        )
        self.assert_published()

    def test_without_belarus_a_category_may_list_no_cookie_yet(self):
        self.set(law_profiles=[laws.RUSSIA], consent_document=self.root, **self.policy_urls())
        self.assert_published(every_language(without_cookies))

    def test_russia_refuses_without_a_consent_document(self):
        """Article 9(1) of 152-FZ as amended by 156-FZ: consent is a document of its own."""
        self.set(law_profiles=[laws.RUSSIA], **self.policy_urls())
        self.assert_refused(
            "Choose the consent to personal data processing, a live page of its own titled in "
            "every language (every language), under Settings → Operator and law (required by "
            "Federal Law 152-FZ Article 9(1), as amended by Federal Law 156-FZ)."
        )
        draft = Page(**per_language("title", lambda code: "Consent"), slug="consent", live=False)
        self.root.add_child(instance=draft)
        self.set(consent_document=draft)
        self.assert_refused("Federal Law 152-FZ Article 9(1)")
        draft.save_revision().publish()
        self.assert_published()

    def test_russia_refuses_without_the_processing_policy_in_each_language(self):
        """Article 18.1(2) of 152-FZ: the personal data processing policy is published."""
        self.set(law_profiles=[laws.RUSSIA], consent_document=self.root, **self.policy_urls())
        for code in codes():
            with self.subTest(code=code):
                self.set(**{field("processing_policy_url", code): ""})
                self.assert_refused(
                    f"Give the address of the personal data processing policy ({language(code)})"
                    " under Settings → Operator and law (required by Federal Law 152-FZ Article "
                    "18.1(2))."
                )
                self.set(**self.policy_urls())
        self.assert_published()

    def test_every_profile_satisfied_publishes(self):
        self.set(
            law_profiles=[laws.GDPR, laws.BELARUS, laws.RUSSIA],
            consent_document=self.root,
            **self.policy_urls(),
        )
        self.assert_published()

    def policy_urls(self):
        return per_language("processing_policy_url", lambda code: f"/{code}/privacy/")


class OperatorShownTests(WagtailPageTestCase):
    """Visitors see the operator on the policy page, in the settings dialog and on the
    settings page, in their language; each law's first-layer items are in the banner."""

    def setUp(self):
        self.root = make_site_root()
        make_banner()
        self.page = make_policy_page(self.root)
        self.operator = OperatorSettings.objects.get()

    def test_operator_on_every_screen_in_every_language(self):
        for code in codes():
            with translation.override(code):
                settings_page = reverse("cookie_policy:consent")
            for url in (f"/{code}/cookie-policy/", settings_page):
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertContains(response, text("legal_name", code))
                    self.assertContains(response, text("address", code))
                    self.assertContains(response, 'href="mailto:privacy@example.com"')
                    self.assertContains(response, "190000001")

    def test_settings_dialog_shows_the_operator(self):
        html = self.client.get(f"/{codes()[0]}/cookie-policy/").content.decode()
        dialog = html[html.index('<dialog class="cc-dialog"') : html.index("</dialog>")]
        self.assertIn(text("legal_name", codes()[0]), dialog)

    def first_layer(self, code):
        html = self.client.get(f"/{code}/cookie-policy/").content.decode()
        return html[html.index('<div class="cc-banner"') : html.index('<dialog class="cc-dialog"')]

    def test_belarus_puts_the_operator_one_link_from_the_first_layer(self):
        """99-Z Article 5's disclosures are reachable from the banner before any choice."""
        self.assertNotIn("#operator", self.first_layer(codes()[0]))
        self.operator.law_profiles = [laws.BELARUS]
        with self.captureOnCommitCallbacks(execute=True):  # the cached banner goes on commit
            self.operator.save()
        for code in codes():
            layer = self.first_layer(code)
            self.assertIn(text("legal_name", code), layer)
            self.assertIn(f'href="/{code}/cookie-policy/#operator"', layer)
            page = self.client.get(f"/{code}/cookie-policy/")
            self.assertContains(page, 'id="operator"')

    def test_russia_links_the_consent_document_from_the_first_layer(self):
        document = Page(
            **per_language("title", lambda code: f"Consent {code}"),
            **per_language("slug", lambda code: "consent"),
        )
        self.root.add_child(instance=document)
        document.save_revision().publish()
        self.operator.law_profiles = [laws.RUSSIA]
        self.operator.consent_document = document
        self.operator.save()
        for code in codes():
            layer = self.first_layer(code)
            self.assertIn(f'<a href="/{code}/consent/">Consent {code}</a>', layer)


class OperatorAdminTests(WagtailPageTestCase):
    """The settings screen: an editor with the permission fills it in, several laws at once."""

    def setUp(self):
        self.root = make_site_root()
        self.user = self.login()
        self.site = Site.objects.get(is_default_site=True)
        self.url = reverse(
            "wagtailsettings:edit", args=["cookie_policy", "operatorsettings", self.site.pk]
        )

    def form(self, **fields):
        data = {
            **per_language("legal_name", lambda code: f"Name {code}"),
            **per_language("address", lambda code: f"Address {code}"),
            **per_language("data_protection_officer", lambda code: ""),
            **per_language("processing_policy_url", lambda code: f"/{code}/privacy/"),
            "registration_number": "42",
            "email": "dpo@example.com",
            "law_profiles": [laws.BELARUS, laws.RUSSIA],
            "consent_document": "",
        }
        data.update(fields)
        return data

    def test_laws_are_chosen_together(self):
        self.assertEqual(self.client.get(self.url).status_code, 200)
        response = self.client.post(self.url, self.form())
        self.assertEqual(response.status_code, 302)
        operator = OperatorSettings.objects.get(site=self.site)
        self.assertEqual(operator.law_profiles, [laws.BELARUS, laws.RUSSIA])
        self.assertEqual(getattr(operator, field("legal_name", codes()[-1])), f"Name {codes()[-1]}")

    def test_a_script_address_is_a_form_error(self):
        response = self.client.post(
            self.url, self.form(**{field("processing_policy_url", codes()[0]): "javascript:x"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give a path on this site")
        self.assertEqual(
            OperatorSettings.objects.get(site=self.site).registration_number, "190000001"
        )

    def test_an_unknown_law_is_a_form_error(self):
        response = self.client.post(self.url, self.form(law_profiles=["mars"]))
        self.assertEqual(response.status_code, 200)
        self.assertIn("law_profiles", response.context["form"].errors)


def test_each_profile_names_fields_a_consent_record_has(db):
    """What each law needs the records to hold exists on ConsentRecord."""
    names = {f.name for f in ConsentRecord._meta.get_fields()}
    for profile in laws.PROFILES.values():
        assert set(profile.records) <= names


def deploy_warnings():
    return [
        m
        for m in checks.run_checks(include_deployment_checks=True)
        if m.id.startswith("cookie_policy")
    ]


def test_deploy_check_flags_placeholder_operator_values(db):
    """``check --deploy`` warns, naming the site, while a value holds the PLACEHOLDER marker."""
    make_site_root()
    assert deploy_warnings() == []
    operator = OperatorSettings.objects.get()
    setattr(operator, field("address", codes()[-1]), "PLACEHOLDER: street, city")
    operator.save()
    [warning] = deploy_warnings()
    assert warning.id == "cookie_policy.W001"
    assert "localhost" in warning.msg
    assert "Settings → Operator and law" in warning.hint


@override_settings(INSTALLED_APPS=[])
def test_the_settings_app_is_required():
    from cookie_policy.checks import settings_app_errors

    [error] = settings_app_errors(["cookie_policy"])
    assert error.id == "cookie_policy.E008"
    assert "wagtail.contrib.settings" in error.hint
    assert settings_app_errors(["wagtail.contrib.settings", "cookie_policy"]) == []
