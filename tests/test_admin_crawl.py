"""Admin crawl: every screen the plugin adds or the sidebar reaches answers as permissions say."""

import json
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from cookie_policy.models import ConsentBanner, ConsentRecord
from tests.utils import EN_BLOCKS, RU_BLOCKS, policy_form_data

pytestmark = pytest.mark.django_db

ROLES = ("admin", "editor", "anonymous")
# Wagtail sends a user without the permission back to the dashboard, a visitor to the login.
DASHBOARD, LOGIN = "dashboard", "login"
BANNER = "wagtailsnippets_cookie_policy_consentbanner"
# Every sort order each listing offers; the search view's list is in wagtail/admin/views/pages.
PAGE_ORDERINGS = ["title", "latest_revision_created_at", "live"]
BANNER_ORDERINGS = ["name", "_updated_at", "live"]
# Crawled links that do not answer 200 by design: pattern of the link, pattern of its outcome.
REDIRECTS = {
    # Only one page type can be added: Wagtail skips the type chooser.
    r"/admin/pages/\d+/add_subpage/": r"302 /admin/pages/add/\w+/\w+/\d+/",
    # Likewise a single workflow task type.
    r"/admin/workflows/tasks/select_type/": r"302 /admin/workflows/tasks/add/\w+/\w+/",
    # A site setting's menu item opens the setting of the current site.
    r"/admin/settings/\w+/\w+/": r"302 /admin/settings/\w+/\w+/\d+/",
}
# Bounds the crawl; at one URL per screen a superuser reaches about 180 today.
MAX_URLS = 400


def login(role, language=None):
    """A client for a superuser, a member of Wagtail's default Editors group, or nobody."""
    client = Client()
    if role == "anonymous":
        return client
    User = get_user_model()
    if role == "admin":
        user = User.objects.create_superuser("admin", "admin@example.com", "pw")
    else:
        user = User.objects.create_user("editor", "editor@example.com", "pw")
        user.groups.add(Group.objects.get(name="Editors"))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(user)
    return client


def outcome(response):
    """The status, with a redirect named by where it leads."""
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    if location == reverse("wagtailadmin_home"):
        return DASHBOARD
    if location.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    return f"302 {location}"


def orderings(keys):
    return [o for key in keys for o in (key, "-" + key)]


@pytest.fixture
def objects(policy):
    """The policy page and banner with two revisions each, and one consent record."""
    banner = ConsentBanner.objects.get()
    banner.accept_label_ru = "Принять всё"
    banner.save_revision()
    policy.save_revision()
    ConsentRecord.objects.create(
        consent_id="abcdefghijklmnopqrstuv",
        language="ru",
        consent_version=1,
        method="custom",
        policy_revision_id=policy.live_revision_id,
        banner_revision_id=banner.live_revision_id,
    )
    return policy, banner


def screens(policy, banner):
    """(url, admin, editor, anonymous): every screen the plugin adds or changes."""
    page_revs = list(policy.revisions.order_by("pk").values_list("pk", flat=True))
    banner_revs = list(banner.revisions.order_by("pk").values_list("pk", flat=True))
    record = ConsentRecord.objects.get()
    # Editors write banner drafts (migration 0002); deleting and unpublishing is moderators' work.
    page = (200, 200, LOGIN)
    snippet = (200, 200, LOGIN)
    moderate = (200, DASHBOARD, LOGIN)
    records = (200, 403, LOGIN)
    listing = reverse(f"{BANNER}:list")
    result = [
        (reverse("wagtailadmin_home"), *page),
        (listing, *snippet),
        (reverse(f"{BANNER}:list_results"), *snippet),
        *((f"{listing}?ordering={o}", *snippet) for o in orderings(BANNER_ORDERINGS)),
        *((f"{listing}?q=Ban&ordering={o}", *snippet) for o in orderings(BANNER_ORDERINGS)),
        (reverse(f"{BANNER}:add"), *snippet),
        (reverse(f"{BANNER}:edit", args=[banner.pk]), *snippet),
        (reverse(f"{BANNER}:history", args=[banner.pk]), *snippet),
        (reverse(f"{BANNER}:revisions_view", args=[banner.pk, banner_revs[0]]), *snippet),
        (reverse(f"{BANNER}:revisions_compare", args=[banner.pk, *banner_revs]), *snippet),
        (reverse(f"{BANNER}:usage", args=[banner.pk]), *snippet),
        (reverse(f"{BANNER}:delete", args=[banner.pk]), *moderate),
        (reverse(f"{BANNER}:unpublish", args=[banner.pk]), *moderate),
        # Choosing a snippet needs no permission on it, as in Wagtail.
        (reverse("wagtailsnippetchoosers_cookie_policy_consentbanner:choose"), *page),
        # The bulk delete confirmation tells the editor they may not delete it.
        (f"/admin/bulk/cookie_policy/consentbanner/delete/?id={banner.pk}", *page),
        (reverse("wagtailadmin_pages:edit", args=[policy.pk]), *page),
        (reverse("wagtailadmin_pages:history", args=[policy.pk]), *page),
        (reverse("wagtailadmin_pages:revisions_view", args=[policy.pk, page_revs[0]]), *page),
        (
            reverse("wagtailadmin_pages:revisions_compare", args=[policy.pk, *page_revs[-2:]]),
            *page,
        ),
        (reverse("wagtailadmin_pages:usage", args=[policy.pk]), *page),
        (reverse("wagtailadmin_explore", args=[policy.get_parent().pk]), *page),
        (reverse("wagtailadmin_explore_root"), *page),
        # Editors may not delete pages; the bulk publish confirmation lists none for them.
        (reverse("wagtailadmin_pages:delete", args=[policy.pk]), 200, DASHBOARD, LOGIN),
        (f"/admin/bulk/wagtailcore/page/publish/?id={policy.pk}", *page),
        # The operator and law settings are the site's legal identity: admins' work.
        (
            reverse(
                "wagtailsettings:edit",
                args=["cookie_policy", "operatorsettings", Site.objects.get().pk],
            ),
            200,
            DASHBOARD,
            LOGIN,
        ),
        (reverse("cookie_policy_consent_records"), *records),
        (reverse("cookie_policy_consent_records_results"), *records),
        (f"{reverse('cookie_policy_consent_records')}?export=csv", *records),
        (f"{reverse('cookie_policy_consent_records')}?export=xlsx", *records),
        (
            f"{reverse('cookie_policy_consent_records')}?method=custom&language=en"
            f"&site={Site.objects.get().pk}&created_at_after=2000-01-01"
            "&created_at_before=2100-01-01",
            *records,
        ),
        (f"{reverse('cookie_policy_consent_records')}?consent_id=abcdefghijklmnopqrstuv", *records),
        (f"{reverse('cookie_policy_consent_records')}?consent_id=bad", *records),
        (reverse("cookie_policy_consent_insight"), *records),
        (f"{reverse('cookie_policy_consent_insight')}?interval=week", *records),
        (f"{reverse('cookie_policy_consent_insight')}?export=csv", *records),
        # A reversed period is the form's error, not a failure.
        (
            f"{reverse('cookie_policy_consent_insight')}?start=2026-02-01&end=2026-01-01",
            400,
            403,
            LOGIN,
        ),
        (reverse("cookie_policy_consent_record", args=[record.pk]), *records),
        (reverse("cookie_policy_consent_record_texts", args=[record.pk]), *records),
    ]
    # Without a posted form these answer Wagtail's "preview not available" page; the test
    # below posts one.
    banner_preview = reverse(f"{BANNER}:preview_on_edit", args=[banner.pk])
    page_preview = reverse("wagtailadmin_pages:preview_on_edit", args=[policy.pk])
    for code, _name in settings.LANGUAGES:
        result += [
            (f"{banner_preview}?mode={code}", *snippet),
            (f"{page_preview}?mode={code}", *page),
        ]
    search = reverse("wagtailadmin_pages:search")
    for ordering in orderings(PAGE_ORDERINGS):
        result += [
            (f"{search}?ordering={ordering}", *page),
            (f"{search}?q=cookie&ordering={ordering}", *page),
            (f"{reverse('wagtailadmin_explore_root')}?q=cookie&ordering={ordering}", *page),
        ]
    return result


@pytest.mark.parametrize("role", ROLES)
def test_every_plugin_screen_answers_as_permissions_say(objects, role):
    """Each screen answers this role with its exact expected status: never a 500."""
    table = screens(*objects)
    column = 1 + ROLES.index(role)
    client = login(role)
    expected = {row[0]: row[column] for row in table}
    assert {url: outcome(client.get(url)) for url in expected} == expected


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_policy_preview_renders_each_language(objects, role):
    """With the edit form posted, the preview renders in every language mode."""
    policy, _banner = objects
    client = login(role)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[policy.pk])
    assert client.post(url, policy_form_data(EN_BLOCKS, RU_BLOCKS)).json()["is_valid"]
    for code, _name in settings.LANGUAGES:
        response = client.get(url, {"mode": code})
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.text


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("ordering", ["title", "-title"])
def test_page_search_sorts_by_title_in_the_admin_language(objects, language, ordering):
    """modeltranslation sorts by ``title_<language>``: the search backend follows it."""
    client = login("editor", language)
    response = client.get(reverse("wagtailadmin_pages:search"), {"ordering": ordering})
    assert response.status_code == 200
    found = [page.pk for page in response.context["pages"]]
    assert len(found) > 1
    title = build_localized_fieldname("title", language)
    sign = "-" if ordering.startswith("-") else ""
    # Titles, not ids: pages with the same title (or none) may come in any order.
    titles = dict(Page.objects.filter(pk__in=found).values_list("pk", title))
    with translation.override(language):
        in_order = Page.objects.filter(pk__in=found).order_by(sign + title)
        assert [titles[pk] for pk in found] == list(in_order.values_list(title, flat=True))


def sidebar_urls(html):
    """Every admin URL in the sidebar's JSON props (menu items, submenus, the search)."""
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    found = []

    def walk(value):
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith("/admin/"):
            found.append(value)

    walk(json.loads(props.group(1)))
    return found


class LinkParser(HTMLParser):
    """The ``href`` of every ``<a>``; Python's own parser is quick on the large edit forms."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def hrefs(html):
    parser = LinkParser()
    parser.feed(html)
    return parser.hrefs


def screen(url):
    """What makes a screen: the view, its sort order, preview mode or export format.

    Ids, filter values, page numbers and return paths do not make a new screen.
    """
    parts = urlsplit(url)
    query = {
        (key, value if key in ("ordering", "mode", "export") else "")
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in ("p", "next")
    }
    return re.sub(r"/\d+/", "/<id>/", parts.path), frozenset(query)


def admin_link(url):
    """``url`` if the crawl should open it: not public pages, logging out or bulk actions."""
    parts = urlsplit(url)
    if parts.netloc or not parts.path.startswith("/admin/"):
        return None
    # Bulk actions get their ids from JavaScript; the table above opens them with ids.
    if parts.path.startswith(("/admin/logout/", "/admin/bulk/")):
        return None
    return url


def crawl(client, start):
    """Open ``start`` and the admin links they show, breadth first, one URL per screen.

    Returns ({url: outcome}, {url: the page that linked to it}).
    """
    seen, found_on, screens_seen = {}, {}, set()
    queue = deque((url, "the sidebar") for url in start)
    while queue:
        url, source = queue.popleft()
        if admin_link(url) is None or screen(url) in screens_seen:
            continue
        assert len(seen) < MAX_URLS, f"the crawl reached {MAX_URLS} URLs: raise MAX_URLS"
        screens_seen.add(screen(url))
        response = client.get(url)
        seen[url], found_on[url] = outcome(response), source
        if "html" in response.get("Content-Type", ""):
            queue.extend((urljoin(url, href), url) for href in hrefs(response.text))
    return seen, found_on


def unexpected(seen, found_on, redirects):
    """Outcomes that are neither 200 nor listed in ``redirects``, with where each was linked."""
    return {
        url: (result, f"linked from {found_on[url]}")
        for url, result in seen.items()
        if result != 200
        and not any(
            re.fullmatch(link, urlsplit(url).path) and re.fullmatch(goal, str(result))
            for link, goal in redirects.items()
        )
    }


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_crawl_from_the_sidebar(objects, role):
    """Every link the sidebar and the screens it leads to show this user opens: 200."""
    client = login(role)
    dashboard = client.get(reverse("wagtailadmin_home"))
    menu = sidebar_urls(dashboard.text)
    banner, records = reverse(f"{BANNER}:list"), reverse("cookie_policy_consent_records")
    insight = reverse("cookie_policy_consent_insight")
    # The menu shows the plugin's items only to users who may open them.
    ours = {banner, records, insight}
    assert ours & set(menu) == (ours if role == "admin" else {banner})
    seen, found_on = crawl(client, [reverse("wagtailadmin_home"), *menu])
    # The move and copy forms link to the parent's edit view, even when it is the root.
    root_edit = reverse("wagtailadmin_pages:edit", args=[Page.get_first_root_node().pk])
    assert unexpected(seen, found_on, {**REDIRECTS, re.escape(root_edit): DASHBOARD}) == {}


@pytest.mark.xfail(
    strict=True,
    reason="Wagtail 8.0 bug, not the plugin's: PageListingMixin drops 'content_type' instead of "
    "its sort key 'content_type__model' while searching; the UI never links to it.",
)
def test_explorer_search_sorted_by_type(home):
    """A hand-typed explorer search sorted by page type: Wagtail answers 500."""
    client = login("admin")
    client.raise_request_exception = False
    url = reverse("wagtailadmin_explore_root")
    assert client.get(url, {"q": "cookie", "ordering": "content_type__model"}).status_code == 200


def test_default_groups_work_with_the_banner(db):
    """Wagtail's default groups get the banner as they get pages: editors write drafts,
    moderators also publish."""
    editors = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    moderators = Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    assert {"add_consentbanner", "change_consentbanner"} <= set(editors)
    assert "publish_consentbanner" not in editors
    assert {"publish_consentbanner", "delete_consentbanner"} <= set(moderators)
