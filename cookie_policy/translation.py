from modeltranslation.translator import TranslationOptions, register

from .models import ConsentBanner, CookiePolicyPage


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
