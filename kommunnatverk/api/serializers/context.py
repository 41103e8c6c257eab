"""What every serializer needs to know about the request it answers."""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, Page


@dataclass
class ApiContext:
    request: HttpRequest
    locale: Locale
    _codes: dict[int, str] = field(default_factory=dict)

    def code(self, locale_id: int) -> str:
        """Language code of a locale id; one query per request for all of them."""
        if not self._codes:
            self._codes.update(Locale.objects.values_list("pk", "language_code"))
        return self._codes[locale_id]

    def page_url(self, page: Page) -> str | None:
        return page.get_url(self.request)

    def page_full_url(self, page: Page) -> str | None:
        return page.get_full_url(self.request)

    @staticmethod
    def page_api_url(page_id: int) -> str:
        return reverse("kommunnatverk_api:page_detail", kwargs={"page_id": page_id})
