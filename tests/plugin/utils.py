"""Builders of the plugin suite: content in every language of ``LANGUAGES``, whatever they are.

Each language's field is set explicitly: modeltranslation would otherwise copy the value given for
one language into the others, and a test could pass on text it never wrote.
"""

import copy
import json

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cookie_policy import languages
from cookie_policy.models import ConsentBanner, CookiePolicyPage, OperatorSettings

# Short texts in the test app's languages; any other language gets the English text and its code.
TEXTS = {
    "home": {"en": "Home", "fr": "Accueil", "pt-br": "Início"},
    "policy": {
        "en": "Cookie policy",
        "fr": "Politique des cookies",
        "pt-br": "Política de cookies",
    },
    "heading": {
        "en": "What are cookies?",
        "fr": "Que sont les cookies ?",
        "pt-br": "O que são cookies?",
    },
    "necessary": {
        "en": "Strictly necessary cookies",
        "fr": "Cookies strictement nécessaires",
        "pt-br": "Cookies estritamente necessários",
    },
    "analytics": {
        "en": "Analytical cookies",
        "fr": "Cookies analytiques",
        "pt-br": "Cookies analíticos",
    },
    "advertising": {
        "en": "Advertising cookies",
        "fr": "Cookies publicitaires",
        "pt-br": "Cookies de publicidade",
    },
    "purpose": {
        "en": "Counts visits.",
        "fr": "Compte les visites.",
        "pt-br": "Conta as visitas.",
    },
    "banner_title": {
        "en": "Cookies on this site",
        "fr": "Les cookies sur ce site",
        "pt-br": "Cookies neste site",
    },
    "message": {
        "en": "<p>Choose which cookies we may use.</p>",
        "fr": "<p>Choisissez les cookies que nous pouvons utiliser.</p>",
        "pt-br": "<p>Escolha quais cookies podemos usar.</p>",
    },
    "accept": {"en": "Accept all", "fr": "Tout accepter", "pt-br": "Aceitar todos"},
    "reject": {"en": "Reject all", "fr": "Tout refuser", "pt-br": "Rejeitar todos"},
    "settings": {"en": "Settings", "fr": "Paramètres", "pt-br": "Configurações"},
    "save": {"en": "Save choices", "fr": "Enregistrer", "pt-br": "Salvar escolhas"},
    "legal_name": {"en": "Example Ltd", "fr": "Exemple SARL", "pt-br": "Exemplo Ltda"},
    "address": {
        "en": "1 Main Street, Minsk",
        "fr": "1 rue Principale, Minsk",
        "pt-br": "Rua Principal 1, Minsk",
    },
    "settings_title": {
        "en": "Cookie settings",
        "fr": "Paramètres des cookies",
        "pt-br": "Configurações de cookies",
    },
}
BANNER_FIELDS = {
    "title": "banner_title",
    "message": "message",
    "accept_label": "accept",
    "reject_label": "reject",
    "settings_label": "settings",
    "save_label": "save",
    "settings_title": "settings_title",
}


def codes():
    """Every language of the site, the default first."""
    return languages.codes()


def text(name, code):
    """Text ``name`` in language ``code``."""
    texts = TEXTS[name]
    return texts.get(code) or f"{texts['en']} ({code})"


def field(name, code):
    """The column of translated field ``name`` for ``code`` (``title_pt_br`` for pt-br)."""
    return build_localized_fieldname(name, code)


def per_language(name, value):
    """``{name_<code>: value(code)}`` for every language."""
    return {field(name, code): value(code) for code in codes()}


def category(key, code, cookies=(), required=False):
    """A category block as the StreamField stores it, its wording in language ``code``."""
    return {
        "type": "category",
        "value": {
            "key": key,
            "title": text(key, code),
            "purpose": f"<p>{text('purpose', code)}</p>",
            "lifetime": "1 year",
            "required": required,
            "cookies": [
                {
                    "name": name,
                    "provider": "Example",
                    "purpose": text("purpose", code),
                    "duration": "1 year",
                    "party": "first",
                }
                for name in cookies
            ],
        },
    }


def blocks(code):
    """The test policy in language ``code``: a heading and two categories with their cookies."""
    return [
        {"type": "heading", "value": text("heading", code)},
        category("necessary", code, ["csrftoken", "cookie_consent"], required=True),
        category("analytics", code, ["_ga"]),
    ]


def every_language(change=None):
    """``{code: blocks(code)}``, each passed through ``change(code, blocks)`` if given."""
    bodies = {code: blocks(code) for code in codes()}
    if change:
        bodies = {code: change(code, copy.deepcopy(found)) for code, found in bodies.items()}
    return bodies


def with_cookie(found, key, name):
    """``found`` with cookie ``name`` added to category ``key``."""
    for block in found:
        if block["type"] == "category" and block["value"]["key"] == key:
            block["value"]["cookies"].append(
                {
                    "name": name,
                    "provider": "Example",
                    "purpose": "Stats.",
                    "duration": "1 day",
                    "party": "third",
                }
            )
    return found


def make_site_root():
    """A plain Wagtail page, titled in every language, as the default site's root."""
    # A transactional test flushes the tree that Wagtail's migrations created.
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", title_en="Root", slug="root", slug_en="root")
    )
    Page.objects.filter(depth=2).delete()
    home = Page(
        **per_language("title", lambda code: text("home", code)),
        **per_language("slug", lambda code: "home"),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
    )
    make_operator(site)
    return home


def make_operator(site, **kwargs):
    """The operator settings of ``site``, every field the gate requires filled in each language."""
    fields = {
        **per_language("legal_name", lambda code: text("legal_name", code)),
        **per_language("address", lambda code: text("address", code)),
        "registration_number": "190000001",
        "email": "privacy@example.com",
    }
    fields.update(kwargs)
    operator, _created = OperatorSettings.objects.update_or_create(site=site, defaults=fields)
    return operator


def page_fields(bodies=None):
    """The policy page's translated fields in every language."""
    bodies = bodies or every_language()
    return {
        **per_language("title", lambda code: text("policy", code)),
        **per_language("slug", lambda code: "cookie-policy"),
        **per_language("body", lambda code: json.dumps(bodies[code])),
    }


def make_policy_page(parent, bodies=None, **kwargs):
    """A published policy page under ``parent``; ``bodies`` maps each code to its blocks."""
    page = CookiePolicyPage(**{**page_fields(bodies), **kwargs})
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    page.refresh_from_db()
    return page


def publish_bodies(page, bodies):
    """Publish a new revision of ``page`` with ``bodies`` (code -> blocks) as its body."""
    for code, found in bodies.items():
        setattr(page, field("body", code), json.dumps(found))
    page.save_revision(log_action=True).publish()
    page.refresh_from_db()
    return page


def make_banner(live=True, **kwargs):
    """A consent banner with every field set in every language, live unless ``live`` is False."""
    fields = {"name": "Banner"}
    for name, key in BANNER_FIELDS.items():
        fields.update(per_language(name, lambda code, key=key: text(key, code)))
    fields.update(kwargs)
    banner = ConsentBanner(live=live, **fields)
    banner.save()
    if live:
        banner.save_revision().publish()
    return banner


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


def policy_form_data(bodies=None, **fields):
    """POST data for the page editor, every language filled in; ``fields`` override any."""

    def stream(found):
        return streamfield(
            [
                (b["type"], category_form(b) if b["type"] == "category" else b["value"])
                for b in found
            ]
        )

    bodies = bodies or every_language()
    data = {
        **per_language("title", lambda code: text("policy", code)),
        **per_language("slug", lambda code: "cookie-policy"),
        **per_language("body", lambda code: stream(bodies[code])),
    }
    data.update(fields)
    return nested_form_data(data)


def make_site(hostname, slug):
    """A site of its own at ``hostname``, its home page (slug ``slug``) beside the others."""
    home = Page(
        **per_language("title", lambda code: f"{text('home', code)} {slug}"),
        **per_language("slug", lambda code: slug),
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, root_page=home)
    make_operator(site)
    return site


def banner_fields(prefix):
    """The banner texts of ``make_banner``, each language's title starting with ``prefix``."""
    return per_language("title", lambda code: f"{prefix} {text('banner_title', code)}")


def api_urls(host="localhost"):
    """The headless API's URLs on the test app's one site, as a publish purges them."""
    url = f"http://{host}/api/v2/cookie-policy/"
    return sorted(
        [url, f"{url}?site={host}"]
        + [f"{url}?locale={code}" for code in codes()]
        + [f"{url}?site={host}&locale={code}" for code in codes()]
    )
