"""Query parameters shared by several endpoints, validated with a clear problem each."""

import re
from datetime import date
from typing import Annotated

from django.http import HttpRequest
from pydantic import BeforeValidator
from wagtail.models import Locale, Site

from .. import conf
from ..content.languages import content_languages
from ..validators import has_control_characters
from .errors import ApiProblem, bad_param, not_found
from .locales import Locales

MAX_ID = 2**31 - 1  # ids above this overflow the database (a 500 on SQLite)

# Text without control characters, which databases refuse (PostgreSQL: NUL). A pattern in
# the document, so a client (and a fuzzer) knows before it asks; a 422 otherwise.
PLAIN_TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
# An absolute URL path: /, then segments without /, \ or control characters.
_SEGMENT = r"[^/\\\x00-\x1f\x7f]"
HTML_PATH_PATTERN = rf"^/({_SEGMENT}+/)*{_SEGMENT}*$"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: object) -> object:
    """Pydantic also reads ``0`` or ``1700000000`` as a date (Unix time); the document
    promises YYYY-MM-DD, so anything else is refused."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("Use a date as YYYY-MM-DD.")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]

# ``meta.translation_status`` is opt-in: it costs a list a query and every item work,
# and a frontend rarely shows it (an editorial dashboard does).
TRANSLATION_STATUS_DESCRIPTION = (
    "true: fill each page's `meta.translation_status`; otherwise it is null."
)


def locale_param(request: HttpRequest, code: str | None, param: str = "locale") -> Locale:
    """The locale named by ``code`` (default: the source locale); 400 if unknown."""
    if code is None:  # an empty ``locale=`` is no language code: a 400
        code = conf.get("SOURCE_LOCALE")
    if code not in content_languages():
        known = ", ".join(content_languages())
        raise bad_param(param, f"Unknown locale '{code}'. Use one of: {known}.")
    locale = Locales.of(request).by_code.get(code)
    if locale is None:
        raise missing_param(param, f"The locale '{code}' has not been set up on this site.")
    return locale


def missing_param(param: str, detail: str) -> ApiProblem:
    """A 404 naming the parameter: a value of the right form names something the site
    does not have (an id no published page has, a locale not set up)."""
    return ApiProblem(404, "not-found", "Not found", detail, param)


def fallback_param(request: HttpRequest, code: str | None, locale: Locale) -> Locale | None:
    """The fallback locale: the parameter, else the site default; ``none`` turns it off."""
    if code is None:
        code = conf.get("FALLBACK_LOCALE") or "none"
    if code == "none" or code == locale.language_code:
        return None
    return locale_param(request, code, "fallback")


def check_fallback(code: str | None) -> None:
    """A ``fallback`` given where it may not apply (no ``locale``) is still checked: a
    value outside the document's enum is refused wherever it is sent."""
    if code is not None and code != "none" and code not in content_languages():
        known = ", ".join([*content_languages(), "none"])
        raise bad_param("fallback", f"Unknown locale '{code}'. Use one of: {known}.")


def request_site(request: HttpRequest) -> Site:
    """The site of the request's host, else the default site; 404 when there is none."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise not_found("No site is configured.")
    return site


def text_param(param: str, value: str) -> str:
    """Free text without control characters, which databases refuse (PostgreSQL: NUL)."""
    if has_control_characters(value):
        raise bad_param(param, f"{param} must not contain control characters.")
    return value


def limit_param(limit: int | None) -> int:
    maximum = conf.get("API_MAX_LIMIT")
    if limit is None:
        return conf.get("API_DEFAULT_LIMIT")
    if limit > maximum:
        raise bad_param("limit", f"limit cannot be more than {maximum}.")
    return limit
