"""A database that is down answers as one: 503 with ``Retry-After``, not Django's 500.

Add it first in ``MIDDLEWARE``::

    MIDDLEWARE = [
        "kommunnatverk.middleware.DatabaseUnavailableMiddleware",
        "django.middleware.security.SecurityMiddleware",
        ...
    ]

The delivery API answers its own problem document (``api.errors``) under any ``DEBUG``;
this middleware covers the HTML pages, the admin and the feeds, and an error raised
outside a view (say a session saved on the way out): an outer middleware sees it. A
visitor gets a page in the language of the address (``/en/…`` English, else the
request's language), and an API client or an ``Accept: application/json`` request the
same problem document as the API's.
"""

import logging
import sys
from typing import Any

from django.conf import settings
from django.core.signals import got_request_exception
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from . import conf
from .api.errors import DATABASE_UNAVAILABLE, service_unavailable

logger = logging.getLogger(__name__)

API_NAMESPACE = "kommunnatverk_api"
TEMPLATE = "kommunnatverk/503.html"
# Set on a request whose error Django turned into a 500 before this middleware saw it.
RAISED = "_kommunnatverk_database_unavailable"


def _note_database_unavailable(sender: Any, request: HttpRequest | None = None, **kwargs) -> None:
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_UNAVAILABLE):
        setattr(request, RAISED, error)


got_request_exception.connect(
    _note_database_unavailable, dispatch_uid="kommunnatverk.database_unavailable"
)


def _wants_problem(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and API_NAMESPACE in match.namespaces:
        return True
    return request.accepts("application/json") and not request.accepts("text/html")


def _language(request: HttpRequest) -> str:
    """The address's language (``/en/…``), else the one ``LocaleMiddleware`` chose."""
    return (
        translation.get_language_from_path(request.path_info)
        or getattr(request, "LANGUAGE_CODE", None)
        or settings.LANGUAGE_CODE
    )


def unavailable_page(request: HttpRequest, error: BaseException | None = None) -> HttpResponse:
    """The 503 page. It reads no database: it has no page, site or menu to show."""
    retry_after = conf.get("OUTAGE_RETRY_AFTER")
    language = _language(request)
    context = {
        "language": language,
        "retry_after": retry_after,
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        # A developer sees why (say a database never migrated); a visitor does not.
        "error": error if settings.DEBUG else None,
    }
    with translation.override(language):
        html = render_to_string(TEMPLATE, context)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


def unavailable(request: HttpRequest, error: BaseException) -> HttpResponse:
    logger.warning("Database unavailable, answered 503 for %s: %s", request.path, error)
    if _wants_problem(request):
        return service_unavailable(error)
    return unavailable_page(request, error)


class DatabaseUnavailableMiddleware:
    """Turns ``OperationalError`` and ``InterfaceError`` into a 503 (see the module)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        error = getattr(request, RAISED, None)
        if error is not None and response.status_code == 500:
            return unavailable(request, error)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return unavailable(request, exception)
        return None
