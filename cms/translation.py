from modeltranslation.translator import TranslationOptions, register

from .models import DocumentPage, HomePage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(DocumentPage)
class DocumentPageTranslation(TranslationOptions):
    fields = ("body",)
