"""The project's Celery app plus fault switches, for a worker started by tests/faults/ only.

`celery -A tests.faults.worker_app worker` loads the real app (newsroom.celery) and connects a
post_save receiver on Article: the desk's code is unchanged and has no test hook. The test
drives it with files in $FAULT_DIR:

- `pause-commit`: stop inside apply_extraction's transaction (claims written, not committed),
  write `paused` with this process's pid, and sleep until killed. Once: `paused` disables it.
- `pause-start`: stop inside start_processing's transaction, write `paused`, and wait for
  `resume` (the test cuts the database connections meanwhile). Once, like the above.
- `fail`: while it exists, applying an extraction raises OperationalError (a database that
  keeps failing); FAULT_MAX_RETRIES lowers the task's retries so the test is quick.
"""

import os
import time
from pathlib import Path

from django.db import OperationalError
from django.db.models.signals import post_save

from newsroom.celery import app

__all__ = ["app"]

FAULT_DIR = Path(os.environ["FAULT_DIR"])


def _pause_once(trigger, wait_for=None):
    paused = FAULT_DIR / "paused"
    if not (FAULT_DIR / trigger).exists() or paused.exists():
        return
    paused.write_text(str(os.getpid()))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if wait_for and (FAULT_DIR / wait_for).exists():
            return
        time.sleep(0.05)


def _on_article_saved(sender, instance, **kwargs):
    if instance.status == "processing":
        _pause_once("pause-start", wait_for="resume")
    elif instance.status == "ready":
        if (FAULT_DIR / "fail").exists():
            if os.environ.get("FAULT_MAX_RETRIES"):
                task = app.tasks["claims.tasks.extract_article"]
                task.max_retries = int(os.environ["FAULT_MAX_RETRIES"])
            raise OperationalError("simulated: the database keeps failing")
        _pause_once("pause-commit")


post_save.connect(_on_article_saved, sender="claims.Article", weak=False)
