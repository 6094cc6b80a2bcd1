"""Running extractions: sending the task, one run at a time per article, its heartbeat, its time
budget, and the sweeper that re-sends work a lost message or a dead worker left behind."""

import logging
import signal
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article
from claims.services import webhooks

log = logging.getLogger(__name__)

# A run shows it is alive this often; STALE_PROCESSING_SECONDS without a beat means it is dead.
HEARTBEAT_SECONDS = 10
# Deliveries of one article's task (retries after database errors, redeliveries after a worker
# died, the sweeper's re-sends) before it is marked failed: an article that kills its worker
# every time must not go round for ever.
MAX_ATTEMPTS = 8


class ProcessingTimeout(BaseException):
    """The run went past ARTICLE_TIME_LIMIT. A BaseException on purpose: the extractor turns
    every Exception of a sentence into "no claim here", and this must stop the whole run."""


def enqueue_extraction(article):
    """Publish the extraction task after commit; if the broker is down the sweeper retries."""
    transaction.on_commit(lambda: publish_extraction(article.pk))


def publish_extraction(article_id, *, background=False):
    """Send the task now. Returns False (and records why) when the broker cannot be reached.

    `background` sends it to the background queue, which workers serve alongside the main one:
    re-extracting the archive then never delays a fresh upload or an editor's retry.
    """
    from claims.tasks import extract_article

    queue = Article.Queue.BACKGROUND if background else Article.Queue.MAIN
    try:
        if background:
            extract_article.apply_async(args=[article_id], queue=settings.CELERY_BACKGROUND_QUEUE)
        else:
            extract_article.delay(article_id)
    except Exception:  # any broker or connection failure: the article stays queued
        log.warning("Could not enqueue article %s; the sweeper will retry", article_id)
        Article.objects.filter(pk=article_id).update(
            enqueued_at=None,
            queue=queue,
            error_message="Processing is delayed: the task queue is unreachable. "
            "It will start automatically when the queue is back.",
        )
        return False
    Article.objects.filter(pk=article_id).update(
        enqueued_at=timezone.now(), queue=queue, error_message=""
    )
    return True


def waiting_messages(queue_name):
    """How many messages wait in a broker queue; None when the broker cannot be asked."""
    from newsroom.celery import app

    try:
        with app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1)
            try:
                declared = broker.default_channel.queue_declare(queue=queue_name, passive=True)
            except broker.channel_errors:
                return 0  # the broker has no such queue (Redis drops an empty one): none wait
            return declared.message_count
    except Exception:
        log.warning("Could not ask the broker how many messages wait in %s", queue_name)
        return None


def _stale_cutoff():
    return timezone.now() - timedelta(seconds=settings.STALE_PROCESSING_SECONDS)


def start_processing(article_id, *, lease):
    """Take the article for the run `lease` (its task id) and mark it processing.

    None when there is nothing to do: the article is gone, already done by this extractor, or
    held by another run that is still alive (its heartbeat is fresh). A redelivery of the same
    task (a retry, or a worker that died) takes it back.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return None
        if (
            article.status == Article.Status.READY
            and article.extractor_version == EXTRACTOR_VERSION
        ):
            return None  # a duplicate delivery of a task that already completed
        if (
            article.status == Article.Status.PROCESSING
            and article.lease not in ("", lease)
            and article.heartbeat_at is not None
            and article.heartbeat_at > _stale_cutoff()
        ):
            log.info("Article %s is being processed by another run; skipped", article_id)
            return None
        if article.status == Article.Status.FAILED:
            return None  # failed for good (an editor's "Retry" queues it again)
        if article.attempts >= MAX_ATTEMPTS:
            article.status = Article.Status.FAILED
            article.progress = 0
            article.error_message = (
                f"Processing was interrupted {article.attempts} times (the worker may have run "
                "out of time or memory on this article). Check the file, then use “Retry”."
            )
            article.save(update_fields=["status", "progress", "error_message", "updated_at"])
            webhooks.article_failed(article.pk)
            return None
        article.status = Article.Status.PROCESSING
        article.progress = 5
        article.attempts += 1
        article.lease = lease
        article.heartbeat_at = timezone.now()
        article.save(
            update_fields=["status", "progress", "attempts", "lease", "heartbeat_at", "updated_at"]
        )
    return article


def holds_lease(article, lease):
    """True while `lease` is still the run that holds the (locked) article."""
    return article.status == Article.Status.PROCESSING and article.lease == lease


@contextmanager
def heartbeat(article_id, lease, every=HEARTBEAT_SECONDS):
    """Refresh the article's heartbeat from a thread while the body of the `with` runs."""
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(every):
                try:
                    Article.objects.filter(pk=article_id, lease=lease).update(
                        heartbeat_at=timezone.now()
                    )
                except DatabaseError:
                    log.warning("Could not refresh the heartbeat of article %s", article_id)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{article_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@contextmanager
def time_budget(seconds):
    """Raise ProcessingTimeout in this thread when the body runs longer than `seconds`.

    Uses SIGALRM, so it works in a worker process's main thread (Celery's prefork pool); where
    signals cannot be used (another thread) it does nothing and Celery's hard time limit, which
    kills the process, is the only bound.
    """

    def expire(signum, frame):
        raise ProcessingTimeout(f"over {seconds} s")

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def set_progress(article_id, percent):
    Article.objects.filter(pk=article_id).update(progress=percent)


def mark_failed(article_id, reason):
    with transaction.atomic():
        failed = Article.objects.filter(pk=article_id).update(
            status=Article.Status.FAILED, error_message=reason, progress=0, lease=""
        )
        if failed:
            webhooks.article_failed(article_id)


def _background_backlog_drained(cutoff):
    """True when background articles waited past `cutoff` and their queue is empty.

    A backlog of thousands of articles takes hours to drain: while messages wait in the queue,
    an article still queued is most likely among them, and re-publishing it would only add a
    duplicate. Once the queue is empty, an article still queued has lost its message (a broker
    restarted without persistence), or at most a worker holds it right now: sending it again is
    harmless, the task is idempotent. The broker is asked only when such an article exists.
    """
    overdue = Article.objects.filter(
        status=Article.Status.QUEUED, queue=Article.Queue.BACKGROUND, enqueued_at__lt=cutoff
    )
    return overdue.exists() and waiting_messages(settings.CELERY_BACKGROUND_QUEUE) == 0


def stale_queued_articles():
    """Articles whose extraction message is most likely lost, or never sent (broker down), and
    articles whose run stopped showing signs of life (its worker died).

    A worker killed mid-task (OOM, machine lost) leaves its message unacknowledged: Redis gives it
    back only after the visibility timeout, the filesystem broker never does. A run that is alive
    refreshes its heartbeat every few seconds, so however long it takes it is never sent twice.
    """
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.STALE_QUEUED_SECONDS)
    never_sent = Q(enqueued_at__isnull=True, created_at__lt=now - timedelta(seconds=10))
    waited = Q(enqueued_at__lt=cutoff)
    if not _background_backlog_drained(cutoff):
        waited &= Q(queue=Article.Queue.MAIN)
    queued = Q(status=Article.Status.QUEUED) & (never_sent | waited)
    silent = Q(heartbeat_at__lt=_stale_cutoff()) | Q(
        heartbeat_at__isnull=True, updated_at__lt=_stale_cutoff()
    )
    abandoned = Q(status=Article.Status.PROCESSING) & silent
    return Article.objects.filter(queued | abandoned)


def requeue_stale_articles():
    """Re-enqueue articles whose message was lost or never sent, each on the queue it was meant
    for. Safe on many machines."""
    count = 0
    candidates = stale_queued_articles()  # may ask the broker: before the transaction opens
    with transaction.atomic():
        stale = list(
            candidates.select_for_update(skip_locked=True).values_list("pk", "queue", named=True)
        )
        # Claim them first, so another sweeper running at the same time skips them.
        Article.objects.filter(pk__in=[article.pk for article in stale]).update(
            status=Article.Status.QUEUED,
            enqueued_at=timezone.now(),
            updated_at=timezone.now(),
            lease="",
        )
    for article in stale:
        count += publish_extraction(
            article.pk, background=article.queue == Article.Queue.BACKGROUND
        )
    return count


def outdated_articles(version=EXTRACTOR_VERSION):
    """Processed articles whose claims came from another extractor version."""
    return Article.objects.filter(status=Article.Status.READY).exclude(extractor_version=version)


def requeue_outdated_articles(version=EXTRACTOR_VERSION):
    """Queue every outdated article once, on the background queue so that fresh uploads go
    first; safe when many workers start at the same moment.

    Rows are taken with SKIP LOCKED and moved to `queued` in the same transaction, so a second
    caller finds nothing left to take. Re-extraction keeps claims with human work.
    """
    with transaction.atomic():
        ids = list(
            outdated_articles(version)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Article.objects.filter(pk__in=ids, status=Article.Status.READY).update(
            status=Article.Status.QUEUED,
            progress=0,
            error_message="",
            attempts=0,
            enqueued_at=timezone.now(),
            queue=Article.Queue.BACKGROUND,
        )
    count = 0
    for article_id in ids:
        count += publish_extraction(article_id, background=True)
    return count
