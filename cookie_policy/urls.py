from django.urls import path

from . import views

app_name = "cookie_policy"

urlpatterns = [
    path("cookie-consent/", views.consent_view, name="consent"),
    path("cookie-consent/receipt/", views.receipt_view, name="consent_receipt"),
]
