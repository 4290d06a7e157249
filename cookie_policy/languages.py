"""The site's languages as modeltranslation sees them: the plugin hard-codes none."""

from django.utils.translation import get_language_info
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname


def codes():
    """Every language with its own columns, the default first."""
    default = mt_settings.DEFAULT_LANGUAGE
    return [default, *(code for code in mt_settings.AVAILABLE_LANGUAGES if code != default)]


def default():
    """The language whose content is the reference: consent fingerprint, change lists."""
    return mt_settings.DEFAULT_LANGUAGE


def localized(obj, name, code=None):
    """``obj``'s value of translated field ``name`` in ``code`` (the default language if None)."""
    return getattr(obj, build_localized_fieldname(name, code or default()), None)


def name(code):
    """The language's name in the active language, for messages to editors."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:  # a code Django does not know: its name from LANGUAGES, else the code
        return dict(_languages()).get(code, code)


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
