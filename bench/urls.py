from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from cms.urls import urlpatterns as site_urlpatterns

from . import views

# Under the language prefix like the consent endpoint, so both pass the same middleware; ahead of
# the site's patterns, whose Wagtail catch-all would take them.
urlpatterns = [
    *i18n_patterns(
        path("bench/bare-insert/", views.bare_insert),
        path("cookies/", include("cookie_consent.urls")),
    ),
    *site_urlpatterns,
]
