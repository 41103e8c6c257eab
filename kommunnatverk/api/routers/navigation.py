"""``navigation/``: the site's menu tree in one locale (``content.navigation.menu``, the
same tree as the reference templates' main menu)."""

from django.http import HttpRequest
from ninja import Query, Router

from ...content import navigation as menus
from ...content.registry import type_name
from ..caching import conditional
from ..enums import FallbackParam, LocaleParam
from ..errors import RESPONSES, not_found
from ..params import fallback_param, locale_param, request_site
from ..schemas import Navigation
from ..serializers.context import ApiContext

router = Router(tags=["navigation"])


@router.get(
    "/",
    response={200: Navigation, **RESPONSES},
    url_name="navigation",
    operation_id="getNavigation",
    summary="The menu tree of the site: its root page and the pages shown in menus",
    description="One item, the site's root page in the locale, with the pages ticked "
    "Show in menus below it, in tree order, down to `depth` levels.",
)
@conditional
def navigation(
    request: HttpRequest,
    locale: LocaleParam | None = Query(None, description="The menu's language."),
    fallback: FallbackParam | None = Query(
        None, description="Also show menu pages of this locale that have none in `locale`."
    ),
    depth: int = Query(2, ge=1, le=4, description="Levels of menu pages below the root."),
):
    language = locale_param(request, locale)
    fallback_locale = fallback_param(request, fallback, language)
    site = request_site(request)
    root = menus.menu(site, language, fallback_locale, depth)
    if root is None:
        raise not_found(f"The site has no published home page in '{language.language_code}'.")
    ctx = ApiContext(request, language)
    return {"locale": language.language_code, "items": [_item(ctx, root)]}


def _item(ctx: ApiContext, item: menus.MenuItem) -> dict:
    page = item.page
    ours = type_name(type(page)) is not None
    return {
        "id": page.pk,
        "type": type_name(type(page)) or page._meta.label,
        "title": page.title,
        "url": ctx.page_url(page),
        "api_url": ctx.page_api_url(page.pk) if ours else None,
        "fallback": item.fallback,
        "children": [_item(ctx, child) for child in item.children],
    }
