"""Thin Celery tasks: they take ids and call services."""

import logging
import uuid
from datetime import datetime

from celery import Task, shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from claims import services
from claims.services import webhooks

log = logging.getLogger(__name__)

TRANSIENT_ERRORS = services.TRANSIENT_ERRORS


class ArticleTask(Task):
    """Marks the article failed, with a reason an editor can read, once retries are exhausted."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        article_id = args[0] if args else kwargs.get("article_id")
        reason = (
            "Processing failed after several attempts "
            f"({type(exc).__name__}: {str(exc)[:200]}). Use “Retry” to try again."
        )
        try:
            services.mark_failed(article_id, reason)
        except DatabaseError:
            log.exception("Could not mark article %s as failed", article_id)


# Safe to run twice, so: acknowledged only when done, run again if the worker dies, and retried
# with backoff on database and broker errors only.
RELIABLE = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(
    bind=True,
    base=ArticleTask,
    **RELIABLE,
    # The run's own budget (services.time_budget) stops it cleanly with a message; this hard limit
    # kills the process if it is stuck where a signal cannot reach (inside a C library).
    time_limit=settings.ARTICLE_TIME_LIMIT + 60,
)
def extract_article(self, article_id):
    """Read the upload, split it into claims and store them; safe to run twice."""
    services.process_article(article_id, lease=self.request.id or f"local-{uuid.uuid4()}")
    enqueue_matching(article_id)


def enqueue_matching(article_id):
    """Queue "checked before?" matching for an article's claims on the background queue (an
    upload does not wait behind it); if the broker is down now, the periodic
    `match_unmatched_claims` catches up."""
    try:
        match_article_claims.apply_async(args=[article_id], queue=settings.CELERY_BACKGROUND_QUEUE)
    except Exception:  # noqa: BLE001 - matching can wait; the extraction is saved
        log.exception("Could not queue matching for article %s", article_id)


@shared_task(**RELIABLE)
def match_article_claims(article_id, after=0):
    """Match the claims of an article against the archive and earlier claims, a slice of
    MATCH_SLICE_SECONDS at a time: the rest is queued again behind it, so a fresh upload waits
    for one slice on a busy worker, not for a whole article's matching. Safe to rerun."""
    last = services.match_article(article_id, after=after, seconds=settings.MATCH_SLICE_SECONDS)
    if last is not None:
        match_article_claims.apply_async(
            args=[article_id, last], queue=settings.CELERY_BACKGROUND_QUEUE
        )


def enqueue_recheck(fact_check_ids):
    """Queue the re-check of the claims that may repeat newly imported or changed fact-checks
    (background queue). If the broker is down, the import is saved and those claims find the
    fact-checks when they are next matched."""
    imported_at = timezone.now().isoformat()  # called once the import is committed
    try:
        recheck_claims.apply_async(
            args=[fact_check_ids, imported_at], queue=settings.CELERY_BACKGROUND_QUEUE
        )
    except Exception:  # noqa: BLE001 - the import is saved; the re-check can wait
        log.exception("Could not queue the re-check of %s fact-checks", len(fact_check_ids))


@shared_task(**RELIABLE)
def recheck_claims(fact_check_ids, imported_at=None):
    """After an import: match again the desk's claims that may repeat these fact-checks
    (services.recheck_for_fact_checks), a slice of MATCH_SLICE_SECONDS at a time, the rest
    queued again behind other work; a claim matched since the import is not matched again.
    Safe to rerun."""
    since = datetime.fromisoformat(imported_at) if imported_at else None
    left = services.recheck_for_fact_checks(
        fact_check_ids, seconds=settings.MATCH_SLICE_SECONDS, imported_at=since
    )
    if left:
        recheck_claims.apply_async(args=[left, imported_at], queue=settings.CELERY_BACKGROUND_QUEUE)


@shared_task
def match_unmatched_claims():
    """Periodic: match claims never matched (added, split or merged by hand; or the broker was
    down after their extraction)."""
    return services.match_unmatched_claims()


@shared_task(**RELIABLE)
def measure_extractor():
    """Score the current extractor against the reviewed articles; stores an ExtractionScore."""
    services.measure_extractor()


@shared_task(bind=True, **RELIABLE)
def deliver_webhook(self, delivery_id):
    """Send one webhook delivery and record the attempt; a failure schedules its own retry
    (services.webhooks), so only database errors are retried here."""
    webhooks.deliver(delivery_id, lease=self.request.id or f"local-{uuid.uuid4()}")


@shared_task
def requeue_stale_deliveries():
    """Periodic sweeper: send again webhook deliveries whose message was lost."""
    return webhooks.requeue_stale_deliveries()


@shared_task(**RELIABLE)
def import_archive(import_id):
    """Import a file of fact-checks an editor uploaded (services.run_import). Safe to rerun."""
    services.run_import(import_id)


@shared_task
def requeue_stale_imports():
    """Periodic sweeper: send again the imports whose message was lost or whose worker died."""
    return services.requeue_stale_imports()


@shared_task
def requeue_stale_articles():
    """Periodic sweeper: re-enqueue articles stuck in the queue (e.g. the broker was down)."""
    return services.requeue_stale_articles()


@shared_task
def refresh_desk_figures():
    """Periodic: the dashboard's counts by state and verdict (the page only reads them)."""
    services.refresh_desk_figures()


@worker_ready.connect
def reextract_outdated_on_worker_start(sender=None, **kwargs):
    """When a worker starts (e.g. after a deploy that bumped EXTRACTOR_VERSION), queue the
    articles processed by another version on the background queue, so that fresh uploads on the
    main queue do not wait behind them. Many workers starting at once take each article once.
    """
    try:
        count = services.requeue_outdated_articles()
    except DatabaseError:
        log.exception("Could not queue outdated articles for re-extraction")
        return
    finally:
        connections.close_all()  # pool children forked later must not share this connection
    if count:
        log.info("Queued %s article(s) for re-extraction", count)


@worker_ready.connect
def measure_new_extractor_on_worker_start(sender=None, **kwargs):
    """When a worker starts with an EXTRACTOR_VERSION the desk has not measured yet, measure it
    against the reviewed articles (several workers starting at once may each send it: the
    second run only stores the same figures again)."""
    try:
        if services.measurement_outdated():
            services.publish_measurement()
    except DatabaseError:
        log.exception("Could not check whether the extractor needs measuring")
    finally:
        connections.close_all()
