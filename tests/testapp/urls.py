"""URLs as the README tells a site to write them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter

from cookie_policy import urls as cookie_policy_urls
from cookie_policy.api_v2 import CookiePolicyAPIViewSet

# Wagtail's API v2, with the cookie policy for frontends on other origins: /api/v2/cookie-policy/.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("cookie-policy", CookiePolicyAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
]

urlpatterns += i18n_patterns(
    path("", include(cookie_policy_urls)),
    path("", include(wagtail_urls)),
)
