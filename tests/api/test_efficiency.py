"""Query counts do not grow with ``limit`` or with the number of pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from kommunnatverk.models import Goal, NetworkTag, NewsIndexPage, NewsPage, NewsPageGoal

from .. import factories
from ..transactions import module_scoped

pytestmark = pytest.mark.django_db

LIST_QUERY_BUDGET = 12
# docs/performance.md lists what a detail costs: the demo's news item below takes 6 (11
# before its link rows were read in one query, 13 before its contact sidebar was kept
# per content version); its richest, with organisations and their logos, takes 7.
DETAIL_QUERY_BUDGET = 7


def add_news(count: int, prefix: str) -> None:
    """News items with tags, goals and an image, so every item costs something."""
    sv = NewsIndexPage.objects.get(locale__language_code="sv").locale
    index = NewsIndexPage.objects.get(locale=sv)
    goals = list(Goal.objects.filter(locale=sv, framework__slug="agenda-2030")[:5])
    tags = [
        NetworkTag.objects.get_or_create(name=f"tagg {n}", slug=f"tagg-{n}", locale=sv)[0]
        for n in range(5)
    ]
    image = Image.objects.first() or Image.objects.create(title="Bild", file=get_test_image_file())
    for n in range(count):
        page = NewsPage(title=f"Nyhet {n}", slug=f"{prefix}-{n}", intro="Ingress", image=image)
        page.goal_links = [NewsPageGoal(goal=goals[n % 5]), NewsPageGoal(goal=goals[(n + 1) % 5])]
        page.tags.add(tags[n % 5], tags[(n + 2) % 5])
        factories.add_page(index, page)


@pytest.fixture(scope="module")
def many_news(django_db_setup, django_db_blocker):
    """40 more news items, built once for this module's tests and rolled back after them."""
    yield from module_scoped(django_db_blocker, lambda: add_news(40, "nyhet"))


@pytest.fixture(autouse=True)
def no_response_cache(settings):
    """Count the work a request does: with the response cache on, a repeated request is
    served from it in one query, and no budget here could fail."""
    settings.KOMMUNNATVERK = {**settings.KOMMUNNATVERK, "API_RESPONSE_CACHE": None}


def count_queries(api, path: str) -> int:
    api(path)  # renditions are made on first use; count the steady state
    with CaptureQueriesContext(connection) as queries:
        assert api(path).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_limit(api, many_news):
    counts = {limit: count_queries(api, f"pages/?type=news&limit={limit}") for limit in (5, 20, 43)}
    assert len(set(counts.values())) == 1, counts
    assert counts[5] <= LIST_QUERY_BUDGET


def test_mixed_list_costs_per_page_type_never_per_item(api, many_news):
    # Each of the six page types in a window adds its own prefetches, once.
    counts = {limit: count_queries(api, f"pages/?limit={limit}") for limit in (5, 60, 100)}
    assert counts[60] == counts[100], counts
    assert max(counts.values()) <= LIST_QUERY_BUDGET + 6, counts


def test_list_queries_do_not_grow_with_the_number_of_pages(api, sv, many_news):
    before = count_queries(api, "pages/?type=news&limit=20")
    add_news(10, "extra")
    assert count_queries(api, "pages/?type=news&limit=20") == before


def test_list_query_budget_with_filters(api, django_assert_max_num_queries, many_news):
    api("pages/?type=news&tag=tagg-1&limit=20")
    with django_assert_max_num_queries(LIST_QUERY_BUDGET):
        api("pages/?type=news&tag=tagg-1&limit=20")


def test_detail_is_bounded(api, django_assert_max_num_queries, many_news, sv):
    small = NewsPage.objects.get(slug="nyhet-1")
    big = NewsPage.objects.get(slug="hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande")
    assert count_queries(api, f"pages/{big.pk}/") <= count_queries(api, f"pages/{small.pk}/") + 4
    with django_assert_max_num_queries(DETAIL_QUERY_BUDGET):
        api(f"pages/{big.pk}/")


def test_a_detail_reads_all_its_link_rows_in_one_query(api, many_news):
    """Tags, groups, projects, goals and organisations: one UNION of the link tables,
    not a query per relation, and the detail still shows every one of them."""
    page = NewsPage.objects.get(slug="fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal")
    relations = ("tagged_items", "group_links", "project_links", "goal_links")
    link_tables = [
        NewsPage._meta.get_field(name).related_model._meta.db_table
        for name in (*relations, "organisation_links")
    ]
    api(f"pages/{page.pk}/")
    with CaptureQueriesContext(connection) as queries:
        data = api(f"pages/{page.pk}/").data
    reading_links = [
        q["sql"] for q in queries.captured_queries if any(t in q["sql"] for t in link_tables)
    ]
    assert len(reading_links) == 1, reading_links
    assert [tag["slug"] for tag in data["tags"]] == [
        link.tag.slug for link in page.tagged_items.order_by("pk")
    ]
    assert [goal["id"] for goal in data["goals"]] == [
        link.goal_id for link in page.goal_links.all()
    ]
    assert [org["id"] for org in data["organisations"]] == [
        link.organisation_id for link in page.organisation_links.all()
    ]
    assert data["tags"] and data["goals"] and data["organisations"]


def test_translation_status_costs_a_list_one_query_and_a_detail_none(api, many_news):
    page = NewsPage.objects.get(slug="nyhet-1")
    list_path, detail_path = "pages/?type=news&limit=20", f"pages/{page.pk}/"
    plain = count_queries(api, list_path)
    assert count_queries(api, list_path + "&translation_status=true") == plain + 1
    assert count_queries(api, detail_path + "?translation_status=true") == count_queries(
        api, detail_path
    )


def test_the_contact_sidebar_is_read_once_per_content_version(api, network, many_news):
    first, second = NewsPage.objects.filter(slug__in=["nyhet-1", "nyhet-2"]).order_by("slug")
    assert api(f"pages/{first.pk}/").data["contact_sidebar"] is not None
    with CaptureQueriesContext(connection) as queries:
        data = api(f"pages/{second.pk}/").data
    assert data["contact_sidebar"]["id"] == network.sidebar.pk
    assert not [q for q in queries.captured_queries if "kommunnatverk_contact" in q["sql"]]

    # A change gives a new content version, and the next detail shows it.
    network.sidebar.title = "Ny rubrik"
    network.sidebar.save()
    assert api(f"pages/{second.pk}/").data["contact_sidebar"]["title"] == "Ny rubrik"
