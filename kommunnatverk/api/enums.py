"""The closed sets of values the API takes and sends, for the OpenAPI document's enums.

Fixed sets are ``Literal`` types. Sets a site decides, its content languages and its
page models, are marked ``{"x-enum": name}`` in a schema and listed from the settings and
the model registry when the document is built (:func:`values`).
"""

from typing import Annotated, Literal

from pydantic import Field
from wagtail.models import Page, get_page_models

from ..content.languages import content_languages
from ..content.registry import page_types, snippet_types, type_name
from ..models import Organisation

LOCALES = "locales"
FALLBACKS = "fallbacks"
PAGE_MODELS = "page-models"
PAGE_TYPE_FILTERS = "page-type-filters"
NAVIGATION_TYPES = "navigation-types"

NO_FALLBACK = "none"

EventTime = Literal["upcoming", "past"]
OrganisationKind = Literal[tuple(Organisation.Kind.values)]  # type: ignore[valid-type]
SnippetType = Literal[tuple(snippet_types())]  # type: ignore[valid-type]

# ``pages/?order=``: a field, ``-`` in front for descending.
ORDER_FIELDS = (
    "title",
    "path",
    "first_published_at",
    "last_published_at",
    "date",
    "start_date",
    "start",
)
Order = Literal[tuple(f"{sign}{name}" for name in ORDER_FIELDS for sign in ("", "-"))]  # type: ignore[valid-type]

LocaleParam = Annotated[str, Field(json_schema_extra={"x-enum": LOCALES})]
FallbackParam = Annotated[str, Field(json_schema_extra={"x-enum": FALLBACKS})]
PageTypeParam = Annotated[str, Field(json_schema_extra={"x-enum": PAGE_TYPE_FILTERS})]


def model_label(model: type[Page]) -> str:
    """What ``meta.type`` shows: ``kommunnatverk.NewsPage``."""
    return model._meta.label


def page_models() -> dict[str, type[Page]]:
    """``meta.type`` → model: the package's page models and every site subclass of them."""
    return {model_label(model): model for model in get_page_models() if type_name(model)}


def page_type_filter(value: str) -> tuple[str, type[Page]] | None:
    """The package's type name and the model that ``pages/?type=value`` lists: a type name
    (``news``) or a model label as ``meta.type`` shows it (``kommunnatverk.NewsPage``, or a
    site's subclass, which lists that subclass only). None for anything else."""
    model = page_types().get(value) or page_models().get(value)
    if model is None:
        return None
    return type_name(model), model


def values(name: str) -> list[str]:
    """The members of the set called ``name``, as the site stands now."""
    if name == LOCALES:
        return list(content_languages())
    if name == FALLBACKS:
        return [*content_languages(), NO_FALLBACK]
    if name == PAGE_MODELS:
        return sorted(page_models())
    if name == PAGE_TYPE_FILTERS:
        return [*page_types(), *sorted(page_models())]
    if name == NAVIGATION_TYPES:
        others = sorted(model_label(m) for m in get_page_models() if not type_name(m))
        return [*page_types(), *others]
    raise KeyError(name)
