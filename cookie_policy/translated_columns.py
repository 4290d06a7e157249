"""Translated columns that follow the site's ``LANGUAGES``.

A reusable app cannot ship migrations for languages it does not know, and a site must never write
migrations into site-packages. So the plugin's migrations name each translated field once and
``translated()`` adds one copy per language of the running site, exactly as modeltranslation adds
them to the model (``alter_translated()`` alters each copy when the field changes):
``makemigrations`` stays clean for any set of languages. When a site adds a
language later, ``add_missing_columns`` (run after ``migrate``) adds its columns, as
wagtail-modeltranslation does for Wagtail's own ``Page``. A removed language's columns are kept,
with their content, in case it comes back.
"""

from django.db import connections, migrations
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def translated(name, field):
    """``(name_<code>, copy of field)`` for each language, as modeltranslation declares them.

    modeltranslation's fields deconstruct as the original with ``null=True``.
    """
    _name, _path, args, kwargs = field.deconstruct()
    kwargs["null"] = True
    return [
        (build_localized_fieldname(name, code), type(field)(*args, **kwargs))
        for code in mt_settings.AVAILABLE_LANGUAGES
    ]


def alter_translated(model_name, name, field):
    """An ``AlterField`` for each language's copy of ``field``, as ``translated()`` made them."""
    return [
        migrations.AlterField(model_name=model_name, name=localized, field=copy)
        for localized, copy in translated(name, field)
    ]


def add_missing_columns(app_config, using="default", **kwargs):
    """Add the columns of languages added to ``LANGUAGES`` since the tables were created."""
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for model in translator.get_registered_models(abstract=False):
            if model._meta.app_label != app_config.label or model._meta.db_table not in tables:
                continue
            description = connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
            existing = {column.name for column in description}
            options = translator.get_options_for_model(model)
            for fields in options.local_fields.values():
                for field in fields:
                    if field.column not in existing:
                        with connection.schema_editor() as editor:
                            editor.add_field(model, field)
