from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def _restore_search_triggers(sender, using="default", **kwargs):
    """SQLite loses a table's triggers when a migration rebuilds it: put them back."""
    from django.db import connections

    from claims.search import schema

    connection = connections[using]
    with connection.cursor() as cursor:
        schema.ensure_triggers(cursor, connection.vendor)


def _add_sqlite_functions(sender, connection, **kwargs):
    """SQLite has no trigram similarity: name_like(q, name) stands in (claims/search)."""
    if connection.vendor == "sqlite":
        from claims.search import name_like

        connection.connection.create_function("name_like", 2, name_like, deterministic=True)


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Fact-check desk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_restore_search_triggers, sender=self)
        connection_created.connect(_add_sqlite_functions)
