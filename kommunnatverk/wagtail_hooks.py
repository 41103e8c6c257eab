"""Admin registration: one "Kommunnätverk" menu group holding the network's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactSidebar, Goal, GoalFramework, NetworkTag, Organisation


class GoalFrameworkViewSet(SnippetViewSet):
    model = GoalFramework
    icon = "list-ul"
    menu_label = _("Goal frameworks")
    list_display = ["title", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]


class GoalViewSet(SnippetViewSet):
    model = Goal
    icon = "pick"
    menu_label = _("Goals")
    list_display = ["code", "title", "framework", "colour", "locale"]
    list_filter = ["framework", "locale"]
    search_fields = ["title", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "parent", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


class ContactSidebarViewSet(SnippetViewSet):
    model = ContactSidebar
    icon = "user"
    menu_label = _("Contact sidebars")
    list_display = ["admin_name", "title", "locale"]
    list_filter = ["locale"]
    search_fields = ["admin_name", "title"]


class NetworkTagViewSet(SnippetViewSet):
    model = NetworkTag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


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


register_snippet(NetworkViewSetGroup)
