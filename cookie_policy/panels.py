from wagtail.admin.panels import Panel

from . import changes, languages


class ConsentVersionPanel(Panel):
    """Tells the editor whether publishing this draft will ask visitors for consent again."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cookie_policy/panels/consent_version.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            live = type(page).objects.filter(pk=page.pk, live=True).first() if page.pk else None
            context["live"] = live
            context["reasons"] = page.reconsent_reasons(live) if live else []
            return context


class UnconfirmedCookiesPanel(Panel):
    """Lists the declared cookies this site is not yet known to set, so none goes out as fact."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cookie_policy/panels/unconfirmed_cookies.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rows"] = changes.unconfirmed(languages.localized(self.instance, "body"))
            return context
