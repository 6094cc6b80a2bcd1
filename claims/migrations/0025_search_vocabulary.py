"""The desk's vocabulary for "Did you mean …?" (claims/search/schema.py, suggestions.py)."""

from django.db import migrations

from claims.search import schema


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        schema.create_vocabulary(cursor, schema_editor.connection.vendor)


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        schema.drop_vocabulary(cursor, schema_editor.connection.vendor)


class Migration(migrations.Migration):
    dependencies = [("claims", "0024_archive_import")]
    operations = [migrations.RunPython(create, drop)]
