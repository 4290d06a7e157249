from django import forms
from django.utils.translation import gettext_lazy as _

from .consent import ID_PATTERN
from .models import ConsentRecord


class SharedFields(dict):
    """A form's fields, shared by every form of its class: no form changes them, so each form
    takes this dict's entries instead of a deep copy of every field."""

    def __deepcopy__(self, memo):
        return dict(self)


class KeyChoiceField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.keys = frozenset(str(key) for key, _label in self.choices)

    def valid_value(self, value):
        # A set lookup: Django's loop touches every lazy label on every post.
        return value in self.keys


class CategoriesField(forms.MultipleChoiceField):
    """Category keys; which are valid is the form's policy's to say (ConsentForm.clean_granted)."""

    def valid_value(self, value):
        return True


class ConsentForm(forms.Form):
    """A visitor's decision, posted by the banner script or by the no-JavaScript form.

    The consent endpoint's hot path: profiled, Django's deep copy of the fields and its
    translated label suffix were a fifth of the endpoint's own time, so neither happens here."""

    choice = KeyChoiceField(
        choices=[("all", _("accept all")), ("none", _("reject all")), ("custom", _("custom"))]
    )
    granted = CategoriesField(required=False)
    # \A…\Z: a RegexField searches, and $ would let a trailing newline through.
    consent_id = forms.RegexField(regex=rf"\A{ID_PATTERN}\Z", required=False)
    version = forms.IntegerField(required=False, min_value=0, max_value=10**9)
    method = KeyChoiceField(choices=ConsentRecord.Method.choices, required=False)

    def __init__(self, *args, policy, late=False, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)  # the form is never rendered
        self.policy = policy
        self.late = late

    def clean_granted(self):
        granted = self.cleaned_data["granted"]
        keys = {category["key"] for category in self.policy["categories"]}
        for value in granted:
            if value not in keys:
                raise forms.ValidationError(
                    self.fields["granted"].error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                )
        return granted

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


# Django's metaclass makes base_fields with the class: replaced once it exists.
ConsentForm.base_fields = SharedFields(ConsentForm.base_fields)
