"""The "Content languages" panel of Wagtail's group edit view (Settings → Groups)."""

from django import forms
from django.contrib.auth.models import Group
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ..models import GroupLocalePermission


class LocaleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Locale) -> str:
        return obj.get_display_name()


class GroupLocalePermissionForm(forms.Form):
    """A checkbox per locale; Wagtail calls ``is_valid``, ``save`` and ``as_admin_panel``."""

    template_name = "kommunnatverk/admin/group_locale_permissions.html"

    locales = LocaleChoiceField(
        queryset=Locale.objects.order_by("language_code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Content languages"),
        help_text=_(
            "Members may create, edit, publish, copy, move, delete and translate pages and "
            "snippets (such as goals and organisations) only in the ticked languages, and "
            "their page permissions above count only in those languages. Leave all "
            "unticked to not restrict by language."
        ),
    )

    def __init__(self, *args, instance: Group | None = None, **kwargs) -> None:
        kwargs.setdefault("prefix", "kommunnatverk_locales")
        # The add view has no group yet on GET, and an unsaved one on POST until it saves.
        self.instance = instance
        if instance is not None and instance.pk is not None:
            kwargs["initial"] = {
                "locales": list(self._existing().values_list("locale_id", flat=True))
            }
        super().__init__(*args, **kwargs)

    def _existing(self):
        return GroupLocalePermission.objects.filter(group=self.instance)

    @transaction.atomic
    def save(self) -> None:
        chosen = {locale.pk for locale in self.cleaned_data["locales"]}
        existing = set(self._existing().values_list("locale_id", flat=True))
        self._existing().exclude(locale_id__in=chosen).delete()
        GroupLocalePermission.objects.bulk_create(
            GroupLocalePermission(group=self.instance, locale_id=locale_id)
            for locale_id in chosen - existing
        )

    def as_admin_panel(self) -> str:
        return render_to_string(
            self.template_name,
            {"form": self, "heading": _("Content languages"), "panel_id": "content-languages"},
        )
