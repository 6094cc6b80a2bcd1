"""Schema for saved views, bulk-action undo and schedule events."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_queue_search"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]
    operations = [
        migrations.CreateModel(
            name="BulkAction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("action", models.CharField(max_length=20)),
                ("description", models.CharField(max_length=200)),
                ("changes", models.JSONField(default=list)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("undone_at", models.DateTimeField(blank=True, null=True)),
                (
                    "actor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bulk_actions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["-created_at", "-id"]},
        ),
        migrations.CreateModel(
            name="SavedView",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100)),
                (
                    "shared",
                    models.BooleanField(default=False, help_text="Everyone on the desk sees it."),
                ),
                (
                    "params",
                    models.CharField(help_text="The queue's query string.", max_length=1000),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="saved_views",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["name", "id"]},
        ),
        migrations.AlterField(
            model_name="claimevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("created", "Created"),
                    ("assigned", "Assigned"),
                    ("state", "State changed"),
                    ("verdict", "Verdict proposed"),
                    ("evidence_linked", "Evidence linked"),
                    ("evidence_unlinked", "Evidence unlinked"),
                    ("comment", "Comment"),
                    ("reextracted", "Re-extracted"),
                    ("scheduled", "Due date or priority changed"),
                    ("undone", "Bulk change undone"),
                ],
                max_length=20,
            ),
        ),
    ]
