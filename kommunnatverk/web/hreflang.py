"""hreflang alternates of a page's translations, shared by the sitemap and templates."""

from collections.abc import Iterable

from django.http import HttpRequest
from wagtail.models import Page

from .. import conf


def alternates(translations: Iterable[Page], request: HttpRequest | None) -> list[dict[str, str]]:
    """``{"lang_code", "location"}`` for each of ``translations`` (a page and its
    translations, ``locale`` loaded) with a URL, and ``x-default`` for the source
    locale; empty unless there are at least two languages to choose between."""
    links = [
        {"lang_code": page.locale.language_code, "location": url}
        for page in translations
        if (url := page.get_full_url(request))
    ]
    if len(links) < 2:
        return []
    source = next((link for link in links if link["lang_code"] == conf.get("SOURCE_LOCALE")), None)
    if source is not None:
        links.append({"lang_code": "x-default", "location": source["location"]})
    return links
