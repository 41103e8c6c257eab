"""The pages endpoints: full summaries, full details, find by path, fallback."""

import pytest
from django.test import override_settings

from kommunnatverk.models import NewsPage

from .. import factories

pytestmark = pytest.mark.django_db


def test_news_list_items_are_full_summaries_in_their_language(api, en):
    response = api("pages/?type=news&locale=en")
    assert response.status_code == 200
    assert response.data["count"] == 3
    water = next(i for i in response.data["items"] if i["slug"] == "world-water-day-22-march")
    assert water["type"] == "news"
    assert water["intro"] == "22 March is World Water Day."
    assert water["tags"] == [{"name": "water", "slug": "water"}]
    assert water["date"] is None
    assert "thumbnail" in water
    assert water["meta"]["locale"] == "en"
    assert water["meta"]["url"] == "/en/news/world-water-day-22-march/"
    assert water["meta"]["fallback"] is False


def test_project_summaries_carry_status_period_and_goals(api):
    items = api("pages/?type=project&locale=sv").data["items"]
    school = next(i for i in items if i["slug"] == "hallbart-resande-i-skolan")
    assert school["status"] == "recruiting"
    assert school["status_label"] == "Söker deltagare"
    assert [g["code"] for g in school["goals"]] == ["4", "11", "13"]
    assert {g["colour"] for g in school["goals"]} >= {"#C5192D"}


def test_detail_carries_meta_translations_sidebar_goals_and_organisations(api, network, en):
    page = network.news["hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande"]
    data = api(f"pages/{page.get_translation(en).pk}/").data
    assert data["meta"]["type"] == "kommunnatverk.NewsPage"
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["api_url"] == f"/api/network/pages/{data['id']}/"
    assert data["meta"]["first_published_at"]
    assert {(t["locale"], t["id"]) for t in data["translations"]} == {
        ("sv", page.pk),
        ("en", page.get_translation(en).pk),
    }
    assert data["contact_sidebar"]["title"] == "Contact"
    assert [c["name"] for c in data["contact_sidebar"]["contacts"]] == ["Maj-Liz", "Maria"]
    goal = data["goals"][0]
    assert goal == {
        **goal,
        "code": "4",
        "title": "Quality education",
        "colour": "#C5192D",
        "locale": "en",
    }
    assert goal["framework"]["slug"] == "agenda-2030"
    assert {o["name"] for o in data["organisations"]} == {
        "Hållbar utveckling Väst (Sustainable Development West)",
        "Swedish Energy Agency",
    }
    assert data["projects"][0]["url"] == "/en/projects/sustainable-travel-in-school/"


def test_find_by_path_honours_the_locale_prefix(api):
    english = api("pages/find/?path=/en/")
    assert english.status_code == 200
    assert english.data["type"] == "network"
    assert english.data["meta"]["locale"] == "en"
    assert english.data["title"] == "The Municipal Network for Sustainable Development"
    assert {t["locale"] for t in english.data["translations"]} == {"sv", "en"}
    swedish = api("pages/find/?path=/nytt-i-natverket/")
    assert swedish.data["type"] == "news_index"
    assert swedish.data["meta"]["locale"] == "sv"


def test_find_unknown_path_is_a_404_problem(api):
    response = api("pages/find/?path=/en/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"


def untranslated_news(network, title: str = "Bara på svenska") -> NewsPage:
    return factories.news(network.news_index, "bara-pa-svenska", title=title)


def test_missing_translation_without_fallback_is_a_404_that_says_so(api, network):
    page = untranslated_news(network)
    response = api(f"pages/{page.pk}/?locale=en")
    assert response.status_code == 404
    assert response.data["type"].endswith("translation-missing")
    assert "no published translation in 'en'" in response.data["detail"]


def test_fallback_serves_the_swedish_original_marked_as_such(api, network):
    page = untranslated_news(network)
    data = api(f"pages/{page.pk}/?locale=en&fallback=sv").data
    assert data["id"] == page.pk
    assert data["meta"]["locale"] == "sv"
    assert data["meta"]["fallback"] is True

    items = api("pages/?type=news&locale=en&fallback=sv").data["items"]
    assert {i["meta"]["locale"] for i in items} == {"en", "sv"}
    assert [i["id"] for i in items if i["meta"]["fallback"]] == [page.pk]
    # Translated pages are never doubled by their Swedish originals.
    assert len(items) == 4


def test_site_default_fallback_from_settings(api, network):
    page = untranslated_news(network)
    with override_settings(KOMMUNNATVERK={"FALLBACK_LOCALE": "sv"}):
        data = api(f"pages/{page.pk}/?locale=en").data
        assert data["meta"]["fallback"] is True
        assert api(f"pages/{page.pk}/?locale=en&fallback=none").status_code == 404


def test_find_falls_back_to_the_swedish_tree(api, network):
    untranslated_news(network)
    response = api("pages/find/?path=/en/nytt-i-natverket/bara-pa-svenska/&fallback=sv")
    assert response.status_code == 200
    assert response.data["meta"]["fallback"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "type=group&locale=en",
            {
                "Environmental Strategy Group",
                "Nature Conservation Group",
                "Fair and Ethical Trade Group",
            },
        ),
        ("tag=vatten", {"Internationella vattendagen – 22 mars"}),
        (
            "tag=hallbart-resande&tag=skola&type=news",
            {"Högstadieklasser sökes till nytt projekt om hållbart resande"},
        ),
        ("status=recruiting", {"Hållbart resande i skolan"}),
        ("search=kranvatten", {"Internationella vattendagen – 22 mars"}),
    ],
)
def test_filters(api, query, expected):
    response = api(f"pages/?{query}")
    assert response.status_code == 200, response.data
    assert {i["title"] for i in response.data["items"]} == expected
    assert response.data["count"] == len(expected)


def test_relation_filters_match_across_locales(api, network, en):
    group = network.groups["miljostrategigruppen"]
    english = api(f"pages/?group={group.pk}&locale=en").data["items"]
    assert {i["title"] for i in english} == {
        "More jobs and a better economy through municipal environmental objectives",
        "Smaller municipalities' work on environmental objectives on business terms",
    }


def test_goal_and_organisation_filters(api, network):
    water = network.goals["6"]
    assert [i["slug"] for i in api(f"pages/?goal={water.pk}").data["items"]] == [
        "internationella-vattendagen-22-mars"
    ]
    agency = network.organisations["Energimyndigheten"]
    assert {i["type"] for i in api(f"pages/?organisation={agency.pk}").data["items"]} == {
        "news",
        "project",
    }


def test_date_filters_and_order(api, network):
    import datetime

    page = network.water_day
    page.date = datetime.date(2013, 3, 22)
    page.save_revision().publish()
    dated = api("pages/?type=news&date_from=2013-01-01&date_to=2013-12-31").data["items"]
    assert [i["slug"] for i in dated] == [page.slug]
    ordered = api("pages/?type=news&order=-date").data["items"]
    assert ordered[0]["slug"] == page.slug
    titles = [i["title"] for i in api("pages/?type=group&order=title").data["items"]]
    assert titles == sorted(titles)


def test_child_of_and_pagination(api, network):
    first = api(f"pages/?child_of={network.page.pk}&limit=2")
    assert first.data["count"] == 5
    assert len(first.data["items"]) == 2
    rest = api(f"pages/?child_of={network.page.pk}&limit=2&offset=2").data["items"]
    assert not {i["id"] for i in rest} & {i["id"] for i in first.data["items"]}
