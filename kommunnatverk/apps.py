from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KommunnatverkConfig(AppConfig):
    name = "kommunnatverk"
    label = "kommunnatverk"
    verbose_name = _("Municipal network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
        from .changes.signal_handlers import register_signal_handlers
        from .content.registry import snippet_models
        from .localisation.editor_tags import show_tags_in_translation_editor
        from .roles.policy import register_policies

        register_signal_handlers()
        show_tags_in_translation_editor()
        # Before wagtail_hooks registers the snippets, which would create Wagtail's default.
        register_policies(*snippet_models())
