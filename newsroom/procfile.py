"""`make run`: start the Procfile's processes side by side and stop them gently on Ctrl-C.

    python -m newsroom.procfile [Procfile]

Each line `name: command` is one process (a single command, run by the shell so `${VAR:-x}`
works); their output is printed with the name in front. When one stops, or on Ctrl-C, every
process's main process alone gets SIGTERM and has up to STOP_SECONDS to exit. That is what the
Celery worker needs for a warm shutdown: its pool's children finish the task in hand and exit
when the main process tells them. (honcho, used before, signalled each whole process group, so
the children died mid-task, and killed everything after 5 s, while an idle worker takes 5 to 9 s
to stop.) A second Ctrl-C, or STOP_SECONDS passing, kills what is left.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time

STOP_SECONDS = 60


def read_procfile(path):
    """[(name, command)] from a Procfile; blank lines and # comments are skipped."""
    processes = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, command = line.partition(":")
            if not sep or not name.strip() or not command.strip():
                raise SystemExit(f"{path}, line {number}: expected `name: command`.")
            processes.append((name.strip(), command.strip()))
    return processes


class Runner:
    def __init__(self, processes, out=sys.stdout):
        self.processes = processes
        self.out = out
        self.width = max(len(name) for name, _ in processes)
        self.children = {}
        self.relays = []
        self.lock = threading.RLock()  # a signal handler may print while the main thread does
        self.stopping = threading.Event()
        self.killing = threading.Event()

    def say(self, name, text):
        with self.lock:
            self.out.write(f"{name:<{self.width}} | {text}\n")
            self.out.flush()

    def start(self):
        for name, command in self.processes:
            # `exec`: the shell becomes the command, so SIGTERM reaches the program itself. Its
            # own session: the terminal's Ctrl-C reaches only this runner, which decides.
            child = subprocess.Popen(
                ["/bin/sh", "-c", f"exec {command}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            self.children[name] = child
            self.say("run", f"{name} started (pid {child.pid})")
            relay = threading.Thread(target=self.relay, args=(name, child), daemon=True)
            relay.start()
            self.relays.append(relay)

    def relay(self, name, child):
        for raw in iter(child.stdout.readline, b""):
            self.say(name, raw.decode("utf-8", "replace").rstrip("\n"))

    def on_signal(self, signum, frame):
        if self.stopping.is_set():
            self.killing.set()
        else:
            self.say("run", "stopping (press Ctrl-C again to kill at once)")
            self.stopping.set()

    def running(self):
        return {name: child for name, child in self.children.items() if child.poll() is None}

    def wait(self):
        """Until Ctrl-C or a process stops; returns the exit status for the runner."""
        while not self.stopping.is_set():
            stopped = [n for n, c in self.children.items() if c.poll() is not None]
            if stopped:
                code = self.children[stopped[0]].returncode
                self.say("run", f"{stopped[0]} stopped (exit status {code})")
                return code or 1
            self.stopping.wait(0.2)
        return 0

    def stop(self):
        for name, child in self.running().items():
            self.say("run", f"sending SIGTERM to {name} (pid {child.pid})")
            _signal(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        terminated_groups = set()
        while self.running() and not self.killing.is_set() and time.monotonic() < deadline:
            # A main process gone, its group's other members (runserver's server process under
            # its autoreloader) get SIGTERM too.
            for name, child in self.children.items():
                if child.poll() is not None and name not in terminated_groups:
                    terminated_groups.add(name)
                    _signal_group(child.pid, signal.SIGTERM)
            time.sleep(0.1)
        for name, child in self.children.items():
            if child.poll() is None:
                self.say("run", f"{name} did not stop in time: killing it")
            _signal_group(child.pid, signal.SIGKILL)
            child.wait()
            self.say("run", f"{name} stopped (exit status {child.returncode})")
        for relay in self.relays:
            relay.join(timeout=1)


def _signal(pid, signum):
    with contextlib.suppress(ProcessLookupError):  # it stopped meanwhile
        os.kill(pid, signum)


def _signal_group(pid, signum):
    with contextlib.suppress(ProcessLookupError, PermissionError):  # nobody left in the group
        os.killpg(pid, signum)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    runner = Runner(read_procfile(argv[0] if argv else "Procfile"))
    signal.signal(signal.SIGINT, runner.on_signal)
    signal.signal(signal.SIGTERM, runner.on_signal)
    runner.start()
    status = runner.wait()
    runner.stopping.set()
    runner.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())
