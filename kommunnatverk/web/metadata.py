"""What the ``<head>`` of a reference template says about its page, beside the title:
the description, the canonical address, Open Graph and Twitter card properties, the
news feeds to discover and the site's icons.

Every address is absolute and on the page's Site (``content.site_identity``), so a link
preview, a crawler and a feed reader all reach the same one.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

from .. import conf
from ..content.descriptions import page_description
from ..content.site_identity import SiteIdentity
from ..models import NewsIndexPage, NewsPage
from .feeds import feed_paths, feed_title
from .site_files import favicons

# Open Graph names a locale by language and territory. The package's content languages
# as they are used here; another language gets Django's form of its code ("de", "pt_BR").
OG_LOCALES = {
    "sv": "sv_SE",
    "en": "en_GB",
    "fi": "fi_FI",
    "nb": "nb_NO",
    "nn": "nn_NO",
    "da": "da_DK",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
}
FEED_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


def og_locale(language: str) -> str:
    return OG_LOCALES.get(language.lower()) or translation.to_locale(language)


@dataclass
class HeadMetadata:
    # The page's own title, and the site's name to follow it in <title> unless the
    # title is that name already (a site named after its home page).
    title: str = ""
    site_suffix: str = ""
    description: str = ""
    canonical: str | None = None
    # (property, content) pairs for <meta property>, and (name, content) for <meta name>.
    open_graph: list[tuple[str, str]] = field(default_factory=list)
    twitter: list[tuple[str, str]] = field(default_factory=list)
    # {"type", "title", "href"} of each feed to discover, and {"href", "type"} of each icon.
    feeds: list[dict[str, str]] = field(default_factory=list)
    icons: list[dict[str, str | None]] = field(default_factory=list)


def canonical_url(page: Page, request: HttpRequest | None) -> str | None:
    """The page's address on its Site. The pages of a paged news list after the first
    keep their number (``?page=2``): each is its own page to a search engine."""
    url = page.get_full_url(request)
    if url and request is not None and isinstance(page, NewsIndexPage):
        number = request.GET.get("page", "")
        if number.isdigit() and int(number) > 1:
            url = f"{url}?page={int(number)}"
    return url


def _image(page: Page, site: SiteIdentity) -> dict | None:
    image = getattr(page, "image", None) if isinstance(page, NewsPage) else None
    if image is None:
        return None
    rendition = image.get_rendition(conf.get("RENDITIONS")["hero"])
    return {
        "url": site.absolute(rendition.url),
        "width": str(rendition.width),
        "height": str(rendition.height),
        "alt": rendition.alt,
    }


def _open_graph(
    page: Page,
    site: SiteIdentity,
    language: str,
    canonical: str | None,
    description: str,
    others: list[str],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    properties = [("og:title", page.seo_title or page.title)]
    if description:
        properties.append(("og:description", description))
    if canonical:
        properties.append(("og:url", canonical))
    is_news = isinstance(page, NewsPage)
    properties.append(("og:type", "article" if is_news else "website"))
    if site.name:
        properties.append(("og:site_name", site.name))
    properties.append(("og:locale", og_locale(language)))
    properties += [("og:locale:alternate", og_locale(other)) for other in others]
    image = _image(page, site)
    if image:
        properties += [
            ("og:image", image["url"]),
            ("og:image:width", image["width"]),
            ("og:image:height", image["height"]),
        ]
        if image["alt"]:
            properties.append(("og:image:alt", image["alt"]))
    if is_news:
        published = page.date or page.first_published_at
        if published:
            properties.append(("article:published_time", published.isoformat()))
        if page.last_published_at:
            properties.append(("article:modified_time", page.last_published_at.isoformat()))
    twitter = [("twitter:card", "summary_large_image" if image else "summary")]
    return properties, twitter


def feed_links(site: SiteIdentity, language: str) -> list[dict[str, str]]:
    """The news feeds in ``language``, Atom first, for ``<link rel="alternate">``."""
    with translation.override(language):
        title = feed_title(site.name)
    paths = feed_paths(language)
    return [
        {"type": FEED_TYPES[kind], "title": title, "href": site.absolute(paths[kind])}
        for kind in ("atom", "rss")
        if kind in paths
    ]


def head_for(
    page: Page | None,
    request: HttpRequest | None,
    site: SiteIdentity,
    language: str,
    translations: list[Page] = (),
) -> HeadMetadata:
    """The head of ``page`` (None for a view that is not a page, such as search) in
    ``language``, the page's own; ``translations``: its public translations, itself
    included, ``locale`` loaded."""
    head = HeadMetadata(site_suffix=site.name, feeds=feed_links(site, language), icons=favicons())
    if page is None:
        return head
    head.title = page.seo_title or page.title
    if head.title == site.name:
        head.site_suffix = ""
    head.description = page_description(page)
    if getattr(page, "pk", None) and getattr(page, "url_path", None):
        head.canonical = canonical_url(page, request)
    others = [
        other.locale.language_code for other in translations if other.locale_id != page.locale_id
    ]
    head.open_graph, head.twitter = _open_graph(
        page, site, language, head.canonical, head.description, others
    )
    return head
