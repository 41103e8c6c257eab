"""All locales, loaded once per request and shared by parameters and serializers."""

from django.http import HttpRequest
from wagtail.models import Locale

ATTRIBUTE = "_kommunnatverk_locales"


class Locales:
    def __init__(self) -> None:
        self.by_id = {locale.pk: locale for locale in Locale.objects.all()}
        self.by_code = {locale.language_code: locale for locale in self.by_id.values()}

    @classmethod
    def of(cls, request: HttpRequest) -> "Locales":
        locales = getattr(request, ATTRIBUTE, None)
        if locales is None:
            locales = cls()
            setattr(request, ATTRIBUTE, locales)
        return locales
