"""The cookie scan of the demo: every page in every language, in every consent state, timed as
`manage.py scan_cookies --serve` runs it (Chromium, four pages at once)."""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The bound for the demo's scan on this machine.
BUDGET_SECONDS = 120


def measure(log, bounded):
    """(seconds, report): one scan of the demo through the command, its JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "scan.json"
        start = time.perf_counter()
        try:
            bounded(
                [sys.executable, "manage.py", "scan_cookies", "--serve", "--json", str(target)],
                BUDGET_SECONDS * 3,
                cwd=ROOT,
                stdout=log,
                stderr=log,
            )
        except subprocess.CalledProcessError:
            pass  # violations exit 2: the row says how many
        except subprocess.TimeoutExpired:
            return time.perf_counter() - start, None  # the row says so; the rest still runs
        seconds = time.perf_counter() - start
        return seconds, json.loads(target.read_text(encoding="utf-8"))
