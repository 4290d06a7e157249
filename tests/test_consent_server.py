"""The consent endpoint behind a real server process, under DEBUG (`make run`) and without it:
odd requests get the documented answers."""

import json
from http.client import HTTPConnection
from urllib.parse import urlsplit

import pytest

from cookie_policy.models import ConsentRecord

PATH = "/en/cookie-consent/"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(params=["gunicorn", "runserver"])
def url(request, start_server):
    return start_server(request.param)


def call(url, method="GET", body=None, **headers):
    """Send one request as written, returning (status, headers, body)."""
    connection = HTTPConnection(urlsplit(url).netloc, timeout=30)
    try:
        connection.request(method, PATH, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def post(url, body, content_type=FORM, **headers):
    return call(url, "POST", body, Origin=url, **{"Content-Type": content_type, **headers})


def refusal(answer):
    """The reason of a documented JSON refusal, after checking that it is one."""
    status, headers, body = answer
    assert headers["Content-Type"] == "application/json", (status, body[:200])
    assert "cookie_consent" not in headers.get("Set-Cookie", "")
    return status, json.loads(body)["error"]


def test_odd_requests_get_a_json_refusal(url):
    """Whatever the charset, method or size, the endpoint refuses in JSON and writes nothing."""
    answers = {
        "utf-16 form": post(url, "choice=all".encode("utf-16"), f"{FORM}; charset=utf-16"),
        "latin-1 form": post(url, b"choice=all", f"{FORM}; charset=latin-1"),
        "too many fields": post(url, b"choice=all" + b"&" * 1500),
        "JSON body": post(url, b'{"choice": "all"}', "application/json"),
        "too large": post(url, b"choice=all&x=" + b"x" * 3000),
        "cross-site": call(url, "POST", b"choice=all", **{"Content-Type": FORM}),
    }
    statuses = {why: refusal(answer)[0] for why, answer in answers.items()}
    assert statuses == {
        "utf-16 form": 400,
        "latin-1 form": 400,
        "too many fields": 400,
        "JSON body": 415,
        "too large": 413,
        "cross-site": 403,
    }
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS"):
        answer = call(url, method)
        assert refusal(answer)[0] == 405
        assert answer[1]["Allow"] == "GET, HEAD, POST"
    assert ConsentRecord.objects.count() == 0


def test_a_utf8_form_is_recorded(url):
    """The charset a browser may name is accepted."""
    status, headers, _body = post(url, b"choice=none", f"{FORM}; charset=UTF-8")
    assert status == 303
    assert "cookie_consent=1:" in headers["Set-Cookie"]
    assert ConsentRecord.objects.get().method == "reject_all"


def test_head_answers_as_get(url):
    """HEAD gets GET's status and headers, without the page."""
    got_status, got_headers, page = call(url)
    status, headers, body = call(url, "HEAD")
    assert (status, got_status) == (200, 200)
    assert b"<form" in page
    assert body == b""
    assert headers["Content-Type"] == got_headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == got_headers["Cache-Control"]
