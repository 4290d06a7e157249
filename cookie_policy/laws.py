"""The law profiles a site chooses, and what each requires before a policy is published.

Each rule is data: what is checked, the article that requires it (cited in the editor's message)
and the message. The publish gate (``validation.publish_problems``) runs the rules of every
profile the page's site has chosen, in every language. Where a law leaves a point open, the
README says so (Law and operator) rather than a rule guessing.

Sources, read November 2026:
- GDPR (Regulation (EU) 2016/679): Article 13(1)(a), identity and contact details of the
  controller; Article 7(1), the controller must be able to demonstrate consent.
- ePrivacy Directive 2002/58/EC, Article 5(3): storing or reading information on a visitor's
  device needs consent given with clear and comprehensive information about the purposes.
- Law of the Republic of Belarus No. 99-Z of 7 May 2021 "On Personal Data Protection",
  Article 5: before consent the operator gives the name and location of the operator, the
  purposes, the list of data, the period consent is given for, the authorised persons (third
  parties who process for it), the actions and the ways of processing (cpd.by's translation,
  Sorainen's summary).
- Federal Law of the Russian Federation No. 152-FZ of 27 July 2006 "On Personal Data",
  Article 9: consent, part 4 item 2 (the operator's name and address) and part 1 as amended by
  Federal Law No. 156-FZ of 24 June 2025, in force 1 September 2025 (consent is a document
  separate from any other information); Article 18.1 part 2 (an operator collecting data on the
  internet publishes its personal data processing policy there).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import changes, languages

GDPR = "gdpr"
RUSSIA = "ru_152fz"
BELARUS = "by_99z"


@dataclass(frozen=True)
class Rule:
    """One requirement: ``check(context)`` lists what fails it, each a dict for ``message``."""

    article: str
    check: object
    message: str


@dataclass(frozen=True)
class Profile:
    label: str
    rules: list
    # ConsentRecord fields the law needs to show what was consented to, and when.
    records: tuple = ("consent_id", "created_at", "site", "language", "consent_version", "granted")
    # What the banner's first layer shows or links to before any choice.
    first_layer: tuple = ()


class Context:
    """What the rules look at: the page being published and its site's operator settings."""

    def __init__(self, page, operator):
        self.page = page
        self.operator = operator
        self.codes = languages.codes()


def operator_gaps(context):
    """Each required operator field that is empty, in each language for a translated one."""
    operator = context.operator
    gaps = []
    for name in ("legal_name", "address"):
        for code in context.codes:
            if not (operator and (languages.localized(operator, name, code) or "").strip()):
                gaps.append({"field": field_label(name), "language": languages.name(code)})
    for name in ("registration_number", "email"):
        if not (operator and getattr(operator, name).strip()):
            gaps.append({"field": field_label(name), "language": _("every language")})
    return gaps


def undisclosed_categories(context):
    """Each category a visitor is asked about that lacks its purpose, period, data or third
    parties (a cookie's provider and duration), in each language."""
    gaps = []
    for code in context.codes:
        body = languages.localized(context.page, "body", code)
        for key, category in changes.categories(body).items():
            if category.get("required"):
                continue
            cookies = list(changes._cookies(category))
            if not (
                (category.get("purpose") or "").strip()
                and (category.get("lifetime") or "").strip()
                and cookies
                and all((c.get("provider") or "").strip() for c in cookies)
                and all((c.get("duration") or "").strip() for c in cookies)
            ):
                gaps.append({"key": key, "language": languages.name(code)})
    return gaps


def missing_processing_policy(context):
    operator = context.operator
    return [
        {"language": languages.name(code)}
        for code in context.codes
        if not (
            operator
            and (languages.localized(operator, "processing_policy_url", code) or "").strip()
        )
    ]


def missing_consent_document(context):
    """The consent document must be a live page of its own, titled in every language."""
    document = context.operator.consent_document if context.operator else None
    if document is None or not document.live:
        return [{"language": _("every language")}]
    return [
        {"language": languages.name(code)}
        for code in context.codes
        if not (languages.localized(document, "title", code) or "").strip()
    ]


def field_label(name):
    from .models import OperatorSettings

    return OperatorSettings._meta.get_field(name).verbose_name


OPERATOR_MESSAGE = _(
    "The operator's %(field)s is empty (%(language)s): fill it in under Settings → Operator and "
    "law (required by %(article)s)."
)
DISCLOSURE_MESSAGE = _(
    "Category “%(key)s” needs a purpose, a lifetime and at least one cookie with its provider "
    "and duration (%(language)s) (required by %(article)s)."
)

PROFILES = {
    GDPR: Profile(
        label=_("European Union: GDPR and the ePrivacy Directive"),
        rules=[
            Rule(_("GDPR Article 13(1)(a)"), operator_gaps, OPERATOR_MESSAGE),
            Rule(_("ePrivacy Directive Article 5(3)"), undisclosed_categories, DISCLOSURE_MESSAGE),
        ],
    ),
    BELARUS: Profile(
        label=_("Belarus: Law No. 99-Z “On Personal Data Protection”"),
        rules=[
            Rule(_("Law 99-Z Article 5"), operator_gaps, OPERATOR_MESSAGE),
            Rule(_("Law 99-Z Article 5"), undisclosed_categories, DISCLOSURE_MESSAGE),
        ],
        # Article 5: what the person is told before consent, one link from the first layer.
        first_layer=("operator",),
    ),
    RUSSIA: Profile(
        label=_("Russia: Federal Law No. 152-FZ “On Personal Data”"),
        rules=[
            Rule(_("Federal Law 152-FZ Article 9(4)"), operator_gaps, OPERATOR_MESSAGE),
            Rule(
                _("Federal Law 152-FZ Article 9(1), as amended by Federal Law 156-FZ"),
                missing_consent_document,
                _(
                    "Choose the consent to personal data processing, a live page of its own "
                    "titled in every language (%(language)s), under Settings → Operator and "
                    "law (required by %(article)s)."
                ),
            ),
            Rule(
                _("Federal Law 152-FZ Article 18.1(2)"),
                missing_processing_policy,
                _(
                    "Give the address of the personal data processing policy (%(language)s) "
                    "under Settings → Operator and law (required by %(article)s)."
                ),
            ),
        ],
        # Article 9(1): the consent document is one link away, not a paragraph of the policy.
        first_layer=("consent_document",),
    ),
}

# With no profile chosen the operator is still required: a statement names who makes it.
BASE_RULES = [
    Rule(
        "",
        operator_gaps,
        _(
            "The operator's %(field)s is empty (%(language)s): fill it in under Settings → "
            "Operator and law."
        ),
    )
]


def choices():
    return [(key, profile.label) for key, profile in PROFILES.items()]


def chosen(operator):
    """The known profiles ``operator`` (a site's OperatorSettings, or None) has chosen."""
    keys = (operator.law_profiles or []) if operator else []
    return [PROFILES[key] for key in keys if key in PROFILES]


def problems(page, operator):
    """The editor's message for each rule of the site's profiles that ``page`` fails.

    A failure that several rules share (the operator's name, which every law asks for) is one
    message citing each of their articles."""
    context = Context(page, operator)
    rules = [rule for profile in chosen(operator) for rule in profile.rules] or BASE_RULES
    found = {}
    for rule in rules:
        for gap in rule.check(context):
            key = (rule.check, rule.message, tuple(sorted((k, str(v)) for k, v in gap.items())))
            found.setdefault(key, (rule.message, gap, []))[2].append(str(rule.article))
    return [
        message % {**gap, "article": "; ".join(dict.fromkeys(articles))}
        for message, gap, articles in found.values()
    ]


def first_layer(operator):
    """What the banner's first layer must show or link to for the site's profiles."""
    return {item for profile in chosen(operator) for item in profile.first_layer}
