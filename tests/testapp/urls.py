"""URLs as the README tells a site to write them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from cookie_policy import urls as cookie_policy_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
]

urlpatterns += i18n_patterns(
    path("", include(cookie_policy_urls)),
    path("", include(wagtail_urls)),
)
