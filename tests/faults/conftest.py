"""Fixtures of the fault tests: the desk with its real broker, before any worker starts."""

import pytest

from tests.conftest import restore_reference_data


@pytest.fixture
def desk(transactional_db, worker_queue):
    from newsroom.celery import app

    # These tests need the real broker and worker, even if an earlier test left Celery eager.
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    restore_reference_data()
    yield
    app.conf.task_always_eager = eager
