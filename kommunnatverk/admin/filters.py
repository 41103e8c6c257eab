"""Listing filters: status and framework, beside the language filter Wagtail adds itself."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import DraftStateMixin

from ..models import ContactSidebar, Goal, GoalFramework, Organisation


class LiveFilter(django_filters.ChoiceFilter):
    """Published or not, as Wagtail's page listing filters "has child pages".

    Wagtail gives draft-state snippets no status filter of its own; a plain BooleanFilter
    on ``live`` would label the active filter "False" whatever the editor's language.
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", capfirst(DraftStateMixin._meta.get_field("live").verbose_name))
        kwargs.setdefault("empty_label", _("All"))
        kwargs.setdefault("choices", [("true", _("Yes")), ("false", _("No"))])
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if value in ("true", "false"):
            return qs.filter(live=value == "true")
        return qs


class PublishableFilterSet(WagtailFilterSet):
    live = LiveFilter()


class FrameworkChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj: GoalFramework) -> str:
        # Agenda 2030 exists once per language; name the language to tell them apart.
        return f"{obj} ({obj.locale.get_display_name()})"


class FrameworkFilter(django_filters.ModelChoiceFilter):
    field_class = FrameworkChoiceField


def frameworks_in_listed_language(request) -> QuerySet:
    """The frameworks of the language the listing shows, or of every language."""
    frameworks = GoalFramework.objects.select_related("locale").order_by("title")
    if request is not None and (language := request.GET.get("locale")):
        frameworks = frameworks.filter(locale__language_code=language)
    return frameworks


class GoalFilterSet(PublishableFilterSet):
    framework = FrameworkFilter(
        label=capfirst(Goal._meta.get_field("framework").verbose_name),
        queryset=frameworks_in_listed_language,
    )

    class Meta:
        model = Goal
        fields = ["framework", "live"]


class GoalFrameworkFilterSet(PublishableFilterSet):
    class Meta:
        model = GoalFramework
        fields = ["live"]


class OrganisationFilterSet(PublishableFilterSet):
    class Meta:
        model = Organisation
        fields = ["kind", "live"]


class ContactSidebarFilterSet(PublishableFilterSet):
    class Meta:
        model = ContactSidebar
        fields = ["live"]
