"""Record which task queue an article's extraction went to (main or background)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0005_notifications"),
    ]
    operations = [
        migrations.AddField(
            model_name="article",
            name="queue",
            field=models.CharField(
                choices=[
                    ("main", "Main (uploads and retries)"),
                    ("background", "Background (re-extraction after an extractor upgrade)"),
                ],
                default="main",
                help_text="The task queue its latest extraction was sent to.",
                max_length=10,
            ),
        ),
    ]
