"""The mistake the old README made: Wagtail's catch-all before the language-prefixed patterns."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
urlpatterns += i18n_patterns(path("", include("cookie_policy.urls")))
