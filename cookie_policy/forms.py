from django import forms
from django.utils.translation import gettext_lazy as _

from .consent import ID_PATTERN
from .models import ConsentRecord


class ConsentForm(forms.Form):
    """A visitor's decision, posted by the banner script or by the no-JavaScript form."""

    choice = forms.ChoiceField(
        choices=[("all", _("accept all")), ("none", _("reject all")), ("custom", _("custom"))]
    )
    granted = forms.MultipleChoiceField(required=False)
    # \A…\Z: a RegexField searches, and $ would let a trailing newline through.
    consent_id = forms.RegexField(regex=rf"\A{ID_PATTERN}\Z", required=False)
    version = forms.IntegerField(required=False, min_value=0, max_value=10**9)
    method = forms.ChoiceField(choices=ConsentRecord.Method.choices, required=False)

    def __init__(self, *args, policy, late=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.late = late
        self.fields["granted"].choices = [(c["key"], c["title"]) for c in policy["categories"]]

    def clean_version(self):
        version, current = self.cleaned_data["version"], self.policy["version"]
        # The script may post a decision late (after an outage), for a version since replaced:
        # it is recorded as made. A page's form must match the live version.
        if self.late and version is not None and 0 < version < current:
            return version
        if version is not None and version != current:
            raise forms.ValidationError(
                _("The cookie policy has changed since this page was loaded; reload it."),
                code="stale",
            )
        return version

    def clean(self):
        data = super().clean()
        method, choice = data.get("method"), data.get("choice")
        allowed = {
            "all": {"", "accept_all", "gpc"},
            "none": {"", "reject_all", "withdrawal"},
            "custom": {"", "custom", "withdrawal"},
        }
        if choice and method is not None and method not in allowed[choice]:
            raise forms.ValidationError(_("The method does not match the choice."), code="method")
        return data
