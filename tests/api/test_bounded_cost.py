"""No request's cost is unbounded: repeated filters are capped, and the most expensive
request the API allows costs a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kommunnatverk.api.queries import MAX_TAGS
from kommunnatverk.models import NewsIndexPage, NewsPage

from .. import factories

pytestmark = pytest.mark.django_db

TAGS = [f"tagg-{number}" for number in range(MAX_TAGS)]


@pytest.fixture
def tagged_news(sv, django_capture_on_commit_callbacks):
    index = NewsIndexPage.objects.filter(locale=sv).first()
    with django_capture_on_commit_callbacks(execute=True):  # the search index, on commit
        item = factories.news(
            index, "med-tio-taggar", title="Med tio taggar", date=datetime.date(2026, 1, 1)
        )
        NewsPage._meta.get_field("tags").save_form_data(item, TAGS)
        item.save_revision().publish()
        half = factories.news(index, "med-halva", title="Med hälften")
        NewsPage._meta.get_field("tags").save_form_data(half, TAGS[: MAX_TAGS // 2])
        half.save_revision().publish()
    return item


def tag_query(tags: list[str]) -> str:
    return "&".join(f"tag={slug}" for slug in tags)


def test_more_tags_than_allowed_is_a_problem_naming_the_parameter(api):
    """Outside the range the OpenAPI document gives (``maxItems``): a 422, as for
    ``offset`` or ``depth`` (docs/reference/api.md, Errors)."""
    response = api(f"pages/?type=news&{tag_query(TAGS + ['en-till'])}")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"
    assert [param["name"] for param in response.data["invalid_params"]] == ["tag"]
    assert str(MAX_TAGS) in response.data["invalid_params"][0]["reason"]


def test_the_document_declares_the_cap(client):
    document = client.get("/api/network/openapi.json").json()
    parameters = document["paths"]["/api/network/pages/"]["get"]["parameters"]
    tag = next(parameter for parameter in parameters if parameter["name"] == "tag")
    assert tag["schema"]["maxItems"] == MAX_TAGS


def test_every_tag_must_match_and_ten_cost_what_one_costs(api, tagged_news):
    """The attack that stalled two app servers: many random tags. Now one grouped
    subquery, whatever their number."""
    assert [item["slug"] for item in api(f"pages/?type=news&{tag_query(TAGS)}").data["items"]] == [
        "med-tio-taggar"
    ]
    costs = []
    for tags in (TAGS[:1], TAGS, [f"slump-{n}" for n in range(MAX_TAGS)]):
        with CaptureQueriesContext(connection) as queries:
            assert api(f"pages/?{tag_query(tags)}&limit=1").status_code == 200
        costs.append(len(queries))
    # Random tags find nothing, which costs less than a page of results.
    assert costs[0] == costs[1] >= costs[2], costs


def test_the_most_expensive_allowed_request_is_bounded(api, tagged_news):
    """Every filter at once, the largest page and a search: a fixed number of queries in
    one request."""
    index = tagged_news.get_parent()
    path = (
        f"pages/?{tag_query(TAGS)}&child_of={index.pk}&search=taggar&order=-last_published_at"
        "&date_from=2000-01-01&date_to=2100-01-01&fallback=en&limit=100&offset=0&type=news"
    )
    one_tag = path.replace(tag_query(TAGS), tag_query(TAGS[:1]))
    api(one_tag)  # the per-version snapshot is read once, by the first request
    with CaptureQueriesContext(connection) as queries:
        response = api(path)
    assert response.status_code == 200, response.data
    assert [item["slug"] for item in response.data["items"]] == ["med-tio-taggar"]
    # Measured: 14 (the version, the parents of child_of, the search in each language,
    # the count, the window, its pages, tags, translations). None of them repeats per
    # tag or per item.
    assert len(queries) <= 20, [query["sql"][:120] for query in queries.captured_queries]
    with CaptureQueriesContext(connection) as fewer:  # another URL, so not from the cache
        api(path.replace(tag_query(TAGS), tag_query(TAGS[:-1])))
    assert len(fewer) == len(queries)


@pytest.mark.parametrize("value", ["0", "1700000000", "2026-1-1", "20260101"])
def test_a_date_parameter_takes_only_the_documented_format(api, value):
    """Pydantic reads a number as Unix time; the document promises YYYY-MM-DD (found by
    the fuzz run: ``date_to=0`` was accepted as 1970-01-01)."""
    response = api(f"pages/?type=news&date_to={value}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert any("date_to" in str(error) for error in response.data["invalid_params"])
