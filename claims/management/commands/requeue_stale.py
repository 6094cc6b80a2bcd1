from django.core.management.base import BaseCommand

from claims import services
from claims.services import webhooks


class Command(BaseCommand):
    help = (
        "Re-enqueue articles stuck in the queue (e.g. the broker was down at upload time) and "
        "webhook deliveries whose message was lost."
    )

    def handle(self, **options):
        count = services.requeue_stale_articles()
        self.stdout.write(f"Re-enqueued {count} article{'s' if count != 1 else ''}.")
        sent = webhooks.requeue_stale_deliveries()
        if sent:
            self.stdout.write(f"Sent again {sent} webhook deliver{'ies' if sent != 1 else 'y'}.")
