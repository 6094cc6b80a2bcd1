"""Shared fixtures: the desk's people and a processed article.

Alice is an editor, Bob and Carol are fact-checkers, Vic is a viewer, Dave is another editor
(approval needs an editor other than the proposer).
"""

import sys
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from claims import services
from claims.extraction import extract
from claims.models import Article, Claim, Verdict
from claims.permissions import EDITORS, FACT_CHECKERS, VIEWERS

SAMPLE_TEXT = (
    "The city council approved a budget of $4.2 million on Monday, officials said.\n\n"
    "“We have cut waste by 30 percent since 2021,” Mayor Jane Holloway told reporters.\n\n"
    "According to the transport department, bus ridership fell by 12 percent last year.\n\n"
    "Holloway said the new tram line would open in 2027."
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After the suite, name any other session still connected to the PostgreSQL test database
    (a worker or server process a test did not stop), then end it so the database can be dropped.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    try:
        with django_db_blocker.unblock():
            connection.close()  # a test may have cut this process's own connection
            _end_other_sessions(connection)
            connection.close()
    except Exception as exc:  # noqa: BLE001 - a look before the drop; never fails the suite
        sys.__stderr__.write(f"\nCould not list the sessions on the test database: {exc}\n")


def _end_other_sessions(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, backend_type, application_name, client_addr, client_port, backend_start,"
            " state, left(query, 160) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        others = cursor.fetchall()
        for row in others:
            sys.__stderr__.write(f"\nA session was left connected to the test database: {row}\n")
        for pid, backend_type, *_ in others:
            if backend_type == "client backend":
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: counts' estimates (claims/pagination.py) and rate
    limits of one test's data do not reach the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def matching_cache(tmp_path, monkeypatch):
    """The matcher's disk cache of archive vectors (command line, evaluation) stays in the test's
    own directory, for the command lines the tests start too."""
    monkeypatch.setenv("MATCHING_CACHE", str(tmp_path / "matching-cache"))


def _person(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password="pw-" + username)
    if group_name:
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def restore_reference_data():
    """Transactional tests flush every table: restore the roles and verdicts of migration 0002."""
    import importlib

    from django.apps import apps

    importlib.import_module("claims.migrations.0002_roles_and_verdicts").create(apps, None)


@pytest.fixture
def alice(django_user_model):
    return _person(django_user_model, "alice", EDITORS)


@pytest.fixture
def dave(django_user_model):
    return _person(django_user_model, "dave", EDITORS)


@pytest.fixture
def bob(django_user_model):
    return _person(django_user_model, "bob", FACT_CHECKERS)


@pytest.fixture
def carol(django_user_model):
    return _person(django_user_model, "carol", FACT_CHECKERS)


@pytest.fixture
def vic(django_user_model):
    return _person(django_user_model, "vic", VIEWERS)


@pytest.fixture
def login(client, request):
    """login("bob") signs the test client in as Bob (any of the people above) and returns it."""

    def as_(name):
        client.force_login(request.getfixturevalue(name))
        return client

    return as_


@pytest.fixture
def article(alice):
    """An article whose extraction has been applied (no broker involved)."""
    article = Article.objects.create(
        headline="Council passes budget",
        url="https://news.example.org/council-budget",
        body=SAMPLE_TEXT,
        content_hash=services.content_hash(SAMPLE_TEXT),
        uploaded_by=alice,
    )
    return services.apply_extraction(article, extract(SAMPLE_TEXT))


def text_of(response):
    """A page's HTML with its entities read (&amp; as &), for asserting what a reader sees."""
    return unescape(response.content.decode())


def claim_by_text(article, fragment):
    return article.claims.get(text__contains=fragment)


@pytest.fixture
def claim(article):
    return article.claims.order_by("start").first()


@pytest.fixture
def claims(article):
    """The article's claims, in the order of the text."""
    return list(article.claims.order_by("start"))


def yesterday():
    import datetime

    from django.utils import timezone

    return timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def verdict_false():
    return Verdict.objects.get(slug="false")


@pytest.fixture
def claim_in_progress(claim, alice, bob):
    """A claim assigned to Bob, who has started work and linked one piece of evidence."""
    services.assign_claim(claim, bob, actor=alice)
    services.transition(claim, "start", actor=bob)
    services.add_evidence(claim, actor=bob, title="Budget document", url="https://example.org/b")
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def claim_in_review(claim_in_progress, bob, verdict_false):
    services.propose_verdict(
        claim_in_progress, actor=bob, verdict=verdict_false, summary="The budget was $3.9m."
    )
    return Claim.objects.get(pk=claim_in_progress.pk)


@pytest.fixture
def eager_celery(settings):
    """Celery runs tasks in the test's own process, as soon as they are sent."""
    from newsroom.celery import app

    before = app.conf.task_always_eager  # read first: Celery loads its config lazily
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def database_url():
    """A URL for the test database, so another process (a worker) can use it."""
    from django.db import connection

    conf = connection.settings_dict
    if conf["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{conf['NAME']}"
    auth = conf["USER"] + (f":{conf['PASSWORD']}" if conf["PASSWORD"] else "")
    return f"postgres://{auth}@{conf['HOST'] or 'localhost'}:{conf['PORT'] or 5432}/{conf['NAME']}"


class WorkerProcess:
    """A real Celery worker in its own process, on its own queues (main and background, in that
    order, as every worker of the desk), using the test database."""

    def __init__(self, tmp_path, name="w1"):
        import os
        import sys

        from django.conf import settings

        from newsroom.celery import app

        self.queue = app.conf.task_default_queue
        self.background_queue = settings.CELERY_BACKGROUND_QUEUE
        assert self.background_queue == f"{self.queue}-background", "use the worker_queue fixture"
        self.log_path = tmp_path / f"worker-{name}.log"
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_QUEUE": self.queue,
            "CONN_MAX_AGE": "0",
        }
        self.command = [
            sys.executable, "-m", "celery", "-A", "newsroom", "worker", "--pool=solo",
            "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
            "-n", f"{name}-{os.getpid()}@%h", "-Q", f"{self.queue},{self.background_queue}",
        ]  # fmt: skip
        self.process = None

    def start(self, timeout=60):
        import subprocess
        import time

        self.log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in self.log_path.read_bytes():
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError("The Celery worker did not start:\n" + self.output())

    def output(self):
        return self.log_path.read_text(errors="replace")

    def stop(self, sig=None):
        import signal

        if self.process and self.process.poll() is None:
            self.process.send_signal(sig or signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except Exception:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture
def worker_queue(settings):
    """Queue names of this test's own (main and background), so no other worker (e.g. `make run`)
    steals tasks; whatever the test left in them is purged afterwards."""
    import os
    import uuid

    from newsroom.celery import app

    queue = f"newsroom-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    settings.CELERY_BACKGROUND_QUEUE = f"{queue}-background"
    yield queue
    app.conf.task_default_queue = previous
    purge_queues(queue, f"{queue}-background")


def purge_queues(*names):
    """Drop the messages left in these broker queues (a test's own, never shared ones)."""
    import contextlib

    from newsroom.celery import app

    # Clean-up only: a broker that cannot be reached has nothing of ours to drop either.
    with contextlib.suppress(Exception), app.connection_for_write() as connection:
        for name in names:
            connection.default_channel.queue_purge(name)


@pytest.fixture
def celery_worker_process(transactional_db, worker_queue, tmp_path):
    from newsroom.celery import app

    assert not app.conf.task_always_eager, "an earlier test left Celery eager"
    restore_reference_data()
    worker = WorkerProcess(tmp_path).start()
    yield worker
    worker.stop()


def wait_for(condition, timeout=30, interval=0.1, message="condition"):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout}s waiting for {message}")
