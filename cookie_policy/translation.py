from modeltranslation import settings as mt_settings
from modeltranslation.translator import TranslationOptions, register

from .models import ConsentBanner, CookiePolicyPage, OperatorSettings


@register(CookiePolicyPage)
class CookiePolicyPageTranslation(TranslationOptions):
    fields = ("body",)


@register(ConsentBanner)
class ConsentBannerTranslation(TranslationOptions):
    fields = (
        "title",
        "message",
        "accept_label",
        "reject_label",
        "settings_label",
        "save_label",
        "settings_title",
        "settings_intro",
    )
    # Visitors of every language see the banner: a text it needs is needed in each language
    # (modeltranslation requires the default language's only). Optional texts stay optional.
    required_languages = tuple(mt_settings.AVAILABLE_LANGUAGES)


@register(OperatorSettings)
class OperatorSettingsTranslation(TranslationOptions):
    # The registration number and the e-mail are the same in every language.
    fields = ("legal_name", "address", "data_protection_officer", "processing_policy_url")
