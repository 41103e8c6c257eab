"""A site extends a package page type in its own app (tests/extension, as in
docs/how-to/extend.md): the tree accepts it, and the API serves it with its fields."""

import datetime

import pytest
from django.utils import timezone

from kommunnatverk.models import NewsIndexPage, NewsPageGoal
from tests.extension.models import EventNewsPage

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(network):
    index = network.news_index
    page = EventNewsPage(
        title="Nätverksträff i Borås",
        slug="natverkstraff-i-boras",
        intro="Vi ses på Textilmuseet.",
        venue="Textilmuseet, Borås",
        starts_at=timezone.make_aware(datetime.datetime(2027, 3, 4, 9, 30)),
        programme='<p>Fika och <b>workshop</b></p><script>alert("x")</script>',
    )
    page.goal_links = [NewsPageGoal(goal=network.goals["11"])]
    page.tags.add(factories.NetworkTagFactory(name="träff", slug="traff"))
    return factories.add_page(index, page)


def test_the_news_index_accepts_the_subclass():
    assert EventNewsPage in NewsIndexPage.allowed_subpage_models()
    assert EventNewsPage.can_exist_under(NewsIndexPage.objects.first())


def test_detail_is_a_news_item_with_the_sites_fields(api, event):
    data = api(f"pages/{event.pk}/").data
    assert data["type"] == "news"
    assert [goal["code"] for goal in data["goals"]] == ["11"]
    assert data["tags"] == [{"name": "träff", "slug": "traff"}]
    assert data["extra"] == {
        "venue": "Textilmuseet, Borås",
        "starts_at": "2027-03-04T08:30:00Z",
        "programme": "<p>Fika och <b>workshop</b></p>",
    }


def test_the_package_types_have_no_extra_fields(api, event):
    index = NewsIndexPage.objects.get(pk=event.get_parent().pk)
    assert api(f"pages/{index.pk}/").data["extra"] == {}


def test_list_and_find_serve_it_as_news(api, event):
    items = api("pages/?type=news&limit=100").data["items"]
    mine = next(item for item in items if item["id"] == event.pk)
    assert mine["type"] == "news" and mine["tags"] == [{"name": "träff", "slug": "traff"}]
    found = api(f"pages/find/?path={event.url}").data
    assert found["id"] == event.pk and found["extra"]["venue"] == "Textilmuseet, Borås"
