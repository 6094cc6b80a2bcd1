"""A claim's history records that its source was merged into another."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0006_article_queue"),
    ]
    operations = [
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
                    ("source_merged", "Source merged"),
                ],
                max_length=20,
            ),
        ),
    ]
