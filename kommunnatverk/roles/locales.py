"""The locale restriction: who may change translatable content in which language.

A user in at least one group with ``GroupLocalePermission`` rows may create, edit,
publish, copy, move, delete and translate pages and translatable snippets only in those
rows' locales (the union over their groups). Users whose groups have no rows, and
superusers, are not restricted. For pages the restriction comes on top of Wagtail's page
permissions: a right on a page tree counts only where the language is also the user's.
"""

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from wagtail.models import Locale, TranslatableMixin

from ..models import GroupLocalePermission

CACHE_ATTRIBUTE = "_kommunnatverk_locale_ids"


def allowed_locale_ids(user) -> frozenset[int] | None:
    """The locales ``user`` may work in, or None when the user is not restricted.

    Cached on the user object, as Django caches permissions, so one request asks once.
    """
    if hasattr(user, CACHE_ATTRIBUTE):
        return getattr(user, CACHE_ATTRIBUTE)
    allowed: frozenset[int] | None = None
    if user.is_authenticated and not user.is_superuser:
        ids = frozenset(
            GroupLocalePermission.objects.filter(group__in=user.groups.all()).values_list(
                "locale_id", flat=True
            )
        )
        allowed = ids or None
    setattr(user, CACHE_ATTRIBUTE, allowed)
    return allowed


def may_work_in(user, locale_id: int | None) -> bool:
    allowed = allowed_locale_ids(user)
    return allowed is None or locale_id in allowed


def is_restricted(obj_or_model) -> bool:
    """Whether the restriction applies: translatable models, pages included."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return issubclass(model, TranslatableMixin)


def may_change(user, instance: models.Model) -> bool:
    """Whether the locale restriction lets ``user`` change ``instance``."""
    return not is_restricted(instance) or may_work_in(user, instance.locale_id)


def _locale_names(locale_ids: Iterable[int]) -> str:
    locales = Locale.objects.filter(pk__in=list(locale_ids)).order_by("language_code")
    return ", ".join(str(locale.get_display_name()) for locale in locales)


def _language(locale_id: int | None) -> str:
    locale = Locale.objects.filter(pk=locale_id).first()
    return str(locale.get_display_name()) if locale else "?"


def refusal_message(user, action: str, *, instance=None, locale_id: int | None = None) -> str:
    """Why ``user`` was refused ``action``, in the admin's language (Swedish for editors)."""
    locale_id = instance.locale_id if instance is not None else locale_id
    values = {
        "object": str(instance) if instance is not None else "",
        "language": _language(locale_id),
        "languages": _locale_names(allowed_locale_ids(user) or ()),
    }
    templates = {
        "create": gettext(
            "Sorry, you may not create content in this language (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "edit": gettext(
            "Sorry, you may not edit “%(object)s” (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "delete": gettext(
            "Sorry, you may not delete “%(object)s” (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "publish": gettext(
            "Sorry, you may not publish or unpublish “%(object)s” (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "translate": gettext(
            "Sorry, you may not translate into this language (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "publish_in": gettext(
            "Sorry, this would publish in a language that is not yours (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "copy": gettext(
            "Sorry, you may not copy pages into or out of this language (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
        "move": gettext(
            "Sorry, you may not move pages into or out of this language (%(language)s). "
            "Your groups may work in: %(languages)s."
        ),
    }
    return templates[action] % values


def refuse(request: HttpRequest, message: str) -> HttpResponse:
    """Wagtail's usual permission-denied answer, with the reason instead of its generic one:
    a 403 for scripts, otherwise back to the dashboard with the message."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied(message)
    messages.error(request, message)
    return redirect("wagtailadmin_home")
