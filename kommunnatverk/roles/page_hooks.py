"""Admin hooks that keep a user's page changes inside their languages.

The page permission policy (``roles.policy``) already narrows a restricted user's page
rights to their languages' trees, and Wagtail refuses with its generic message there.
These hooks check the locale of the page itself, and of a copy's or move's destination,
so a page whose language is not its tree's (one moved or copied there) is covered too,
and the refusal names the language.

They run before every other hook of the same name (``order=ORDER``): wagtail-localize's
``before_edit_page`` answers with its translation editor, whose Publish, "Start Synced
translation" and "Convert to alias page" post to the edit view, and an answer from an
earlier hook is the one Wagtail uses. The edit view also serves "restore this revision".
"""

from django.http import HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.models import Locale, Page

from .locales import may_work_in, refusal_message, refuse

ORDER = -100


def _locale_of_new_page(request: HttpRequest, parent: Page) -> int | None:
    """The locale the create view will save in, read as Wagtail's view reads it."""
    if parent.is_root():
        if code := request.GET.get("locale") or request.POST.get("locale"):
            locale = Locale.objects.filter(language_code=code).first()
            return locale.pk if locale else None
    return parent.locale_id


@hooks.register("before_create_page", order=ORDER)
def refuse_creating_pages_outside_languages(
    request: HttpRequest, parent_page: Page, page_class
) -> HttpResponse | None:
    locale_id = _locale_of_new_page(request, parent_page)
    if locale_id is None or may_work_in(request.user, locale_id):
        return None  # an unknown ?locale= is the view's own 404
    return refuse(request, refusal_message(request.user, "create", locale_id=locale_id))


@hooks.register("before_edit_page", order=ORDER)
@hooks.register("before_convert_alias_page", order=ORDER)
def refuse_editing_pages_outside_languages(request: HttpRequest, page: Page) -> HttpResponse | None:
    if may_work_in(request.user, page.locale_id):
        return None
    return refuse(request, refusal_message(request.user, "edit", instance=page))


@hooks.register("before_delete_page", order=ORDER)
def refuse_deleting_pages_outside_languages(
    request: HttpRequest, page: Page
) -> HttpResponse | None:
    if may_work_in(request.user, page.locale_id):
        return None
    return refuse(request, refusal_message(request.user, "delete", instance=page))


@hooks.register("before_unpublish_page", order=ORDER)
def refuse_unpublishing_pages_outside_languages(
    request: HttpRequest, page: Page
) -> HttpResponse | None:
    if may_work_in(request.user, page.locale_id):
        return None
    return refuse(request, refusal_message(request.user, "publish", instance=page))


def _first_outside(user, *pages: Page | None) -> Page | None:
    """The first of ``pages`` whose locale is not the user's. The root is no page of any
    language: every language's tree starts under it."""
    return next(
        (
            page
            for page in pages
            if page is not None and page.depth > 1 and not may_work_in(user, page.locale_id)
        ),
        None,
    )


@hooks.register("before_copy_page", order=ORDER)
def refuse_copying_pages_outside_languages(request: HttpRequest, page: Page) -> HttpResponse | None:
    # The copy (or alias) keeps the page's locale and lands under the chosen parent.
    destination = None
    if request.method == "POST" and str(request.POST.get("new_parent_page", "")).isdigit():
        destination = Page.objects.filter(pk=int(request.POST["new_parent_page"])).first()
    outside = _first_outside(request.user, page, destination)
    if outside is None:
        return None
    return refuse(request, refusal_message(request.user, "copy", locale_id=outside.locale_id))


@hooks.register("before_move_page", order=ORDER)
def refuse_moving_pages_outside_languages(
    request: HttpRequest, page: Page, destination: Page
) -> HttpResponse | None:
    outside = _first_outside(request.user, page, destination)
    if outside is None:
        return None
    return refuse(request, refusal_message(request.user, "move", locale_id=outside.locale_id))


BULK_ACTIONS = {"publish": "publish", "unpublish": "publish", "delete": "delete"}


@hooks.register("before_bulk_action", order=ORDER)
def refuse_bulk_actions_on_pages_outside_languages(
    request: HttpRequest, action_type: str, objects, action
) -> HttpResponse | None:
    """Runs in the bulk action's transaction, before it changes anything."""
    if not issubclass(action.model, Page):
        return None
    outside = _first_outside(request.user, *objects)
    if outside is not None:
        message = refusal_message(
            request.user, BULK_ACTIONS.get(action_type, "edit"), instance=outside
        )
        return refuse(request, message)
    if action_type == "move":
        destination = action.cleaned_form.cleaned_data.get("chooser")
        if _first_outside(request.user, destination) is not None:
            message = refusal_message(request.user, "move", locale_id=destination.locale_id)
            return refuse(request, message)
    return None
