"""Two task queues: uploads and an editor's retries on the main one, the archive's re-extraction
after an extractor upgrade on the background one, so a fresh upload never waits behind the archive;
and a sweeper that re-publishes a background article only once its message is likely lost.
"""

from datetime import timedelta
from io import StringIO

import pytest
from celery.signals import worker_ready
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from claims import services, tasks
from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article
from claims.tasks import extract_article
from tests.conftest import SAMPLE_TEXT, WorkerProcess, purge_queues, wait_for

OLD = "0.9-old"
Queue = Article.Queue


@pytest.fixture
def sent(monkeypatch):
    """Every extraction published, as (article id, queue name); None is the main queue."""
    published = []
    monkeypatch.setattr(extract_article, "delay", lambda pk: published.append((pk, None)))
    monkeypatch.setattr(
        extract_article,
        "apply_async",
        lambda args, queue=None, **options: published.append((args[0], queue)),
    )
    return published


def outdated_articles(user, count, **fields):
    """Articles extracted by an older extractor, as after a deploy that bumped the version."""
    return Article.objects.bulk_create(
        Article(
            headline=f"Archive {n}",
            body=f"Officials said {n} buses ran late on Monday.",
            content_hash=f"archive-{n}",
            uploaded_by=user,
            status=Article.Status.READY,
            extractor_version=OLD,
            **fields,
        )
        for n in range(count)
    )


def queued_long_ago(article, queue):
    long_ago = timezone.now() - timedelta(hours=6)
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.QUEUED, queue=queue, created_at=long_ago, enqueued_at=long_ago
    )


def test_every_worker_consumes_the_main_queue_then_the_background_one(settings):
    queues = [(q.name, q.exchange.name, q.routing_key) for q in settings.CELERY_TASK_QUEUES]
    main, background = settings.CELERY_TASK_DEFAULT_QUEUE, settings.CELERY_BACKGROUND_QUEUE
    assert background == f"{main}-background"
    # Each bound by its own name: sharing the main routing key would copy every upload into it.
    assert queues == [(main, main, main), (background, background, background)]


# --- Where each extraction goes ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_sends_outdated_articles_to_the_background_queue(alice, sent, settings):
    [article] = outdated_articles(alice, 1)

    call_command("reextract_outdated", stdout=StringIO())

    assert sent == [(article.pk, settings.CELERY_BACKGROUND_QUEUE)]
    article.refresh_from_db()
    assert (article.status, article.queue) == (Article.Status.QUEUED, Queue.BACKGROUND)


@pytest.mark.django_db
def test_a_starting_worker_sends_outdated_articles_to_the_background_queue(
    alice, sent, settings, monkeypatch
):
    monkeypatch.setattr(tasks.connections, "close_all", lambda: None)  # keep the test's connection
    [article] = outdated_articles(alice, 1)

    worker_ready.send(sender=None)

    assert sent == [(article.pk, settings.CELERY_BACKGROUND_QUEUE)]


@pytest.mark.django_db
def test_an_upload_goes_to_the_main_queue(alice, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")

    assert sent == [(article.pk, None)]
    article.refresh_from_db()
    assert article.queue == Queue.MAIN


@pytest.mark.django_db
def test_an_editor_re_extracting_one_article_goes_to_the_main_queue(
    alice, client, sent, django_capture_on_commit_callbacks
):
    [article] = outdated_articles(alice, 1, queue=Queue.BACKGROUND)
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("article_reprocess", args=[article.pk]))

    assert sent == [(article.pk, None)]
    article.refresh_from_db()
    assert (article.status, article.queue) == (Article.Status.QUEUED, Queue.MAIN)


# --- The sweeper ---------------------------------------------------------------------------------


@pytest.fixture
def backlog(monkeypatch):
    """Set how many messages the broker says wait in the background queue (None: unreachable)."""
    answer = {"waiting": 0}
    monkeypatch.setattr(services.processing, "waiting_messages", lambda name: answer["waiting"])

    def set_waiting(count):
        answer["waiting"] = count

    return set_waiting


@pytest.mark.django_db
def test_sweeper_leaves_background_articles_alone_while_their_queue_drains(alice, sent, backlog):
    backlog(150)
    [article] = outdated_articles(alice, 1)
    queued_long_ago(article, Queue.BACKGROUND)

    assert services.requeue_stale_articles() == 0
    assert sent == []


@pytest.mark.django_db
def test_sweeper_republishes_a_background_article_left_queued_once_its_queue_is_empty(
    alice, sent, backlog, settings
):
    backlog(0)
    [article] = outdated_articles(alice, 1)
    queued_long_ago(article, Queue.BACKGROUND)

    assert services.requeue_stale_articles() == 1
    assert sent == [(article.pk, settings.CELERY_BACKGROUND_QUEUE)]


@pytest.mark.django_db
def test_sweeper_leaves_background_articles_alone_when_the_broker_cannot_say(alice, sent, backlog):
    backlog(None)
    [article] = outdated_articles(alice, 1)
    queued_long_ago(article, Queue.BACKGROUND)

    assert services.requeue_stale_articles() == 0
    assert sent == []


@pytest.mark.django_db
def test_sweeper_sends_a_background_article_the_broker_never_got_to_the_background_queue(
    alice, sent, backlog, settings
):
    backlog(150)
    [article] = outdated_articles(alice, 1)
    queued_long_ago(article, Queue.BACKGROUND)
    Article.objects.filter(pk=article.pk).update(enqueued_at=None)  # publishing it failed

    assert services.requeue_stale_articles() == 1
    assert sent == [(article.pk, settings.CELERY_BACKGROUND_QUEUE)]


@pytest.mark.django_db
def test_a_background_backlog_does_not_hold_back_a_lost_upload(alice, sent, backlog):
    backlog(150)
    archive, upload = outdated_articles(alice, 2)
    queued_long_ago(archive, Queue.BACKGROUND)
    queued_long_ago(upload, Queue.MAIN)

    assert services.requeue_stale_articles() == 1
    assert sent == [(upload.pk, None)]


@pytest.mark.django_db
def test_sweeper_republishes_background_messages_only_once_the_broker_lost_them(
    alice, worker_queue, settings
):
    """On the real broker (filesystem, or Redis in CI), with no worker reading the queues."""
    background = settings.CELERY_BACKGROUND_QUEUE
    articles = outdated_articles(alice, 3)
    assert services.requeue_outdated_articles() == 3
    assert services.waiting_messages(background) == 3
    assert services.waiting_messages(worker_queue) == 0
    for article in articles:
        queued_long_ago(article, Queue.BACKGROUND)

    assert services.requeue_stale_articles() == 0  # their messages still wait: no duplicates
    assert services.waiting_messages(background) == 3

    purge_queues(background)  # the broker restarted without persistence
    assert services.requeue_stale_articles() == 3
    assert services.waiting_messages(background) == 3
    assert services.waiting_messages(worker_queue) == 0


# --- Real workers --------------------------------------------------------------------------------


def re_extracted(ids):
    return Article.objects.filter(
        pk__in=ids, status=Article.Status.READY, extractor_version=EXTRACTOR_VERSION
    )


@pytest.mark.worker
def test_a_fresh_upload_overtakes_the_re_extraction_backlog(celery_worker_process, alice):
    backlog = [article.pk for article in outdated_articles(alice, 200)]
    call_command("reextract_outdated", stdout=StringIO())

    upload = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Fresh upload")
    wait_for(
        lambda: re_extracted([upload.pk]).exists(),
        timeout=60,
        message="the upload to be processed\n" + celery_worker_process.output()[-3000:],
    )
    # On one queue the upload would have waited for all 200: most of them are still waiting.
    assert re_extracted(backlog).count() < 100

    wait_for(
        lambda: re_extracted(backlog).count() == len(backlog),
        timeout=240,
        message="the backlog to drain\n" + celery_worker_process.output()[-3000:],
    )


@pytest.mark.worker
def test_a_worker_started_without_naming_queues_serves_both(
    transactional_db, worker_queue, tmp_path, alice
):
    """As the Procfile and `celery -A newsroom worker` in production start it."""
    [article] = outdated_articles(alice, 1)
    services.requeue_outdated_articles()
    worker = WorkerProcess(tmp_path, "plain")
    queues_at = worker.command.index("-Q")
    del worker.command[queues_at : queues_at + 2]
    worker.start()
    try:
        upload = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Fresh upload")
        wait_for(
            lambda: re_extracted([article.pk, upload.pk]).count() == 2,
            timeout=60,
            message="both queues to be served\n" + worker.output()[-3000:],
        )
    finally:
        worker.stop()
