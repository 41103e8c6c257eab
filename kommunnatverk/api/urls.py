"""Mount the delivery API with ``path("api/network/", include("kommunnatverk.api.urls"))``."""

from django.urls import path

from .app import api

urlpatterns = [path("", api.urls)]
