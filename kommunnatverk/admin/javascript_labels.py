"""The package's JavaScript catalogue, for the labels of the admin's scripts.

Wagtail's and wagtail-localize's JavaScript catalogues each read only their own app's
translations (``JavaScriptCatalog(packages=[...])``), so the package's Swedish for labels
their catalogues lack ("Search options…") never reaches them as the server's labels do.
The package serves its own catalogue and merges it into theirs: Django's catalogue script adds
its entries to the page's ``django.catalog``, later scripts over earlier ones.
"""

from django.http import HttpRequest, HttpResponse
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response
from wagtail.admin.views import i18n as wagtail_i18n

_package_catalogue = JavaScriptCatalog.as_view(packages=["kommunnatverk"])


def catalogue(request: HttpRequest) -> HttpResponse:
    """The package's JavaScript labels, in the language of the user's admin."""
    return get_localized_response(_package_catalogue, request)


def extend_admin_catalogue() -> None:
    """Make Wagtail's admin catalogue (``/admin/jsi18n/``) carry the package's labels too.

    Wagtail's scripts look up some labels as they load, right after its catalogue and before
    any script a hook can add, so the package's entries must be in that catalogue itself.
    Its view reads the module's ``js_catalog`` on each request; later packages win.
    """
    wagtail_i18n.js_catalog = JavaScriptCatalog.as_view(packages=["wagtail.admin", "kommunnatverk"])
