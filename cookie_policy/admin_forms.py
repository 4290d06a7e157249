"""The editors' forms in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import laws


class ConsentBannerForm(WagtailAdminModelForm):
    """The banner's form: publishing it refuses a second live banner for the same site."""

    def clean(self):
        cleaned_data = super().clean()
        # A draft may wait: Wagtail defers validation when saving one, and only the published
        # banner reaches visitors.
        if self.is_deferred_validation or "site" not in cleaned_data:
            return cleaned_data
        site = cleaned_data["site"]
        other = type(self.instance).live_rival(site, self.instance)
        if other is not None:
            if site is None:
                message = _(
                    "“%(banner)s” is live for every site already: unpublish it first, or choose "
                    "a site for this banner."
                )
            else:
                message = _(
                    "“%(banner)s” is live on %(site)s already: unpublish it first, or choose "
                    "another site."
                )
            self.add_error("site", message % {"banner": other.name, "site": site})
        return cleaned_data


class OperatorSettingsForm(WagtailAdminModelForm):
    """The operator and law settings: the laws are ticked, several at once."""

    law_profiles = forms.MultipleChoiceField(
        choices=laws.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("laws"),
        help_text=_("Publishing a policy checks what each chosen law requires."),
    )
