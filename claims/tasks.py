"""Thin Celery tasks: they take ids and call services."""

import logging

from celery import Task, shared_task
from celery.signals import worker_ready
from django.db import DatabaseError, InterfaceError, OperationalError, connections

from claims import extraction, services

log = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


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


@shared_task(
    bind=True,
    base=ArticleTask,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
)
def extract_article(self, article_id):
    """Split an article into claims and store them in one transaction; safe to run twice."""
    article = services.start_processing(article_id, attempt=self.request.retries + 1)
    if article is None:
        return
    try:
        result = extraction.extract(article.body)
    except Exception as exc:  # a bug in the extractor is not transient: report, do not retry
        log.exception("Extraction failed for article %s", article_id)
        services.mark_failed(
            article_id,
            f"The extractor could not process this article ({type(exc).__name__}). "
            "Use “Retry” after the text has been checked, or tell the developers.",
        )
        return
    services.set_progress(article_id, 70)
    services.apply_extraction(article, result)


@shared_task
def requeue_stale_articles():
    """Periodic sweeper: re-enqueue articles stuck in the queue (e.g. the broker was down)."""
    return services.requeue_stale_articles()


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
