"""The content languages: the locales in which content is published.

``WAGTAIL_CONTENT_LANGUAGES`` (else ``LANGUAGES``) names them. A locale outside them (made
for a language being prepared, or left from an earlier setup) serves nothing: its pages
and snippets are not public, and no list of translations names it.
"""

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Locale

from . import snapshot


def content_languages() -> list[str]:
    """The codes of the content languages, in the order of the settings. Read from the
    settings each time, never raising: the system checks report what is wrong."""
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    return [code for code, _name in languages]


def content_locales() -> dict[int, Locale]:
    """Locale id → locale for the content languages that have a locale, in settings order;
    read once per content version within a request."""

    return snapshot.memo("content_locales", lambda: in_content_languages(all_locales()))


def in_content_languages(locales_by_id: dict[int, Locale]) -> dict[int, Locale]:
    """Those of ``locales_by_id`` in the content languages, in the settings' order."""
    by_code = {locale.language_code: locale for locale in locales_by_id.values()}
    return {by_code[code].pk: by_code[code] for code in content_languages() if code in by_code}


def all_locales() -> dict[int, Locale]:
    """Every locale by id, content language or not (a snippet's own locale may be any)."""
    current = snapshot.current()
    if current is not None:
        return current.locales_by_id
    return {locale.pk: locale for locale in Locale.objects.all()}


def content_locale_ids() -> list[int] | QuerySet:
    """What a query filters ``locale_id__in`` on: the ids, within a request; elsewhere a
    subquery, which costs no round trip of its own."""
    if snapshot.current() is not None:
        return list(content_locales())
    return Locale.objects.filter(language_code__in=content_languages()).values("pk")
