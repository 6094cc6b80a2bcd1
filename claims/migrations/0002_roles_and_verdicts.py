"""Create the desk's roles (groups) and a default verdict scale (editable in the admin)."""

from django.db import migrations

ROLES = ("Editors", "Fact-checkers", "Viewers")

VERDICTS = [
    # label, slug, ClaimReview ratingValue (1 worst .. 5 best; 0 = not rateable), colour
    ("True", "true", 5, "#1a7f37", "The claim is accurate."),
    ("Mostly true", "mostly-true", 4, "#4c9a2a", "Accurate but needs clarification."),
    ("Half true", "half-true", 3, "#bf8700", "Partly accurate; leaves out important details."),
    ("Misleading", "misleading", 2, "#d1651a", "Contains some truth but gives a false impression."),
    ("False", "false", 1, "#cf222e", "The claim is inaccurate."),
    ("Unverifiable", "unverifiable", 0, "#6e7781", "The available evidence cannot settle it."),
]


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Verdict = apps.get_model("claims", "Verdict")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for order, (label, slug, value, colour, description) in enumerate(VERDICTS):
        Verdict.objects.get_or_create(
            slug=slug,
            defaults={
                "label": label,
                "rating_value": value,
                "colour": colour,
                "order": order,
                "description": description,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("claims", "Verdict").objects.filter(slug__in=[v[1] for v in VERDICTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create, remove)]
