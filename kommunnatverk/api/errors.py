"""RFC 9457 problem details, always naming the parameter at fault."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError as NinjaValidationError

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://kommunnatverk.readthedocs.io/reference/api/#problem-"


class InvalidParam(Schema):
    name: str
    reason: str


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    invalid_params: list[InvalidParam] = []


# Every GET may answer these besides 200; 304 has no body (If-None-Match held the ETag).
RESPONSES = {304: None, 400: Problem, 404: Problem, 422: Problem}


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
    response = HttpResponse(body.model_dump_json(), status=status, content_type=PROBLEM_JSON)
    response["Cache-Control"] = "no-store"
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

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(404, "not-found", "Not found", str(exc) or "Not found.", [])
