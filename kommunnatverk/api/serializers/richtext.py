"""Rich text for the API: internal links resolved to public URLs, then sanitised."""

import nh3
from wagtail.rich_text import expand_db_html

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang", "title"}}


def rich_text_html(value: str | None) -> str:
    """Expand Wagtail's ``<a linktype="page">`` to URLs in the active language, then clean.

    Editors' input is already filtered by the editor's features; cleaning again here keeps
    anything imported or written from code from reaching a frontend unfiltered.
    """
    if not value:
        return ""
    return nh3.clean(
        expand_db_html(str(value)),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
    )
