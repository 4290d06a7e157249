"""Template loaders that let the bench change base.html from one view to the next.

Outside the page bench no variant is set, and they load exactly what Django's defaults load.
"""

from contextvars import ContextVar

from django.template.loaders import cached, filesystem

VARIANT = ContextVar("variant", default=None)
# Variant name -> the folder whose base.html stands in for the site's (filled in by bench.pages).
FOLDERS = {}


class Loader(filesystem.Loader):
    """The site's template folders, behind the current variant's folder."""

    def get_dirs(self):
        folder = FOLDERS.get(VARIANT.get())
        return [folder, *super().get_dirs()] if folder else super().get_dirs()


class CachedLoader(cached.Loader):
    """Django's cached loader with one cache per variant, so none is compiled twice."""

    def cache_key(self, template_name, skip=None):
        return f"{VARIANT.get()}:{super().cache_key(template_name, skip)}"
