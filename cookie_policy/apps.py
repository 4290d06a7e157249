from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CookiePolicyConfig(AppConfig):
    name = "cookie_policy"
    label = "cookie_policy"
    verbose_name = _("cookie policy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401
        from .search import filter_on_translated_fields
        from .signal_handlers import register_signal_handlers
        from .translated_columns import add_missing_columns

        register_signal_handlers()
        post_migrate.connect(add_missing_columns, sender=self)
        filter_on_translated_fields()
