import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts without cached banners or rate-limit counters: a publish inside a test's
    transaction clears them only on a commit that never comes; nor this process's copies."""
    from cookie_policy import banner_cache, rate_limit

    cache.clear()
    banner_cache.clear()
    rate_limit.counter.forget()
    yield
    cache.clear()
    banner_cache.clear()
    rate_limit.counter.forget()


@pytest.fixture
def home(db):
    # Imported here: tests/plugin runs without the demo, whose builders import cms.
    from tests.utils import make_home_page

    return make_home_page()


@pytest.fixture
def policy(home):
    """The published policy page and a live banner."""
    from tests.utils import make_banner, make_cookie_policy_page

    make_banner()
    return make_cookie_policy_page(home)


@pytest.fixture
def start_server(transactional_db, django_db_serialized_rollback, settings):
    """Start a real server process on the test database, which holds the demo's content:
    ``start_server("runserver")`` answers its address ("gunicorn" by default)."""
    import uuid
    from contextlib import ExitStack
    from io import StringIO

    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection

    from cms.settings.base import redis_caches
    from tests.server import REDIS_URL, serve

    if connection.vendor != "postgresql":
        pytest.skip("a server process shares the test database on PostgreSQL only")
    prefix = f"t{uuid.uuid4().hex[:8]}"
    # The server's cache: a publish here reaches it, and a test may expire its entries.
    settings.CACHES = redis_caches(REDIS_URL, prefix)
    call_command("load_content", stdout=StringIO())
    with ExitStack() as servers:
        yield lambda kind="gunicorn": servers.enter_context(serve(kind, prefix))
    caches["redis"].delete_pattern("*")


@pytest.fixture
def purged(settings, monkeypatch):
    """A frontend cache that records the URLs purged, the purge run inline and retried at once
    (it runs in a thread of its own otherwise): the list of URLs purged."""
    from cookie_policy import frontend_cache
    from tests.frontend_cache_backend import PURGED, FailingBackend

    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.frontend_cache_backend.RecordingBackend"}
    }
    monkeypatch.setattr(frontend_cache, "in_background", lambda job: job())
    monkeypatch.setattr(frontend_cache, "RETRY_SECONDS", (0, 0, 0))
    PURGED.clear()
    FailingBackend.failures = FailingBackend.attempts = 0
    return PURGED
