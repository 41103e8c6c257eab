"""What every serializer needs to know about the request it answers."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, Page

from ..caching import served_language
from ..locales import Locales


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

    @staticmethod
    def page_api_url(page_id: int) -> str:
        return reverse("kommunnatverk_api:page_detail", kwargs={"page_id": page_id})
