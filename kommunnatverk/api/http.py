"""HTTP around the API's views: HEAD answered as GET without a body, and every 404 and
405 under the mount a problem document, not Django's HTML."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, URLPattern, resolve
from django.views.decorators.csrf import csrf_exempt

from .errors import problem_response

ALLOWED = "GET, HEAD"


def method_not_allowed(request: HttpRequest) -> HttpResponse:
    response = problem_response(
        405,
        "method-not-allowed",
        "Method not allowed",
        f"The API answers GET and HEAD only, not {request.method}.",
        [],
    )
    response["Allow"] = ALLOWED
    return response


def with_head(view: Callable) -> Callable:
    """HEAD runs the GET and sends its status and headers, Content-Length included, without
    the body (RFC 9110 9.3.2); any other method but GET is a 405 problem."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        if request.method != "GET":
            return method_not_allowed(request)
        try:
            response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


def wrap_patterns(patterns: list) -> list:
    """The API's URL patterns with every view wrapped by :func:`with_head`. Ninja's root
    pattern (which raises Django's HTML 404, and names the mount for ``reverse``) answers
    as any other address the API lacks."""
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name == "api-root":
            pattern.callback = not_found
        elif isinstance(pattern, URLPattern):
            pattern.callback = with_head(pattern.callback)
        else:
            wrap_patterns(pattern.url_patterns)
    return patterns


@csrf_exempt
def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Any other address under the mount. One that lacks only its trailing slash is sent
    to the address with it, as Django's APPEND_SLASH would."""
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request)
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target)
    return problem_response(
        404, "not-found", "Not found", f"The API has no address {request.path}.", []
    )
