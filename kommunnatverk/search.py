"""Wagtail's database search backend, with each language stemmed as itself on PostgreSQL.

Wagtail's PostgreSQL backend indexes and queries everything with one text-search
configuration. Here an object is indexed with the configuration of its locale (Swedish
for ``sv``, English for ``en``), and a search runs with the configuration of the
language it searches, so "miljömål" finds "miljömålen". Other databases get Wagtail's
own database backend unchanged.

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "kommunnatverk.search"}}
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.db import connection
from wagtail.models import Locale

DEFAULT_LOCALE_CONFIGS = {"sv": "swedish", "en": "english"}
_language: ContextVar[str | None] = ContextVar("kommunnatverk_search_language", default=None)


@contextmanager
def in_language(language_code: str) -> Iterator[None]:
    """Searches inside run with that language's text-search configuration."""
    token = _language.set(language_code)
    try:
        yield
    finally:
        _language.reset(token)


def SearchBackend(params: dict):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)


@cache
def _postgres_backend_class():
    # Imported late: the PostgreSQL backend module refuses to load without psycopg.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class _IndexerView:
        """The backend as Wagtail's ObjectIndexer reads it, with another configuration."""

        def __init__(self, backend, config: str) -> None:
            self.config = config
            self.autocomplete_config = backend.autocomplete_config

    class LocaleIndex(PostgresIndex):
        def add_items(self, model, objs) -> None:
            backend = self.backend
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            groups = defaultdict(list)
            for obj in objs:
                language = codes.get(getattr(obj, "locale_id", None))
                groups[backend.config_for_language(language)].append(obj)
            try:
                for config, group in groups.items():
                    self.backend = _IndexerView(backend, config)
                    super().add_items(model, group)
            finally:
                self.backend = backend

    class LocaleQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for_language(_language.get())

    class LocalePostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LocaleQueryCompiler
        index_class = LocaleIndex

        def __init__(self, params: dict) -> None:
            super().__init__(params)
            self.locale_configs = {**DEFAULT_LOCALE_CONFIGS, **params.get("LOCALE_CONFIGS", {})}
            # Without a language (the admin's search), the language editors write in.
            self.config = params.get("SEARCH_CONFIG") or self.locale_configs["sv"]

        def config_for_language(self, language_code: str | None) -> str:
            return self.locale_configs.get(language_code, self.config)

    return LocalePostgresSearchBackend
