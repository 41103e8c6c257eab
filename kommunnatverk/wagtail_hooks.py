"""Admin registration: one "Kommunnätverk" menu group holding the network's snippets."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactSidebar, Goal, GoalFramework, NetworkTag, Organisation
from .usage import pages_protecting


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


@hooks.register("before_delete_snippet")
def refuse_deleting_snippets_that_pages_use(
    request: HttpRequest, instances: list
) -> HttpResponse | None:
    """Name the pages that still use a snippet instead of only refusing to delete it."""
    for instance in instances:
        pages = pages_protecting(instance)
        if not pages:
            continue
        messages.error(
            request,
            gettext(
                "“%(object)s” cannot be deleted because these pages use it: %(pages)s. "
                "Remove it from those pages first."
            )
            % {"object": instance, "pages": ", ".join(f"“{page.title}”" for page in pages)},
        )
        edit_url = AdminURLFinder(request.user).get_edit_url(instance)
        return redirect(edit_url or "wagtailadmin_home")
    return None


@hooks.register("register_admin_viewset")
def register_webhook_admin():
    from .webhooks.admin import WebhookViewSetGroup

    return WebhookViewSetGroup()
