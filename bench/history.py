"""The policy page after many publications: views/s after 500 ÷ after 1, side by side.

Two copies of the demo's policy, one published once and one 500 times (each publication
rewording a category, so each adds to the public history), viewed in turns in one process.
"""

import json
import statistics
import time

from django.test import Client
from modeltranslation.utils import build_localized_fieldname

from cookie_policy import changes, languages
from cookie_policy.models import CookiePolicyPage

PUBLICATIONS = 500
TRANSLATED = ("title", "slug", "body")


def copy_of(policy, slug):
    """A new live page under ``policy``'s parent with its texts, published once."""
    names = [
        build_localized_fieldname(name, code) for name in TRANSLATED for code in languages.codes()
    ]
    fields = {name: getattr(policy, name) for name in names}
    fields.update({build_localized_fieldname("slug", code): slug for code in languages.codes()})
    page = CookiePolicyPage(**fields)
    policy.get_parent().add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page


def reword(page, number):
    """Publish ``page`` again with its last category's lifetime reworded in every language."""
    for code in languages.codes():
        name = build_localized_fieldname("body", code)
        blocks = [dict(block) for block in changes.raw_stream(getattr(page, name))]
        category = [block for block in blocks if block["type"] == "category"][-1]
        category["value"]["lifetime"] = f"{number + 1} × 24 h"
        setattr(page, name, json.dumps(blocks))
    page.save_revision(log_action=True).publish()


def measure(*, rounds=11, count=50, budget=120):
    """(seconds to publish, median seconds per view after 1 and after PUBLICATIONS, rounds)."""
    policy = CookiePolicyPage.objects.live().first()
    lone, busy = copy_of(policy, "policy-published-once"), copy_of(policy, "policy-published-often")
    start = time.perf_counter()
    for number in range(PUBLICATIONS - 1):
        reword(busy, number)
        busy = CookiePolicyPage.objects.get(pk=busy.pk)
    publishing = time.perf_counter() - start
    urls = {"lone": lone.get_url(), "busy": busy.get_url()}
    client = Client()
    for url in urls.values():
        if client.get(url).status_code != 200:
            raise RuntimeError(f"GET {url} did not answer 200")
    times = {key: [] for key in urls}
    deadline = time.monotonic() + budget
    for round_ in range(rounds):
        if round_ >= 3 and time.monotonic() > deadline:
            break
        spent = dict.fromkeys(urls, 0.0)
        for turn in range(count):
            for key in list(urls)[turn % 2 :] + list(urls)[: turn % 2]:
                began = time.perf_counter()
                client.get(urls[key])
                spent[key] += time.perf_counter() - began
        for key, seconds in spent.items():
            times[key].append(seconds / count)
    medians = {key: statistics.median(values) for key, values in times.items()}
    return publishing, medians["lone"], medians["busy"], len(times["lone"])
