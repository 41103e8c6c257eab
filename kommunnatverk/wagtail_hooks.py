"""Admin registration: one "Kommunnätverk" menu group holding the network's snippets."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.snippets.models import register_snippet

from . import colours
from .admin import javascript_labels, localize_dates
from .admin.autosave import handle_edit_autosave
from .admin.creation import handle_create_request
from .admin.deletion import pages_protecting
from .admin.network_indexes import create_indexes, indexes_requested
from .admin.viewsets import NetworkViewSetGroup
from .content.public import is_public_page
from .content.registry import is_page
from .localisation.report import TranslationStatusMenuItem, TranslationStatusView
from .models import Goal, NetworkPage
from .roles import admin_hooks, page_hooks  # noqa: F401 - register the locale restriction

register_snippet(NetworkViewSetGroup)
hooks.register("before_create_page", handle_create_request)
hooks.register("before_edit_page", handle_edit_autosave)


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


PREVIOUS_GOAL_COLOUR = "_kommunnatverk_previous_goal_colour"


@hooks.register("before_edit_snippet")
def remember_a_goals_colour(request: HttpRequest, instance) -> None:
    if isinstance(instance, Goal):
        setattr(request, PREVIOUS_GOAL_COLOUR, instance.colour)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_a_light_goal_colour(request: HttpRequest, instance) -> None:
    """A colour an editor enters that does not stand out on the page (WCAG 1.4.11, 3:1).

    Badges stay readable whatever the colour (their text is black or white, see
    ``colours``), so the colour is saved; the editor learns that it cannot carry meaning
    on its own, as a stripe or a dot on the page would need. Said once, when the colour
    is entered, and not on autosaves (which answer JSON)."""
    if not isinstance(instance, Goal) or not request.accepts("text/html"):
        return
    colour = instance.colour
    if getattr(request, PREVIOUS_GOAL_COLOUR, None) == colour:
        return
    if not colours.is_hex_colour(colour) or colours.stands_out_on_page(colour):
        return
    messages.warning(
        request,
        gettext(
            "“%(goal)s”: the colour %(colour)s stands out from a white page at only "
            "%(ratio)s:1, and WCAG asks for 3:1 of a colour that shows meaning on its own. "
            "The goal's badges stay readable (their text is %(text)s, %(text_ratio)s:1) "
            "because they name the goal in words; do not show the goal by this colour alone."
        )
        % {
            "goal": instance,
            "colour": colour,
            "ratio": number_format(
                round(colours.contrast_ratio(colour, colours.PAGE_BACKGROUND), 2), 2
            ),
            "text": gettext("black")
            if colours.text_colour(colour) == colours.BLACK
            else gettext("white"),
            "text_ratio": number_format(round(colours.text_contrast(colour), 2), 2),
        },
    )


@hooks.register("register_admin_viewset")
def register_webhook_admin():
    from .webhooks.admin import WebhookViewSetGroup

    return WebhookViewSetGroup()


javascript_labels.extend_admin_catalogue()
localize_dates.use_iso_dates()


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "kommunnatverk/jsi18n/",
            javascript_labels.catalogue,
            name="kommunnatverk_javascript_catalogue",
        ),
        path(
            "kommunnatverk/translation-status/",
            TranslationStatusView.as_view(),
            name="kommunnatverk_translation_status",
        ),
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
