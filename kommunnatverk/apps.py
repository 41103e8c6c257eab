from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KommunnatverkConfig(AppConfig):
    name = "kommunnatverk"
    label = "kommunnatverk"
    verbose_name = _("Municipal network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401 - checks registers itself
        from .roles.policy import register_policies
        from .roles.setup import SNIPPET_MODELS

        signals.connect()
        # Before wagtail_hooks registers the snippets, which would create Wagtail's default.
        register_policies(*SNIPPET_MODELS)
