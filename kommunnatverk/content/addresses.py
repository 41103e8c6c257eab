"""The API URLs that show an object, without a request: for webhook payloads, for purging
a CDN, and for preview links. Absolute, on the object's site."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import Model
from django.urls import reverse
from wagtail.models import Page, Site

from ..models import ContactSidebar, GoalFramework
from .languages import content_languages
from .registry import type_name


def api_path(name: str, query: dict | None = None, **kwargs) -> str:
    path = reverse(f"kommunnatverk_api:{name}", kwargs=kwargs)
    return f"{path}?{urlencode(query)}" if query else path


def base_url(page: Page | None = None) -> str:
    """The root URL of the page's site, else of the default site, else the admin's."""
    site = page.get_site() if page is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def relative_url(page: Page) -> str | None:
    """The page's path on its site (with the language prefix), also with several sites,
    where ``get_url()`` turns absolute."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _snippet_base_path(obj: Model) -> str:
    """A contact sidebar's detail (sidebars have no list), else the list of its type."""
    if isinstance(obj, ContactSidebar):
        return api_path("contact_sidebar_detail", sidebar_id=obj.pk)
    return api_path(f"{type_name(type(obj))}_list")


def snippet_api_path(obj: Model) -> str:
    """Where the API shows a snippet: its detail, or its list in its language."""
    if isinstance(obj, ContactSidebar):
        return _snippet_base_path(obj)
    return f"{_snippet_base_path(obj)}?{urlencode({'locale': obj.locale.language_code})}"


def page_paths(page: Page, url: str | None) -> set[str]:
    """Detail (as itself and served in each language) and ``find/`` at its URL."""
    paths = {api_path("page_detail", page_id=page.pk)}
    paths |= {
        api_path("page_detail", {"locale": code}, page_id=page.pk) for code in content_languages()
    }
    if url:
        # Clients spell the path both ways (URLSearchParams encodes "/", curl users do not),
        # and a CDN keys on the spelling.
        find = api_path("page_find")
        paths |= {f"{find}?path={quote(url, safe=safe)}" for safe in ("", "/")}
    return paths


def list_paths(page_types: set[str]) -> set[str]:
    """Lists and navigation, plain and in each language, and per page type."""
    paths = {api_path("page_list"), api_path("navigation")}
    for code in content_languages():
        paths |= {api_path("page_list", {"locale": code}), api_path("navigation", {"locale": code})}
        paths |= {api_path("page_list", {"type": kind, "locale": code}) for kind in page_types}
    paths |= {api_path("page_list", {"type": kind}) for kind in page_types}
    return paths


def snippet_paths(obj: Model, translations: list[Model]) -> set[str]:
    paths = set()
    for each in [obj, *translations]:
        base = _snippet_base_path(each)
        paths.add(base)
        paths |= {f"{base}?{urlencode({'locale': code})}" for code in content_languages()}
    if isinstance(obj, GoalFramework):  # goals embed their framework
        paths.add(api_path("goal_list"))
        paths |= {api_path("goal_list", {"locale": c}) for c in content_languages()}
    return paths
