"""Schema for in-app notifications and exports."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_desk")]
    operations = []
