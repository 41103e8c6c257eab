"""The request's site in the HTML-side views (feeds, sitemap)."""

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Locale, Site


def under_site(queryset: QuerySet, request: HttpRequest, locale: Locale | None = None) -> QuerySet:
    """``queryset`` narrowed to the request's site (its root and that root's translations),
    in ``locale`` when given."""
    site = Site.find_for_request(request)
    if site is None:
        return queryset.none()
    roots = site.root_page.get_translations(inclusive=True)
    if locale is not None:
        roots = roots.filter(locale=locale)
    condition = Q(pk__in=[])
    for path in roots.values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)
