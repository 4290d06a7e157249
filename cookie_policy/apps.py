from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CookiePolicyConfig(AppConfig):
    name = "cookie_policy"
    label = "cookie_policy"
    verbose_name = _("cookie policy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
