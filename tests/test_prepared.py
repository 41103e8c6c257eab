"""A query compiled once per process gives what its query set gives, every time."""

import pytest
from django.db.models import Q

from kommunnatverk.api.serializers.pages import detail_queryset
from kommunnatverk.content.prepared import SENTINEL, PreparedQuery, prepared
from kommunnatverk.models import NewsPage

from .network import JOBS_NEWS, WATER_DAY

pytestmark = pytest.mark.django_db


def loaded(page) -> dict:
    """What an instance holds: its loaded fields and its joined image."""
    fields = {name: value for name, value in page.__dict__.items() if not name.startswith("_")}
    image = page.__dict__.get("_state").fields_cache.get("image", "not joined")
    return {**fields, "image": getattr(image, "pk", image)}


def test_a_prepared_query_gives_the_query_sets_instances(network):
    build = lambda pk: detail_queryset(NewsPage).filter(pk=pk).order_by()  # noqa: E731
    query = PreparedQuery(build(SENTINEL))
    for slug in (JOBS_NEWS, WATER_DAY):
        page = NewsPage.objects.get(slug=slug)
        (expected,) = build(page.pk)
        (found,) = query.run(page.pk)
        assert type(found) is NewsPage
        assert loaded(found) == loaded(expected)
        assert found.get_deferred_fields() == expected.get_deferred_fields() != set()
    assert query.run(10**9) == []


def test_a_prepared_query_reads_the_rows_as_they_are_now(network):
    page = NewsPage.objects.get(slug=WATER_DAY)
    query = prepared(("test", "title"), lambda pk: NewsPage.objects.filter(pk=pk).order_by())
    assert query.run(page.pk)[0].title == page.title
    NewsPage.objects.filter(pk=page.pk).update(title="Ny rubrik")
    assert query.run(page.pk)[0].title == "Ny rubrik"


def test_a_query_with_more_than_its_one_value_is_refused(network):
    with pytest.raises(ValueError, match="exactly one"):
        PreparedQuery(NewsPage.objects.filter(Q(pk=SENTINEL) | Q(page_ptr_id=SENTINEL)))
    with pytest.raises(ValueError, match="exactly one"):
        PreparedQuery(NewsPage.objects.all())
    with pytest.raises(ValueError, match="prefetches"):
        PreparedQuery(NewsPage.objects.filter(pk=SENTINEL).prefetch_related("goal_links"))
