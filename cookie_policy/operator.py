"""The site's operator as plain, cacheable data for the policy page, the banner and the
settings page, in the active language."""

from . import laws


def operator_settings(site):
    """The OperatorSettings of ``site``, or None: one query."""
    from .models import OperatorSettings

    if site is None:
        return None
    return OperatorSettings.objects.select_related("consent_document").filter(site=site).first()


def operator_data(site, request=None):
    """What visitors are told about who runs ``site`` (None until its legal name is set)."""
    return describe(operator_settings(site), request)


def describe(operator, request=None):
    """What visitors are told of ``operator`` (an OperatorSettings or None)."""
    if operator is None or not operator.legal_name:
        return None
    document = operator.consent_document
    document_live = document is not None and document.live
    return {
        "legal_name": operator.legal_name,
        "registration_number": operator.registration_number,
        "address": operator.address,
        "email": operator.email,
        "data_protection_officer": operator.data_protection_officer,
        "processing_policy_url": operator.processing_policy_url,
        "consent_document_url": document.get_url(request) if document_live else "",
        "consent_document_title": document.title if document_live else "",
        # What the banner's first layer shows for the site's laws (laws.Profile.first_layer).
        "first_layer": sorted(laws.first_layer(operator)),
    }
