"""What every serializer needs to know about the request it answers."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, Page

from ..locales import Locales


@dataclass
class ApiContext:
    request: HttpRequest
    locale: Locale

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
