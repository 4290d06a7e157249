"""A real server process on the test database, and an outage of that database.

The process shares the test database (PostgreSQL only), so a test sees the records it writes;
like production, it caches in Redis, under a key prefix of its own.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

import psycopg
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# How each server is started: its command and settings.
SERVERS = {
    # Production's server, with DEBUG off.
    "gunicorn": (["-m", "gunicorn", "cms.wsgi", "--workers", "1", "--bind"], "cms.settings.test"),
    # `make run`: Django's development server, with DEBUG on.
    "runserver": (["manage.py", "runserver", "--noreload"], "cms.settings.dev"),
}


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(kind, cache_prefix):
    """Run server ``kind`` until the block ends, yielding its address once it answers."""
    args, settings_module = SERVERS[kind]
    address = f"127.0.0.1:{free_port()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
    }
    # A file, not a pipe: runserver logs every request, and a full pipe would stall it.
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and project
            [sys.executable, *args, address], cwd=ROOT, env=env, stdout=log, stderr=log
        )
        url = f"http://{address}"
        try:
            wait_until_up(process, url, log)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def wait_until_up(process, url, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server exited:\n{log.read()}")
        try:
            with urlopen(f"{url}/en/", timeout=5):  # noqa: S310 - our own server
                return
        except HTTPError:
            return  # it answers
        except (URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} seconds")


@contextmanager
def outage():
    """The database drops every connection but this test's own and refuses new ones."""
    db = connection.settings_dict
    name = db["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [ours] = cursor.fetchone()
    # A database cannot be closed to connections from a connection to itself.
    admin = psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    database = connection.ops.quote_name(name)
    with admin:
        admin.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> %s",
            [name, ours],
        )
        try:
            yield
        finally:
            admin.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
