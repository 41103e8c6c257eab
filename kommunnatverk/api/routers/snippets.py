"""Anonymous reads of published snippets: frameworks, goals, organisations, sidebars."""

from django.http import HttpRequest
from django.utils import translation
from ninja import Path, Query, Router

from ...content.public import public_snippets
from ...models import GoalFramework
from ..caching import conditional
from ..enums import FallbackParam, LocaleParam, OrganisationKind
from ..errors import RESPONSES, not_found
from ..locales import Locales
from ..params import (
    MAX_ID,
    PLAIN_TEXT_PATTERN,
    check_fallback,
    fallback_param,
    locale_param,
    missing_param,
)
from ..schemas import ContactSidebar, FrameworkList, GoalList, OrganisationList
from ..serializers import snippets as serialize
from ..serializers.context import ApiContext

router = Router(tags=["snippets"])
LOCALE = Query(None, description="Language code; default: the source locale.")


@router.get(
    "/frameworks/",
    response={200: FrameworkList, **RESPONSES},
    url_name="framework_list",
    operation_id="listFrameworks",
    summary="All published goal frameworks in one language",
    description="Every published goal framework (Agenda 2030, Klimat 2030, …) in the "
    "locale, ordered by title. Not paginated.",
)
@conditional
def frameworks(request: HttpRequest, locale: LocaleParam | None = LOCALE):
    language = locale_param(request, locale)
    ctx = ApiContext(request, language)
    items = serialize.frameworks_queryset().filter(locale=language).order_by("title")
    data = [serialize.framework(ctx, item) for item in items]
    return {"count": len(data), "items": data}


@router.get(
    "/goals/",
    response={200: GoalList, **RESPONSES},
    url_name="goal_list",
    operation_id="listGoals",
    summary="All published goals in one language, optionally of one framework",
    description="Every published goal of a published framework in the locale, ordered by "
    "framework title, then the goal's sort order and code. Not paginated.",
)
@conditional
def goals(
    request: HttpRequest,
    locale: LocaleParam | None = LOCALE,
    framework: str | None = Query(
        None,
        max_length=255,
        pattern=PLAIN_TEXT_PATTERN,
        description="The slug of a published goal framework, such as agenda-2030. "
        "Frameworks are content, so the slugs are not a fixed set.",
    ),
):
    language = locale_param(request, locale)
    ctx = ApiContext(request, language)
    items = serialize.goals_queryset().filter(locale=language)
    if framework is not None:
        frameworks = public_snippets(GoalFramework).filter(slug=framework, locale=language)
        if not frameworks.exists():
            raise missing_param(
                "framework", f"No published goal framework has the slug '{framework}'."
            )
        items = items.filter(framework__slug=framework)
    data = [serialize.goal(ctx, item) for item in items]
    return {"count": len(data), "items": data}


@router.get(
    "/organisations/",
    response={200: OrganisationList, **RESPONSES},
    url_name="organisation_list",
    operation_id="listOrganisations",
    summary="All published organisations in one language, optionally of one kind",
    description="Every published partner organisation in the locale, ordered by name. "
    "Not paginated.",
)
@conditional
def organisations(
    request: HttpRequest,
    locale: LocaleParam | None = LOCALE,
    kind: OrganisationKind | None = Query(None, description="Only organisations of this kind."),
):
    language = locale_param(request, locale)
    ctx = ApiContext(request, language)
    items = serialize.organisations_queryset().filter(locale=language)
    if kind is not None:
        items = items.filter(kind=kind)
    with translation.override(language.language_code):
        data = [serialize.organisation(ctx, item) for item in items]
    return {"count": len(data), "items": data}


@router.get(
    "/contact-sidebars/{sidebar_id}/",
    response={200: ContactSidebar, **RESPONSES},
    url_name="contact_sidebar_detail",
    operation_id="getContactSidebar",
    summary="One published contact sidebar, or its translation in a locale",
    description="The sidebar with this id; with `locale`, its published translation in "
    "that locale (or in `fallback`).",
)
@conditional
def contact_sidebar(
    request: HttpRequest,
    sidebar_id: int = Path(..., ge=1, le=MAX_ID),
    locale: LocaleParam | None = Query(
        None, description="Serve the sidebar's translation in this locale."
    ),
    fallback: FallbackParam | None = Query(
        None, description="With `locale`: the locale to serve where it has no translation."
    ),
):
    check_fallback(fallback)
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
