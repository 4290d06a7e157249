"""Generated hostile input against the consent endpoint and pages: never a 500."""

from urllib.parse import urlencode

from django.core.cache import cache
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from cookie_policy.models import ConsentRecord
from tests.utils import make_banner, make_cookie_policy_page, make_home_page

FIELDS = ["choice", "granted", "consent_id", "version", "method", "gpc"]
text = st.text(max_size=60)
values = st.one_of(
    st.sampled_from(["all", "none", "custom", "necessary", "analytics", "1", "gpc", "withdrawal"]),
    text,
)
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS) | text, st.lists(values, max_size=3), max_size=6).map(
        lambda d: urlencode(d, doseq=True)
    ),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ORIGIN": st.sampled_from(["http://testserver", "https://evil.example", "null", ""]),
        "HTTP_SEC_FETCH_SITE": st.sampled_from(["same-origin", "cross-site", "none", ""]),
        "HTTP_SEC_GPC": st.sampled_from(["1", "0", "yes"]),
        "HTTP_ACCEPT": st.sampled_from(["application/json", "text/html", "*/*"]),
        "HTTP_REFERER": st.sampled_from(["http://testserver/en/", "javascript:alert(1)", "//x"]),
    },
)
content_types = st.sampled_from(
    ["application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data"]
)
# HTTP headers are bytes, read by WSGI as latin-1.
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=250)
cookies = st.one_of(
    header_text,
    st.builds(
        lambda v, k, t, i: f"1:{v}:{k}:{t}:{i}",
        st.integers(-5, 5),
        st.sampled_from(["", "necessary", "necessary+analytics", "analytics", "x+y"]),
        st.integers(-(10**12), 10**13),
        st.text("abcXYZ019_-", min_size=10, max_size=40),
    ),
)


@override_settings(COOKIE_POLICY_RATE_LIMIT_PER_MINUTE=10**9)
class EndpointFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_banner()
        make_cookie_policy_page(make_home_page())

    def setUp(self):
        cache.clear()

    @settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(body=bodies, extra=headers, content_type=content_types, cookie=cookies)
    def test_endpoint_never_fails_and_never_records_a_refusal(
        self, body, extra, content_type, cookie
    ):
        """Whatever arrives: a 2xx/3xx with one record, or a 4xx with a reason and none."""
        client = Client()
        client.cookies["cookie_consent"] = cookie
        before = ConsentRecord.objects.count()
        response = client.post("/en/cookie-consent/", body, content_type=content_type, **extra)
        written = ConsentRecord.objects.count() - before
        assert response.status_code < 500
        if response.status_code >= 400:
            assert written == 0
            assert response.json()["error"]
        else:
            assert written == 1

    @settings(max_examples=300, deadline=None)
    @given(
        cookie=cookies, path=st.sampled_from(["/en/", "/ru/cookie-policy/", "/en/cookie-consent/"])
    )
    def test_pages_render_whatever_the_cookie(self, cookie, path):
        """A forged or broken consent cookie never breaks a page."""
        client = Client()
        client.cookies["cookie_consent"] = cookie
        assert client.get(path).status_code == 200
