"""Load test: the desk under gunicorn with production settings, N logged-in users for S seconds.

    make loadtest                      # PostgreSQL, 50 users, 60 s (see the Makefile)
    manage.py loadtest --users 50 --duration 60 [--max-requests 200000]

Seeds users and processed articles into the configured database (DATABASE_URL: use a database
of its own), starts gunicorn on loopback with DEBUG=0, and runs a realistic mix from threads
using only the standard library: queue pages and filters, claim and article pages, state changes,
comments and uploads. Prints requests, errors and p50/p95 per endpoint; exits non-zero on any
error. tests/test_loadtest.py runs the same generator for 5 s against the test server.
"""

import http.client
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PASSWORD = "load-test-password"
MIX = [  # (weight, endpoint name); editors also upload and change states, checkers comment
    (20, "GET queue"), (15, "GET queue filtered"), (20, "GET claim"), (8, "GET dashboard"),
    (8, "GET article"), (5, "GET article list"), (12, "POST transition"), (8, "POST comment"),
    (4, "POST upload"),
]  # fmt: skip
FILTERS = [
    {"state": "new"}, {"tab": "mine"}, {"tab": "unassigned"}, {"kind": "direct"},
    {"q": "said"}, {"q": "budget"}, {"sort": "-score"}, {"page": "2"}, {"state": "dismissed"},
]  # fmt: skip


# --- Data --------------------------------------------------------------------------------------


def seed(users=50, articles=6, prefix="load"):
    """Users (a third editors) and processed articles; returns what the generator needs."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from claims import services
    from claims.extraction import extract
    from claims.models import Article
    from claims.permissions import EDITORS, FACT_CHECKERS

    User = get_user_model()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, FACT_CHECKERS)}
    people = []
    for i in range(users):
        role = "editor" if i % 3 == 0 else "checker"
        user, created = User.objects.get_or_create(username=f"{prefix}-{role}-{i}")
        if created:
            user.set_password(PASSWORD)
            user.save()
        user.groups.add(groups[EDITORS if role == "editor" else FACT_CHECKERS])
        people.append((user.username, PASSWORD, role))
    text = (settings.BASE_DIR / "seeds" / "moscow-washington-prisoner-exchange.txt").read_text()
    article_ids, claim_ids = [], []
    for i in range(articles):
        body = f"{text}\n\nLoad-test copy {i} ({prefix})."
        article = Article.objects.filter(content_hash=services.content_hash(body)).first()
        if article is None:
            article = Article.objects.create(
                headline=f"Prisoner exchange ({prefix} {i})", body=body,
                content_hash=services.content_hash(body),
            )  # fmt: skip
            services.apply_extraction(article, extract(body))
        article_ids.append(article.pk)
        claim_ids += list(article.claims.values_list("pk", flat=True))
    return {"users": people, "articles": article_ids, "claims": claim_ids}


# --- The load generator (standard library only) ------------------------------------------------


class Session:
    """One logged-in user over HTTP: cookies, CSRF token, as a browser behind TLS would send."""

    def __init__(self, base_url, timeout=30):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.origin = f"https://{parts.netloc}"
        self.timeout = timeout
        self.cookies = {}

    def request(self, method, path, fields=None, files=None, headers=None):
        body, head = None, {"Host": f"{self.host}:{self.port}", "X-Forwarded-Proto": "https",
                            **(headers or {})}  # fmt: skip
        if method == "POST":
            head.update(Origin=self.origin, Referer=self.origin + path)
            head["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            if files:
                body, head["Content-Type"] = multipart(fields or {}, files)
            else:
                body = urlencode(fields or {}).encode()
                head["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=head)
            response = connection.getresponse()
            content = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, content.decode("utf-8", "replace")
        finally:
            connection.close()

    def login(self, username, password):
        self.request("GET", "/login/")
        status, _ = self.request("POST", "/login/", {"username": username, "password": password})
        if status != 302:
            raise RuntimeError(f"login of {username} failed: {status}")


def multipart(fields, files):
    boundary = secrets.token_hex(12)
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())  # fmt: skip
    for name, (filename, data) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


VERSION = re.compile(r'name="version" value="(\d+)"')


def one_action(session, role, data, rng, endpoint):
    """Run one action of the mix; returns (status, what it was)."""
    claim = rng.choice(data["claims"])
    if endpoint == "GET queue":
        return session.request("GET", "/claims/")[0]
    if endpoint == "GET queue filtered":
        return session.request("GET", "/claims/?" + urlencode(rng.choice(FILTERS)))[0]
    if endpoint == "GET claim":
        return session.request("GET", f"/claims/{claim}/")[0]
    if endpoint == "GET dashboard":
        return session.request("GET", "/")[0]
    if endpoint == "GET article":
        return session.request("GET", f"/articles/{rng.choice(data['articles'])}/")[0]
    if endpoint == "GET article list":
        return session.request("GET", "/articles/")[0]
    if endpoint == "POST comment":
        return session.request("POST", f"/claims/{claim}/comment/",
                               {"text": f"Checked by load test {rng.random()}"},
                               headers={"HX-Request": "true"})[0]  # fmt: skip
    if endpoint == "POST transition":
        # Read the version the page shows, then act on it, as a journalist would. Two users on
        # one claim: the second is refused with a message (a 200 page), which is not an error.
        status, page = session.request("GET", f"/claims/{claim}/")
        version = VERSION.search(page)
        if status != 200 or not version:
            return status
        if role == "editor":
            action = rng.choice(["dismiss", "restore"])
            fields = {"action": action, "version": version.group(1), "reason": "Load test."}
            return session.request("POST", f"/claims/{claim}/transition/", fields,
                                   headers={"HX-Request": "true"})[0]  # fmt: skip
        fields = {"take": "1", "version": version.group(1)}
        return session.request("POST", f"/claims/{claim}/assign/", fields,
                               headers={"HX-Request": "true"})[0]  # fmt: skip
    if endpoint == "POST upload":
        text = (f"The mayor said on {rng.randint(1, 28)} May that the budget grew by "
                f"{rng.randint(1, 99)} percent. Ref {secrets.token_hex(8)}.")  # fmt: skip
        return session.request("POST", "/articles/new/", {"headline": "Load test"},
                               files={"files": ("load.txt", text.encode())})[0]  # fmt: skip
    raise ValueError(endpoint)


def run_load(base_url, data, *, users=50, duration=60.0, max_requests=200_000, think=1.0,
             seed_value=1):  # fmt: skip
    """N users log in (a few at a time, before the clock starts: password hashing is meant to be
    slow), then each runs the mix with `think` seconds (on average) between actions until the
    time or the request count runs out."""
    latencies = defaultdict(list)
    errors = defaultdict(int)
    lock = threading.Lock()
    count = [0]
    people = (data["users"] * (users // len(data["users"]) + 1))[:users]

    def record(endpoint, started, status, failure=None):
        with lock:
            latencies[endpoint].append(time.monotonic() - started)
            if failure or status >= 400:
                errors[endpoint] += 1
                if errors[endpoint] <= 3:
                    print(f"error {endpoint}: {failure or status}", file=sys.stderr)

    def log_in(person):
        username, password, role = person
        session = Session(base_url, timeout=120)
        started = time.monotonic()
        try:
            session.login(username, password)
        except Exception as exc:  # noqa: BLE001 - every failure is counted, none is fatal
            record("POST login", started, 0, repr(exc))
            return None
        record("POST login", started, 302)
        session.timeout = 30
        return session, role

    with ThreadPoolExecutor(max_workers=4) as pool:
        sessions = [s for s in pool.map(log_in, people) if s is not None]
    deadline = time.monotonic() + duration

    def user(index, session, role):
        rng = random.Random(seed_value * 1000 + index)
        weights = [w if role == "editor" or not e.endswith("upload") else 0 for w, e in MIX]
        time.sleep(rng.uniform(0, think))  # users do not all start on the same millisecond
        while time.monotonic() < deadline:
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            endpoint = rng.choices([e for _, e in MIX], weights)[0]
            started = time.monotonic()
            try:
                status = one_action(session, role, data, rng, endpoint)
                record(endpoint, started, status)
            except Exception as exc:  # noqa: BLE001
                record(endpoint, started, 0, repr(exc))
            time.sleep(rng.uniform(0.5, 1.5) * think)

    threads = [threading.Thread(target=user, args=(i, *pair), daemon=True)
               for i, pair in enumerate(sessions)]  # fmt: skip
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 120)
    result = summarise(latencies, errors, time.monotonic() - began)
    result["users"] = len(sessions)
    return result


def summarise(latencies, errors, elapsed):
    def pct(values, q):
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0

    rows = {
        endpoint: {"requests": len(values), "errors": errors.get(endpoint, 0),
                   "p50_ms": round(pct(values, 0.50), 1), "p95_ms": round(pct(values, 0.95), 1)}
        for endpoint, values in sorted(latencies.items())
    }  # fmt: skip
    total = sum(r["requests"] for r in rows.values())
    return {
        "requests": total,
        "errors": sum(r["errors"] for r in rows.values()),
        "seconds": round(elapsed, 1),
        "requests_per_second": round(total / elapsed, 1) if elapsed else 0,
        "endpoints": rows,
    }


def format_report(result):
    lines = [f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"]
    for endpoint, row in result["endpoints"].items():
        lines.append(f"{endpoint:<22}{row['requests']:>9}{row['errors']:>8}"
                     f"{row['p50_ms']:>9}{row['p95_ms']:>9}")  # fmt: skip
    lines.append(f"users: {result.get('users', '?')} logged in (logins are not in the window)")
    lines.append(f"total: {result['requests']} requests, {result['errors']} errors in "
                 f"{result['seconds']} s ({result['requests_per_second']} req/s)")  # fmt: skip
    return "\n".join(lines)


# --- The command: gunicorn with production settings ---------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Load-test the desk under gunicorn (production settings) with N logged-in users."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--duration", type=float, default=60.0, help="Seconds of load.")
        parser.add_argument("--max-requests", type=int, default=200_000)
        parser.add_argument("--think", type=float, default=1.0, help="Mean seconds between a"
                            " user's actions (0: as fast as possible).")  # fmt: skip
        parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes.")
        parser.add_argument("--threads", type=int, default=8, help="Threads per gunicorn worker.")

    def handle(self, users, duration, max_requests, workers, threads, think, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"].endswith("sqlite3"):
            self.stderr.write("Warning: SQLite; set DATABASE_URL to a PostgreSQL database.")
        self.stdout.write(f"Seeding {users} users and articles into {database['NAME']}…")
        data = seed(users)
        port = free_port()
        with tempfile.TemporaryDirectory(prefix="loadtest-") as var:
            env = {
                **os.environ, "DEBUG": "0", "DEVTOOLS": "0",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1", "VAR_DIR": var, "CELERY_BROKER_URL": "filesystem://localhost/",
                "CONN_MAX_AGE": "60", "LOG_LEVEL": "WARNING",
            }  # fmt: skip
            manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
            subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True)
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "-b", f"127.0.0.1:{port}",
                 "-w", str(workers), "-k", "gthread", "--threads", str(threads),
                 "--timeout", "60", "--log-level", "warning"],
                env=env, cwd=settings.BASE_DIR,
            )  # fmt: skip
            try:
                self._wait_for(port, server)
                self.stdout.write(f"{users} users for {duration:.0f} s on 127.0.0.1:{port}…")
                result = run_load(f"http://127.0.0.1:{port}", data, users=users,
                                  duration=duration, max_requests=max_requests,
                                  think=think)  # fmt: skip
            finally:
                server.terminate()
                server.wait(timeout=30)
        self.stdout.write(format_report(result))
        if result["errors"]:
            raise CommandError(f"{result['errors']} requests failed.")

    def _wait_for(self, port, server, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError("gunicorn exited; see its output above.")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise CommandError("gunicorn did not start listening.")
