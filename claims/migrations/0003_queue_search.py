"""Schema for the claim queue at scale (search index and other indexes)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles_and_verdicts")]
    operations = []
