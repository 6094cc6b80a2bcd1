"""Automatic re-extraction when EXTRACTOR_VERSION changes: the command, the worker-start hook,
and what happens to the claims (human work kept and re-anchored, untouched ones replaced,
vanished ones detached), all through the command with the task run in-process.
"""

import dataclasses
from io import StringIO

import pytest
from celery.signals import worker_ready
from django.core.management import call_command

from claims import services, tasks
from claims.extraction import EXTRACTOR_VERSION, extract
from claims.extraction.types import ExtractedClaim
from claims.models import Article, Claim, ClaimEvent
from tests.conftest import SAMPLE_TEXT

pytestmark = pytest.mark.django_db

OLD = "0.9-old"
# A claim an old extractor found whose text the current one does not find.
GHOST = ExtractedClaim(
    text="The mayor promised free buses for everyone.",
    start=0,
    end=10,
    sentence_start=0,
    sentence_end=10,
    kind="unattributed",
)


@pytest.fixture
def eager():
    """Tasks run in-process when published, so the command's effect can be checked at once."""
    from newsroom.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


def old_article(user, headline="Budget", body=SAMPLE_TEXT, extracted=None):
    article = Article.objects.create(
        headline=headline,
        body=body,
        content_hash=services.content_hash(body + headline),
        uploaded_by=user,
    )
    return services.apply_extraction(article, extracted or extract(body), version=OLD)


def record(sent):
    """A stand-in for publish_extraction that notes the ids it is given."""

    def publish(article_id, **options):
        sent.append(article_id)
        return True

    return publish


def run_command():
    out = StringIO()
    call_command("reextract_outdated", stdout=out)
    return out.getvalue()


# --- Which articles ------------------------------------------------------------------------------


def test_the_command_queues_ready_articles_of_another_version(alice, monkeypatch):
    sent = []
    monkeypatch.setattr(services.processing, "publish_extraction", record(sent))
    outdated = old_article(alice, "Old")
    current = services.apply_extraction(
        Article.objects.create(headline="New", body=SAMPLE_TEXT, content_hash="x"), extract("x")
    )
    failed = old_article(alice, "Failed")
    Article.objects.filter(pk=failed.pk).update(status=Article.Status.FAILED)

    output = run_command()

    assert sent == [outdated.pk]
    assert "Queued 1 article " in output
    outdated.refresh_from_db()
    assert outdated.status == Article.Status.QUEUED
    assert current.pk not in sent


def test_a_second_run_finds_nothing_to_queue(alice, monkeypatch):
    sent = []
    monkeypatch.setattr(services.processing, "publish_extraction", record(sent))
    old_article(alice)

    run_command()
    second = run_command()

    assert len(sent) == 1
    assert "Queued 0 articles" in second


def test_a_broker_outage_leaves_the_article_for_the_sweeper(alice, monkeypatch):
    from claims.tasks import extract_article

    def down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(extract_article, "apply_async", down)
    article = old_article(alice)

    assert "Queued 0 articles" in run_command()
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert article.enqueued_at is None  # so stale_queued_articles picks it up
    assert "delayed" in article.error_message


def test_the_worker_start_hook_queues_outdated_articles(alice, monkeypatch):
    sent = []
    monkeypatch.setattr(services.processing, "publish_extraction", record(sent))
    monkeypatch.setattr(tasks.connections, "close_all", lambda: None)  # keep the test's connection
    article = old_article(alice)

    worker_ready.send(sender=None)

    assert sent == [article.pk]


def test_the_worker_start_hook_survives_a_database_error(monkeypatch):
    from django.db import OperationalError

    def broken():
        raise OperationalError("database is down")

    monkeypatch.setattr(services, "requeue_outdated_articles", broken)
    monkeypatch.setattr(tasks.connections, "close_all", lambda: None)

    tasks.reextract_outdated_on_worker_start()  # logs, does not raise


# --- What happens to the claims (through the command, task run eagerly) ------------------------


@pytest.fixture
def worked_article(alice, bob):
    """An article extracted by an old version, with three kinds of claim:

    - `moved`: bob commented on it, and the old extractor had its offsets one character off;
    - `vanished`: assigned to bob, its text is not found by the current extractor;
    - the rest: untouched.
    """
    current = extract(SAMPLE_TEXT)
    first = current[0]
    shifted = dataclasses.replace(first, start=first.start + 1, end=first.end + 1)
    ghost = GHOST
    article = old_article(alice, extracted=[shifted, *current[1:], ghost])
    moved = article.claims.get(text=first.text)
    services.add_comment(moved, actor=bob, text="Checking the minutes.")
    vanished = article.claims.get(text=ghost.text)
    services.assign_claim(vanished, bob, actor=alice)
    untouched = set(
        article.claims.exclude(pk__in=[moved.pk, vanished.pk]).values_list("pk", flat=True)
    )
    return article, moved, vanished, untouched, current


def test_reextraction_brings_the_article_to_the_current_version(eager, worked_article):
    article = worked_article[0]

    run_command()

    article.refresh_from_db()
    assert (article.status, article.extractor_version) == (Article.Status.READY, EXTRACTOR_VERSION)


def test_a_claim_with_human_work_is_kept_and_reanchored(eager, worked_article):
    article, moved, _, _, current = worked_article

    run_command()

    kept = Claim.objects.get(pk=moved.pk)
    assert (kept.start, kept.end, kept.detached) == (current[0].start, current[0].end, False)
    assert kept.events.filter(action=ClaimEvent.Action.COMMENT).exists()
    assert kept.events.filter(action=ClaimEvent.Action.REEXTRACTED).exists()


def test_untouched_claims_whose_text_is_found_again_keep_their_ids(eager, worked_article):
    article, moved, vanished, untouched, current = worked_article

    run_command()

    assert set(Claim.objects.filter(pk__in=untouched).values_list("pk", flat=True)) == untouched
    live = article.claims.filter(detached=False)
    assert sorted(live.values_list("text", flat=True)) == sorted(c.text for c in current)


def test_an_untouched_claim_whose_text_is_gone_is_removed(alice):
    ghost = GHOST
    article = old_article(alice, extracted=[*extract(SAMPLE_TEXT), ghost])

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert not article.claims.filter(text=ghost.text).exists()


SCHEDULES = {
    "a due date": {"due_date": "2026-12-20", "priority": Claim.Priority.NORMAL},
    "a priority": {"due_date": None, "priority": Claim.Priority.URGENT},
}


@pytest.mark.parametrize("schedule", SCHEDULES.values(), ids=SCHEDULES.keys())
def test_a_claim_whose_only_human_work_is_its_schedule_survives_reextraction(alice, schedule):
    ghost = GHOST
    article = old_article(alice, extracted=[*extract(SAMPLE_TEXT), ghost])
    planned = article.claims.get(text=ghost.text)
    services.set_schedule(planned, actor=alice, **schedule)

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    kept = Claim.objects.get(pk=planned.pk)
    assert kept.detached
    assert kept.events.filter(action=ClaimEvent.Action.SCHEDULED).exists()


def test_any_event_a_person_made_counts_as_human_work(alice, bob):
    article = old_article(alice)
    claim = article.claims.first()
    ClaimEvent.objects.create(claim=claim, actor=bob, action=ClaimEvent.Action.SOURCE_MERGED)

    assert article.claims.filter(services.has_human_work()).get() == claim


def test_a_claim_whose_text_vanished_is_detached_with_its_work(eager, worked_article, bob):
    vanished = worked_article[2]

    run_command()

    kept = Claim.objects.get(pk=vanished.pk)
    assert kept.detached
    assert kept.assignee == bob


def test_running_it_again_changes_nothing(eager, worked_article):
    article = worked_article[0]
    run_command()
    before = sorted(article.claims.values_list("pk", "start", "detached"))

    run_command()

    assert sorted(article.claims.values_list("pk", "start", "detached")) == before
