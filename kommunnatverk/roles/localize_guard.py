"""The locale restriction on wagtail-localize's own snippet views.

wagtail-localize checks only the model-level permission before it starts, syncs or edits a
snippet translation. These URL patterns sit in front of its own (Django uses the first
pattern that matches), check the locale, and hand over to wagtail-localize's view.
Reversing ``wagtail_localize:…`` names still gives the same paths, so nothing else
changes. Page translations are left to wagtail-localize, which checks page permissions.

Rules for a user restricted to some languages:

- start translating a snippet: allowed when the snippet is in one of their languages
  (an editor sends their text out) or every chosen target language is theirs (a
  translator takes text into their language);
- sync a snippet's translations: the same, but publishing the synced translations needs
  every target language;
- save, machine-translate, upload or stop one translation: its target language.

An override (a translator's own value for a synchronised field or a link block's URL,
which wagtail-localize saves unchecked) is refused when it is an address a visitor must
not be sent to, such as ``javascript:``: every value with a scheme is a URL, and only
http(s), mailto and tel are allowed (``validators.is_safe_url``).
"""

from functools import wraps
from io import BytesIO

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import HttpRequest, JsonResponse, QueryDict
from django.urls import include, path
from wagtail.models import Page

from ..validators import UNSAFE_URL_MESSAGE, is_safe_url
from .locales import allowed_locale_ids, is_restricted, may_work_in, refusal_message, refuse


def _is_page(source) -> bool:
    model = source.specific_content_type.model_class()
    return model is not None and issubclass(model, Page)


def _first_outside(user, locale_ids) -> int | None:
    allowed = allowed_locale_ids(user)
    if allowed is None:
        return None
    return next((locale_id for locale_id in sorted(locale_ids) if locale_id not in allowed), None)


def _chosen_locale_ids(request) -> set[int]:
    return {int(value) for value in request.POST.getlist("locales") if value.isdigit()}


def guard_submit(view):
    @wraps(view)
    def guarded(request, app_label: str, model_name: str, pk: str, **kwargs):
        if request.method == "POST":
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                model = None
            instance = (
                model._default_manager.filter(pk=unquote(pk)).first()
                if model is not None and is_restricted(model)
                else None
            )
            if instance is not None and not may_work_in(request.user, instance.locale_id):
                outside = _first_outside(request.user, _chosen_locale_ids(request))
                if outside is not None:
                    message = refusal_message(request.user, "translate", locale_id=outside)
                    return refuse(request, message)
        return view(request, app_label=app_label, model_name=model_name, pk=pk, **kwargs)

    return guarded


def guard_update(view):
    from wagtail_localize.models import TranslationSource

    @wraps(view)
    def guarded(request, translation_source_id: int, **kwargs):
        source = (
            TranslationSource.objects.filter(pk=translation_source_id)
            .select_related("specific_content_type")
            .first()
        )
        if request.method == "POST" and source is not None and not _is_page(source):
            targets = set(
                source.translations.filter(enabled=True).values_list("target_locale_id", flat=True)
            )
            outside = _first_outside(request.user, targets)
            publishing = bool(request.POST.get("publish_translations"))
            own_source = may_work_in(request.user, source.locale_id)
            if outside is not None and (publishing or not own_source):
                message = refusal_message(request.user, "translate", locale_id=outside)
                return refuse(request, message)
        return view(request, translation_source_id=translation_source_id, **kwargs)

    return guarded


def guard_translation(view):
    from wagtail_localize.models import Translation

    @wraps(view)
    def guarded(request, translation_id: int, **kwargs):
        translation = (
            Translation.objects.filter(pk=translation_id)
            .select_related("source__specific_content_type")
            .first()
        )
        if (
            translation is not None
            and not _is_page(translation.source)
            and not may_work_in(request.user, translation.target_locale_id)
        ):
            message = refusal_message(
                request.user, "translate", locale_id=translation.target_locale_id
            )
            return refuse(request, message)
        return view(request, translation_id=translation_id, **kwargs)

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
    from wagtail_localize.views import edit_translation, submit_translations
    from wagtail_localize.views import update_translations as update

    translate = "translate/<int:translation_id>/"
    patterns = [
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guard_submit(submit_translations.SubmitSnippetTranslationView.as_view()),
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
    ]
    return [path("localize/", include((patterns, "kommunnatverk_localize_guard")))]
