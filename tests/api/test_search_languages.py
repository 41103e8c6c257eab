"""Search finds content in the language it searches; on PostgreSQL, stemmed as that
language (Swedish inflections for sv, English for en)."""

import pytest
from django.db import connection

from kommunnatverk.models import NewsPage

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="language stemming is PostgreSQL's text search; make test-postgres runs this",
)


@pytest.fixture
def news_in_both_languages(network):
    index_sv = network.news_index
    index_en = network.english(network.news_index)
    swedish = NewsPage(
        title="Kommunerna når miljömålen",
        slug="kommunerna-nar-miljomalen",
        intro="Tre kommuner redovisar hållbara resultat.",
    )
    index_sv.add_child(instance=swedish)
    swedish.save_revision().publish()
    english = NewsPage(
        title="Municipalities reach their environmental goals",
        slug="municipalities-reach-goals",
        intro="Three councils report sustainable results.",
    )
    index_en.add_child(instance=english)
    english.save_revision().publish()
    return swedish, english


def found(api, query: str, locale: str) -> list[str]:
    response = api(f"pages/?type=news&locale={locale}&search={query}&limit=100")
    assert response.status_code == 200, response.data
    return [item["slug"] for item in response.data["items"]]


def test_a_search_finds_only_the_requested_language(api, news_in_both_languages):
    swedish, english = news_in_both_languages
    assert swedish.slug in found(api, "miljömålen", "sv")
    assert swedish.slug not in found(api, "miljömålen", "en")
    assert english.slug in found(api, "environmental", "en")
    assert english.slug not in found(api, "environmental", "sv")


@postgres_only
def test_swedish_inflections_match_on_postgres(api, news_in_both_languages):
    swedish, _english = news_in_both_languages
    # What PostgreSQL's Swedish snowball stemmer really does:
    assert swedish.slug in found(api, "miljömål", "sv")  # miljömålen -> miljömål
    assert swedish.slug in found(api, "kommuner", "sv")  # kommunerna -> kommun
    assert swedish.slug in found(api, "kommunernas", "sv")
    # ...and does not: compounds are not split, so miljömålsarbete is its own word.
    assert swedish.slug not in found(api, "miljömålsarbete", "sv")


@postgres_only
def test_english_inflections_match_on_postgres(api, news_in_both_languages):
    _swedish, english = news_in_both_languages
    assert english.slug in found(api, "goal", "en")  # goals -> goal
    assert english.slug in found(api, "municipality", "en")  # municipalities -> municip
    assert english.slug not in found(api, "goal", "sv")


@postgres_only
def test_each_page_is_indexed_with_its_own_languages_configuration(news_in_both_languages):
    from wagtail.search.models import IndexEntry

    swedish, english = news_in_both_languages
    vectors = dict(
        IndexEntry.objects.filter(object_id__in=[str(swedish.pk), str(english.pk)])
        .exclude(title_text="")
        .values_list("object_id", "title")
    )
    assert "'miljömål'" in vectors[str(swedish.pk)]  # Swedish stem, not 'miljömålen'
    assert "'goal'" in vectors[str(english.pk)]  # English stem, not 'goals'
