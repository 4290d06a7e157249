"""Search settings that Wagtail's admin needs once modeltranslation renames fields."""

from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index


def filter_on_translated_fields():
    """Give each translated ``FilterField`` (Page's ``title``) a twin per language.

    modeltranslation rewrites ``order_by("title")`` to ``title_<active language>``, and search
    backends sort and filter only on declared ``FilterField``s: the admin page search sorted by
    title would otherwise fail.
    """
    for model in translator.get_registered_models():
        if not issubclass(model, index.Indexed):
            continue
        translated = translator.get_options_for_model(model).all_fields
        filters = {f.field_name for f in model.search_fields if isinstance(f, index.FilterField)}
        missing = {
            build_localized_fieldname(name, language)
            for name in filters & set(translated)
            for language in mt_settings.AVAILABLE_LANGUAGES
        } - filters
        model.search_fields = [*model.search_fields, *map(index.FilterField, sorted(missing))]
