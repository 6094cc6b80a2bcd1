"""Sending articles to the workers (claims/services/processing.py), called directly: after the
transaction commits, never lost when the broker is down, and the sweeper that sends again what
waited too long."""

from datetime import timedelta

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from claims import services
from claims.extraction import extract
from claims.models import Article
from tests.conftest import SAMPLE_TEXT
from tests.test_services_articles import submit

pytestmark = pytest.mark.django_db


def test_submitted_article_is_processed_after_commit(
    alice, eager_celery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = submit(alice)

    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert article.claims.count() == len(extract(SAMPLE_TEXT)) > 0
    assert article.enqueued_at is not None


def test_nothing_is_enqueued_before_commit(alice, monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = submit(alice)
    assert sent == []

    for callback in callbacks:
        callback()
    assert sent == [article.pk]


def broker_down(*args, **kwargs):
    raise BrokerError("[Errno 111] Connection refused")


def test_unreachable_broker_leaves_article_queued_with_delay_message(
    alice, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("claims.tasks.extract_article.delay", broker_down)

    with django_capture_on_commit_callbacks(execute=True):
        article = submit(alice)

    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert "delayed" in article.error_message
    assert article.enqueued_at is None


def test_sweeper_publishes_article_delayed_by_broker_outage(
    alice, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("claims.tasks.extract_article.delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        article = submit(alice)
    Article.objects.filter(pk=article.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    assert services.requeue_stale_articles() == 1

    article.refresh_from_db()
    assert sent == [article.pk]
    assert (article.error_message, article.enqueued_at is not None) == ("", True)


def test_sweeper_leaves_recently_enqueued_article_alone(alice, monkeypatch):
    article = submit(alice)
    Article.objects.filter(pk=article.pk).update(
        created_at=timezone.now() - timedelta(minutes=1), enqueued_at=timezone.now()
    )
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    assert services.requeue_stale_articles() == 0
    assert sent == []


def test_sweeper_republishes_article_enqueued_too_long_ago(alice, monkeypatch, settings):
    article = submit(alice)
    long_ago = timezone.now() - timedelta(seconds=settings.STALE_QUEUED_SECONDS + 60)
    Article.objects.filter(pk=article.pk).update(created_at=long_ago, enqueued_at=long_ago)
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    assert services.requeue_stale_articles() == 1
    assert sent == [article.pk]
