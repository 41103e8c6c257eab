"""Admin registration: one "Kommunnätverk" menu group holding the network's snippets."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.snippets.models import register_snippet

from .admin.deletion import pages_protecting
from .admin.network_indexes import create_indexes, indexes_requested
from .admin.viewsets import NetworkViewSetGroup
from .content.public import is_public_page
from .content.registry import is_page
from .localisation.report import TranslationStatusMenuItem, TranslationStatusView
from .models import NetworkPage
from .roles import admin_hooks, page_hooks  # noqa: F401 - register the locale restriction

register_snippet(NetworkViewSetGroup)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def create_indexes_of_a_new_network(request: HttpRequest, page) -> None:
    """Add the news and project indexes a new network page's editor asked for."""
    if not isinstance(page, NetworkPage) or not indexes_requested(request):
        return
    if created := create_indexes(page, request.user):
        messages.success(
            request,
            gettext("Also created: %(pages)s.")
            % {"pages": ", ".join(f"“{index.title}”" for index in created)},
        )


@hooks.register("before_serve_page")
def refuse_pages_that_are_not_public(page, request: HttpRequest, serve_args, serve_kwargs):
    """Wagtail serves a live page until the scheduler unpublishes it, and in any locale;
    the package's pages answer only while public (``content.public``). Wagtail itself asks
    for the password or the login of a restricted page."""
    if is_page(page) and not is_public_page(page, restrictions=False):
        raise Http404


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


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "kommunnatverk/translation-status/",
            TranslationStatusView.as_view(),
            name="kommunnatverk_translation_status",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("kommunnatverk_translation_status"),
        name="kommunnatverk-translation-status",
        icon_name="site",
        order=9100,
    )
