"""Small helpers for the browser journeys: visible texts per language and the consent cookie."""

import re

CATEGORIES = ["advertising", "analytics", "functional", "necessary", "other"]
SIGNED_IN = re.compile(r"/admin/$")
CONSENT_COOKIE = re.compile(r"^1:\d+:[a-z_+]+:\d+:[A-Za-z0-9_-]{22}$")

TEXT = {
    "en": {
        "banner_title": "Cookies on this site",
        "accept": "Accept all",
        "reject": "Reject all",
        "settings": "Settings",
        "save": "Save choices",
        "settings_title": "Cookie settings",
        "footer_link": "Cookie settings",
        "allow_once": "Allow once",
        "always_allow": "Always allow",
        "analytics": "Analytical cookies",
        "gpc_note": "Your browser sends a Global Privacy Control signal",
        "no_choice_yet": "You have not made a choice yet.",
        "language_name": "English",
    },
    "ru": {
        "banner_title": "Файлы cookie на этом сайте",
        "accept": "Принять все",
        "reject": "Отклонить все",
        "settings": "Настройки",
        "save": "Сохранить выбор",
        "settings_title": "Настройки файлов cookie",
        "footer_link": "Настройки файлов cookie",
        "allow_once": "Разрешить один раз",
        "always_allow": "Разрешать всегда",
        "analytics": "Аналитические файлы cookie",
        "gpc_note": "Ваш браузер передаёт сигнал Global Privacy Control",
        "no_choice_yet": "Вы ещё не сделали выбор.",
        "language_name": "Русский",
    },
}


def sign_in(page, username, password):
    """Sign in through Wagtail's login form and wait for the dashboard."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(SIGNED_IN)


def cookies_by_name(context):
    return {cookie["name"]: cookie for cookie in context.cookies()}


def consent_value(context):
    """The raw consent cookie, or None."""
    cookie = cookies_by_name(context).get("cookie_consent")
    return cookie["value"] if cookie else None


def granted(context):
    """The sorted category keys the consent cookie grants (asserting its format first)."""
    value = consent_value(context)
    assert value is not None, "no consent cookie"
    assert CONSENT_COOKIE.match(value), value
    return value.split(":")[2].split("+")


def is_consent_post(response):
    return response.request.method == "POST" and "/cookie-consent/" in response.url


def analytics_runs(page):
    """How often the gated demo analytics script ran on this page load (None: never)."""
    return page.evaluate("window.softproAnalyticsRuns")


def banner(page, lang):
    """The script-driven banner, found as a user of assistive technology finds it."""
    return page.get_by_role("region", name=TEXT[lang]["banner_title"])


def dialog(page, lang):
    return page.get_by_role("dialog", name=TEXT[lang]["settings_title"])


def youtube_requests(offsite):
    return [url for url in offsite if "youtube" in url]


def visit(page, path):
    """Open ``path`` and wait until the banner script has run (it defines window.cookieConsent)."""
    page.goto(path)
    page.wait_for_function("() => window.cookieConsent !== undefined")


def decided(page):
    return page.evaluate("window.cookieConsent.decided()")


class Clicks:
    """Clicks through, counting them: withdrawing must be as easy as consenting."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        locator.click()
        self.count += 1
