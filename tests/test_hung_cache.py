"""A cache server that accepts connections and never answers, behind a real gunicorn process.

Before the circuit breaker every page view waited out six cache calls on such a server, every
consent post eight. Now the first call that finds it hung opens the breaker, and until the pause
ends nothing else in the process asks it: the site works as with no cache at all.
"""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.utils import (
    database_url_for_another_process,
    make_banner,
    make_cookie_policy_page,
    make_home_page,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROOT = Path(__file__).resolve().parent.parent
FORM = "application/x-www-form-urlencoded"


class HungServer:
    """Accepts every connection and reads what it is sent; never answers."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.received = 0
        self.lock = threading.Lock()
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                conn, _address = self.listener.accept()
            except OSError:  # closed
                return
            with self.lock:
                self.connections += 1
                self.held.append(conn)
            threading.Thread(target=self.read, args=(conn,), daemon=True).start()

    def read(self, conn):
        try:
            while chunk := conn.recv(65536):
                with self.lock:
                    self.received += len(chunk)
        except OSError:
            pass

    def contact(self):
        with self.lock:
            return self.connections, self.received

    def close(self):
        self.listener.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def hung_cache():
    server = HungServer()
    yield server
    server.close()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def site(hung_cache, tmp_path):
    """gunicorn with one sync worker, as in production, its cache at the hung server."""
    make_banner()
    make_cookie_policy_page(make_home_page())
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url_for_another_process(tmp_path),
        "REDIS_URL": f"redis://127.0.0.1:{hung_cache.port}/0",
    }
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        wait_for(lambda: listening(port), "gunicorn to listen", server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def wait_for(condition, what, server=None, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if server is not None and server.poll() is not None:
            pytest.fail(f"the server exited while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def fetch(port, path, body=None, **headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST" if body else "GET", path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


def test_after_one_stalled_call_nothing_asks_the_hung_cache(site, hung_cache):
    """Pages render with the banner and posts are recorded; only the first call reached it."""
    status, _headers, html = fetch(site, "/en/")
    assert status == 200
    assert 'id="cc-banner"' in html
    # The first cache call of the first page view connected and sent its command.
    wait_for(lambda: hung_cache.contact() >= (1, 1), "the first call to reach the hung cache")
    first = hung_cache.contact()
    assert first[0] == 1

    for path in ["/en/", "/ru/", "/en/cookie-policy/", "/ru/cookie-policy/", "/en/missing/"] * 2:
        status, _headers, html = fetch(site, path)
        assert status in (200, 404), path
        assert 'id="cc-banner"' in html, path
    for choice in ("all", "none", "all"):
        status, headers, _body = fetch(
            site,
            "/en/cookie-consent/",
            f"choice={choice}",
            Origin=f"http://127.0.0.1:{site}",
            **{"Content-Type": FORM},
        )
        assert status == 303
        assert any(v.startswith("cookie_consent=") for k, v in headers if k == "Set-Cookie")
    time.sleep(0.2)  # a connection still in the listener's backlog would be counted by now
    assert hung_cache.contact() == first
