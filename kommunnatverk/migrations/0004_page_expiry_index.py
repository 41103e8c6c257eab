"""A partial index on Wagtail's page table for live pages with an expiry time.

Every API request, 304s included, counts the live pages already past ``expire_at`` for
its ETag (``api.caching.content_version``). Wagtail does not index ``expire_at``, so the
count scanned the whole page tree. Few pages have an expiry, so the index stays small;
Wagtail's own ``publish_scheduled`` command, which asks the same question, uses it too.
"""

from django.db import migrations

INDEX = "kommunnatverk_page_live_expiry"


class Migration(migrations.Migration):
    dependencies = [
        ("kommunnatverk", "0003_news_date_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                f'CREATE INDEX "{INDEX}" ON "wagtailcore_page" ("expire_at") '
                '  WHERE "live" AND "expire_at" IS NOT NULL'
            ),
            reverse_sql=f'DROP INDEX "{INDEX}"',
        ),
    ]
