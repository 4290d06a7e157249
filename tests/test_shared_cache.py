"""Two processes sharing Redis and PostgreSQL: a publish in one is seen at once by the other."""

import os
import subprocess
import sys
import uuid

import pytest
from django.db import connection

from cms.settings.base import redis_caches
from cookie_policy.models import ConsentBanner
from tests.utils import (
    database_url_for_another_process,
    make_banner,
    make_cookie_policy_page,
    make_home_page,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a database shared between processes"
    ),
]

# The other process: for each line read, print the banner's English accept label.
READER = """
import sys, django
django.setup()
from django.test import RequestFactory
from django.utils import translation
from cookie_policy import banner_cache
for _line in sys.stdin:
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        html = banner_cache.state(request)["html"]
    print("Allow everything" in html, "cc-banner" in html, flush=True)
"""


def test_publish_in_one_process_clears_the_banner_in_another(settings, tmp_path):
    prefix = f"t{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "REDIS_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "CACHE_KEY_PREFIX": prefix,
        "DATABASE_URL": database_url_for_another_process(tmp_path),
    }
    settings.CACHES = redis_caches(env["REDIS_URL"], prefix)
    make_banner()
    make_cookie_policy_page(make_home_page())
    reader = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", READER],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert _ask(reader) == "False True"  # renders and caches the current banner
        banner = ConsentBanner.objects.get()
        banner.accept_label_en = "Allow everything"
        banner.save_revision().publish()  # this process drops the shared entry
        assert _ask(reader) == "True True"
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)


def _ask(process):
    process.stdin.write("render\n")
    process.stdin.flush()
    return process.stdout.readline().strip()
