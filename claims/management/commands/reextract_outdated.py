from django.core.management.base import BaseCommand

from claims import services
from claims.extraction import EXTRACTOR_VERSION


class Command(BaseCommand):
    help = (
        "Queue processed articles whose extractor version differs from the current one; "
        "claims with human work are kept and re-anchored."
    )

    def handle(self, **options):
        count = services.requeue_outdated_articles()
        self.stdout.write(
            f"Queued {count} article{'s' if count != 1 else ''} for extractor {EXTRACTOR_VERSION}."
        )
