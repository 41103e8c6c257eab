"""Who publishes a Site, in one language: its name, its home page, its logo and the
address every absolute URL of it starts with.

Wagtail gives a Site one name (``Site.site_name``, else ``WAGTAIL_SITE_NAME``), written
in the source language. A site named after its home page (as a network's site is
named after its network page) is called by the home page's translated title in another
language, so the English pages say the English name. Any other name stays as it is and
says which language it is in, for ``lang`` in the header.

Absolute URLs take the Site's own scheme, host and port (``Site.root_url``), as
Wagtail's page URLs do, not the Host header of a request: the feeds, the sitemap, the
canonical link and JSON-LD then all name one address.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from wagtail.models import Page, Site

from .. import conf
from . import snapshot
from .languages import content_locales
from .public import is_public_page


def absolute_url(root_url: str, url: str | None) -> str | None:
    """``url`` on ``root_url`` ("https://host[:port]") where it is a path."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        scheme = root_url.split(":", 1)[0] if root_url else "https"
        return f"{scheme}:{url}"
    return f"{root_url}{url if url.startswith('/') else '/' + url}"


def asset_url(value: str | None) -> str | None:
    """A setting's file as a URL: an absolute URL as it is, else the static file's URL."""
    if not value:
        return None
    if value.startswith(("http://", "https://", "//")):
        return value
    return static(value)


@dataclass(frozen=True)
class SiteIdentity:
    name: str
    # The language ``name`` is written in: the requested one, or the source language.
    name_language: str
    # The Site's home page in the requested language, where it is public there: its
    # id, its URL as Wagtail links it (relative on its own Site), and its absolute URL.
    home_id: int | None
    home_path: str | None
    home_url: str | None
    # "https://www.example.org" (no trailing slash); "" when there is no Site at all.
    root_url: str
    # The logo's absolute URL (``KOMMUNNATVERK["LOGO"]``), or None.
    logo_url: str | None

    def absolute(self, url: str | None) -> str | None:
        """``url`` with the Site's scheme and host where it is a path."""
        return absolute_url(self.root_url, url)


def _home_in(site: Site, language: str) -> Page | None:
    root = site.root_page
    locale = next(
        (loc for loc in content_locales().values() if loc.language_code == language), None
    )
    if locale is None:
        return None
    home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale)
    if home is None or not is_public_page(home):
        return None
    return home


def identity(site: Site | None, language: str, request: HttpRequest | None = None) -> SiteIdentity:
    """The identity of ``site`` in ``language``. Reads the home page's translation: one
    query where the language is not the home page's own."""
    source = conf.get("SOURCE_LOCALE")
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")
    home = _home_in(site, language) if site is not None else None
    name_language = source
    if language == source:
        name_language = language
    elif home is not None and name and site.root_page.title == name:
        name, name_language = home.title, language
    if site is not None:
        root_url = site.root_url
    elif request is not None:
        root_url = request.build_absolute_uri("/").rstrip("/")
    else:
        root_url = ""
    return SiteIdentity(
        name=name,
        name_language=name_language,
        home_id=home.pk if home is not None else None,
        home_path=home.get_url(request) if home is not None else None,
        home_url=home.get_full_url(request) if home is not None else None,
        root_url=root_url,
        logo_url=absolute_url(root_url, asset_url(conf.get("LOGO"))),
    )


def for_request(request: HttpRequest | None, language: str) -> SiteIdentity:
    """The identity of the request's Site in ``language``, read once per content version
    within a request that has the snapshot (the API's); the Site and its pages bump the
    version when saved."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return identity(None, language, request)
    key = ("site_identity", site.pk, language, conf.get("LOGO"))
    return snapshot.memo(key, lambda: identity(site, language, request))
