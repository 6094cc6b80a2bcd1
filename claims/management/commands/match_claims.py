"""Match claims against the archive now: ``manage.py match_claims [--all]``.

By default only claims never matched (e.g. the broker was down when they were extracted);
``--all`` re-matches every claim (after a large import or a new matcher version).
"""

from django.core.management.base import BaseCommand

from claims import services
from claims.models import Claim


class Command(BaseCommand):
    help = "Find 'checked before' matches for claims that have none yet (--all: every claim)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="re-match every claim")

    def handle(self, *args, **options):
        claims = Claim.objects.order_by("pk") if options["all"] else services.unmatched_claims()
        count = 0
        for pk in claims.values_list("pk", flat=True).iterator():
            services.match_claim(pk)
            count += 1
        self.stdout.write(f"Matched {count} claim(s).")
