"""An admin fills in the operator and its laws in the real admin; visitors see them."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Site

from cookie_policy.models import OperatorSettings
from tests.browser.helpers import TEXT, sign_in


def test_the_operator_form_reaches_the_policy_page_and_the_banner(page, new_context):
    """Saved under Settings → Operator and law, the details show on the policy page at once,
    and the Belarus law puts the operator one link from the banner's first layer."""
    get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    site = Site.objects.get(is_default_site=True)
    sign_in(page, "admin", "pw")
    page.goto(
        reverse("wagtailsettings:edit", args=["cookie_policy", "operatorsettings", site.pk]),
        timeout=30_000,
    )
    page.locator("input[name=legal_name_en]").fill("SOFTPRO+ Private Enterprise")
    page.locator("input[name=address_en]").fill("10 Independence Avenue, 220030 Minsk")
    page.locator("input[name=registration_number]").fill("191234567")
    page.locator("input[name=email]").fill("privacy@softpro.example")
    page.locator("input[name=law_profiles][value=by_99z]").check()
    page.locator("input[name=law_profiles][value=ru_152fz]").uncheck()
    page.locator("input[name=law_profiles][value=gdpr]").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")
    assert OperatorSettings.objects.get(site=site).law_profiles == ["by_99z"]

    visitor = new_context().new_page()
    visitor.goto("/en/cookie-policy/")
    who = visitor.locator("#operator")
    expect(who).to_contain_text("SOFTPRO+ Private Enterprise")
    expect(who).to_contain_text("191234567")
    expect(who.get_by_role("link", name="privacy@softpro.example")).to_be_visible()
    banner = visitor.get_by_role("region", name=TEXT["en"]["banner_title"])
    expect(banner).to_contain_text("Operator: SOFTPRO+ Private Enterprise.")
    banner.get_by_role("link", name="Who we are").click()
    expect(visitor).to_have_url(re.compile(r"/en/cookie-policy/#operator$"))
