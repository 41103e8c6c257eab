"""The test site's URLs, and a page that fails, to see the 500 page as a visitor would."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest
from django.urls import path

from .urls import handler404, handler500, urlpatterns  # noqa: F401 - Django reads both


class PageFailure(Exception):
    """What the failing page raises: any bug in a view a site adds."""


def failing_view(request: HttpRequest):
    raise PageFailure("a bug in a view")


urlpatterns = [
    *i18n_patterns(path("trasig/", failing_view), prefix_default_language=False),
    *urlpatterns,
]
