from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from cms.urls import api_router
from cookie_policy import urls as cookie_policy_urls

from . import views

# The site's patterns (cms/urls.py) with the bench's views added under the language prefix: the
# bare insert right after the consent endpoint, so both pass the same middleware and the same
# patterns before theirs, and before Wagtail's catch-all, which would take them.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    *i18n_patterns(
        path("", include(cookie_policy_urls)),
        path("bench/bare-insert/", views.bare_insert),
        path("cookies/", include("cookie_consent.urls")),
        path("", include(wagtail_urls)),
    ),
]
