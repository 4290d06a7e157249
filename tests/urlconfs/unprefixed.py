"""The plugin's URLs outside i18n_patterns: one consent URL for every language."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include("cookie_policy.urls"))]
urlpatterns += i18n_patterns(path("", include(wagtail_urls)))
