"""A visitor's decision, posted by the banner script or by the no-JavaScript form.

Checked by hand, not by a django.forms.Form: the form is never rendered, and on the consent
endpoint's hot path Django's machinery (a bound field and a widget per field, lazy labels) was
a fifth of the endpoint's own time when profiled. The messages are Django's own, so they read
and translate as any form's do.
"""

import re

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .consent import ID_PATTERN
from .models import ConsentRecord

CHOICES = frozenset({"all", "none", "custom"})
METHODS = frozenset(ConsentRecord.Method.values)
# The methods each choice may claim ("" when the poster claims none).
CHOICE_METHODS = {
    "all": {"", "accept_all", "gpc"},
    "none": {"", "reject_all", "withdrawal"},
    "custom": {"", "custom", "withdrawal"},
}
CONSENT_ID = re.compile(rf"\A{ID_PATTERN}\Z")
MAX_VERSION = 10**9
# Digits Python turns into an int quickly: a longer number is no version.
VERSION = re.compile(r"\A[+-]?[0-9]{1,18}\Z")

REQUIRED = forms.Field.default_error_messages["required"]
INVALID_CHOICE = forms.ChoiceField.default_error_messages["invalid_choice"]


def invalid_choice(value):
    return ValidationError(INVALID_CHOICE, code="invalid_choice", params={"value": value})


class ConsentForm:
    """``is_valid()``, ``errors`` (messages by field) and ``cleaned_data``, as a Django form's."""

    def __init__(self, data, *, policy, late=False):
        self.data, self.policy, self.late = data, policy, late
        self._errors = None
        self.cleaned_data = {}

    @property
    def errors(self):
        if self._errors is None:
            self.full_clean()
        return self._errors

    def is_valid(self):
        return not self.errors

    def full_clean(self):
        self._errors = {}
        for name in ("choice", "granted", "consent_id", "version", "method"):
            try:
                self.cleaned_data[name] = getattr(self, f"clean_{name}")()
            except ValidationError as error:
                self._errors[name] = error.messages
        try:
            self.clean()
        except ValidationError as error:
            self._errors["__all__"] = error.messages

    def value(self, name):
        value = self.data.get(name)
        return "" if value is None else str(value)

    def clean_choice(self):
        choice = self.value("choice")
        if not choice:
            raise ValidationError(REQUIRED, code="required")
        if choice not in CHOICES:
            raise invalid_choice(choice)
        return choice

    def clean_granted(self):
        getlist = getattr(self.data, "getlist", None)
        granted = getlist("granted") if getlist else self.data.get("granted") or []
        if not isinstance(granted, list | tuple):
            raise ValidationError(forms.MultipleChoiceField.default_error_messages["invalid_list"])
        keys = {category["key"] for category in self.policy["categories"]}
        for value in granted:
            if value not in keys:
                raise invalid_choice(value)
        return [str(value) for value in granted]

    def clean_consent_id(self):
        consent_id = self.value("consent_id").strip()
        if consent_id and not CONSENT_ID.match(consent_id):
            raise ValidationError(validators.RegexValidator.message, code="invalid")
        return consent_id

    def clean_version(self):
        version = self.value("version").strip()
        if not version:
            return None
        if not VERSION.match(version):
            raise ValidationError(forms.IntegerField.default_error_messages["invalid"])
        version, current = int(version), self.policy["version"]
        validators.MinValueValidator(0)(version)
        validators.MaxValueValidator(MAX_VERSION)(version)
        # The script may post a decision late (after an outage), for a version since replaced:
        # it is recorded as made. A page's form must match the live version.
        if self.late and 0 < version < current:
            return version
        if version != current:
            raise ValidationError(
                _("The cookie policy has changed since this page was loaded; reload it."),
                code="stale",
            )
        return version

    def clean_method(self):
        method = self.value("method")
        if method and method not in METHODS:
            raise invalid_choice(method)
        return method

    def clean(self):
        method, choice = self.cleaned_data.get("method"), self.cleaned_data.get("choice")
        if choice and method is not None and method not in CHOICE_METHODS[choice]:
            raise ValidationError(_("The method does not match the choice."), code="method")
