"""Faults with real processes and real services: nothing lost, nothing half-written.

Each test starts real Celery worker processes (tests/conftest.py's WorkerProcess) on a queue of
its own, against the test database. The mid-task faults use tests/faults/worker_app.py: the
project's own Celery app plus a post_save receiver that pauses the worker at an exact point
(inside the extraction's transaction) when the test creates a file. The desk's code carries no
test hook, and the point is exact, which a "large article and kill when the row says processing"
race would not give: that row is written before the transaction we want to interrupt.
"""

import io
import os
import signal
import sys
from html import unescape

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from claims import services
from claims.extraction import extract
from claims.models import Article
from tests.conftest import SAMPLE_TEXT, WorkerProcess, wait_for

pytestmark = pytest.mark.worker

Status = Article.Status
EXPECTED = [(c.text, c.start, c.end) for c in extract(SAMPLE_TEXT)]


def report(name, **figures):
    """Print the figures a fault test measured (run with -s to see them)."""
    sys.stdout.write(f"\nFIGURES {name}: {figures}\n")


@pytest.fixture
def fault_dir(tmp_path):
    path = tmp_path / "faults"
    path.mkdir()
    return path


@pytest.fixture
def workers(start_worker, fault_dir):
    """Start workers of the fault-switch app (solo or prefork pool)."""

    def start(name, *, pool="solo", **env):
        return start_worker(
            name, pool=pool, app="tests.faults.worker_app", FAULT_DIR=str(fault_dir), **env
        )

    return start


def claims_of(article):
    return list(article.claims.order_by("start").values_list("text", "start", "end"))


def wait_until_ready(article, *worker_list, timeout=60):
    logs = "\n".join(w.output()[-3000:] for w in worker_list)
    return wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Status.READY).first(),
        timeout=timeout,
        message=f"article {article.pk} to be ready\n{logs}",
    )


def wait_until_paused(fault_dir, worker):
    wait_for(
        lambda: (fault_dir / "paused").exists(),
        timeout=60,
        message="the worker to reach the fault point\n" + worker.output()[-3000:],
    )
    return int((fault_dir / "paused").read_text())


# --- A worker killed in the middle of an extraction -------------------------------------------


def test_worker_killed_mid_commit_leaves_no_claims_and_another_worker_finishes(
    desk, alice, workers, fault_dir, settings, tmp_path
):
    (fault_dir / "pause-commit").touch()
    doomed = workers("doomed")
    article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")
    wait_until_paused(fault_dir, doomed)
    # The claims are written but not committed: SIGKILL, as the OOM killer or a lost machine.
    doomed.process.send_signal(signal.SIGKILL)
    doomed.process.wait(timeout=10)

    article.refresh_from_db()
    assert article.status == Status.PROCESSING
    assert not article.claims.exists(), "half-written claims survived the killed worker"

    # The message died with the worker (the filesystem broker has no redelivery; Redis gives it
    # back only after its visibility timeout): the sweeper re-enqueues the abandoned article.
    settings.STALE_PROCESSING_SECONDS = 0
    rescuer = workers("rescuer")
    out = io.StringIO()
    call_command("requeue_stale", stdout=out)
    assert "Re-enqueued 1 article." in out.getvalue()
    wait_until_ready(article, rescuer)
    assert claims_of(article) == EXPECTED
    report("sigkill-whole-worker", claims=len(EXPECTED), duplicates=0, half_written=0)


def test_pool_process_killed_mid_commit_is_redelivered_without_duplicates(
    desk, alice, workers, fault_dir
):
    (fault_dir / "pause-commit").touch()
    worker = workers("prefork", pool="prefork")
    article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")
    child = wait_until_paused(fault_dir, worker)
    assert child != worker.process.pid
    os.kill(child, signal.SIGKILL)

    # acks_late + reject_on_worker_lost: the message goes back to the queue and a new pool
    # process runs it again, with no sweeper involved.
    wait_until_ready(article, worker)
    assert claims_of(article) == EXPECTED
    article.refresh_from_db()
    assert article.attempts >= 1
    assert "WorkerLostError" in worker.output()
    report("sigkill-pool-process", claims=len(EXPECTED), duplicates=0, half_written=0)


# --- The broker unreachable at upload time ----------------------------------------------------


@pytest.fixture
def broker_down(monkeypatch):
    """Point this process's Celery producer at a closed port, as if the broker were down."""
    from kombu import pools

    from newsroom.celery import app

    def reset_pools():
        # kombu keeps producer pools per connection in a registry of its own: clear both.
        pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    # Celery reads this before its settings, so it works whatever CELERY_BROKER_URL says.
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", "redis://127.0.0.1:9/0")
    reset_pools()

    def restore():
        monkeypatch.delenv("CELERY_BROKER_WRITE_URL", raising=False)
        reset_pools()

    yield restore
    restore()


def test_upload_while_broker_is_down_is_saved_and_processed_when_it_is_back(
    desk, alice, client, broker_down, tmp_path
):
    client.force_login(alice)
    worker = WorkerProcess(tmp_path, "after-outage")  # on the real broker, started later
    worker.env.pop("CELERY_BROKER_WRITE_URL")
    response = client.post(
        reverse("article_upload"),
        {"text": SAMPLE_TEXT, "headline": "Budget during an outage"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Processing is delayed" in unescape(response.content.decode())
    article = Article.objects.get()
    assert article.status == Status.QUEUED and article.original_file.read() == SAMPLE_TEXT.encode()

    broker_down()  # the broker is back
    worker.start()
    try:
        # Nothing was enqueued: only the sweeper (here the command; celery beat runs the same
        # task) brings the article to a worker.
        Article.objects.filter(pk=article.pk).update(
            created_at=article.created_at.replace(year=2000)
        )
        out = io.StringIO()
        call_command("requeue_stale", stdout=out)
        assert "Re-enqueued 1 article." in out.getvalue()
        call_command("requeue_stale", stdout=out)  # a second sweeper finds nothing to do
        assert out.getvalue().endswith("Re-enqueued 0 articles.\n")
        wait_until_ready(article, worker)
    finally:
        worker.stop()
    assert claims_of(article) == EXPECTED
    article.refresh_from_db()
    assert article.error_message == ""
    report("broker-outage-at-upload", uploads=1, saved=1, processed=1, lost=0)


# --- The database going away under a running worker --------------------------------------------


def terminate_other_connections():
    """What a database restart does to every client but us: cut their connections."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_task_retries_and_completes_when_the_database_drops_its_connections(
    desk, alice, workers, fault_dir
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: it cuts the worker's server connections")
    (fault_dir / "pause-start").touch()
    worker = workers("db-restart")
    article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")
    wait_until_paused(fault_dir, worker)
    cut = terminate_other_connections()
    assert cut >= 1
    (fault_dir / "resume").touch()
    wait_until_ready(article, worker)
    assert claims_of(article) == EXPECTED
    assert "OperationalError" in worker.output() or "InterfaceError" in worker.output()
    report("database-connections-cut", connections_cut=cut, retried=True, completed=True)


# --- A task that keeps failing ------------------------------------------------------------------


def test_task_that_keeps_failing_ends_failed_with_a_reason_and_an_editor_retries_it(
    desk, alice, client, workers, fault_dir
):
    (fault_dir / "fail").touch()
    worker = workers("failing", FAULT_MAX_RETRIES="2")
    article = services.submit_article(user=alice, body=SAMPLE_TEXT, headline="Budget")
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Status.FAILED).exists(),
        timeout=60,
        message="the article to be marked failed\n" + worker.output()[-3000:],
    )
    article.refresh_from_db()
    assert article.attempts == 3  # the first run and two retries
    assert "Processing failed after several attempts" in article.error_message
    assert "simulated: the database keeps failing" in article.error_message
    assert not article.claims.exists()

    client.force_login(alice)
    page = unescape(client.get(article.get_absolute_url()).content.decode())
    assert "Processing failed after several attempts" in page
    assert reverse("article_reprocess", args=[article.pk]) in page  # the Retry button

    (fault_dir / "fail").unlink()  # the database is healthy again
    response = client.post(reverse("article_reprocess", args=[article.pk]), follow=True)
    assert "queued for processing again" in unescape(response.content.decode())
    wait_until_ready(article, worker)
    assert claims_of(article) == EXPECTED
    report("task-keeps-failing", attempts=3, failed_with_reason=True, retried_from_ui=True)
