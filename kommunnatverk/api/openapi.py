"""What Django Ninja's document leaves out, added so it says exactly what is sent:
problem+json errors, 304s, response headers, the site's enums, servers, licence,
contact and tags. Third-party linters (Redocly, Spectral) and schemathesis check it.
"""

from typing import Any

from .. import conf
from .enums import values
from .errors import PROBLEM_JSON

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

TAGS = [
    {"name": "pages", "description": "Pages of the network: lists, details, lookup by path."},
    {"name": "navigation", "description": "The site's menu tree."},
    {
        "name": "snippets",
        "description": "Goal frameworks, goals, organisations and contact sidebars.",
    },
    {"name": "preview", "description": "Drafts for a preview token; never cached."},
]


def _header(description: str, **schema: Any) -> dict:
    return {"description": description, "required": True, "schema": {"type": "string", **schema}}


HEADERS = {
    "ETag": _header(
        'A strong ETag, "<hash>-<language>"; send it back in If-None-Match.',
        pattern='^"[0-9a-f]+-[A-Za-z0-9-]+"$',
    ),
    "Cache-Control": _header(
        "The setting API_CACHE_CONTROL on a response that may be cached; no-store on errors "
        "and previews."
    ),
    "Content-Language": _header(
        "The language of the content served: the locale asked for (or the page's own), the "
        "fallback's on a page served in the fallback locale; en on a problem."
    ),
    "Vary": _header("Accept, and whatever the site's middleware adds."),
    "Retry-After": _header(
        "Seconds to wait before trying again (OUTAGE_RETRY_AFTER).", pattern="^[0-9]+$"
    ),
}

IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "required": False,
    "description": "An ETag of an earlier response; while it is current the answer is a 304 "
    "without a body.",
    "schema": {"type": "string"},
}


def _headers(*names: str) -> dict:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in names}


def _refine_operation(operation: dict) -> None:
    responses = operation["responses"]
    conditional = "304" in responses or 304 in responses
    for status in list(responses):
        response = responses[status]
        code = int(status)
        if code == 200:
            names = ("ETag", "Cache-Control", "Content-Language", "Vary")
            response["headers"] = _headers(*(names if conditional else names[1:3]))
        elif code == 304:
            response["description"] = "Not Modified: If-None-Match holds the current ETag."
            response["headers"] = _headers("ETag", "Cache-Control", "Content-Language", "Vary")
        elif code >= 400:
            response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
            names = ("Cache-Control", "Content-Language")
            response["headers"] = _headers(*names, *(("Retry-After",) if code == 503 else ()))
        responses[str(status)] = responses.pop(status)
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "limit":  # the setting, as the site stands
            for schema in parameter["schema"].get("anyOf", [parameter["schema"]]):
                if schema.get("type") == "integer":
                    schema["maximum"] = conf.get("API_MAX_LIMIT")
    if conditional:
        operation["parameters"] = [*operation.get("parameters", []), IF_NONE_MATCH]


def _fill_enums(node: Any) -> Any:
    """Replace every ``{"x-enum": name}`` marker by the set's members, as the site stands."""
    if isinstance(node, dict):
        name = node.pop("x-enum", None)
        if name is not None:
            node["enum"] = values(name)
        for value in node.values():
            _fill_enums(value)
    elif isinstance(node, list):
        for value in node:
            _fill_enums(value)
    return node


def refine(document: dict) -> dict:
    document["info"]["license"] = {
        "name": "BSD-3-Clause",
        "url": "https://opensource.org/license/bsd-3-clause",
    }
    document["info"]["contact"] = {
        "name": "kommunnatverk",
        "url": "https://github.com/kommunnatverk/kommunnatverk",
    }
    document["servers"] = [
        {"url": "/", "description": "The site serving this document; paths include the mount."}
    ]
    # Anonymous: nothing is needed to read published content (a preview's token is a
    # query parameter the preview endpoints declare).
    document["security"] = []
    document["tags"] = TAGS
    for operations in document["paths"].values():
        for operation in operations.values():
            _refine_operation(operation)
    document["components"]["headers"] = HEADERS
    return _fill_enums(document)
