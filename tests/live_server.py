"""A live server for tests that scan: this process's site on a free port, sharing the test
database, optionally behind a WSGI wrapper that breaks the site on purpose."""

import threading
from contextlib import contextmanager

from django.db import connections
from django.test.testcases import LiveServerThread


@contextmanager
def live_server(wrap=None, host="localhost"):
    """Serve the site until the block ends, yielding its address; ``wrap(app)`` wraps the WSGI
    application (None: as it is)."""
    # An in-memory SQLite database lives in this thread's connection: the server shares it.
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    wrap = wrap or (lambda app: app)
    # One SQLite connection cannot serve two requests at once ("bad parameter or other API
    # misuse"), and a scan's browser pages ask in parallel: take them one by one.
    serve = (lambda handler: OneAtATime(wrap(handler))) if shared else wrap
    thread = LiveServerThread(host, static_handler=serve, connections_override=shared)
    thread.daemon = True
    for connection in shared.values():
        connection.inc_thread_sharing()
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield f"http://{host}:{thread.port}"
    finally:
        thread.terminate()
        for connection in shared.values():
            connection.dec_thread_sharing()


class OneAtATime:
    """Runs one request at a time through ``app``, its body included."""

    def __init__(self, app):
        self.app, self.lock = app, threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


class Misbehaving:
    """Every HTML page gets ``scripts`` before ``</body>`` and each response ``set_cookie``
    headers, as a site whose template or server sets cookies the policy does not gate."""

    def __init__(self, app, scripts="", set_cookie=()):
        self.app, self.scripts, self.set_cookie = app, scripts.encode(), list(set_cookie)

    def __call__(self, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)
            return lambda data: None

        body = b"".join(self.app(environ, capture))
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
        if any(k.lower() == "content-type" and "text/html" in v for k, v in headers):
            body = body.replace(b"</body>", self.scripts + b"</body>", 1)
            headers += [("Set-Cookie", value) for value in self.set_cookie]
        headers.append(("Content-Length", str(len(body))))
        start_response(captured["status"], headers)
        return [body]
