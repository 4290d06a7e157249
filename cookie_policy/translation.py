from modeltranslation.translator import TranslationOptions, register

from .models import CookiePolicyPage


@register(CookiePolicyPage)
class CookiePolicyPageTranslation(TranslationOptions):
    fields = ("body",)
