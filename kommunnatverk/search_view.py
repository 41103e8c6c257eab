"""The reference templates' search page: public network pages in the request's language.

The same search as the API's ``?search=``: each language stemmed as itself, hits narrowed
to live, unexpired, unrestricted pages of the request's site.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from . import search
from .api.queries import PAGE_MODELS, public_pages
from .pages_public import under_site

MAX_HITS = 1000
PER_PAGE = 20


def _query_problem(query: str) -> str | None:
    if len(query) > search.MAX_QUERY_LENGTH:
        limit = search.MAX_QUERY_LENGTH
        return gettext("Search for at most %(count)d characters.") % {"count": limit}
    if search.has_control_characters(query):
        return gettext("The search contains characters that cannot be searched for.")
    return None


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    problem = _query_problem(query)
    results = None
    if query and not problem and locale is not None:
        try:
            ranking = search.ranked_page_ids(query, [locale], PAGE_MODELS.values(), MAX_HITS)
        except search.UnsearchableQuery:
            problem = gettext("The search could not be understood; remove quotes or operators.")
        else:
            found = under_site(public_pages(), request, locale).filter(pk__in=list(ranking))
            pages = sorted(found.specific(), key=lambda page: ranking[page.pk])
            results = Paginator(pages, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "kommunnatverk/search.html",
        {"query": query, "problem": problem, "results": results},
        status=400 if problem else 200,
    )
