from django.apps import apps
from django.conf import settings
from django.core.checks import Error, register


@register()
def check_translation_setup(app_configs, **kwargs):
    """The plugin needs modeltranslation and both of its languages."""
    errors = []
    if not apps.is_installed("modeltranslation"):
        errors.append(
            Error(
                "django-modeltranslation is not installed.",
                hint="Add 'wagtail_modeltranslation' and 'modeltranslation' to INSTALLED_APPS.",
                id="cookie_policy.E001",
            )
        )
    codes = {code for code, _name in getattr(settings, "LANGUAGES", [])}
    if not {"en", "ru"} <= codes:
        errors.append(
            Error(
                "LANGUAGES must include 'en' and 'ru'.",
                hint="Set LANGUAGES = [('en', 'English'), ('ru', 'Russian')].",
                id="cookie_policy.E002",
            )
        )
    return errors
