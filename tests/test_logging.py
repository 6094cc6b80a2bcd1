"""What the desk prints while it runs: each event once, and no traceback for what is not an
error of the desk (issue 16, bug 9)."""

import io
import logging
import os
import subprocess
import sys

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(monkeypatch, settings):
    """What the configured log handlers print (as `make run` shows it: DEBUG on)."""
    settings.DEBUG = True
    out = io.StringIO()
    loggers = [logging.getLogger(), *map(logging.getLogger, list(logging.root.manager.loggerDict))]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if type(handler) is logging.StreamHandler:
                monkeypatch.setattr(handler, "stream", out)
    return out


def test_a_404_is_logged_once(login, console):
    login("bob").get("/no-such-page/")

    assert console.getvalue().count("Not Found: /no-such-page/") == 1


def test_a_403_is_logged_in_one_line_without_a_traceback(login, console):
    response = login("bob").get(reverse("article_upload"))  # fact-checkers do not upload

    assert response.status_code == 403
    assert console.getvalue().count("Forbidden (Permission denied): /articles/new/") == 1
    assert "Traceback" not in console.getvalue()


def test_a_500_keeps_its_traceback(console):
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), None)
    try:
        raise ValueError("broken")
    except ValueError:
        record.exc_info = sys.exc_info()
    record.status_code = 500

    logging.getLogger("django.request").handle(record)

    assert "Traceback" in console.getvalue()


def test_the_embedded_broker_connects_without_a_warning():
    """The default broker (kombu's filesystem transport) has no host: kombu warned about it."""
    env = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}
    script = (
        "import django; django.setup()\n"
        "from newsroom.celery import app\n"
        "with app.connection_for_write() as connection: connection.info()\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert "No hostname was supplied" not in result.stderr
