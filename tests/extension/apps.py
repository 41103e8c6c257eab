from django.apps import AppConfig


class ExtensionConfig(AppConfig):
    """A site's own app extending a package page type, the documented way."""

    name = "tests.extension"
    label = "extension"
    default_auto_field = "django.db.models.BigAutoField"
