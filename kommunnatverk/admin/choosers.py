"""Chooser modals that show enough of each item to pick the right one.

Wagtail's snippet chooser lists only the title, locale and status. These add the columns an
editor tells goals, organisations and sidebars apart by. The locale filter stays Wagtail's
own: the chooser opens with ``?locale=`` set to the language of the page being edited, so it
lists that language's items, and the editor can switch the filter to another language.

Wagtail 8's ``ChooserViewSet`` sets its labels with the eager ``gettext`` when the module is
imported, so a modal titled in the site's default language ("Välj") greets an editor whose
admin is English, followed by the model's name in English. Every snippet chooser of the
package uses :class:`TranslatedSnippetChooserViewSet`, whose labels are lazy.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from .columns import (
    CONTACT_COUNT,
    GOAL_COUNT,
    StatusColumn,
    colour_column,
    contact_count_column,
    for_columns,
    framework_column,
    goal_count_column,
    kind_column,
    parent_column,
    sidebar_title_column,
)


class TranslatedSnippetChooserViewSet(SnippetChooserViewSet):
    """Wagtail's snippet chooser, with its labels in the language of each request."""

    choose_one_text = _("Choose")
    page_title = _("Choose")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")


class LanguageFilterMixin:
    """Wagtail's chooser gives its locale filter no label, so Django shows the field name,
    "Locale", in every language: this one calls it what the listings call it."""

    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = _("Language")
        return form


class ExtraColumnsMixin(LanguageFilterMixin):
    """Puts ``extra_columns`` after the title; ``related`` and ``annotations`` keep it to
    one query per page of results."""

    related: tuple[str, ...] = ()
    annotations: dict = {}

    def extra_columns(self) -> list[Column]:
        return []

    def get_object_list(self):
        return for_columns(super().get_object_list(), self.related, self.annotations)

    @property
    def columns(self) -> list[Column]:
        title, *others = super().columns
        others = [
            StatusColumn(sort_key=None) if isinstance(column, LiveStatusTagColumn) else column
            for column in others
        ]
        return [title, *self.extra_columns(), *others]


def chooser_viewset_class(
    name: str, *, columns, related: tuple[str, ...] = (), annotations: dict | None = None
) -> type[SnippetChooserViewSet]:
    """A chooser viewset whose modal and its search results show ``columns()``."""
    attrs = {
        "related": related,
        "annotations": annotations or {},
        "extra_columns": lambda self: columns(),
    }
    mixin = type(f"{name}ChooserColumns", (ExtraColumnsMixin,), attrs)
    return type(
        f"{name}ChooserViewSet",
        (TranslatedSnippetChooserViewSet,),
        {
            "choose_view_class": type(f"{name}ChooseView", (mixin, ChooseView), {}),
            "choose_results_view_class": type(
                f"{name}ChooseResultsView", (mixin, ChooseResultsView), {}
            ),
        },
    )


def _unsorted(*columns: Column) -> list[Column]:
    # The chooser's table has no sorting links; a sort key would only draw a dead header.
    for column in columns:
        column.sort_key = None
    return list(columns)


GoalFrameworkChooserViewSet = chooser_viewset_class(
    "GoalFramework", columns=lambda: _unsorted(goal_count_column()), annotations=GOAL_COUNT
)
GoalChooserViewSet = chooser_viewset_class(
    "Goal",
    columns=lambda: _unsorted(colour_column(), framework_column()),
    related=("framework",),
)
OrganisationChooserViewSet = chooser_viewset_class(
    "Organisation",
    columns=lambda: _unsorted(kind_column(), parent_column()),
    related=("parent",),
)
ContactSidebarChooserViewSet = chooser_viewset_class(
    "ContactSidebar",
    columns=lambda: _unsorted(sidebar_title_column(), contact_count_column()),
    annotations=CONTACT_COUNT,
)
NetworkTagChooserViewSet = chooser_viewset_class("NetworkTag", columns=lambda: [])
