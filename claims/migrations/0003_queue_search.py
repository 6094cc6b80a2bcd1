"""Schema for the claim queue at scale: an index per sort, and trigram search on PostgreSQL.

The trigram indexes are on UPPER(column) because that is what Django's `icontains` compares on
PostgreSQL. SQLite has no pg_trgm: there the search scans (laptop scale), so they are skipped.
"""

from django.db import migrations, models

TRIGRAM_INDEXES = {
    "claim_text_trgm": ("claims_claim", "text"),
    "claim_source_text_trgm": ("claims_claim", "source_text"),
    "article_headline_trgm": ("claims_article", "headline"),
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER({column}) gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def order_index(name, *fields):
    return migrations.AddIndex("claim", models.Index(fields=list(fields), name=name))


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles_and_verdicts")]
    operations = [
        order_index("claim_score_order", "-score", "id"),
        order_index("claim_created_order", "-created_at", "-id"),
        order_index("claim_state_order", "state", "-score", "id"),
        order_index("claim_kind_order", "kind", "-score", "id"),
        order_index("claim_assignee_order", "assignee", "-score", "id"),
        order_index("claim_verdict_order", "verdict", "-score", "id"),
        order_index("claim_source_order", "source", "-score", "id"),
        order_index("claim_due_order", "due_date", "-priority", "-score", "id"),
        order_index("claim_priority_order", "-priority", "due_date", "-score", "id"),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
