"""Admin hooks that enforce the locale restriction on translatable snippets.

They run before every other hook of the same name (``order=ORDER``): wagtail-localize's
``before_edit_snippet`` answers with its translation editor, and an answer from an
earlier hook is the one Wagtail uses.
"""

from django.contrib.admin.utils import quote, unquote
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from wagtail import hooks
from wagtail.models import Locale

from . import localize_guard
from .locales import is_restricted, may_change, may_work_in, refusal_message, refuse
from .panel import GroupLocalePermissionForm

ORDER = -100


def _locale_of_new_snippet(request: HttpRequest, model) -> int | None:
    """The locale a create or copy view will save in, read as Wagtail's views read it."""
    match = request.resolver_match
    if match is not None and match.url_name == "copy" and "pk" in match.kwargs:
        source = model._default_manager.filter(pk=unquote(str(match.kwargs["pk"]))).first()
        if source is not None:
            return source.locale_id
    if code := request.GET.get("locale"):
        locale = Locale.objects.filter(language_code=code).first()
        return locale.pk if locale else None
    return Locale.get_default().pk


@hooks.register("before_create_snippet", order=ORDER)
def refuse_creating_outside_languages(request: HttpRequest, model) -> HttpResponse | None:
    if not is_restricted(model):
        return None
    locale_id = _locale_of_new_snippet(request, model)
    if locale_id is None or may_work_in(request.user, locale_id):
        return None  # an unknown ?locale= is the view's own 404
    return refuse(request, refusal_message(request.user, "create", locale_id=locale_id))


@hooks.register("before_edit_snippet", order=ORDER)
def refuse_editing_outside_languages(request: HttpRequest, instance) -> HttpResponse | None:
    # Also covers publishing from the edit form and wagtail-localize's translation editor.
    if may_change(request.user, instance):
        return None
    return refuse(request, refusal_message(request.user, "edit", instance=instance))


@hooks.register("before_delete_snippet", order=ORDER)
def refuse_deleting_outside_languages(request: HttpRequest, instances) -> HttpResponse | None:
    for instance in instances:
        if not may_change(request.user, instance):
            return refuse(request, refusal_message(request.user, "delete", instance=instance))
    return None


@hooks.register("before_publish", order=ORDER)
@hooks.register("before_unpublish", order=ORDER)
def refuse_publishing_outside_languages(request: HttpRequest, instance) -> HttpResponse | None:
    if may_change(request.user, instance):
        return None
    return refuse(request, refusal_message(request.user, "publish", instance=instance))


@hooks.register("construct_snippet_listing_buttons")
def hide_buttons_outside_languages(buttons: list, instance, user) -> None:
    """Leave out Edit, Copy, Delete and Unpublish where they would only be refused."""
    if may_change(user, instance):
        return
    viewset = getattr(instance, "snippet_viewset", None)
    if viewset is None:
        return
    refused = set()
    for name in ("edit", "copy", "delete", "unpublish"):
        try:
            refused.add(reverse(viewset.get_url_name(name), args=[quote(instance.pk)]))
        except NoReverseMatch:
            continue
    buttons[:] = [
        button
        for button in buttons
        if (getattr(button, "url", "") or "").split("?")[0] not in refused
    ]


@hooks.register("register_group_permission_panel")
def register_locale_panel():
    return GroupLocalePermissionForm


@hooks.register("register_admin_urls", order=ORDER)
def register_localize_guard():
    return localize_guard.urlpatterns()
