"""A page's description for search engines and link previews.

Editors rarely fill in Wagtail's "search description", but every page of the package
has an intro written for readers. The description is the search description when there
is one, else the intro as one line of plain text, cut at a word near 160 characters:
about what a search result shows before it cuts the text itself.
"""

import re

from django.utils.html import strip_tags

MAX_LENGTH = 160
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


def plain_line(text: str | None) -> str:
    """``text`` without markup, its whitespace (line breaks too) collapsed to single spaces."""
    return _SPACE.sub(" ", strip_tags(text or "")).strip()


def shortened(text: str, limit: int = MAX_LENGTH) -> str:
    """``text`` if it is at most ``limit`` characters, else cut at the last word that fits
    and ended with an ellipsis (the whole is at most ``limit`` characters)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    else:  # one word longer than the limit
        cut = cut[:-1]
    return cut.rstrip(" ,;:.–-") + ELLIPSIS


def page_description(page, limit: int = MAX_LENGTH) -> str:
    """The page's search description if set, else its intro, shortened; "" without either."""
    own = plain_line(getattr(page, "search_description", ""))
    if own:
        return own
    return shortened(plain_line(getattr(page, "intro", "")), limit)
