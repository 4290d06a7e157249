"""Frontend-cache backends for tests: one remembers what it was asked to purge, one fails."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


class FailingBackend(BaseBackend):
    """Refuses the connection ``failures`` times, then purges as RecordingBackend does."""

    failures = 0
    attempts = 0

    def purge_batch(self, urls):
        FailingBackend.attempts += 1
        if FailingBackend.attempts <= FailingBackend.failures:
            raise ConnectionRefusedError("the CDN is down")
        PURGED.extend(urls)
