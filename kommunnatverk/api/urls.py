"""Mount the delivery API with ``path("api/network/", include("kommunnatverk.api.urls"))``."""

from django.urls import path, re_path

from . import http
from .app import api

_patterns, _app_name, _namespace = api.urls
urlpatterns = [
    path("", (http.wrap_patterns(_patterns), _app_name, _namespace)),
    # Last: any other address under the mount, the mount itself included.
    re_path(r"^(?P<rest>.*)$", http.not_found, name="kommunnatverk_api_not_found"),
]
