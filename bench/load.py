"""Consent posts under concurrent load on gunicorn: the endpoint against a bare insert.

Both insert into the consent record table; rows are counted before and after every run, so a post
that was answered as accepted but never written shows up.
"""

import http.client
import itertools
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cookie_policy.models import ConsentRecord

# Path and the status that means "recorded".
TARGETS = {"endpoint": ("/en/cookie-consent/", 303), "bare": ("/en/bench/bare-insert/", 200)}
BODY = "choice=all"
WORKERS = 2
# Twice the workers: each worker always has a request queued behind the one it serves.
CLIENTS = 4


@dataclass
class Run:
    statuses: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Totals:
    per_second: list = field(default_factory=list)
    latencies: list = field(default_factory=list)
    accepted: int = 0
    written: int = 0
    refused: Counter = field(default_factory=Counter)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    """Status and seconds of one request; 0 when the connection failed (counted, not retried)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    start = time.perf_counter()
    try:
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - start


# Numbers visitors across every run: no address posts twice.
VISITORS = itertools.count(1)


def visitor(n):
    """The address of the nth visitor, as the trusted proxy in front reports it."""
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


def hammer(port, path, headers, *, concurrency, requests, seconds):
    """POST the decision from ``concurrency`` threads until ``requests`` are sent or time is up,
    each post a new visitor's, as a site's consent posts are (under the default rate limit)."""
    run = Run()
    lock = threading.Lock()
    sent = 0
    deadline = time.monotonic() + seconds

    def client():
        nonlocal sent
        while True:
            with lock:
                if sent >= requests or time.monotonic() > deadline:
                    return
                sent += 1
                number = next(VISITORS)
            status, latency = request(
                port, "POST", path, BODY, {**headers, "X-Forwarded-For": visitor(number)}
            )
            with lock:
                run.statuses[status] += 1
                run.latencies.append(latency)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - start
    return run


class Gunicorn:
    """gunicorn with sync workers on loopback, stopped (or killed) on exit."""

    def __init__(self, port, log):
        self.port, self.log = port, log

    def __enter__(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            [
                gunicorn,
                "cms.wsgi",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
                # Another gunicorn on this machine keeps its control socket.
                "--no-control-socket",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while request(self.port, "GET", "/en/")[0] != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(
                    f"gunicorn did not answer on port {self.port}: see {self.log.name}"
                )
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def p95(values):
    return statistics.quantiles(values, n=20)[18]


def measure(log, *, rounds=9, requests=1200, seconds=12):
    """Totals per target; the first of ``rounds + 1`` rounds warms up and is not timed. Each
    round runs both targets back to back, so a round's two rates share the machine's state."""
    port = free_port()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://127.0.0.1:{port}",
    }
    totals = {name: Totals() for name in TARGETS}
    with Gunicorn(port, log):
        for round_ in range(rounds + 1):
            names = list(TARGETS) if round_ % 2 else list(reversed(TARGETS))
            for name in names:
                path, ok = TARGETS[name]
                before = ConsentRecord.objects.count()
                run = hammer(
                    port, path, headers, concurrency=CLIENTS, requests=requests, seconds=seconds
                )
                total = totals[name]
                total.written += ConsentRecord.objects.count() - before
                total.accepted += run.statuses[ok]
                total.refused.update({s: n for s, n in run.statuses.items() if s != ok})
                if round_:
                    total.per_second.append(run.statuses[ok] / run.seconds)
                    total.latencies.extend(run.latencies)
    return totals
