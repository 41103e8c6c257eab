"""RFC 9457 problem details, always naming the parameter at fault."""

import logging
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ConfigDict, Field

from .. import conf

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://kommunnatverk.readthedocs.io/reference/api/#problem-"
# A problem's title and detail are English, whatever the locale asked for.
PROBLEM_LANGUAGE = "en"


class InvalidParam(Schema):
    name: str = Field(description="The parameter at fault, such as locale.")
    reason: str


class Problem(Schema):
    """An RFC 9457 problem document, sent as application/problem+json."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    type: str = Field(description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str = Field(description="What went wrong with this request, in English.")
    invalid_params: list[InvalidParam] = Field(
        default_factory=list, description="The parameters at fault; empty for other problems."
    )


# Every GET may answer these besides 200; 304 has no body (If-None-Match held the ETag),
# 503 comes with Retry-After while the database cannot be reached. ``openapi.refine``
# declares the errors' media type and every response's headers.
RESPONSES = {304: None, 400: Problem, 404: Problem, 422: Problem, 503: Problem}

# What a database that is down, restarting or unreachable raises: the request may
# succeed if repeated later, so it is a 503, never a 500. Django closes a connection that
# raised one at the end of the request, and the next request connects afresh.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class ApiProblem(Exception):
    """Raised anywhere in the API to answer with a problem document."""

    def __init__(self, status: int, kind: str, title: str, detail: str, param: str | None = None):
        super().__init__(detail)
        self.status, self.kind, self.title, self.detail, self.param = (
            status,
            kind,
            title,
            detail,
            param,
        )

    def as_response(self) -> HttpResponse:
        invalid = [{"name": self.param, "reason": self.detail}] if self.param else []
        return problem_response(self.status, self.kind, self.title, self.detail, invalid)


def bad_param(param: str, detail: str, status: int = 400) -> ApiProblem:
    return ApiProblem(status, "invalid-parameter", "Invalid parameter", detail, param)


def not_found(detail: str, kind: str = "not-found") -> ApiProblem:
    return ApiProblem(404, kind, "Not found", detail)


def problem_response(
    status: int, kind: str, title: str, detail: str, invalid_params: list[dict[str, Any]]
) -> HttpResponse:
    body = Problem(
        type=PROBLEM_BASE + kind,
        title=title,
        status=status,
        detail=detail,
        invalid_params=[InvalidParam(**item) for item in invalid_params],
    )
    response = HttpResponse(
        body.model_dump_json(), status=status, content_type=f"{PROBLEM_JSON}; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = PROBLEM_LANGUAGE
    return response


def service_unavailable(error: BaseException | None = None) -> HttpResponse:
    """The 503 problem while the database cannot be reached, with ``Retry-After``. With
    ``DEBUG`` on, the detail names the database's error (say a database never migrated)."""
    retry_after = conf.get("OUTAGE_RETRY_AFTER")
    detail = f"The content cannot be read right now. Try again in {retry_after} seconds."
    if settings.DEBUG and error is not None:
        detail += f" The database said: {error}"
    response = problem_response(503, "service-unavailable", "Service unavailable", detail, [])
    response["Retry-After"] = str(retry_after)
    return response


def register(api: NinjaAPI) -> None:
    @api.exception_handler(ApiProblem)
    def on_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
        return exc.as_response()

    @api.exception_handler(NinjaValidationError)
    def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        invalid = []
        for error in exc.errors:
            location = [str(part) for part in error.get("loc", ())]
            if location and location[0] in ("query", "path", "body", "header", "cookie"):
                location = location[1:]
            invalid.append(
                {"name": ".".join(location) or "request", "reason": error.get("msg", "")}
            )
        names = ", ".join(item["name"] for item in invalid)
        return problem_response(
            422, "invalid-parameter", "Invalid parameter", f"Invalid value for {names}.", invalid
        )

    def on_database_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.warning("Database unavailable, answered 503 for %s: %s", request.path, exc)
        return service_unavailable(exc)

    for error in DATABASE_UNAVAILABLE:
        api.add_exception_handler(error, on_database_unavailable)

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(404, "not-found", "Not found", str(exc) or "Not found.", [])
