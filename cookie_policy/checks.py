"""System checks: a setup that cannot work fails at start, with a hint naming what to change."""

from django.conf import settings
from django.contrib.staticfiles.storage import HashedFilesMixin
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.module_loading import import_string

from . import assets, conf

# wagtail-modeltranslation adds the translated columns of Wagtail's Page on `migrate` and must
# come before the apps whose models it translates.
TRANSLATION_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
]
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


@register()
def check_translation_apps(app_configs, **kwargs):
    return translation_app_errors(list(settings.INSTALLED_APPS))


def translation_app_errors(installed):
    missing = [app for app in TRANSLATION_APPS if app not in installed]
    if missing:
        return [
            Error(
                f"cookie_policy needs {', '.join(missing)} in INSTALLED_APPS.",
                hint=f"Add {TRANSLATION_APPS} to INSTALLED_APPS, before 'cookie_policy'.",
                id="cookie_policy.E001",
            )
        ]
    if installed.index("wagtail_modeltranslation") > installed.index("cookie_policy"):
        return [
            Error(
                "'wagtail_modeltranslation' comes after 'cookie_policy' in INSTALLED_APPS.",
                hint="Move the modeltranslation apps before 'cookie_policy' (and before your "
                "own apps with translated models).",
                id="cookie_policy.E002",
            )
        ]
    return []


@register()
def check_languages(app_configs, **kwargs):
    errors = []
    codes = [code for code, _name in settings.LANGUAGES]
    if settings.LANGUAGE_CODE not in codes:
        errors.append(
            Error(
                f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} is not one of LANGUAGES {codes}.",
                hint="Set LANGUAGE_CODE to your default language's code exactly as LANGUAGES "
                "writes it (`wagtail start` writes a regional code that LANGUAGES may lack).",
                id="cookie_policy.E003",
            )
        )
    if LOCALE_MIDDLEWARE not in settings.MIDDLEWARE:
        errors.append(
            Error(
                "LocaleMiddleware is not in MIDDLEWARE: the language prefix of a URL is ignored.",
                hint=f"Add {LOCALE_MIDDLEWARE!r} to MIDDLEWARE after SessionMiddleware and "
                "before CommonMiddleware.",
                id="cookie_policy.E004",
            )
        )
    return errors


@register(Tags.urls)
def check_consent_url(app_configs, **kwargs):
    """The consent URL must reach the plugin's view in every language, inside its prefix."""
    from .views import consent_view

    hint = (
        "In your urls.py, put path('', include('cookie_policy.urls')) and then "
        "path('', include(wagtail_urls)) inside i18n_patterns(...), and nothing that matches "
        "every path (such as the default path('', include(wagtail_urls))) before them."
    )
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                url = reverse("cookie_policy:consent")
            except NoReverseMatch:
                return [
                    Error(
                        "The URL 'cookie_policy:consent' does not exist.",
                        hint=hint,
                        id="cookie_policy.E005",
                    )
                ]
            try:
                view = resolve(url).func
            except Resolver404:
                view = None
        if view is not consent_view:
            return [
                Error(
                    f"{url} does not reach the consent view: an earlier URL pattern takes it.",
                    hint=hint,
                    id="cookie_policy.E006",
                )
            ]
        if code != settings.LANGUAGE_CODE and not url.startswith(f"/{code}/"):
            return [
                Error(
                    f"The consent URL {url} has no language prefix for {code!r}.",
                    hint=hint,
                    id="cookie_policy.E007",
                )
            ]
    return []


SETTINGS_APP = "wagtail.contrib.settings"


@register()
def check_settings_app(app_configs, **kwargs):
    return settings_app_errors(list(settings.INSTALLED_APPS))


def settings_app_errors(installed):
    """The operator and law settings are a Wagtail site setting: without the app, no admin
    screen to fill them in, and no policy can be published."""
    if SETTINGS_APP in installed:
        return []
    return [
        Error(
            f"cookie_policy needs {SETTINGS_APP!r} in INSTALLED_APPS.",
            hint=f"Add {SETTINGS_APP!r} to INSTALLED_APPS: editors fill in the operator under "
            "Settings → Operator and law.",
            id="cookie_policy.E008",
        )
    ]


@register(deploy=True)
def check_placeholder_operator(app_configs, **kwargs):
    """The demo ships placeholder operator values: going live with them would tell visitors
    nothing true about who processes their data."""
    from .models import OperatorSettings

    try:
        operators = list(OperatorSettings.objects.select_related("site"))
    except DatabaseError:  # no tables yet
        return []
    return [
        Warning(
            f"The operator of site {operator.site} still holds placeholder values.",
            hint="Replace every value containing PLACEHOLDER under Settings → Operator and law.",
            id="cookie_policy.W001",
        )
        for operator in operators
        if operator.is_placeholder()
    ]


@register()
def check_asset_mode(app_configs, **kwargs):
    """COOKIE_POLICY_ASSET_MODE names a mode, and external files get names that change with
    their content, or a browser holding banner.js for a year would run an old one."""
    mode = conf.get("ASSET_MODE")
    if mode not in assets.MODES:
        return [
            Error(
                f"COOKIE_POLICY_ASSET_MODE is {mode!r}, not one of {list(assets.MODES)}.",
                hint="Set COOKIE_POLICY_ASSET_MODE to 'inline' (the default: the banner's script "
                "and stylesheet in every page) or 'external' (static files the browser caches).",
                id="cookie_policy.E010",
            )
        ]
    if mode != "external":
        return []
    backend = settings.STORAGES.get("staticfiles", {}).get("BACKEND", "")
    try:
        hashed = issubclass(import_string(backend), HashedFilesMixin)
    except ImportError:
        return []  # no static files storage at all: Django says so when a page needs one
    if not hashed:
        return [
            Warning(
                f"COOKIE_POLICY_ASSET_MODE is 'external' but the staticfiles storage {backend} "
                "does not put a hash of each file into its name.",
                hint="Set STORAGES['staticfiles'] to "
                "'django.contrib.staticfiles.storage.ManifestStaticFilesStorage' (or "
                "whitenoise's CompressedManifestStaticFilesStorage) and run collectstatic, so "
                "banner.js and banner.css can be cached for long and an upgrade still reaches "
                "every browser; or keep COOKIE_POLICY_ASSET_MODE = 'inline'.",
                id="cookie_policy.W002",
            )
        ]
    return []


@register()
def check_allowed_origins(app_configs, **kwargs):
    """Each listed origin is compared with the browser's Origin header character for character:
    anything else never matches, or (a wildcard) would hand consent to every site."""
    from . import conf, cors

    wrong = cors.invalid_origins(conf.get("ALLOWED_ORIGINS"))
    if not wrong:
        return []
    return [
        Error(
            f"COOKIE_POLICY_ALLOWED_ORIGINS holds what is not an origin: {wrong!r}.",
            hint="Set COOKIE_POLICY_ALLOWED_ORIGINS to a list of origins written as browsers "
            "send them, scheme and host and any port: ['https://www.example.com', "
            "'http://localhost:3000']. No path, no trailing slash, no '*', lowercase.",
            id="cookie_policy.E011",
        )
    ]


@register(deploy=True)
def check_cookie_domain(app_configs, **kwargs):
    """A cookie domain that does not cover the site's host name (the host changed since, say)
    leaves the consent cookie host-only there: consent is not shared as the editor meant.
    A deploy check, as W001: it reads the database."""
    from . import consent
    from .models import OperatorSettings

    try:
        operators = list(OperatorSettings.objects.exclude(cookie_domain="").select_related("site"))
    except DatabaseError:  # no tables or no column yet
        return []
    return [
        Warning(
            f"The cookie domain {operator.cookie_domain!r} of site {operator.site} does not "
            f"cover its host name {operator.site.hostname!r}: its consent cookie stays "
            "host-only there.",
            hint=f"Under Settings → Operator and law, set the cookie domain of {operator.site} to "
            f"{operator.site.hostname!r} or a domain above it, or leave it empty.",
            id="cookie_policy.W005",
        )
        for operator in operators
        if not consent.cookie_domain(operator.site.hostname.lower(), operator.cookie_domain)
    ]
