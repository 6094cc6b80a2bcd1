"""Articles: submitting them, queueing their extraction, and applying its result."""

import hashlib
import json
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article, Claim, ClaimEvent, ClaimEvidence, Source
from claims.services.errors import DuplicateArticleError, WorkflowError, require

log = logging.getLogger(__name__)


def fingerprint(text):
    """A stable key for a claim's text: case, spacing and punctuation do not matter."""
    normal = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    return hashlib.sha256(normal.encode()).hexdigest()


def content_hash(text):
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def submit_article(
    *,
    user,
    body,
    headline,
    format=Article.Format.TEXT,
    standfirst="",
    outlet="",
    author="",
    url="",
    published_on=None,
    original=None,
    original_filename="",
    allow_duplicate=False,
):
    """Save an article as queued and enqueue its extraction once the transaction commits."""
    require(user, "upload", "Only editors can upload articles.")
    if not body.strip():
        raise WorkflowError("The article is empty: paste its text or choose a file.")
    digest = content_hash(body)
    if not allow_duplicate:
        existing = Article.objects.filter(content_hash=digest).first()
        if existing:
            raise DuplicateArticleError(existing)
    with transaction.atomic():
        article = Article(
            headline=headline.strip()[:300] or "Untitled article",
            standfirst=standfirst,
            body=body,
            format=format,
            outlet=outlet,
            author=author,
            url=url,
            published_on=published_on,
            content_hash=digest,
            uploaded_by=user,
            original_filename=original_filename,
        )
        if original is not None:
            article.original_file.save(original_filename or "upload", original, save=False)
        article.save()
        enqueue_extraction(article)
    return article


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
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1)
            try:
                declared = connection.default_channel.queue_declare(queue=queue_name, passive=True)
            except connection.channel_errors:
                return 0  # the broker has no such queue (Redis drops an empty one): none wait
            return declared.message_count
    except Exception:
        log.warning("Could not ask the broker how many messages wait in %s", queue_name)
        return None


def reprocess_article(article, *, user):
    """Queue an article again (after a failure, or to re-extract with a newer extractor)."""
    require(user, "retry_article", "Only editors can re-process an article.")
    if article.status in (Article.Status.QUEUED, Article.Status.PROCESSING):
        raise WorkflowError("This article is already waiting to be processed.")
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.QUEUED, progress=0, error_message="", attempts=0
        )
        enqueue_extraction(article)
    article.refresh_from_db()
    return article


def start_processing(article_id, *, attempt=1):
    """Mark an article as processing; None when it is gone or already done by this extractor."""
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return None
        if (
            article.status == Article.Status.READY
            and article.extractor_version == EXTRACTOR_VERSION
        ):
            return None  # a duplicate delivery of a task that already completed
        article.status = Article.Status.PROCESSING
        article.progress = 10
        article.attempts = attempt
        article.save(update_fields=["status", "progress", "attempts", "updated_at"])
    return article


def set_progress(article_id, percent):
    Article.objects.filter(pk=article_id).update(progress=percent)


def mark_failed(article_id, reason):
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, error_message=reason, progress=0
    )


def _normal_name(name):
    return " ".join(name.casefold().split())


def _source_by_alias(key):
    """A source that has `key` among its aliases (e.g. the name of a source merged into it)."""
    # The database narrows by text (JSON may store non-ASCII escaped); Python decides.
    needle = key.split()[-1] if key.split() else key
    escaped = json.dumps(needle)[1:-1]
    candidates = Source.objects.filter(
        Q(aliases__icontains=needle) | Q(aliases__icontains=escaped)
    ).only("pk", "name", "aliases", "normalized_name", "kind")
    for source in candidates[:50]:
        if any(_normal_name(alias) == key for alias in source.aliases):
            return source
    return None


def _source_for(name, kind, alias, cache):
    key = _normal_name(name)[:300]
    source = cache.get(key)
    if source is None:
        source = Source.objects.filter(normalized_name=key).first() or _source_by_alias(key)
    if source is None:
        source, _ = Source.objects.get_or_create(
            normalized_name=key, defaults={"name": name[:300], "kind": kind or Source.Kind.PERSON}
        )
    cache[key] = source
    if alias and _normal_name(alias) != key and alias not in source.aliases:
        source.aliases = [*source.aliases, alias[:300]]
        source.save(update_fields=["aliases"])
    return source


def _has_human_work():
    """Claims someone has touched: assigned, evidence, verdict, comments, any state change."""
    comments = ClaimEvent.objects.filter(claim=OuterRef("pk"), action=ClaimEvent.Action.COMMENT)
    evidence = ClaimEvidence.objects.filter(claim=OuterRef("pk"))
    return (
        Q(assignee__isnull=False)
        | Q(verdict__isnull=False)
        | ~Q(state=Claim.State.NEW)
        | Q(Exists(evidence))
        | Q(Exists(comments))
    )


def apply_extraction(article, extracted, *, version=EXTRACTOR_VERSION):
    """Replace the article's untouched claims with `extracted`, in one transaction.

    Claims with human work are kept and re-anchored by fingerprint; those whose text is gone
    are marked detached. Running it twice with the same input gives the same claims.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        claims = Claim.objects.filter(article=article)
        claims.exclude(_has_human_work()).delete()
        kept = {claim.fingerprint: claim for claim in claims.all()}
        sources = {}
        new_claims = []
        for ordinal, item in enumerate(extracted, start=1):
            source = None
            if item.source_name or item.source:
                name = item.source_name or item.source
                source = _source_for(name, item.source_kind, item.source, sources)
            fields = {
                "ordinal": ordinal,
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "sentence_start": item.sentence_start,
                "sentence_end": item.sentence_end,
                "kind": item.kind,
                "source": source,
                "source_text": (item.source or "")[:300],
                "source_start": item.source_start,
                "source_end": item.source_end,
                "cue": (item.cue or "")[:100],
                "cue_start": item.cue_start,
                "cue_end": item.cue_end,
                "score": item.score,
                "reasons": list(item.reasons),
                "numbers": [
                    {"text": n.text, "start": n.start, "end": n.end, "kind": n.kind}
                    for n in item.numbers
                ],
                "detached": False,
            }
            fp = fingerprint(item.text)
            existing = kept.pop(fp, None)
            if existing is not None:
                moved = existing.start != item.start
                for name, value in fields.items():
                    setattr(existing, name, value)
                existing.save()
                if moved:
                    ClaimEvent.objects.create(
                        claim=existing,
                        action=ClaimEvent.Action.REEXTRACTED,
                        text=f"Re-anchored by extractor {version}.",
                    )
            else:
                new_claims.append(Claim(article=article, fingerprint=fp, **fields))
        Claim.objects.bulk_create(new_claims)
        for orphan in kept.values():
            orphan.detached = True
            orphan.save(update_fields=["detached", "updated_at"])
        article.status = Article.Status.READY
        article.progress = 100
        article.error_message = ""
        article.extractor_version = version
        article.processed_at = timezone.now()
        article.save()
    return article


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
    articles left `processing` by a worker that died.

    A worker killed mid-task (OOM, machine lost) leaves its message unacknowledged: Redis gives it
    back only after the visibility timeout, the filesystem broker never does. Re-enqueueing is
    safe because the task is idempotent.
    """
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.STALE_QUEUED_SECONDS)
    processing_cutoff = now - timedelta(seconds=settings.STALE_PROCESSING_SECONDS)
    never_sent = Q(enqueued_at__isnull=True, created_at__lt=now - timedelta(seconds=10))
    waited = Q(enqueued_at__lt=cutoff)
    if not _background_backlog_drained(cutoff):
        waited &= Q(queue=Article.Queue.MAIN)
    queued = Q(status=Article.Status.QUEUED) & (never_sent | waited)
    abandoned = Q(status=Article.Status.PROCESSING, updated_at__lt=processing_cutoff)
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
            status=Article.Status.QUEUED, enqueued_at=timezone.now(), updated_at=timezone.now()
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
