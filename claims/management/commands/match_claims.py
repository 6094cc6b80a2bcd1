"""Match claims against the archive now: ``manage.py match_claims [--all]``.

By default the claims never matched (e.g. the broker was down when they were extracted) and
those whose suggestions an older matcher stored; ``--all`` re-matches every claim (after a large
import, say).
"""

from django.core.management.base import BaseCommand

from claims import services
from claims.models import Claim


class Command(BaseCommand):
    help = (
        "Find 'checked before' matches for claims never matched or matched by an older "
        "matcher (--all: every claim)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="re-match every claim")

    def handle(self, *args, **options):
        claims = Claim.objects.order_by("pk") if options["all"] else services.unmatched_claims()
        count = 0
        for pk in claims.values_list("pk", flat=True).iterator():
            services.match_claim(pk)
            count += 1
        self.stdout.write(f"Matched {count} claim(s).")
