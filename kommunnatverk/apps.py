from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KommunnatverkConfig(AppConfig):
    name = "kommunnatverk"
    label = "kommunnatverk"
    verbose_name = _("Municipal network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401 - checks registers itself

        signals.connect()
