"""The extraction task against the real database, in-process and on a real worker process."""

import pytest
from django.db import OperationalError

from claims import services
from claims.models import Article, Claim
from claims.tasks import extract_article
from tests.conftest import SAMPLE_TEXT, wait_for


def _queued_article(user, text=SAMPLE_TEXT):
    return Article.objects.create(
        headline="Council budget",
        body=text,
        content_hash=services.content_hash(text),
        uploaded_by=user,
    )


@pytest.mark.django_db
def test_task_turns_a_queued_article_into_claims(alice):
    article = _queued_article(alice)
    extract_article.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert article.progress == 100
    kinds = set(article.claims.values_list("kind", flat=True))
    assert {"direct", "indirect"} <= kinds
    holloway = article.claims.filter(source__name__icontains="Holloway")
    assert holloway.exists()


@pytest.mark.django_db
def test_running_the_task_twice_gives_the_same_claims(alice):
    article = _queued_article(alice)
    extract_article.apply(args=[article.pk])
    first = list(article.claims.order_by("start").values_list("text", "start", "end"))
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    extract_article.apply(args=[article.pk])
    assert list(article.claims.order_by("start").values_list("text", "start", "end")) == first


@pytest.mark.django_db
def test_a_duplicate_delivery_after_success_changes_nothing(alice):
    article = _queued_article(alice)
    extract_article.apply(args=[article.pk])
    ids = set(article.claims.values_list("pk", flat=True))
    extract_article.apply(args=[article.pk])
    assert set(article.claims.values_list("pk", flat=True)) == ids


@pytest.mark.django_db
def test_task_for_a_deleted_article_does_nothing(alice):
    extract_article.apply(args=[987654])
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_an_extractor_error_marks_the_article_failed_with_a_reason(alice, monkeypatch):
    article = _queued_article(alice)

    def broken(text):
        raise ValueError("unexpected input")

    monkeypatch.setattr("claims.services.articles.extraction.extract", broken)
    extract_article.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "could not be processed" in article.error_message
    assert not article.claims.exists()


@pytest.mark.django_db
def test_database_errors_are_retried_then_the_article_is_failed(alice, monkeypatch):
    article = _queued_article(alice)
    calls = []

    def flaky_apply(*args, **kwargs):
        calls.append(1)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("claims.services.articles.apply_extraction", flaky_apply)
    monkeypatch.setattr(extract_article, "max_retries", 2)
    monkeypatch.setattr(extract_article, "retry_backoff", False)
    result = extract_article.apply(args=[article.pk])
    assert len(calls) == 3  # the first run and two retries
    assert result.failed()
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "Retry" in article.error_message
    assert not article.claims.exists()


@pytest.mark.django_db
def test_a_failed_article_can_be_retried_by_an_editor(alice, django_capture_on_commit_callbacks):
    article = _queued_article(alice)
    services.mark_failed(article.pk, "Processing failed.")
    article.refresh_from_db()
    with django_capture_on_commit_callbacks() as callbacks:
        services.reprocess_article(article, user=alice)
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert article.error_message == ""
    assert len(callbacks) == 1


@pytest.mark.worker
def test_a_real_worker_processes_an_uploaded_article(celery_worker_process, alice):
    article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")
    article = wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.READY).first(),
        timeout=60,
        message="the worker to process the article\n" + celery_worker_process.output(),
    )
    assert article.claims.count() >= 3
    assert article.enqueued_at is not None


@pytest.mark.worker
def test_a_real_worker_gives_the_same_claims_when_the_task_is_sent_twice(
    celery_worker_process, alice
):
    article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.READY).exists(),
        timeout=60,
        message="the first run",
    )
    count = article.claims.count()
    article.refresh_from_db()
    services.reprocess_article(article, user=alice)
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.READY).exists(),
        timeout=60,
        message="the second run",
    )
    assert article.claims.count() == count
