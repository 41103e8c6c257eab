"""Which content languages a group may work in.

Wagtail's snippet permissions are per model, so "edit goals" means goals in every
language. A row here narrows that for the group's members: see ``kommunnatverk.roles``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupLocalePermission(models.Model):
    """ "Members of this group may edit content in this language."

    A user whose groups have no rows at all is not restricted, so sites that never set
    languages keep working as before; superusers are never restricted.
    """

    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("group"),
        related_name="kommunnatverk_locale_permissions",
        on_delete=models.CASCADE,
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("locale"),
        related_name="+",
        on_delete=models.CASCADE,
    )

    class Meta:
        verbose_name = _("group language permission")
        verbose_name_plural = _("group language permissions")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "locale"], name="kommunnatverk_group_locale_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} → {self.locale}"
