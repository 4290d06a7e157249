from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """The site the plugin's own suite runs on: a base template and URLs, nothing of the demo."""

    name = "tests.testapp"
    label = "testapp"
