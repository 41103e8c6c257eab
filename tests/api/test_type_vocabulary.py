"""One vocabulary for types: a client filters by what a response shows. ``type`` names an
item's shape (``news``), ``meta.type`` its Wagtail model (``kommunnatverk.NewsPage``, or
a site's subclass); ``pages/?type=`` takes either."""

import pytest

from .test_extension import event  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.data["items"]]


def test_the_model_label_filters_as_the_type_name_does(api, network):
    news = ids(api("pages/?type=news&limit=100"))
    assert news
    assert ids(api("pages/?type=kommunnatverk.NewsPage&limit=100")) == news


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_every_item_is_found_by_its_type_and_by_its_meta_type(api, network, locale):
    items = api(f"pages/?locale={locale}&limit=100").data["items"]
    assert {item["type"] for item in items} >= {"network", "group", "news", "project"}
    for item in items:
        for shown in (item["type"], item["meta"]["type"]):
            found = ids(api(f"pages/?locale={locale}&limit=100&type={shown}"))
            assert item["id"] in found, (shown, item["id"])


def test_a_sites_subclass_is_listed_by_its_own_label_and_with_its_type(api, event):  # noqa: F811
    detail = api(f"pages/{event.pk}/").data
    assert (detail["type"], detail["meta"]["type"]) == ("news", "extension.EventNewsPage")
    assert ids(api("pages/?type=extension.EventNewsPage")) == [event.pk]
    assert event.pk in ids(api("pages/?type=news&limit=100"))
    document = api("openapi.json").data
    meta_type = document["components"]["schemas"]["PageMeta"]["properties"]["type"]
    assert "extension.EventNewsPage" in meta_type["enum"]


def test_an_unknown_type_is_a_422_naming_it(api):
    response = api("pages/?type=kommunnatverk.Nothing")
    assert response.status_code == 422
    assert [p["name"] for p in response.data["invalid_params"]] == ["type"]


@pytest.mark.parametrize(
    "query",
    [
        "type=group&status=ongoing",
        "type=group&tag=skola",
        "type=network&date_from=2020-01-01",
        "type=news&date_from=2014-01-01&date_to=2013-01-01",
    ],
)
def test_a_filter_that_does_not_apply_to_the_type_keeps_no_page(api, network, query):
    """As on a mixed list, where ``status`` alone lists projects: valid, and empty."""
    response = api(f"pages/?{query}")
    assert response.status_code == 200
    assert response.data["count"] == 0 and response.data["items"] == []


def test_ordering_by_a_field_the_type_lacks_ties_every_page(api, network):
    groups = api("pages/?type=group&order=date&limit=100")
    assert groups.status_code == 200
    assert ids(groups) == sorted(ids(groups))


def test_navigation_types_are_the_type_names_or_other_models_labels(api, network):
    document = api("openapi.json").data
    allowed = document["components"]["schemas"]["NavigationItem"]["properties"]["type"]["enum"]
    assert {"network", "group", "news_index"} <= set(allowed)

    def walk(items):
        for item in items:
            yield item
            yield from walk(item["children"])

    shown = [item["type"] for item in walk(api("navigation/?depth=4").data["items"])]
    assert shown and set(shown) <= set(allowed)
    assert "kommunnatverk.NetworkPage" not in shown
