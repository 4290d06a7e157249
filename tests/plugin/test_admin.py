"""Editors work in every language through the real Wagtail admin views."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from cookie_policy.models import ConsentBanner, ConsentRecord, CookiePolicyPage
from tests.plugin.utils import (
    BANNER_FIELDS,
    codes,
    every_language,
    field,
    make_banner,
    make_policy_page,
    make_site_root,
    per_language,
    text,
    with_cookie,
)
from tests.plugin.utils import policy_form_data as form


def add_cookie(_code, found):
    return with_cookie(found, "analytics", "_gid")


def adding(name):
    """A change that declares cookie ``name`` in the analytics category (its third cookie)."""
    return lambda _code, found: with_cookie(found, "analytics", name)


def block_errors(response, name):
    """The edit form's errors on StreamField ``name``, as Wagtail sends them to the editor."""
    return [error.as_json_data() for error in response.context["form"].errors.as_data()[name]]


def on_field(path, message):
    """The error data of a block field at ``path`` (block indexes and child names)."""
    error = {"messages": [message]}
    for step in reversed(path):
        error = {"blockErrors": {step: error}}
    return [error]


class PolicyEditingTests(WagtailPageTestCase):
    def setUp(self):
        self.root = make_site_root()
        self.user = self.login()

    def edit(self, page, data, publish=True):
        if publish:
            data = {**data, "action-publish": "publish"}
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_policy_is_created_and_published_in_every_language(self):
        """An editor creates the policy in three languages; each language serves its own."""
        self.assertCanCreateAt(type(self.root), CookiePolicyPage)
        self.assertCanCreate(self.root, CookiePolicyPage, {**form(), "action-publish": "1"})
        page = CookiePolicyPage.objects.get()
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, form())
        for code in codes():
            response = self.client.get(f"/{code}/cookie-policy/")
            self.assertContains(response, text("analytics", code))

    def test_edit_view_has_fields_for_every_language(self):
        """The editor offers a title and a body per language, pt-br's named with _pt_br."""
        page = make_policy_page(self.root)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        for code in codes():
            for name in ("title", "body"):
                self.assertContains(response, f'"fieldName": "{field(name, code)}"')

    @pytest.mark.languages("pt-br")
    def test_publish_refused_when_the_regional_language_differs(self):
        """A cookie missing in pt-br keeps the draft and names the language."""
        page = make_policy_page(self.root)
        bodies = every_language(add_cookie)
        bodies["pt-br"] = every_language()["pt-br"]
        response = self.edit(page, form(bodies))
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.assertRedirects(response, edit_url, fetch_redirect_response=False)
        page.refresh_from_db()
        self.assertTrue(page.has_unpublished_changes)
        self.assertEqual(page.consent_version, 1)
        followed = self.client.get(edit_url)
        self.assertContains(followed, "saved but not published")
        self.assertContains(
            followed, "The cookies of category “analytics” differ in Brazilian Portuguese"
        )

    def test_consistent_change_publishes_and_raises_the_version(self):
        page = make_policy_page(self.root)
        response = self.edit(page, form(every_language(add_cookie)))
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertFalse(page.has_unpublished_changes)
        self.assertEqual(page.consent_version, 2)
        for code in codes():
            self.assertContains(
                self.client.get(f"/{code}/cookie-policy/"),
                f"{text('analytics', code)}: cookie _gid added",
            )


class DeclarationEditingTests(WagtailPageTestCase):
    """Cookie names and category keys are checked where the editor types them."""

    def setUp(self):
        self.root = make_site_root()
        self.user = self.login()
        self.page = make_policy_page(self.root)
        self.url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def assert_refused(self, bodies, path, message):
        """The editor gets ``message`` beside the field at ``path`` in every language; nothing
        is saved."""
        revisions = self.page.revisions.count()
        response = self.client.post(self.url, {**form(bodies), "action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        for code in codes():
            self.assertEqual(block_errors(response, field("body", code)), on_field(path, message))
        self.assertEqual(self.page.revisions.count(), revisions)

    def test_names_that_would_cover_every_cookie_are_refused(self):
        """A bare * or a name that is only a placeholder would delete every cookie on refusal."""
        short = (
            "A family of cookies needs at least 3 characters before its * or <placeholder>: "
            "a shorter one would cover unrelated cookies."
        )
        for name in ("*", "<anything>", "_*"):
            with self.subTest(name=name):
                self.assert_refused(every_language(adding(name)), [2, "cookies", 1, "name"], short)

    def test_a_family_covering_the_session_is_refused(self):
        self.assert_refused(
            every_language(adding("session*")),
            [2, "cookies", 1, "name"],
            "session* would cover sessionid, which this site needs and never deletes: "
            "declare such cookies by their exact names.",
        )

    def test_a_name_that_is_no_cookie_name_is_refused(self):
        for name in ("_ga id", "_ga;x", "_gа"):  # a space, a separator, a Cyrillic а
            with self.subTest(name=name):
                self.assert_refused(
                    every_language(adding(name)),
                    [2, "cookies", 1, "name"],
                    "A cookie name is Latin letters, digits and ! # $ % & ' + - . ^ _ ` | ~, "
                    "with no spaces. End it in * or one <placeholder> to declare a family of "
                    "cookies.",
                )

    def test_direction_controls_are_refused_in_names_and_keys(self):
        """U+202E would show "_ga" reversed in the declaration table."""
        message = "Remove U+202E: an invisible character that changes the direction of text."
        self.assert_refused(every_language(adding("\u202e_ga")), [2, "cookies", 1, "name"], message)

        def reversed_key(_code, found):
            found[2]["value"]["key"] = "analytics\u202e"
            return found

        self.assert_refused(every_language(reversed_key), [2, "key"], message)

    def test_a_key_that_is_no_key_is_refused(self):
        def capital_key(_code, found):
            found[2]["value"]["key"] = "Analytics"
            return found

        self.assert_refused(
            every_language(capital_key),
            [2, "key"],
            "Use lowercase Latin letters, digits and underscores, beginning with a letter.",
        )

    def test_a_family_with_a_placeholder_is_published(self):
        """_ga_<container-id> declares Google Analytics 4's cookies: published, version raised."""
        response = self.client.post(
            self.url,
            {**form(every_language(adding("_ga_<container-id>"))), "action-publish": "publish"},
        )
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertFalse(self.page.has_unpublished_changes)
        self.assertEqual(self.page.consent_version, 2)
        for code in codes():
            self.assertContains(
                self.client.get(f"/{code}/cookie-policy/"), "_ga_&lt;container-id&gt;"
            )

    @pytest.mark.languages("fr")
    def test_reordering_text_is_shown_and_not_published(self):
        """A title that reverses itself is saved as a draft; the refusal shows the character."""
        title = "Politique des \u202ecookies"
        response = self.client.post(self.url, {**form(title_fr=title), "action-publish": "publish"})
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        self.page.refresh_from_db()
        self.assertTrue(self.page.has_unpublished_changes)
        self.assertEqual(self.page.get_latest_revision_as_object().title_fr, title)
        self.assertContains(
            self.client.get(self.url),
            "“[U+202E]cookies” (French): Remove U+202E: an invisible character that changes "
            "the direction of text.",
            html=False,
        )

    def test_a_reordering_draft_title_is_written_out_in_the_admin(self):
        """Wagtail's explorer and history show a draft title's U+202E as [U+202E]; every admin
        screen also carries the script that writes out the rest (tested in Chromium)."""
        response = self.client.post(self.url, form(title_en="Cookie \u202epolicy"))
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        for screen in (
            reverse("wagtailadmin_explore", args=[self.root.pk]),
            reverse("wagtailadmin_pages:history", args=[self.page.pk]),
        ):
            html = self.client.get(screen).content.decode()
            self.assertIn("Cookie [U+202E]policy", html)
            self.assertNotIn("\u202e", html)
            self.assertIn('<script id="cookie-policy-bidi" type="application/json">', html)

    @pytest.mark.languages("fr")
    def test_direction_marks_in_text_are_published(self):
        """Right-to-left writing needs U+200F and its kin: they pass."""
        response = self.client.post(
            self.url,
            {**form(title_fr="Politique des cookies\u200f"), "action-publish": "publish"},
        )
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertFalse(self.page.has_unpublished_changes)
        self.assertEqual(self.page.title_fr, "Politique des cookies\u200f")


class PreviewTests(WagtailPageTestCase):
    def setUp(self):
        self.root = make_site_root()
        self.user = self.login()

    def test_preview_modes_are_the_site_languages(self):
        """Editors can preview the policy and the banner in each language, default first."""
        expected = [(code, name) for code, name in settings.LANGUAGES]
        for model in (CookiePolicyPage, ConsentBanner):
            self.assertEqual(model().preview_modes, expected)
            self.assertEqual(model().default_preview_mode, "en")

    def test_draft_previews_in_each_language(self):
        page = make_policy_page(self.root)
        self.assertPageIsPreviewable(page, post_data=form())  # every preview mode
        self.client.force_login(self.user)  # the assertion above logs its own user out
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

        def draft_heading(code, found):
            found[0]["value"] = f"Draft {code}"
            return found

        self.client.post(url, form(every_language(draft_heading)))
        for code in codes():
            response = self.client.get(url, {"mode": code})
            self.assertContains(response, f"Draft {code}")
            self.assertContains(response, f'<html lang="{code}">')
            self.assertContains(response, text("analytics", code))
        last = codes()[-1]
        self.assertNotContains(self.client.get(f"/{last}/cookie-policy/"), f"Draft {last}")

    def test_banner_previews_in_each_language(self):
        banner = make_banner()
        make_policy_page(self.root)
        url = reverse(
            "wagtailsnippets_cookie_policy_consentbanner:preview_on_edit", args=[banner.pk]
        )
        data = {"name": "Banner"}
        for name, key in BANNER_FIELDS.items():
            data.update(per_language(name, lambda code, key=key: f"{text(key, code)} (draft)"))
        data.update(per_language("message", lambda code: rich_text(f"<p>{code} draft</p>")))
        self.client.post(url, data)
        for code in codes():
            response = self.client.get(url, {"mode": code})
            self.assertContains(response, f"{text('banner_title', code)} (draft)")
            self.assertContains(response, text("analytics", code))


class ReportTests(WagtailPageTestCase):
    @pytest.mark.languages("pt-br")
    def test_report_filters_by_a_regional_language(self):
        """The consent report filters on pt-br exactly as stored."""
        for code in codes():
            ConsentRecord.objects.create(
                consent_id=f"consent-of-{code}",
                language=code,
                consent_version=1,
                granted=["necessary"],
                method="reject_all",
            )
        user = self.create_user("auditor", password="pw")
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="view_consent_report"),
        )
        self.client.force_login(user)
        response = self.client.get(reverse("cookie_policy_consent_records"), {"language": "pt-br"})
        self.assertContains(response, "consent-of-pt-br")
        self.assertNotContains(response, "consent-of-fr")
        self.assertNotContains(response, "consent-of-en")


class BannerEditingTests(WagtailPageTestCase):
    def setUp(self):
        self.root = make_site_root()
        self.user = self.login()
        self.add_url = reverse("wagtailsnippets_cookie_policy_consentbanner:add")

    def banner_data(self, skip=None):
        """The banner form in every language, without language ``skip``'s texts."""
        data = {"name": "Banner", "action-publish": "1"}
        for name, key in BANNER_FIELDS.items():
            for code in codes():
                if code != skip:
                    value = text(key, code)
                    data[field(name, code)] = rich_text(value) if name == "message" else value
        return data

    def test_banner_is_published_in_every_language(self):
        response = self.client.post(self.add_url, self.banner_data())
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ConsentBanner.objects.get().live)

    def test_banner_missing_a_language_is_not_published(self):
        """Visitors of every language see the banner: its texts are required in each."""
        for code in codes()[1:]:
            with self.subTest(code=code):
                response = self.client.post(self.add_url, self.banner_data(skip=code))
                self.assertEqual(response.status_code, 200)
                self.assertFalse(ConsentBanner.objects.filter(live=True).exists())
                errors = response.context["form"].errors
                self.assertIn(field("accept_label", code), errors)
                self.assertNotIn(field("settings_intro", code), errors)

    def test_reordering_text_is_refused_beside_its_field(self):
        """A direction override in any language's text, or in the name that admin listings
        show, is refused on that field, drafts too."""
        data = {**self.banner_data(), "name": "\u2066Banner"}
        data[field("accept_label", codes()[-1])] = "\u202eAccept"
        del data["action-publish"]
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertEqual(set(errors), {"name", field("accept_label", codes()[-1])})
        self.assertEqual(
            errors["name"],
            ["Remove U+2066: an invisible character that changes the direction of text."],
        )
        self.assertFalse(ConsentBanner.objects.exists())

    def test_direction_marks_in_banner_text_are_published(self):
        data = {**self.banner_data(), field("accept_label", codes()[-1]): "Aceitar\u200f"}
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ConsentBanner.objects.get().live)

    def test_a_draft_may_wait_for_its_translations(self):
        """Saving a draft with one language missing still works: only publishing needs all."""
        data = self.banner_data(skip=codes()[-1])
        del data["action-publish"]
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 302)
        banner = ConsentBanner.objects.get()
        self.assertFalse(banner.live)
