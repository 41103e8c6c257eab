"""The content version every cached surface keys on: the API's ETags and response cache,
the HTML page cache and the per-version snapshot."""

from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from ..models import ContentVersion


def content_version() -> str:
    """The shared counter and the number of live pages past ``expire_at``, in one query.

    Every request runs this, 304s included, so the SQL is written out: the ORM took
    longer to compile the subquery than the database took to answer it.
    """
    quote = connection.ops.quote_name
    page_table = quote(Page._meta.db_table)
    version_table = quote(ContentVersion._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    expired = (
        f"SELECT COUNT(*) FROM {page_table}"  # noqa: S608 - identifiers from model metadata
        f" WHERE {quote('live')} AND {quote('expire_at')} <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('counter')}, ({expired}) FROM {version_table}"  # noqa: S608
            f" WHERE {quote('id')} = 1",
            [now],
        )
        row = cursor.fetchone()
    if row is None:  # nothing saved since migrate
        expired_pages = Page.objects.filter(live=True, expire_at__lte=timezone.now()).count()
        return f"0.{expired_pages}"
    return f"{row[0]}.{row[1]}"
