"""An index matching the news list's order on PostgreSQL: ``date DESC NULLS LAST``.

PostgreSQL cannot read the plain ``date`` index backwards for DESC NULLS LAST, so it
sorted every live news page of the locale for each list (4.4 ms at 3,000 per language,
0.3 ms with this index; bench/scale.py and docs/performance.md). SQLite needs nothing:
it sorts NULLs first, so the plain index read backwards is already in that order, and it
refuses NULLS LAST in an index.
"""

from django.db import migrations

INDEX = "kommunnatverk_news_date_desc_nulls_last"


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON kommunnatverk_newspage (date DESC NULLS LAST)"
        )


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("kommunnatverk", "0005_webhooks_and_preview")]

    operations = [migrations.RunPython(create, drop)]
