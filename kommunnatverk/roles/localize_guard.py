"""The locale restriction on wagtail-localize's own views, for pages and snippets.

wagtail-localize checks only the permission to submit translations before it starts or
syncs a translation, into any language and, for pages, without asking the page rights of
the target tree; it saves and publishes the target itself. These URL patterns sit in
front of its own (Django uses the first pattern that matches), check the locale, and hand
over to wagtail-localize's view. Reversing ``wagtail_localize:…`` names still gives the
same paths, so nothing else changes.

Rules for a user restricted to some languages:

- start translating a page (with or without its subtree) or a snippet: allowed when every
  chosen target language is theirs (a translator takes text into their language), or when
  the source is in one of their languages (an editor sends their text out) and nothing goes
  live in the other target languages (``publishes_at_once``);
- sync the translations: the same, but publishing the synced translations needs every
  target language;
- save, machine-translate, upload or stop one translation: its target language;
- convert a translated page back into an alias, which copies the source's content and live
  state into it: the page's language.

Publishing from the translation editor is the page or snippet edit view, guarded by the
``before_edit_page`` and ``before_edit_snippet`` hooks.

An override (a translator's own value for a synchronised field or a link block's URL,
which wagtail-localize saves unchecked) is refused when it is an address a visitor must
not be sent to, such as ``javascript:``: every value with a scheme is a URL, and only
http(s), mailto and tel are allowed (``validators.is_safe_url``).
"""

from functools import wraps
from io import BytesIO

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.urls import include, path
from wagtail.models import Page

from ..validators import UNSAFE_URL_MESSAGE, is_safe_url
from .locales import allowed_locale_ids, is_restricted, may_work_in, refusal_message, refuse
from .translation_effects import publishes_at_once


def _first_outside(user, locale_ids) -> int | None:
    allowed = allowed_locale_ids(user)
    if allowed is None:
        return None
    return next((locale_id for locale_id in sorted(locale_ids) if locale_id not in allowed), None)


def _chosen_locale_ids(request) -> set[int]:
    return {int(value) for value in request.POST.getlist("locales") if value.isdigit()}


def _refuse_submit(request: HttpRequest, instance) -> HttpResponse | None:
    """The refusal of a POST that would start translations of ``instance``, if any."""
    if request.method != "POST" or instance is None or not is_restricted(instance):
        return None
    chosen = _chosen_locale_ids(request)
    outside = _first_outside(request.user, chosen)
    if outside is None:
        return None
    if not may_work_in(request.user, instance.locale_id):
        return refuse(request, refusal_message(request.user, "translate", locale_id=outside))
    include_subtree = bool(request.POST.get("include_subtree"))
    for locale_id in sorted(chosen):
        if not may_work_in(request.user, locale_id) and publishes_at_once(
            instance, locale_id, include_subtree=include_subtree
        ):
            return refuse(request, refusal_message(request.user, "publish_in", locale_id=locale_id))
    return None


def guard_submit_snippet(view):
    @wraps(view)
    def guarded(request, app_label: str, model_name: str, pk: str, **kwargs):
        if request.method == "POST":
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                model = None
            if model is not None and is_restricted(model):
                instance = model._default_manager.filter(pk=unquote(pk)).first()
                if refusal := _refuse_submit(request, instance):
                    return refusal
        return view(request, app_label=app_label, model_name=model_name, pk=pk, **kwargs)

    return guarded


def guard_submit_page(view):
    @wraps(view)
    def guarded(request, page_id: int, **kwargs):
        if request.method == "POST":
            page = Page.objects.filter(pk=page_id, depth__gt=1).first()
            if refusal := _refuse_submit(request, page.specific if page else None):
                return refusal
        return view(request, page_id=page_id, **kwargs)

    return guarded


def guard_update(view):
    from wagtail_localize.models import TranslationSource

    @wraps(view)
    def guarded(request, translation_source_id: int, **kwargs):
        source = TranslationSource.objects.filter(pk=translation_source_id).first()
        if request.method == "POST" and source is not None:
            targets = set(
                source.translations.filter(enabled=True).values_list("target_locale_id", flat=True)
            )
            outside = _first_outside(request.user, targets)
            publishing = bool(request.POST.get("publish_translations"))
            own_source = may_work_in(request.user, source.locale_id)
            if outside is not None and (publishing or not own_source):
                reason = "publish_in" if own_source else "translate"
                return refuse(request, refusal_message(request.user, reason, locale_id=outside))
        return view(request, translation_source_id=translation_source_id, **kwargs)

    return guarded


def guard_translation(view):
    from wagtail_localize.models import Translation

    @wraps(view)
    def guarded(request, translation_id: int, **kwargs):
        translation = Translation.objects.filter(pk=translation_id).first()
        if translation is not None and not may_work_in(request.user, translation.target_locale_id):
            message = refusal_message(
                request.user, "translate", locale_id=translation.target_locale_id
            )
            return refuse(request, message)
        return view(request, translation_id=translation_id, **kwargs)

    return guarded


def guard_convert_to_alias(view):
    @wraps(view)
    def guarded(request, page_id: int, **kwargs):
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and not may_work_in(request.user, page.locale_id):
            return refuse(request, refusal_message(request.user, "edit", instance=page))
        return view(request, page_id=page_id, **kwargs)

    return guarded


def _put_value(request: HttpRequest) -> str | None:
    """The ``value`` of a PUT, which Django does not parse; the body stays readable for
    the view (Django keeps it once read)."""
    body = request.body
    if request.content_type == "multipart/form-data":
        data, _files = request.parse_file_upload(request.META, BytesIO(body))
    else:
        data = QueryDict(body)
    return data.get("value")


def guard_override(view):
    @wraps(view)
    def guarded(request, translation_id: int, overridable_segment_id: int, **kwargs):
        if request.method == "PUT":
            value = _put_value(request)
            if value is not None and not is_safe_url(value):
                return JsonResponse({"value": [str(UNSAFE_URL_MESSAGE)]}, status=400)
        return view(
            request,
            translation_id=translation_id,
            overridable_segment_id=overridable_segment_id,
            **kwargs,
        )

    return guarded


def urlpatterns() -> list:
    """Patterns for the admin, in front of wagtail-localize's ``localize/`` ones."""
    if not apps.is_installed("wagtail_localize"):
        return []
    from wagtail_localize.views import convert, edit_translation, submit_translations
    from wagtail_localize.views import update_translations as update

    translate = "translate/<int:translation_id>/"
    patterns = [
        path(
            "submit/page/<int:page_id>/",
            guard_submit_page(submit_translations.SubmitPageTranslationView.as_view()),
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guard_submit_snippet(submit_translations.SubmitSnippetTranslationView.as_view()),
        ),
        path(
            "update/<int:translation_source_id>/",
            guard_update(update.UpdateTranslationsView.as_view()),
        ),
        path(
            translate + "strings/<int:string_segment_id>/edit/",
            guard_translation(edit_translation.edit_string_translation),
        ),
        path(
            translate + "overrides/<int:overridable_segment_id>/edit/",
            guard_translation(guard_override(edit_translation.edit_override)),
        ),
        path(translate + "pofile/upload/", guard_translation(edit_translation.upload_pofile)),
        path(
            translate + "machine_translate/",
            guard_translation(edit_translation.machine_translate),
        ),
        path(translate + "disable/", guard_translation(edit_translation.stop_translation)),
        path(
            "page/<int:page_id>/convert_to_alias/",
            guard_convert_to_alias(convert.convert_to_alias),
        ),
    ]
    return [path("localize/", include((patterns, "kommunnatverk_localize_guard")))]
