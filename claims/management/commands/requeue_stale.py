from django.core.management.base import BaseCommand

from claims import services


class Command(BaseCommand):
    help = "Re-enqueue articles stuck in the queue (e.g. the broker was down at upload time)."

    def handle(self, **options):
        count = services.requeue_stale_articles()
        self.stdout.write(f"Re-enqueued {count} article{'s' if count != 1 else ''}.")
