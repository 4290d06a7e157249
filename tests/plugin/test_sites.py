"""Several Wagtail sites on one installation: each its own policy, banner and records."""

import csv
import io
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from cookie_policy import banner_cache
from cookie_policy.models import ConsentBanner, ConsentRecord
from tests.plugin.utils import (
    BANNER_FIELDS,
    banner_fields,
    category,
    codes,
    every_language,
    field,
    make_banner,
    make_policy_page,
    make_site,
    make_site_root,
    text,
)

pytestmark = pytest.mark.django_db
BY, RU = "by.example", "ru.example"
BANNER = "wagtailsnippets_cookie_policy_consentbanner"


def with_advertising(code, found):
    return [*found, category("advertising", code, ["_fbp"])]


@pytest.fixture
def sites():
    """Two sites on two host names, each with its own root, policy page and live banner; the
    ru.example policy has an advertising category more."""
    make_site_root()
    by, ru = make_site(BY, "by-home"), make_site(RU, "ru-home")
    make_policy_page(by.root_page)
    make_policy_page(ru.root_page, every_language(with_advertising))
    make_banner(name="BY banner", site=by, **banner_fields("BY"))
    make_banner(name="RU banner", site=ru, **banner_fields("RU"))
    return by, ru


def banner_of(client, host, code):
    response = client.get(f"/{code}/", HTTP_HOST=host)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").select_one("div.cc")


def headings(response):
    """The column headings of the report's table."""
    table = BeautifulSoup(response.text, "html.parser").select_one("table")
    return [cell.get_text(strip=True) for cell in table.select("thead th")]


def categories(banner):
    return [box["value"] for box in banner.select(".cc-category input")]


@pytest.mark.parametrize("code", codes())
def test_each_host_shows_its_own_banner_and_policy(sites, client, code):
    """Each host's pages carry its banner and its policy's categories, also once cached."""
    for _round in range(2):  # the second round is served from the cache
        by_banner, ru_banner = banner_of(client, BY, code), banner_of(client, RU, code)
        assert by_banner.select_one("#cc-title").text == f"BY {text('banner_title', code)}"
        assert ru_banner.select_one("#cc-title").text == f"RU {text('banner_title', code)}"
        assert "advertising" not in categories(by_banner)
        assert "advertising" in categories(ru_banner)
    by, ru = sites
    assert cache.get(banner_cache.cache_key(by.pk, code)) != cache.get(
        banner_cache.cache_key(ru.pk, code)
    )


def test_a_site_without_a_banner_of_its_own_shows_the_banner_for_every_site(sites, client):
    """The banner without a site serves the sites that have none; a site's own one wins."""
    by, _ru = sites
    ConsentBanner.objects.get(site=by).delete()  # drops the cached banners too
    make_banner(name="Every site", **banner_fields("ALL"))
    assert banner_of(client, BY, "en").select_one("#cc-title").text.startswith("ALL ")
    assert banner_of(client, RU, "en").select_one("#cc-title").text.startswith("RU ")


def test_publishing_one_sites_banner_leaves_the_other(
    sites, client, django_capture_on_commit_callbacks
):
    by, _ru = sites
    for host in (BY, RU):
        banner_of(client, host, "en")
    banner = ConsentBanner.objects.get(site=by)
    setattr(banner, field("accept_label", "en"), "Yes to all")
    with django_capture_on_commit_callbacks(execute=True):  # the cache is cleared on commit
        banner.save_revision().publish()
    assert banner_of(client, BY, "en").select_one("[data-cc-accept]").text == "Yes to all"
    assert banner_of(client, RU, "en").select_one("[data-cc-accept]").text == text("accept", "en")


def test_records_carry_their_site(sites):
    """A decision made on a host is recorded with that host's site."""
    by, ru = sites
    for host, choice in ((BY, "all"), (RU, "none")):
        # A browser of its own for each: the test client would send one host's cookie to both.
        response = Client().post(
            f"/{codes()[-1]}/cookie-consent/",
            urlencode({"choice": choice}),
            content_type="application/x-www-form-urlencoded",
            HTTP_HOST=host,
            HTTP_ORIGIN=f"http://{host}",
            HTTP_ACCEPT="application/json",
        )
        assert response.status_code == 200, response.content
    assert ConsentRecord.objects.get(site=by).method == "accept_all"
    assert ConsentRecord.objects.get(site=ru).method == "reject_all"


def test_the_report_filters_and_exports_by_site(sites):
    by, ru = sites
    for site in (by, ru):
        ConsentRecord.objects.create(
            consent_id=f"consent-on-{site.hostname}",
            site=site,
            language="en",
            consent_version=1,
            granted=["necessary"],
            method="reject_all",
        )
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    url = reverse("cookie_policy_consent_records")
    response = client.get(url, {"site": ru.pk})
    assert response.status_code == 200
    assert "consent-on-ru.example" in response.text
    assert "consent-on-by.example" not in response.text
    assert "Site" in headings(response)  # a column of its own when there are several sites
    export = client.get(url, {"site": by.pk, "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(export.getvalue().decode())))
    assert [(row["Consent ID"], row["Site"]) for row in rows] == [
        ("consent-on-by.example", "by.example")
    ]


def test_a_site_filter_that_names_no_site_is_an_error_not_a_500(sites):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    for value in ("abc", "999999"):
        response = client.get(reverse("cookie_policy_consent_records"), {"site": value})
        assert response.status_code == 200
        assert "Select a valid choice" in response.text


def test_the_report_has_no_site_column_on_a_single_site(banner):
    make_site_root()
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
    ConsentRecord.objects.create(
        consent_id="consent-x", language="en", consent_version=1, method="reject_all"
    )
    response = client.get(reverse("cookie_policy_consent_records"))
    assert "consent-x" in response.text
    assert "Consent ID" in headings(response)
    assert "Site" not in headings(response)


def test_the_database_refuses_a_second_live_banner_for_a_site(sites):
    by, _ru = sites
    with pytest.raises(IntegrityError), transaction.atomic():
        make_banner(name="Second", site=by)
    make_banner(name="Every site")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_banner(name="Every site again")


def test_a_scheduled_second_banner_loses_its_schedule(sites, caplog):
    """publish_scheduled leaves the site's live banner, unschedules the other, and goes on."""
    by, _ru = sites
    late = make_banner(name="Scheduled", site=by, live=False)
    revision = late.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    late.refresh_from_db()
    revision.refresh_from_db()
    assert (late.live, revision.approved_go_live_at) == (False, None)
    assert ConsentBanner.objects.get(site=by, live=True).name == "BY banner"
    assert "BY banner" in caplog.text


class TestPublishingASecondLiveBanner:
    """The editor gets a form error on the site field; a draft may wait."""

    @pytest.fixture
    def admin(self, sites):
        client = Client()
        client.force_login(
            get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        )
        return client

    def form(self, site, publish=True):
        data = {"name": "Another", "site": site.pk if site else ""}
        for name, key in BANNER_FIELDS.items():
            for code in codes():
                value = text(key, code)
                data[field(name, code)] = rich_text(value) if name == "message" else value
        if publish:
            data["action-publish"] = "publish"
        return data

    def test_publishing_a_new_banner_for_a_site_with_one(self, sites, admin):
        by, _ru = sites
        response = admin.post(reverse(f"{BANNER}:add"), self.form(by))
        assert response.status_code == 200
        assert response.context["form"].errors["site"] == [
            "“BY banner” is live on by.example already: unpublish it first, or choose another site."
        ]
        assert not ConsentBanner.objects.filter(name="Another").exists()

    def test_moving_a_live_banner_to_a_site_with_one(self, sites, admin):
        by, ru = sites
        banner = ConsentBanner.objects.get(site=ru)
        response = admin.post(reverse(f"{BANNER}:edit", args=[banner.pk]), self.form(by))
        assert response.status_code == 200
        assert "is live on by.example already" in response.context["form"].errors["site"][0]
        banner.refresh_from_db()
        assert (banner.site, banner.live) == (ru, True)

    def test_a_second_banner_for_every_site(self, sites, admin):
        make_banner(name="Every site")
        response = admin.post(reverse(f"{BANNER}:add"), self.form(None))
        assert response.status_code == 200
        assert response.context["form"].errors["site"] == [
            "“Every site” is live for every site already: unpublish it first, or choose a "
            "site for this banner."
        ]

    def test_a_draft_may_wait_and_a_free_site_publishes(self, sites, admin):
        by, _ru = sites
        response = admin.post(reverse(f"{BANNER}:add"), self.form(by, publish=False))
        assert response.status_code == 302
        assert not ConsentBanner.objects.get(name="Another").live
        response = admin.post(reverse(f"{BANNER}:add"), {**self.form(None), "name": "All"})
        assert response.status_code == 302
        assert ConsentBanner.objects.get(name="All").live

    def test_the_listing_names_each_banners_site(self, sites, admin):
        make_banner(name="Every site")
        response = admin.get(reverse(f"{BANNER}:list"))
        rows = BeautifulSoup(response.text, "html.parser").select("tbody tr")
        # Each row: the bulk-action checkbox, the name (a link, then its actions), the site.
        sites_of = {
            row.select_one("td a").get_text(strip=True): row.select("td")[2].get_text(strip=True)
            for row in rows
        }
        assert sites_of == {"BY banner": BY, "RU banner": RU, "Every site": "All sites"}

    def test_republishing_the_live_banner_of_a_site(self, sites, admin):
        by, _ru = sites
        banner = ConsentBanner.objects.get(site=by)
        data = {**self.form(by), "name": "BY banner, reworded"}
        response = admin.post(reverse(f"{BANNER}:edit", args=[banner.pk]), data)
        assert response.status_code == 302
        banner.refresh_from_db()
        assert (banner.name, banner.live) == ("BY banner, reworded", True)
