"""The test app with a single language: a site that is not multilingual can install the plugin."""

from .settings import *  # noqa: F403

LANGUAGES = [("en", "English")]
