"""Create one demo user per role (idempotent) and print their passwords."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from claims.permissions import EDITORS, FACT_CHECKERS, VIEWERS

DEMO_USERS = [
    ("editor", "Editor", EDITORS, "Erin", "Editor"),
    ("checker", "Fact-checker", FACT_CHECKERS, "Chris", "Checker"),
    ("checker2", "Fact-checker", FACT_CHECKERS, "Casey", "Checker"),
    ("viewer", "Viewer", VIEWERS, "Val", "Viewer"),
]


class Command(BaseCommand):
    help = "Create the demo users (an editor, two fact-checkers, a viewer) for local use."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="newsroom-demo", help="Password for all.")

    def handle(self, password, **options):
        User = get_user_model()
        rows = []
        for username, role, group_name, first, last in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(Group.objects.get(name=group_name))
            rows.append((username, role, password if created else "(unchanged)"))
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.org", password)
            rows.append(("admin", "Superuser (Django admin)", password))
        # The port `make run` serves on (the Procfile reads the same variable).
        port = os.environ.get("WEB_PORT", "").strip() or "8000"
        self.stdout.write(f"Demo users (log in at http://127.0.0.1:{port}/):")
        for username, role, shown in rows:
            self.stdout.write(f"  {username:<10} {role:<26} password: {shown}")
