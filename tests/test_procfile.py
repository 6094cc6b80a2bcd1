"""`make run`'s process runner (newsroom/procfile.py): Ctrl-C gives each process's main process
time to stop by itself, as the Celery worker's warm shutdown needs (issue 16, bug 9)."""

import signal
import subprocess
import sys
import textwrap
import time

import pytest

# A stand-in for the Celery worker: a main process with a pool child in its process group. On
# SIGTERM the main process takes 6 s (more than honcho's 5) to finish, then tells the child to
# go. The child reports a SIGTERM sent to it directly (honcho signalled the whole group).
WORKER = textwrap.dedent(
    """
    import os, signal, sys, time
    read, write = os.pipe()
    if os.fork() == 0:
        signal.signal(signal.SIGTERM, lambda *a: (print("child: SIGTERM", flush=True), os._exit(1)))
        os.read(read, 1)
        print("child: finished its task", flush=True)
        os._exit(0)
    def stop(*args):
        time.sleep(6)
        os.write(write, b"x")
        os.wait()
        print("main: warm shutdown done", flush=True)
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)
    print("main: ready", flush=True)
    while True:
        time.sleep(1)
    """
)
STUBBORN = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); time.sleep(600)"  # noqa: E501


def start(tmp_path, **commands):
    scripts = []
    for name, code in commands.items():
        script = tmp_path / f"{name}.py"
        script.write_text(code)
        scripts.append(f"{name}: {sys.executable} {script}")
    (tmp_path / "Procfile").write_text("\n".join(scripts) + "\n")
    runner = subprocess.Popen(
        [sys.executable, "-m", "newsroom.procfile", str(tmp_path / "Procfile")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return runner


def wait_for_line(runner, text, timeout=20):
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = runner.stdout.readline()
        seen.append(line)
        if text in line:
            return seen
    raise AssertionError(f"no {text!r} in {seen}")


def test_ctrl_c_lets_the_worker_finish_its_warm_shutdown(tmp_path):
    runner = start(tmp_path, worker=WORKER)
    wait_for_line(runner, "main: ready")

    runner.send_signal(signal.SIGINT)
    output = runner.communicate(timeout=30)[0]

    assert "child: finished its task" in output
    assert "main: warm shutdown done" in output
    assert "child: SIGTERM" not in output
    assert "killing" not in output
    assert runner.returncode == 0


def test_a_second_ctrl_c_kills_at_once(tmp_path):
    runner = start(tmp_path, stubborn=STUBBORN)
    wait_for_line(runner, "ready")

    runner.send_signal(signal.SIGINT)
    wait_for_line(runner, "sending SIGTERM")
    started = time.monotonic()
    runner.send_signal(signal.SIGINT)
    output = runner.communicate(timeout=10)[0]

    assert time.monotonic() - started < 5
    assert "stubborn did not stop in time: killing it" in output


def test_when_one_process_stops_the_others_are_stopped(tmp_path):
    runner = start(tmp_path, quick="print('bye', flush=True)", worker=WORKER)

    output = runner.communicate(timeout=30)[0]

    assert "quick stopped (exit status 0)" in output
    assert "main: warm shutdown done" in output
    assert runner.returncode == 1


@pytest.mark.parametrize("line", ["no colon here", "web:", ": command"])
def test_a_malformed_procfile_line_is_named(tmp_path, line):
    (tmp_path / "Procfile").write_text(line + "\n")

    result = subprocess.run(
        [sys.executable, "-m", "newsroom.procfile", str(tmp_path / "Procfile")],
        capture_output=True,
        text=True,
        timeout=10,
    )

    assert result.returncode == 1
    assert "line 1: expected `name: command`" in result.stderr
