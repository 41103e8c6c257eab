"""Anonymous reads of published snippets: frameworks, goals, organisations, sidebars."""

from django.http import HttpRequest
from django.utils import translation
from ninja import Path, Router

from ...content.public import public_snippets
from ...models import GoalFramework, Organisation
from ..caching import conditional
from ..errors import RESPONSES, bad_param, not_found
from ..locales import Locales
from ..params import MAX_ID, fallback_param, locale_param, text_param
from ..schemas import ContactSidebar, FrameworkList, GoalList, OrganisationList
from ..serializers import snippets as serialize
from ..serializers.context import ApiContext

router = Router(tags=["snippets"])


@router.get("/frameworks/", response={200: FrameworkList, **RESPONSES}, url_name="framework_list")
@conditional
def frameworks(request: HttpRequest, locale: str | None = None):
    language = locale_param(request, locale)
    ctx = ApiContext(request, language)
    items = serialize.frameworks_queryset().filter(locale=language).order_by("title")
    data = [serialize.framework(ctx, item) for item in items]
    return {"count": len(data), "items": data}


@router.get("/goals/", response={200: GoalList, **RESPONSES}, url_name="goal_list")
@conditional
def goals(request: HttpRequest, locale: str | None = None, framework: str | None = None):
    language = locale_param(request, locale)
    ctx = ApiContext(request, language)
    items = serialize.goals_queryset().filter(locale=language)
    if framework is not None:
        text_param("framework", framework)
        frameworks = public_snippets(GoalFramework).filter(slug=framework, locale=language)
        if not frameworks.exists():
            raise bad_param("framework", f"No published goal framework has the slug '{framework}'.")
        items = items.filter(framework__slug=framework)
    data = [serialize.goal(ctx, item) for item in items]
    return {"count": len(data), "items": data}


@router.get(
    "/organisations/", response={200: OrganisationList, **RESPONSES}, url_name="organisation_list"
)
@conditional
def organisations(request: HttpRequest, locale: str | None = None, kind: str | None = None):
    language = locale_param(request, locale)
    ctx = ApiContext(request, language)
    items = serialize.organisations_queryset().filter(locale=language)
    if kind is not None:
        if kind not in Organisation.Kind.values:
            choices = ", ".join(Organisation.Kind.values)
            raise bad_param("kind", f"Unknown kind '{kind}'. Use one of: {choices}.")
        items = items.filter(kind=kind)
    with translation.override(language.language_code):
        data = [serialize.organisation(ctx, item) for item in items]
    return {"count": len(data), "items": data}


@router.get(
    "/contact-sidebars/{sidebar_id}/",
    response={200: ContactSidebar, **RESPONSES},
    url_name="contact_sidebar_detail",
)
@conditional
def contact_sidebar(
    request: HttpRequest,
    sidebar_id: int = Path(..., ge=1, le=MAX_ID),
    locale: str | None = None,
    fallback: str | None = None,
):
    sidebar = serialize.sidebars_queryset().filter(pk=sidebar_id).first()
    if sidebar is None:
        raise not_found(f"No published contact sidebar has the id {sidebar_id}.")
    if locale is not None:
        language = locale_param(request, locale)
        same = serialize.sidebars_queryset().filter(translation_key=sidebar.translation_key)
        translated = same.filter(locale=language).first()
        fallback_locale = fallback_param(request, fallback, language)
        if translated is None and fallback_locale is not None:
            translated = same.filter(locale=fallback_locale).first()
        if translated is None:
            raise not_found(
                f"Contact sidebar {sidebar_id} has no published translation in '{locale}'.",
                kind="translation-missing",
            )
        sidebar = translated
    ctx = ApiContext(request, Locales.of(request).by_id[sidebar.locale_id])
    return serialize.sidebar(ctx, sidebar)
