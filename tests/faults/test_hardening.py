"""Attacks from a production-like deployment, replayed with real processes: gunicorn with two
sync workers and its 30 s timeout (as in production), and a real Celery worker.

- Hostile uploads must not hold a web worker: another user's page still loads within a second.
- A 47 KB PDF that unpacks to millions of characters ends `failed`, with a reason, in bounded
  time, instead of running a worker for 25 minutes at 3 GB.
"""

import os
import secrets
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article
from devtools.management.commands.loadtest import Session
from tests.conftest import WorkerProcess, database_url, wait_for
from tests.test_ingest import make_pdf

pytestmark = pytest.mark.worker

LINE = "The minister said the programme had cut waiting times by forty percent since 2022."


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site(desk, worker_queue, tmp_path):
    """gunicorn as deployed (2 sync workers, 30 s timeout, DEBUG=0) on the test database."""
    var = tmp_path / "var"
    env = {
        **os.environ, "DATABASE_URL": database_url(), "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1",
        "VAR_DIR": str(var), "CELERY_QUEUE": worker_queue, "CONN_MAX_AGE": "0",
        "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0",
        "LOG_LEVEL": "WARNING",
    }  # fmt: skip
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True)
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", "2", "--timeout", "30"],
        env=env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip

    def listening():
        assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            return False

    wait_for(listening, timeout=30, message="gunicorn to listen")
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)
    log.close()


def with_real_passwords(settings, *people):
    """The suite hashes with MD5 for speed; gunicorn knows only the production hashers."""
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    for person in people:
        person.set_password(f"pw-{person.username}")
        person.save()


def test_hostile_uploads_do_not_hold_up_another_users_page(site, alice, bob, settings):
    """Two 400 KB Markdown files of '**x ' held both sync workers past their 30 s timeout (both
    SIGKILLed, 500s) and the login page stopped answering. Now the request only stores them."""
    with_real_passwords(settings, alice, bob)
    uploaders = [Session(site), Session(site)]
    for session in uploaders:
        session.login("alice", "pw-alice")
    reader = Session(site)
    reader.login("bob", "pw-bob")
    results = []

    def upload(session, n):
        hostile = f"Upload {n}. ".encode() + b"**x " * 100_000  # two files, not one twice
        started = time.monotonic()
        status, _ = session.request(
            "POST", "/articles/new/", files={"files": (f"bold-{n}.md", hostile)}
        )
        results.append((status, time.monotonic() - started))

    threads = [threading.Thread(target=upload, args=(s, n)) for n, s in enumerate(uploaders)]
    for thread in threads:
        thread.start()
    page_loads = []
    while any(thread.is_alive() for thread in threads) or len(page_loads) < 5:
        started = time.monotonic()
        status, _ = reader.request("GET", "/claims/")
        page_loads.append((status, time.monotonic() - started))
    for thread in threads:
        thread.join()

    sys.stdout.write(f"\nFIGURES hostile-uploads: uploads={results} page_loads={page_loads}\n")
    assert [status for status, _ in results] == [302, 302]
    assert all(status == 200 for status, _ in page_loads)
    assert max(seconds for _, seconds in page_loads) < 1.0
    assert Article.objects.filter(status=Article.Status.QUEUED).count() == 2


def test_a_pdf_that_unpacks_to_millions_of_characters_fails_in_bounded_time(
    desk, client, alice, tmp_path
):
    pdf = make_pdf([LINE] * 900, pages=300, compress=True)  # 47 KB, 20 million characters
    worker = WorkerProcess(tmp_path, "pdf").start()
    try:
        client.force_login(alice)
        started = time.monotonic()
        response = client.post(
            reverse("article_upload"), {"files": [SimpleUploadedFile("report.pdf", pdf)]}
        )
        assert response.status_code == 302
        article = wait_for(
            lambda: Article.objects.filter(status=Article.Status.FAILED).first(),
            timeout=60,
            message="the PDF to end failed\n" + worker.output()[-3000:],
        )
        seconds = time.monotonic() - started
    finally:
        worker.stop()
    sys.stdout.write(f"\nFIGURES compressed-pdf: {len(pdf)} bytes, failed after {seconds:.1f} s\n")
    assert "The text of this article is too long" in article.error_message
    assert not article.claims.exists()
