"""Fixtures of the fault tests: the desk with its real broker, before any worker starts."""

import pytest

from tests.conftest import WorkerProcess, restore_reference_data


@pytest.fixture
def desk(transactional_db, worker_queue):
    from newsroom.celery import app

    # These tests need the real broker and worker, even if an earlier test left Celery eager.
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    restore_reference_data()
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def start_worker(desk, tmp_path):
    """start_worker(name, pool=..., app=..., **env): a real worker (solo pool, the project's app
    unless told), with `env` added to its environment; all are stopped afterwards."""
    started = []

    def start(name, *, pool="solo", app="newsroom", **env):
        worker = WorkerProcess(tmp_path, name)
        worker.env.update(env)
        worker.command[worker.command.index("newsroom")] = app
        if pool != "solo":
            worker.command[worker.command.index("--pool=solo")] = f"--pool={pool}"
            worker.command.append("--concurrency=1")
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.stop()
