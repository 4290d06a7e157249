import json

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms import content, typography
from cms.models import DocumentPage, HomePage
from cookie_policy.models import ConsentBanner, CookiePolicyPage, OperatorSettings

LANGUAGES = ("en", "ru")


def raw_body(blocks, language):
    """StreamField raw data for ``language`` from the bilingual blocks in ``cms.content``."""
    raw = []
    for block_type, value in blocks:
        if block_type == "category":
            value = {
                "key": value["key"],
                "required": value["required"],
                "title": value["title"][language],
                "summary": value["summary"][language],
                "purpose": value["purpose"][language],
                "lifetime": value["lifetime"][language],
                "cookies": [
                    {
                        "name": cookie["name"],
                        "provider": cookie["provider"][language],
                        "purpose": cookie["purpose"][language],
                        "duration": cookie["duration"][language],
                        "party": cookie["party"],
                        "status": cookie.get("status", "confirmed"),
                    }
                    for cookie in value["cookies"]
                ],
            }
        elif block_type == "embed":
            value = {"url": value["url"], "title": value["title"][language]}
        else:
            value = value[language]
        raw.append({"type": block_type, "value": typeset(value, language)})
    return json.dumps(raw)


def typeset(value, language):
    """``value`` (a string, or a block value made of them) set by ``language``'s typography."""
    if language != "ru":
        return value
    if isinstance(value, str):
        return typography.russian(value)
    if isinstance(value, dict):
        return {key: typeset(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [typeset(item, language) for item in value]
    return value


def set_translated(page, data, *names):
    # Every language is set explicitly: modeltranslation would copy a default into all of them.
    for name in names:
        for language in LANGUAGES:
            setattr(page, f"{name}_{language}", typeset(data[name][language], language))


class Command(BaseCommand):
    help = "Create the home page, cookie policy and consent banner in English and Russian."

    @transaction.atomic
    def handle(self, *args, **options):
        home = HomePage.objects.first() or self.create_home()
        # Before the policy: publishing it needs the operator its laws require.
        site = Site.objects.filter(root_page=home).first()
        if site is not None and not OperatorSettings.objects.filter(site=site).exists():
            self.create_operator(site, home)
        if not CookiePolicyPage.objects.exists():
            policy = CookiePolicyPage()
            set_translated(policy, content.POLICY, "title", "seo_title", "search_description")
            for language in LANGUAGES:
                setattr(policy, f"slug_{language}", content.POLICY["slug"])
                setattr(policy, f"body_{language}", raw_body(content.POLICY["body"], language))
            home.add_child(instance=policy)
            policy.save_revision(log_action=True).publish()
            self.stdout.write("Published the cookie policy page.")
        else:
            self.stdout.write("The cookie policy page exists; left as it is.")
        if not ConsentBanner.objects.exists():
            banner = ConsentBanner(name="SOFTPRO")
            set_translated(banner, content.BANNER, *content.BANNER)
            banner.save()
            banner.save_revision(log_action=True).publish()
            self.stdout.write("Published the consent banner.")

    def create_operator(self, site, home):
        data = content.OPERATOR
        operator = OperatorSettings(
            site=site,
            registration_number=data["registration_number"],
            email=data["email"],
            law_profiles=data["law_profiles"],
        )
        set_translated(
            operator,
            data,
            "legal_name",
            "address",
            "data_protection_officer",
            "processing_policy_url",
        )
        operator.consent_document = DocumentPage.objects.filter(
            slug=content.CONSENT_DOCUMENT["slug"]
        ).first() or self.create_consent_document(home)
        operator.save()
        self.stdout.write("Saved the operator's details (placeholders: replace them).")

    def create_consent_document(self, home):
        document = DocumentPage()
        set_translated(document, content.CONSENT_DOCUMENT, "title", "body")
        for language in LANGUAGES:
            setattr(document, f"slug_{language}", content.CONSENT_DOCUMENT["slug"])
        home.add_child(instance=document)
        document.save_revision(log_action=True).publish()
        self.stdout.write("Published the consent to personal data processing.")
        return document

    def create_home(self):
        # Wagtail's migrations create the tree root; a flushed database has none.
        Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", title_en="Root", slug="root", slug_en="root")
        )
        # Wagtail's initial migration adds a placeholder "Welcome" page in its place.
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        home = HomePage()
        set_translated(home, content.HOME, "title", "seo_title", "search_description", "intro")
        for language in LANGUAGES:
            setattr(home, f"slug_{language}", "home")
            setattr(home, f"body_{language}", raw_body(content.HOME_BODY, language))
        root.add_child(instance=home)
        home.save_revision(log_action=True).publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        site.hostname = site.hostname or "localhost"
        site.site_name = "SOFTPRO"
        site.save()
        self.stdout.write("Published the home page.")
        return home
