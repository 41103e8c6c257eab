"""The reference templates' search page: the request's language, public pages only, and a
message (not a 500) for a query that cannot be searched."""

import pytest
from wagtail.models import PageViewRestriction

from . import factories


@pytest.fixture
def news(network):
    index = network.news_index
    public = factories.news(index, "cykelpendling-boras", title="Cykelpendling ökar i Borås")
    draft = factories.news(
        index, "cykelpendling-utkast", title="Cykelpendling utkast", publish=False
    )
    private = factories.news(index, "cykelpendling-internt", title="Cykelpendling internt")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return public, draft, private


def test_finds_public_pages_in_the_language_of_the_url(client, news):
    public, draft, private = news
    body = client.get("/network/search/?q=cykelpendling").content.decode()
    assert public.title in body
    assert draft.title not in body and private.title not in body
    assert 'lang="sv"' in body
    english = client.get("/en/network/search/?q=cykelpendling")
    assert english.status_code == 200
    assert public.title not in english.content.decode()
    assert 'lang="en"' in english.content.decode()


def test_an_empty_search_shows_the_form(client, db):
    response = client.get("/network/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["x" * 5000, "a\x00b", "' OR 1=1 --", "!!&|:*()<->", '"unterminated', "☃" * 50, "*"],
)
def test_any_query_gets_results_or_a_400_with_a_message(client, db, query):
    response = client.get("/network/search/", {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert 'class="error"' in response.content.decode()
