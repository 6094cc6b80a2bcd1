"""Evidence gets a `public` flag: interviews and notes already on the desk are taken off the
public page (they may name people who spoke in confidence); everything else stays listed."""

from django.db import migrations, models


def hide_interviews_and_notes(apps, schema_editor):
    Evidence = apps.get_model("claims", "Evidence")
    Evidence.objects.filter(kind__in=["interview", "note"]).update(public=False)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_corrections"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="public",
            field=models.BooleanField(
                default=True,
                help_text="Listed on the public page and in the ClaimReview of the claims it serves (off by default for interviews and notes).",
            ),
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
                    ("evidence_public", "Evidence shown or hidden on the public page"),
                    ("comment", "Comment"),
                    ("reextracted", "Re-extracted"),
                    ("scheduled", "Due date or priority changed"),
                    ("undone", "Bulk change undone"),
                    ("source_merged", "Source merged"),
                    ("added", "Added by hand"),
                    ("corrected", "Corrected"),
                    ("split", "Split"),
                    ("merged", "Merged"),
                    ("rejected", "Marked not a claim"),
                    ("accepted", "Marked a claim again"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(hide_interviews_and_notes, migrations.RunPython.noop),
    ]
