"""What every serializer needs to know about the request it answers."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from ..caching import served_language
from ..locales import Locales

# The detail URL of page 0, split where the id goes: reversed once per request, not once
# per page (a list's items, translations and links each name one).
API_URL_ATTRIBUTE = "_kommunnatverk_page_api_url"


@dataclass
class ApiContext:
    """The first context a view makes for a request is in the language the response is
    served in, which becomes its ``Content-Language`` (``caching.served_language``)."""

    request: HttpRequest
    locale: Locale

    def __post_init__(self) -> None:
        served_language(self.request, self.locale.language_code)

    def code(self, locale_id: int) -> str:
        """Language code of a locale id, from the locales loaded once per request."""
        return Locales.of(self.request).by_id[locale_id].language_code

    def page_url(self, page: Page) -> str | None:
        return page.get_url(self.request)

    def page_full_url(self, page: Page) -> str | None:
        return page.get_full_url(self.request)

    def page_urls(self, page: Page) -> tuple[str | None, str | None]:
        """``(page_url(page), page_full_url(page))`` from one ``get_url_parts``, which both
        of Wagtail's methods compute again (a reverse in the page's language each)."""
        model = type(page)
        if model.get_url is not Page.get_url or model.get_full_url is not Page.get_full_url:
            return self.page_url(page), self.page_full_url(page)
        parts = page.get_url_parts(request=self.request)
        if parts is None or parts[1] is None and parts[2] is None:
            return None, None
        site_id, root_url, page_path = parts
        full_url = root_url + page_path
        # As Page.get_url: a local URL on the request's Site, or when there is one Site.
        current = Site.find_for_request(self.request)
        if current is not None and site_id == current.id:
            return page_path, full_url
        sites = {root_path[0] for root_path in page._get_site_root_paths(self.request)}
        return (page_path if len(sites) == 1 else full_url), full_url

    def page_api_url(self, page_id: int) -> str:
        template = getattr(self.request, API_URL_ATTRIBUTE, None)
        if template is None:
            url = reverse("kommunnatverk_api:page_detail", kwargs={"page_id": 0})
            head, tail = url.rsplit("/0/", 1)
            template = (head + "/", "/" + tail)
            setattr(self.request, API_URL_ATTRIBUTE, template)
        return f"{template[0]}{page_id}{template[1]}"
