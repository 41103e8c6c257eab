"""The package's page and snippet types, read from the models.

Each content model declares ``api_type``: the name the API, webhooks, previews and purges
know it by. A site's subclass of a package type inherits the name (a site's
``EventPage(NewsPage)`` is ``news``), so it takes part everywhere without being listed.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import DraftStateMixin, Page

APP_LABEL = "kommunnatverk"


@dataclass(frozen=True)
class Kind:
    """One content type: its name and the package model that declares it."""

    name: str
    model: type[Model]

    @property
    def is_page(self) -> bool:
        return issubclass(self.model, Page)


@cache
def kinds() -> tuple[Kind, ...]:
    """Every declared type, in the order of the package's models."""
    declared = []
    for model in apps.get_app_config(APP_LABEL).get_models():
        name = model.__dict__.get("api_type")
        if name:
            declared.append(Kind(name, model))
    return tuple(declared)


@cache
def _by_name() -> dict[str, Kind]:
    return {kind.name: kind for kind in kinds()}


def page_types() -> dict[str, type[Page]]:
    """Type name → the package's page model: ``{"network": NetworkPage, …}``."""
    return {kind.name: kind.model for kind in kinds() if kind.is_page}


def snippet_types() -> dict[str, type[Model]]:
    """Type name → the package's publishable snippet model (drafts, revisions, API)."""
    return {
        kind.name: kind.model
        for kind in kinds()
        if not kind.is_page and issubclass(kind.model, DraftStateMixin)
    }


def snippet_models() -> tuple[type[Model], ...]:
    """Every snippet model an editor manages: the publishable ones and tags."""
    return tuple(kind.model for kind in kinds() if not kind.is_page)


def type_name(model: type) -> str | None:
    """The type name of a model or of the package type it extends; None for others."""
    name = getattr(model, "api_type", None)
    kind = _by_name().get(name) if isinstance(name, str) else None
    return name if kind is not None and issubclass(model, kind.model) else None


def is_page(obj: object) -> bool:
    """Whether ``obj`` is a page of one of the package's types (or a site's subclass)."""
    return isinstance(obj, Page) and type_name(type(obj)) is not None


def is_snippet(obj: object) -> bool:
    """Whether ``obj`` is one of the package's publishable snippets."""
    return isinstance(obj, tuple(snippet_types().values()))


@cache
def page_models() -> tuple[type[Page], ...]:
    """The package's page types and every subclass a site makes of them."""
    ours = tuple(page_types().values())
    return tuple(model for model in apps.get_models() if issubclass(model, ours))


def page_content_type_ids() -> list[int]:
    """Content type ids of :func:`page_models`, to filter pages on in SQL (ContentType
    caches them, so this costs no query after the first)."""
    types = ContentType.objects.get_for_models(*page_models())
    return [content_type.pk for content_type in types.values()]
