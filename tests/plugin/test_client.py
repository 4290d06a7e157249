"""The client module for frontends on other origins (cookie_policy/client/cookie-policy.mjs) in
Node, against tests/consent_vectors.json: the table the server (test_consent_vectors.py) and
the banner script (tests/browser/test_consent_vectors.py) run. Its rules come from the same
configuration the API serves (policy_data.config), never from the module itself."""

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.test import override_settings

from cookie_policy import consent
from cookie_policy.policy_data import config
from tests.vectors import ACCEPT_DAYS, REJECT_DAYS, VECTORS, cookie_value

CLIENT = Path(consent.__file__).parent / "client" / "cookie-policy.mjs"
RUNNER = Path(__file__).parent / "client_vectors.mjs"
KEYS = ["necessary", "functional", "analytics", "advertising", "other"]
VERSION = 3
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


@pytest.fixture(scope="module")
def verdicts():
    """The client's verdict on every vector, from one run of Node."""
    policy = {
        "version": VERSION,
        "required": ["necessary"],
        "categories": [{"key": key, "cookies": [], "required": key == "necessary"} for key in KEYS],
    }
    with override_settings(
        COOKIE_POLICY_ACCEPT_DAYS=ACCEPT_DAYS, COOKIE_POLICY_REJECT_DAYS=REJECT_DAYS
    ):
        settings_for_script = config(policy)
    now = int(time.time())
    cases = {
        "module": CLIENT.as_uri(),
        "config": settings_for_script,
        "now": now,
        # The raw header, as a server reads it (and document.cookie reads alike).
        "cookies": [
            f"sessionid=abc; cookie_consent={cookie_value(v, now, VERSION)}; lang=en"
            for v in VECTORS["cookies"]
        ],
        "lifetimes": [v["granted"] for v in VECTORS["lifetimes"]],
        "methods": VECTORS["methods"],
        # The API's config carries each declared name as its pattern, as the banner's does.
        "names": [
            {"pattern": consent.cookie_pattern(v["declared"]), "cookie": v["cookie"]}
            for v in VECTORS["names"]
        ],
        "domains": VECTORS["domains"],
    }
    run = subprocess.run(  # noqa: S603 - node and our own script
        [NODE, str(RUNNER)], input=json.dumps(cases), capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("index", range(len(VECTORS["cookies"])))
def test_cookie_validity(verdicts, index):
    vector = VECTORS["cookies"][index]
    assert verdicts["cookies"][index] is vector["valid"], vector["why"]


@pytest.mark.parametrize("index", range(len(VECTORS["lifetimes"])))
def test_lifetime(verdicts, index):
    vector = VECTORS["lifetimes"][index]
    expected = {"accept": ACCEPT_DAYS, "reject": REJECT_DAYS}[vector["lifetime"]]
    assert verdicts["lifetimes"][index] == expected, vector["why"]


@pytest.mark.parametrize("index", range(len(VECTORS["methods"])))
def test_method(verdicts, index):
    vector = VECTORS["methods"][index]
    found = verdicts["methods"][index]
    assert (found["method"], found["granted"]) == (vector["method"], vector["granted"]), vector[
        "why"
    ]


@pytest.mark.parametrize("index", range(len(VECTORS["names"])))
def test_refusal_deletes(verdicts, index):
    vector = VECTORS["names"][index]
    assert verdicts["names"][index] is vector["deleted"], vector["why"]


@pytest.mark.parametrize("index", range(len(VECTORS["domains"])))
def test_cookie_domain(verdicts, index):
    vector = VECTORS["domains"][index]
    assert verdicts["domains"][index] == vector["used"], vector["why"]


def test_cookie_attributes_name_the_shared_domain():
    """The client writes the consent cookie on the shared domain where it covers the host."""
    script = f"""
    import {{ cookieAttributes }} from {json.dumps(CLIENT.as_uri())};
    const config = {{ required: ["necessary"], acceptDays: 10, rejectDays: 5,
      domain: "example.by" }};
    console.log(JSON.stringify([
      cookieAttributes(config, ["necessary"], {{ host: "shop.example.by", secure: true }}),
      cookieAttributes(config, ["necessary"], {{ host: "localhost" }}),
    ]));
    """
    run = subprocess.run(  # noqa: S603 - node and our own script
        [NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [
        "Path=/; SameSite=Lax; Max-Age=432000; Domain=example.by; Secure",
        "Path=/; SameSite=Lax; Max-Age=432000",
    ]


def test_copies_that_disagree_are_no_decision():
    """Checked in Node too: two consent cookies that disagree are no decision."""
    script = f"""
    import {{ readConsent }} from {json.dumps(CLIENT.as_uri())};
    const config = {{ cookie: "cookie_consent", format: {json.dumps(consent.COOKIE_PATTERN)},
      version: 1, categories: ["necessary", "analytics"], required: ["necessary"],
      acceptDays: 10, rejectDays: 10 }};
    const now = 1764100000;
    const a = `cookie_consent=1:1:analytics+necessary:${{now}}:AAAAAAAAAAAAAAAAAAAAAA`;
    const b = `cookie_consent=1:1:necessary:${{now}}:AAAAAAAAAAAAAAAAAAAAAA`;
    console.log(JSON.stringify([readConsent(config, `${{a}}; ${{b}}`, now),
      readConsent(config, `${{a}}; ${{a}}`, now)?.granted]));
    """
    run = subprocess.run(  # noqa: S603 - node and our own script
        [NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [None, ["analytics", "necessary"]]
