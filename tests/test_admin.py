"""Editors and admins work through the real Wagtail admin views."""

import copy
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry
from wagtail.test.utils import WagtailPageTestCase

from cookie_policy.models import CookiePolicyPage
from tests.utils import (
    EN_BLOCKS,
    RU_BLOCKS,
    category,
    make_banner,
    make_cookie_policy_page,
    make_home_page,
)
from tests.utils import policy_form_data as form


def with_cookie(blocks, key, name):
    """A copy of ``blocks`` with cookie ``name`` added to category ``key``."""
    blocks = copy.deepcopy(blocks)
    for block in blocks:
        if block["type"] == "category" and block["value"]["key"] == key:
            block["value"]["cookies"].append(
                {
                    "name": name,
                    "provider": "Google",
                    "purpose": "Stats.",
                    "duration": "1 day",
                    "party": "third",
                }
            )
    return blocks


class PolicyEditingTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.user = self.login()

    def edit(self, page, data, publish=True):
        if publish:
            data = {**data, "action-publish": "publish"}
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_policy_page_can_be_created_and_published_in_both_languages(self):
        """An editor creates the policy through the admin; it is live in English and Russian."""
        self.assertCanCreateAt(type(self.home), CookiePolicyPage)
        self.assertCanCreate(
            self.home, CookiePolicyPage, {**form(EN_BLOCKS, RU_BLOCKS), "action-publish": "1"}
        )
        page = CookiePolicyPage.objects.get()
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, form(EN_BLOCKS, RU_BLOCKS))
        self.assertPageIsPreviewable(page, post_data=form(EN_BLOCKS, RU_BLOCKS))
        en = self.client.get("/en/cookie-policy/")
        ru = self.client.get("/ru/cookie-policy/")
        self.assertContains(en, "Analytical cookies")
        self.assertContains(ru, "Аналитические файлы cookie")
        self.assertNotContains(ru, "Analytical cookies")

    def assert_refused(self, data, message):
        page = make_cookie_policy_page(self.home)
        live_revision = page.live_revision_id
        response = self.edit(page, data)
        self.assertRedirects(
            response,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            fetch_redirect_response=False,
        )
        page.refresh_from_db()
        self.assertEqual(page.live_revision_id, live_revision, "the live version must not change")
        self.assertTrue(page.has_unpublished_changes, "the draft must be kept")
        draft = page.get_latest_revision()
        self.assertNotEqual(draft.pk, live_revision)
        followed = self.client.get(response.url)
        self.assertContains(followed, "saved but not published")
        self.assertContains(followed, message)
        return draft

    def test_publish_refused_when_category_keys_differ(self):
        """A category present in one language only blocks publishing; the draft is kept."""
        ru = [*RU_BLOCKS, category("advertising", "Рекламные файлы cookie")]
        draft = self.assert_refused(form(EN_BLOCKS, ru), "categories differ")
        self.assertIn("advertising", draft.content["body_ru"])

    def test_publish_refused_when_cookie_names_differ(self):
        """A cookie declared in English only blocks publishing."""
        self.assert_refused(
            form(with_cookie(EN_BLOCKS, "analytics", "_gid"), RU_BLOCKS), "cookies of category"
        )

    def test_publish_refused_when_russian_title_is_empty(self):
        """An empty Russian title blocks publishing."""
        self.assert_refused(form(EN_BLOCKS, RU_BLOCKS, title_ru=""), "title is empty")

    def test_publish_refused_for_mixed_script_word(self):
        """The seed's "Аnalytical" (Cyrillic А) is caught in any field."""
        en = copy.deepcopy(EN_BLOCKS)
        en[2]["value"]["title"] = "\u0410nalytical cookies"
        self.assert_refused(form(en, RU_BLOCKS), "mixes Latin and Cyrillic")

    def test_publish_refused_when_required_flag_differs(self):
        """A category required in one language only blocks publishing."""
        ru = copy.deepcopy(RU_BLOCKS)
        ru[2]["value"]["required"] = True
        self.assert_refused(form(EN_BLOCKS, ru), "strictly necessary in one language")

    def test_consistent_change_publishes_and_raises_consent_version(self):
        """Adding a cookie in both languages publishes and asks visitors again."""
        page = make_cookie_policy_page(self.home)
        self.assertEqual(page.consent_version, 1)
        response = self.edit(
            page,
            form(
                with_cookie(EN_BLOCKS, "analytics", "_gid"),
                with_cookie(RU_BLOCKS, "analytics", "_gid"),
            ),
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertFalse(page.has_unpublished_changes)
        self.assertEqual(page.consent_version, 2)
        en = self.client.get("/en/cookie-policy/")
        self.assertContains(en, "Analytical cookies: cookie _gid added")

    def test_wording_change_keeps_consent_version(self):
        """A typo fix asks nobody again; ticking the box does."""
        page = make_cookie_policy_page(self.home)
        en = copy.deepcopy(EN_BLOCKS)
        en[0]["value"] = "What are cookies, then?"
        self.edit(page, form(en, RU_BLOCKS))
        page.refresh_from_db()
        self.assertEqual(page.consent_version, 1)
        self.edit(page, form(en, RU_BLOCKS, force_reconsent="on"))
        page.refresh_from_db()
        self.assertEqual(page.consent_version, 2)
        self.assertFalse(page.force_reconsent, "the flag applies to one publication only")

    def test_editor_sees_whether_publishing_asks_again(self):
        """The edit view says that the saved draft raises the consent version, and why."""
        page = make_cookie_policy_page(self.home)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.assertContains(self.client.get(edit_url), "keeps consent version 1")
        en = with_cookie(EN_BLOCKS, "analytics", "_gid")
        self.edit(page, form(en, with_cookie(RU_BLOCKS, "analytics", "_gid")), publish=False)
        response = self.client.get(edit_url)
        self.assertContains(response, "raises the consent version to 2")
        self.assertContains(response, "cookie _gid added")

    def test_compare_revisions_shows_each_language(self):
        """Comparing two revisions lists the changes per language."""
        page = make_cookie_policy_page(self.home)
        first = page.live_revision
        ru = copy.deepcopy(RU_BLOCKS)
        ru[0]["value"] = "Что такое файлы cookie и зачем они нужны?"
        self.edit(page, form(EN_BLOCKS, ru, title_en="Cookie statement"))
        page.refresh_from_db()
        url = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[page.pk, first.pk, page.live_revision_id],
        )
        response = self.client.get(url)
        self.assertContains(response, "Body [ru]")
        self.assertContains(response, "зачем они нужны")
        self.assertContains(response, "Cookie statement")

    def test_revert_restores_both_languages(self):
        """Publishing an earlier revision brings back its English and Russian together."""
        page = make_cookie_policy_page(self.home)
        first = page.live_revision
        self.edit(page, form(EN_BLOCKS, RU_BLOCKS, title_en="Changed", title_ru="Изменено"))
        page.refresh_from_db()
        self.assertEqual(page.title_ru, "Изменено")
        revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
        response = self.client.get(revert_url)
        self.assertContains(response, 'value="Политика использования файлов cookie"')
        self.edit(page, {**form(EN_BLOCKS, RU_BLOCKS), "revision": first.pk})
        page = Page.objects.get(pk=page.pk).specific
        self.assertEqual(page.title_en, "Cookie policy")
        self.assertEqual(page.title_ru, "Политика использования файлов cookie")

    def test_history_lists_revisions_with_author(self):
        """The page history names who published and when."""
        page = make_cookie_policy_page(self.home)
        self.edit(page, form(EN_BLOCKS, RU_BLOCKS, title_en="Cookie statement"))
        response = self.client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        self.assertContains(response, "Published")
        self.assertContains(response, self.user.get_full_name() or self.user.get_username())


class ConcurrentEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.page = make_cookie_policy_page(self.home)

    def test_locked_policy_cannot_be_changed_by_another_editor(self):
        """A page locked by one editor refuses another editor's publish."""
        User = get_user_model()
        first = User.objects.create_superuser("first", "first@example.com", "pw")
        self.client.force_login(first)
        self.client.post(reverse("wagtailadmin_pages:lock", args=[self.page.pk]))
        self.page.refresh_from_db()
        self.assertTrue(self.page.locked)
        second = User.objects.create_superuser("second", "second@example.com", "pw")
        self.client.force_login(second)
        data = {**form(EN_BLOCKS, RU_BLOCKS, title_en="Overwritten"), "action-publish": "1"}
        self.client.post(reverse("wagtailadmin_pages:edit", args=[self.page.pk]), data)
        self.page.refresh_from_db()
        self.assertEqual(self.page.title_en, "Cookie policy")

    def test_locked_banner_cannot_be_changed_by_another_editor(self):
        """The banner snippet locks the same way."""
        banner = make_banner()
        User = get_user_model()
        self.client.force_login(User.objects.create_superuser("a", "a@example.com", "pw"))
        self.client.post(
            reverse("wagtailsnippets_cookie_policy_consentbanner:lock", args=[banner.pk])
        )
        banner.refresh_from_db()
        self.assertTrue(banner.locked)
        self.client.force_login(User.objects.create_superuser("b", "b@example.com", "pw"))
        url = reverse("wagtailsnippets_cookie_policy_consentbanner:edit", args=[banner.pk])
        response = self.client.post(url, {"name": "Hijacked", "action-publish": "1"})
        banner.refresh_from_db()
        self.assertEqual(banner.name, "Banner")
        self.assertContains(response, "locked", status_code=response.status_code)

    def assert_stale_editor_is_told(self, obj, app_label, model_name):
        """Wagtail's editing-session ping tells an editor whose revision is stale who saved."""
        User = get_user_model()
        stale = obj.latest_revision
        other = User.objects.create_superuser("other", "other@example.com", "pw")
        obj.save_revision(user=other)
        self.client.force_login(User.objects.create_superuser("late", "late@example.com", "pw"))
        url = reverse("wagtailadmin_editing_sessions:ping", args=[app_label, model_name, obj.pk, 0])
        response = self.client.post(
            url,
            {"revision_id": stale.pk, "revision_created_at": stale.created_at.isoformat()},
        )
        newer = [s for s in response.json()["other_sessions"] if s.get("revision_id")]
        self.assertEqual(len(newer), 1)
        self.assertEqual(newer[0]["revision_id"], obj.latest_revision.pk)

    def test_stale_page_editor_is_told_someone_else_saved(self):
        self.assert_stale_editor_is_told(self.page, "cookie_policy", "cookiepolicypage")

    def test_stale_banner_editor_is_told_someone_else_saved(self):
        banner = make_banner()
        banner.refresh_from_db()
        self.assert_stale_editor_is_told(banner, "cookie_policy", "consentbanner")

    def test_two_quick_publishes_give_two_revisions_and_one_raise_each(self):
        """Back-to-back publishes each leave a revision; the version rises once per change."""
        first = self.page.save_revision()
        body = first.content
        for language in ("en", "ru"):
            body[f"body_{language}"] = body[f"body_{language}"].replace('"_ga"', '"_gid"')
        first.content = body
        first.save()
        first.publish()
        second = CookiePolicyPage.objects.get().save_revision()
        second.publish()
        page = CookiePolicyPage.objects.get()
        self.assertEqual(page.consent_version, 2)
        self.assertEqual(page.live_revision_id, second.pk)
        published = PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()
        self.assertEqual(published, 3)

    def test_publish_from_a_page_read_before_another_publish_still_raises(self):
        """An editor whose page was read before another publish never writes the old version."""
        stale = CookiePolicyPage.objects.get()
        for page, name in ((CookiePolicyPage.objects.get(), "_gid"), (stale, "_gat")):
            revision = page.save_revision()
            for language in ("en", "ru"):
                field = f"body_{language}"
                revision.content[field] = revision.content[field].replace('"_ga"', f'"{name}"')
            revision.save()
            revision.publish()
        self.assertEqual(CookiePolicyPage.objects.get().consent_version, 3)


class PreviewAndScheduleTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.user = self.login()
        self.page = make_cookie_policy_page(self.home)

    def test_draft_previews_in_each_language(self):
        """The editor previews the unsaved draft in English and in Russian."""
        self.assertPageIsPreviewable(self.page, mode="ru", post_data=form(EN_BLOCKS, RU_BLOCKS))
        self.client.force_login(self.user)  # the assertion above logs its own user out
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.page.pk])
        ru = copy.deepcopy(RU_BLOCKS)
        ru[0]["value"] = "Черновой заголовок"
        self.client.post(url, form(EN_BLOCKS, ru))
        preview_ru = self.client.get(url, {"mode": "ru"})
        preview_en = self.client.get(url, {"mode": "en"})
        self.assertContains(preview_ru, "Черновой заголовок")
        self.assertContains(preview_ru, '<html lang="ru">')
        self.assertContains(preview_en, "What are cookies?")
        self.assertNotContains(self.client.get("/ru/cookie-policy/"), "Черновой заголовок")

    def test_banner_previews_in_each_language(self):
        banner = make_banner()
        url = reverse(
            "wagtailsnippets_cookie_policy_consentbanner:preview_on_edit", args=[banner.pk]
        )
        self.client.post(
            url, {"name": "Banner", "title_en": "Cookies here", "title_ru": "Файлы cookie здесь"}
        )
        self.assertContains(self.client.get(url, {"mode": "ru"}), "Файлы cookie здесь")
        self.assertContains(self.client.get(url, {"mode": "en"}), "Cookies here")

    def test_scheduled_publish_waits_and_is_checked_too(self):
        """A scheduled publication waits for its time; an inconsistent one is refused."""
        edit = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        later = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
        data = {**form(EN_BLOCKS, RU_BLOCKS, title_en="Next year"), "go_live_at": later}
        self.client.post(edit, {**data, "action-publish": "1"})
        self.page.refresh_from_db()
        self.assertEqual(self.page.title_en, "Cookie policy")
        self.assertIsNotNone(self.page.scheduled_revision)

    def test_inconsistent_schedule_is_refused(self):
        edit = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        later = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
        bad = {**form(EN_BLOCKS, RU_BLOCKS, title_ru=""), "go_live_at": later}
        response = self.client.post(edit, {**bad, "action-publish": "1"})
        self.assertRedirects(response, edit, fetch_redirect_response=False)
        self.assertContains(self.client.get(edit), "saved but not published")
        self.page.refresh_from_db()
        self.assertIsNone(self.page.scheduled_revision)


class BannerHistoryTests(WagtailPageTestCase):
    def test_banner_history_and_compare_per_language(self):
        """The banner's revisions are listed and compared per language, like the page's."""
        self.user = self.login()
        banner = make_banner()
        first = banner.latest_revision
        banner.accept_label_ru = "Принять всё"
        banner.save_revision(user=self.user).publish(user=self.user)
        history = self.client.get(
            reverse("wagtailsnippets_cookie_policy_consentbanner:history", args=[banner.pk])
        )
        self.assertContains(history, "Published")
        compare = self.client.get(
            reverse(
                "wagtailsnippets_cookie_policy_consentbanner:revisions_compare",
                args=[banner.pk, first.pk, banner.latest_revision.pk],
            )
        )
        self.assertContains(compare, "Accept all label [ru]")
        self.assertContains(compare, "всё")


class EveryPublishPathTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.user = self.login()
        self.page = make_cookie_policy_page(self.home)
        self.page.title_ru = ""
        self.revision = self.page.save_revision(user=self.user)

    def test_bulk_publish_is_refused_with_a_message(self):
        url = (
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={self.page.pk}&next=/admin/pages/"
        )
        response = self.client.post(url, {"include_descendants": ""})
        self.assertEqual(response.status_code, 302)
        self.page.refresh_from_db()
        self.assertEqual(self.page.title_ru, "Политика использования файлов cookie")
        self.assertContains(self.client.get(response.url), "was not published")

    def test_programmatic_publish_is_refused(self):
        """Workflows and scripts call revision.publish(): it refuses too, as a 403."""
        from django.core.exceptions import PermissionDenied

        with self.assertRaises(PermissionDenied):
            self.revision.publish()
        self.page.refresh_from_db()
        self.assertEqual(self.page.title_ru, "Политика использования файлов cookie")

    def test_duplicate_category_keys_are_a_form_error(self):
        en = [*EN_BLOCKS, category("analytics", "More analytics")]
        ru = [*RU_BLOCKS, category("analytics", "Ещё аналитика")]
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            {**form(en, ru), "action-publish": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Each category key may appear once: analytics.")


class HistoryEdgeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.user = self.login()

    def test_a_new_policy_can_be_previewed_before_it_is_saved(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["cookie_policy", "cookiepolicypage", self.home.pk],
        )
        self.client.post(url, form(EN_BLOCKS, RU_BLOCKS))
        response = self.client.get(url, {"mode": "ru"})
        self.assertContains(response, "Аналитические файлы cookie")

    def test_scheduled_publication_is_in_the_public_history(self):
        from django.core.management import call_command

        page = make_cookie_policy_page(self.home)
        revision = page.save_revision(user=self.user)
        body = revision.content
        for language in ("en", "ru"):
            body[f"body_{language}"] = body[f"body_{language}"].replace('"_ga"', '"_gid"')
        revision.content = body
        revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
        revision.save()
        call_command("publish_scheduled")
        html = self.client.get("/en/cookie-policy/").text
        self.assertIn("Analytical cookies: cookie _gid added", html)
