"""Tags are language: each locale has its own, and tag filters stay within a locale."""

import pytest

from kommunnatverk.content.listings import news_items
from kommunnatverk.models import NetworkTag, NewsPage

from . import factories

pytestmark = pytest.mark.django_db


def test_typed_tags_are_created_in_the_pages_locale(sv, en):
    _, index = factories.news_tree()
    item = factories.news(index, "nyhet")
    NewsPage._meta.get_field("tags").save_form_data(item, ["Agenda 2030", "klimat", "klimat"])
    item.save()
    tags = NewsPage.objects.get(pk=item.pk).tags.all()
    assert sorted(t.name for t in tags) == ["Agenda 2030", "klimat"]
    assert {t.locale for t in tags} == {sv}


def test_same_name_in_two_locales_is_two_tags(sv, en):
    NetworkTag.objects.create(name="Agenda 2030", slug="agenda-2030", locale=sv)
    NetworkTag.objects.create(name="Agenda 2030", slug="agenda-2030", locale=en)
    assert NetworkTag.objects.filter(name="Agenda 2030").count() == 2


def test_english_page_carries_english_tags(network, en):
    english = network.english(network.water_day)
    assert [(t.name, t.locale) for t in english.tags.all()] == [("water", en)]


def test_filtering_by_tag_works_within_a_locale(network):
    swedish_index = network.news_index
    english_index = network.english(network.news_index)
    assert [p.slug for p in news_items(swedish_index, tag="vatten")] == [
        "internationella-vattendagen-22-mars"
    ]
    assert [p.slug for p in news_items(english_index, tag="water")] == ["world-water-day-22-march"]
    assert list(news_items(english_index, tag="vatten")) == []
    assert list(news_items(swedish_index, tag="water")) == []
