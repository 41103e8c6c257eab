"""``preview/``: a draft or revision for a signed preview token, in the published shape.

Never cached (``Cache-Control: no-store``), never given an ETag.
"""

from django.http import HttpRequest
from django.utils import translation
from ninja import Path, Query, Router
from wagtail.models import Page

from ... import preview
from ...content.public import public_translations
from ...content.registry import snippet_types, type_name
from ...localisation.status import with_sync_info
from ...models import ContactSidebar, Goal, GoalFramework, Organisation
from ..enums import SnippetType
from ..errors import ApiProblem, Problem
from ..locales import Locales
from ..params import MAX_ID
from ..schemas import PageDetail, SnippetPreview
from ..serializers import pages as serialize_pages
from ..serializers import snippets as serialize_snippets
from ..serializers.context import ApiContext
from ..serializers.translation_status import translation_status

router = Router(tags=["preview"])
NO_STORE_ATTRIBUTE = "kommunnatverk_no_store"
TOKEN_RESPONSES = {401: Problem, 403: Problem, 404: Problem, 422: Problem, 503: Problem}
TOKEN = Query(
    None,
    max_length=4096,
    description="The token the preview panel gave the frontend (query `token`).",
)


def _problem(error: preview.TokenError) -> ApiProblem:
    status = 403 if error.kind == "mismatch" else 401
    title = "Preview token refused" if status == 403 else "Preview token not accepted"
    return ApiProblem(status, f"preview-token-{error.kind}", title, error.detail, "token")


def _load(token: str | None, model_check, object_id: int):
    if not token:
        raise _problem(preview.TokenError("invalid", "A preview needs its token."))
    try:
        return preview.load(token, model_check, str(object_id))
    except preview.TokenError as error:
        raise _problem(error) from error


@router.get(
    "/pages/{page_id}/",
    response={200: PageDetail, **TOKEN_RESPONSES},
    url_name="preview_page",
    operation_id="previewPage",
    summary="A page's draft, as the preview token names it, in the shape of its detail",
    description="The draft or revision the token names, with `meta.preview` true. Never "
    "cached: `Cache-Control: no-store`, no ETag.",
)
def preview_page(
    request: HttpRequest, page_id: int = Path(..., ge=1, le=MAX_ID), token: str | None = TOKEN
):
    setattr(request, NO_STORE_ATTRIBUTE, True)
    page = _load(token, lambda model: issubclass(model, Page) and type_name(model), page_id)
    served = Locales.of(request).by_id[page.locale_id]
    public = public_translations(page.translation_key, annotate=with_sync_info)
    translations = public
    if not any(other.pk == page.pk for other in translations):
        translations = [page, *translations]
    ctx = ApiContext(request, served)
    with translation.override(served.language_code):
        data = serialize_pages.detail(ctx, page, translations, False)
    data["meta"]["preview"] = True
    # As published: a draft is no translation yet.
    data["meta"]["translation_status"] = translation_status(ctx, public)
    return data


@router.get(
    "/{snippet_type}/{object_id}/",
    response={200: SnippetPreview, **TOKEN_RESPONSES},
    url_name="preview_snippet",
    operation_id="previewSnippet",
    summary="A snippet's draft, as the preview token names it, in its published shape",
    description="The snippet's draft the token names, in the shape of the snippet "
    "endpoints. Never cached: `Cache-Control: no-store`, no ETag.",
)
def preview_snippet(
    request: HttpRequest,
    snippet_type: SnippetType,
    object_id: int = Path(..., ge=1, le=MAX_ID),
    token: str | None = TOKEN,
):
    setattr(request, NO_STORE_ATTRIBUTE, True)
    models = snippet_types()
    model = models.get(snippet_type)
    if model is None:
        raise ApiProblem(
            404,
            "not-found",
            "Not found",
            f"No snippet type '{snippet_type}'; use one of: {', '.join(models)}.",
        )
    obj = _load(token, lambda candidate: issubclass(candidate, model), object_id)
    ctx = ApiContext(request, Locales.of(request).by_id[obj.locale_id])
    with translation.override(ctx.locale.language_code):
        if isinstance(obj, GoalFramework):
            item = serialize_snippets.framework(ctx, obj)
        elif isinstance(obj, Goal):
            item = serialize_snippets.goal(ctx, obj)
        elif isinstance(obj, Organisation):
            item = serialize_snippets.organisation(ctx, obj)
        else:
            assert isinstance(obj, ContactSidebar)  # noqa: S101 - the snippet types are these
            item = serialize_snippets.sidebar(ctx, obj)
    return {"meta": {"type": snippet_type, "locale": ctx.locale.language_code}, "item": item}
