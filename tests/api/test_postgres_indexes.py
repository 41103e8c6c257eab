"""PostgreSQL finds the news list's first page through an index, not a sort of them all."""

import pytest
from django.db import connection, transaction
from django.db.models import F

from kommunnatverk.models import NewsPage

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a PostgreSQL index (migration 0006); make test-postgres runs this",
)


def test_the_news_list_order_can_be_read_from_an_index(sv):
    newest_first = (
        NewsPage.objects.live()
        .filter(locale=sv)
        .order_by(F("date").desc(nulls_last=True), "-first_published_at", "-pk")
        .values_list("pk", flat=True)[:20]
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # With sorting priced out, only a matching index can give this order.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = newest_first.explain()
    assert "kommunnatverk_news_date_desc_nulls_last" in plan, plan
