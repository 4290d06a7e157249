"""Two Wagtail sites on two host names in a real browser: each its own banner and records.

Chromium maps by.example and ru.example to the live server. by.example is the demo site
(its banner serves every site); ru.example has a root page, a policy and a banner of its own.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import Page, Site

from cms.models import HomePage
from cookie_policy.models import ConsentRecord
from tests.browser.conftest import TIMEOUT_MS, stay_on
from tests.browser.helpers import TEXT, is_consent_post, visit
from tests.utils import make_banner, make_cookie_policy_page, make_operator

BY, RU = "by.example", "ru.example"
RU_TITLE = {"en": "Cookies on the RU site", "ru": "Файлы cookie на сайте RU"}


@pytest.fixture
def sites(site_url):
    """The demo site on by.example and a second site on ru.example; the port of each."""
    by = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=by.pk).update(hostname=BY)
    home = HomePage(title_en="RU home", title_ru="Главная RU", slug_en="ru", slug_ru="ru")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    ru = Site.objects.create(hostname=RU, root_page=home)
    make_operator(ru)
    make_cookie_policy_page(home)
    make_banner(name="RU banner", site=ru, title_en=RU_TITLE["en"], title_ru=RU_TITLE["ru"])
    return {BY: by, RU: ru}, urlsplit(site_url).port


def test_two_hosts_show_two_banners_and_record_their_site(hosts_browser, sites, lang):
    """Each host shows its own banner; a choice made on it is recorded with its site."""
    found, port = sites
    titles = {BY: TEXT[lang]["banner_title"], RU: RU_TITLE[lang]}
    for host, title in titles.items():
        context = hosts_browser.new_context(base_url=f"http://{host}:{port}")
        context.set_default_timeout(TIMEOUT_MS)
        stay_on(context, *titles)
        page = context.new_page()
        visit(page, f"/{lang}/")
        region = page.get_by_role("region", name=title)
        expect(region).to_be_visible()
        other = next(t for h, t in titles.items() if h != host)
        expect(page.get_by_role("region", name=other)).to_have_count(0)
        with page.expect_response(is_consent_post) as posted:
            region.get_by_role("button", name=TEXT[lang]["accept"]).click()
        assert posted.value.status == 200
        context.close()
    assert {r.site_id for r in ConsentRecord.objects.all()} == {found[BY].pk, found[RU].pk}
    assert ConsentRecord.objects.count() == 2
