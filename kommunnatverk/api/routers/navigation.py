"""``navigation/``: the site's menu tree in one locale."""

from django.http import HttpRequest
from ninja import Query, Router
from wagtail.models import Locale, Page, Site

from ...content.public import public_pages
from ...content.registry import type_name
from ..caching import conditional
from ..errors import RESPONSES, not_found
from ..params import fallback_param, locale_param, request_site
from ..schemas import Navigation
from ..serializers.context import ApiContext

router = Router(tags=["navigation"])


@router.get(
    "/",
    response={200: Navigation, **RESPONSES},
    url_name="navigation",
    summary="The menu tree of the site: its root page and the pages shown in menus",
)
@conditional
def navigation(
    request: HttpRequest,
    locale: str | None = None,
    fallback: str | None = None,
    depth: int = Query(2, ge=1, le=4, description="Levels of menu pages below the root."),
):
    language = locale_param(request, locale)
    fallback_locale = fallback_param(request, fallback, language)
    site = request_site(request)
    ctx = ApiContext(request, language)
    root = _in_locale(site, language, fallback_locale)
    if root is None:
        raise not_found(f"The site has no published home page in '{language.language_code}'.")
    return {
        "locale": language.language_code,
        "items": [_item(ctx, site, root, language, fallback_locale, depth)],
    }


def _in_locale(site: Site, language: Locale, fallback: Locale | None) -> Page | None:
    key = site.root_page.translation_key
    candidates = public_pages(any_type=True, site=site).filter(translation_key=key)
    found = candidates.filter(locale=language).first()
    if found is None and fallback is not None:
        found = candidates.filter(locale=fallback).first()
    return found.specific if found else None


def _item(
    ctx: ApiContext, site: Site, page: Page, language: Locale, fallback: Locale | None, depth: int
) -> dict:
    children = []
    pages = public_pages(any_type=True, site=site)
    if depth > 0:
        menu = pages.child_of(page).in_menu().specific()
        seen = set()
        for child in menu:
            seen.add(child.translation_key)
            children.append(_item(ctx, site, child, language, fallback, depth - 1))
        if fallback is not None and page.locale_id == language.pk:
            # Menu pages of the fallback tree that have no translation here yet.
            source = pages.filter(translation_key=page.translation_key, locale=fallback).first()
            if source is not None:
                extra = pages.child_of(source).in_menu().specific()
                for child in extra.exclude(translation_key__in=seen):
                    children.append(_item(ctx, site, child, language, fallback, depth - 1))
    ours = type_name(type(page)) is not None
    return {
        "id": page.pk,
        "type": type_name(type(page)) or page._meta.label,
        "title": page.title,
        "url": ctx.page_url(page),
        "api_url": ctx.page_api_url(page.pk) if ours else None,
        "fallback": page.locale_id != language.pk,
        "children": children,
    }
