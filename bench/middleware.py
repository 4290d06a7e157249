from django.middleware.gzip import GZipMiddleware


class StableGZipMiddleware(GZipMiddleware):
    """Pages gzipped as a proxy in front would send them, without Django's BREACH padding (up to
    100 random bytes a response), so a page's byte count is the same on every run."""

    max_random_bytes = 0
