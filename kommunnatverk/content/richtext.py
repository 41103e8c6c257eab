"""Rich text for every surface: internal links resolved to public URLs, then sanitised."""

import re

import nh3
from wagtail.rich_text import expand_db_html

from .public import public_pages

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang", "title"}}
PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
PAGE_ID = re.compile(r'\bid="(\d+)"')


def rich_text_html(value: str | None) -> str:
    """Expand Wagtail's ``<a linktype="page">`` to URLs in the active language, then clean.

    Links to pages that are not public lose their address, so a draft's or a private
    page's URL never reaches a frontend. Editors' input is already filtered by the
    editor's features; cleaning again covers anything imported or written from code.
    """
    if not value:
        return ""
    html = _unlink_non_public_pages(str(value))
    return nh3.clean(
        expand_db_html(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
    )


def _unlink_non_public_pages(html: str) -> str:
    links = PAGE_LINK.findall(html)
    if not links:
        return html
    ids = {int(match.group(1)) for link in links if (match := PAGE_ID.search(link))}
    public = set(public_pages(any_type=True).filter(pk__in=ids).values_list("pk", flat=True))

    def replace(match: re.Match) -> str:
        found = PAGE_ID.search(match.group(0))
        return match.group(0) if found and int(found.group(1)) in public else "<a>"

    return PAGE_LINK.sub(replace, html)
