"""The reference templates' search page: public network pages in the request's language.

The same search as the API's ``?search=``: each language stemmed as itself, hits narrowed
to the public pages of the request's Site (``content.search``).
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Site

from ..content import search
from ..content.languages import content_languages
from ..validators import has_control_characters

MAX_HITS = 1000
PER_PAGE = 20


def _query_problem(query: str) -> str | None:
    if len(query) > search.MAX_QUERY_LENGTH:
        limit = search.MAX_QUERY_LENGTH
        return gettext("Search for at most %(count)d characters.") % {"count": limit}
    if has_control_characters(query):
        return gettext("The search contains characters that cannot be searched for.")
    return None


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    language = translation.get_language()
    locale = None
    if language in content_languages():
        locale = Locale.objects.filter(language_code=language).first()
    problem = _query_problem(query)
    results = None
    if query and not problem and locale is not None:
        site = Site.find_for_request(request)
        try:
            pages = search.search_public_pages(query, locale, site, MAX_HITS)
        except search.UnsearchableQuery:
            problem = gettext("The search could not be understood; remove quotes or operators.")
        else:
            results = Paginator(pages if site else [], PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "kommunnatverk/search.html",
        {"query": query, "problem": problem, "results": results},
        status=400 if problem else 200,
    )
