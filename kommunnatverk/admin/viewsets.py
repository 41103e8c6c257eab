"""The "Kommunnätverk" menu: one listing per snippet, with columns, filters and export."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import ContactSidebar, Goal, GoalFramework, NetworkTag, Organisation
from .choosers import (
    ContactSidebarChooserViewSet,
    GoalChooserViewSet,
    GoalFrameworkChooserViewSet,
    NetworkTagChooserViewSet,
    OrganisationChooserViewSet,
)
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
from .filters import (
    ContactSidebarFilterSet,
    GoalFilterSet,
    GoalFrameworkFilterSet,
    OrganisationFilterSet,
)

STATUS_HEADINGS = {"locale": _("Language"), "status_string": _("Status")}


def status_columns() -> list:
    """What Wagtail shows by default after the title: language, last change, status.

    The listings' columns are made once, at import; Wagtail's default labels would be
    translated then, into the site's language, and stay so for every editor."""
    return [language_column(), UpdatedAtColumn(label=_("Updated")), StatusColumn()]


def language_column() -> LocaleColumn:
    return LocaleColumn(label=_("Language"))


class PublishableSnippetViewSet(SnippetViewSet):
    """Reads each page of a listing and its export in one query.

    ``related`` are followed with ``select_related``, as are ``latest_revision`` (the title
    column shows the latest draft's title) and ``locale`` (wagtail-localize's listing
    buttons read it).
    """

    related: tuple[str, ...] = ()
    annotations: dict = {}

    def get_queryset(self, request):
        related = ("latest_revision", "locale", *self.related)
        return for_columns(self.model._default_manager.all(), related, self.annotations)


class GoalFrameworkViewSet(PublishableSnippetViewSet):
    model = GoalFramework
    icon = "list-ul"
    menu_label = _("Goal frameworks")
    chooser_viewset_class = GoalFrameworkChooserViewSet
    annotations = GOAL_COUNT
    list_display = ["title", "slug", goal_count_column(), *status_columns()]
    filterset_class = GoalFrameworkFilterSet
    list_export = ["title", "slug", "description", "url", "goal_count", "locale", "status_string"]
    export_headings = {"goal_count": _("Goals"), **STATUS_HEADINGS}
    export_filename = "goal-frameworks"


class GoalViewSet(PublishableSnippetViewSet):
    model = Goal
    icon = "pick"
    menu_label = _("Goals")
    chooser_viewset_class = GoalChooserViewSet
    related = ("framework",)
    list_display = ["__str__", colour_column(), framework_column(), *status_columns()]
    filterset_class = GoalFilterSet
    list_export = [
        "framework",
        "code",
        "title",
        "short_text",
        "colour",
        "url",
        "sort_order",
        "locale",
        "status_string",
    ]
    export_headings = STATUS_HEADINGS
    export_filename = "goals"


class OrganisationViewSet(PublishableSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    chooser_viewset_class = OrganisationChooserViewSet
    related = ("parent",)
    list_display = ["name", kind_column(), parent_column(), *status_columns()]
    filterset_class = OrganisationFilterSet
    list_export = [
        "name",
        "get_kind_display",
        "parent",
        "website",
        "short_text",
        "locale",
        "status_string",
    ]
    export_headings = {"get_kind_display": _("Kind"), "parent": _("Part of"), **STATUS_HEADINGS}
    export_filename = "organisations"


class ContactSidebarViewSet(PublishableSnippetViewSet):
    model = ContactSidebar
    icon = "user"
    menu_label = _("Contact sidebars")
    chooser_viewset_class = ContactSidebarChooserViewSet
    annotations = CONTACT_COUNT
    list_display = ["admin_name", sidebar_title_column(), contact_count_column(), *status_columns()]
    filterset_class = ContactSidebarFilterSet
    list_export = ["admin_name", "title", "text", "contact_count", "locale", "status_string"]
    export_headings = {"contact_count": _("Contacts"), **STATUS_HEADINGS}
    export_filename = "contact-sidebars"


class NetworkTagViewSet(SnippetViewSet):
    model = NetworkTag
    icon = "tag"
    menu_label = _("Tags")
    chooser_viewset_class = NetworkTagChooserViewSet
    list_display = ["name", "slug", language_column()]
    search_fields = ["name"]  # tags are not in the search index: searched in the database

    def get_queryset(self, request):
        return NetworkTag.objects.select_related("locale")

    list_export = ["name", "slug", "locale"]
    export_headings = {"locale": _("Language")}
    export_filename = "tags"


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Kommunnätverk")
    menu_icon = "site"
    menu_order = 250
    items = (
        GoalFrameworkViewSet,
        GoalViewSet,
        OrganisationViewSet,
        ContactSidebarViewSet,
        NetworkTagViewSet,
    )
