"""Search in each language: the hits of the search backend, narrowed to public pages.

Each locale is searched in its own language (``kommunnatverk.search`` stems Swedish as
Swedish on PostgreSQL), so "miljömål" finds "miljömålen".
"""

from django.db import DatabaseError, transaction
from wagtail.models import Locale, Page, Site

from ..search import in_language
from . import registry
from .public import public_pages

MAX_QUERY_LENGTH = 200


class UnsearchableQuery(ValueError):
    """The database's full-text parser refused the query (an unbalanced quote for SQLite's
    FTS5, for one): the caller answers 400, not 500."""


def ranked_page_ids(query: str, locales: list[Locale], limit: int) -> dict[int, int]:
    """Live page id → rank, best first: each locale searched in its own language, the
    first locale's hits before the next's. The caller narrows them with
    :func:`~.public.public_pages`, as :func:`search_public_pages` does."""
    ranking: dict[int, int] = {}
    for locale in locales:
        searchable = Page.objects.live().filter(locale=locale).type(*registry.page_models())
        try:
            # A savepoint, so a refused query leaves PostgreSQL's transaction usable.
            with in_language(locale.language_code), transaction.atomic():
                hits = list(searchable.search(query, operator="and")[:limit])
        except DatabaseError as error:
            raise UnsearchableQuery(str(error)) from error
        for page in hits:
            ranking.setdefault(page.pk, len(ranking))
    return ranking


def search_public_pages(query: str, locale: Locale, site: Site | None, limit: int) -> list[Page]:
    """The public pages of ``site`` in ``locale`` that match, best first, as their types."""
    ranking = ranked_page_ids(query, [locale], limit)
    found = public_pages(site=site).filter(locale=locale, pk__in=list(ranking))
    return sorted(found.specific(), key=lambda page: ranking[page.pk])
