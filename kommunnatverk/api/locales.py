"""All locales, loaded once per request (or per content version) and shared by parameters
and serializers; the content languages among them are the ones served."""

from django.http import HttpRequest
from wagtail.models import Locale

from ..content import snapshot
from ..content.languages import in_content_languages

ATTRIBUTE = "_kommunnatverk_locales"


class Locales:
    def __init__(self, by_id: dict[int, Locale]) -> None:
        self.by_id = by_id
        self.by_code = {locale.language_code: locale for locale in by_id.values()}
        # What the API serves: the content languages that have a locale, in their order.
        self.content = in_content_languages(by_id)

    @classmethod
    def of(cls, request: HttpRequest) -> "Locales":
        locales = getattr(request, ATTRIBUTE, None)
        if locales is None:
            current = snapshot.of(request)
            by_id = (
                current.locales_by_id
                if current is not None
                else {locale.pk: locale for locale in Locale.objects.all()}
            )
            locales = cls(by_id)
            setattr(request, ATTRIBUTE, locales)
        return locales
