"""Benchmark the desk at scale: queue pages beside the Django admin, pages, export, extraction.

Run through `make bench` (PostgreSQL, production settings, Redis for the worker figures):
  1. builds the archive once (generate_archive) when the database holds fewer claims than asked;
  2. times each page with the test client (server time: middleware, view, SQL, template),
     many runs, p50 and p95, and counts its SQL queries; the admin changelist on the same data;
     and the floor (devtools.views.floor: the queue's first 50 claims in one query, a plain
     table), requested in turn with every page so that each page's ratio to it is measured side
     by side, under the same load;
  3. streams the CSV export (time, and peak Python memory with tracemalloc);
  4. extraction throughput in one process, then upload → claims in the database with warm
     Celery workers on Redis (1 and 2 workers);
  5. "checked before?" matching of one new claim against an archive of --match-archive claims
     and fact-checks (fact-checks generated up to that total, generate_fact_checks), p50 and p95;
  6. prints one table and writes VAR_DIR/bench.json.
"""

import http.server
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from claims import extraction, selectors, services
from claims.matching import embedding
from claims.matching.text import terms
from claims.models import ApiToken, Article, Claim, FactCheck, Source, Verdict, WebhookEndpoint
from claims.pagination import encode_cursor, sort_keys
from claims.services.matching import count_terms
from devtools.management.commands.generate_archive import MARK, busy_claim, long_article
from devtools.management.commands.generate_fact_checks import (
    GENERATED_URL,
    FactChecks,
    generate,
    stand_in_vector,
)

ADMIN_CHANGELIST = "/admin/claims/claim/"
# Issue 20's targets: each page's p50 over the floor's, measured side by side.
QUEUE_FLOOR_RATIO = 1.5
PAGE_FLOOR_RATIO = 2.0


def misses_target(name, row):
    if name.startswith("queue"):
        return row["floor_ratio"] > QUEUE_FLOOR_RATIO or row["queries"] > 10
    return row["floor_ratio"] > PAGE_FLOOR_RATIO


class Command(BaseCommand):
    help = "Measure the queue, pages, export and extraction on a generated archive."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=30, help="Timed runs per page.")
        parser.add_argument("--skip-workers", action="store_true")
        parser.add_argument(
            "--match-archive",
            type=int,
            default=1_000_000,
            help="Claims + fact-checks to match a new claim against (0: skip).",
        )

    def handle(self, claims, runs, skip_workers, match_archive, **options):
        ensure_archive(claims, self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        desk, admin, people = clients()
        results = {"claims": Claim.objects.count(), "floor_p50_ms": None, "views": {}}
        floor = Floor(desk["editor"])
        for name, url, admin_url, who in page_specs(people):
            client = desk[who]
            row = measure(client, url, runs, floor)
            row["admin_p50_ms"] = measure(admin, admin_url, runs)["p50_ms"] if admin_url else None
            results["views"][name] = row
            self.stdout.write(f"  {name}: {row}")
        results["floor_p50_ms"] = floor.p50()
        results["api"] = measure_api(people["editor"], runs)
        for name, row in results["api"].items():
            self.stdout.write(f"  {name}: {row}")
        results["csv_export"] = measure_export(desk["editor"])
        results["extraction"] = measure_extraction()
        results["matching"] = (
            measure_matching(match_archive, self.stdout) if match_archive else None
        )
        if skip_workers:
            results["upload_to_claims_ms"] = None
            results["workers"] = None
            results["webhooks"] = None
        else:
            results["upload_to_claims_ms"], results["workers"] = measure_workers(people["editor"])
            results["webhooks"] = measure_webhooks(people["editor"])
        print_table(results, self.stdout)
        path = Path(settings.VAR_DIR) / "bench.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2) + "\n")
        self.stdout.write(f"Written to {path}")


# --- Data and people ------------------------------------------------------------------------------


def ensure_archive(claims, out):
    have = Claim.objects.filter(article__content_hash__startswith=MARK).count()
    if have < claims * 0.95 or have > claims * 1.1:
        out.write(f"Generating an archive of {claims:,} claims (have {have:,})…")
        call_command("generate_archive", articles=claims // 10, reset=True, stdout=out)
        # As autovacuum leaves a live database: statistics, and the visibility map that lets
        # the queue's counts read their indexes only.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def clients():
    """Logged-in test clients: an editor and a fact-checker of the desk, and a superuser."""
    User = get_user_model()
    boss, _ = User.objects.get_or_create(
        username="gen-bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    people = {
        "editor": User.objects.get(username="gen-checker-01"),
        "checker": User.objects.get(username="gen-checker-05"),
        "admin": boss,
    }
    desk = {}
    for role in ("editor", "checker"):
        desk[role] = Client()
        desk[role].force_login(people[role])
    admin = Client()
    admin.force_login(boss)
    return desk, admin, people


def deep_page_cursor(page=500):
    """The cursor a reader holds after pressing Next 499 times (found once, not timed)."""
    query = selectors.QueueQuery()
    ordering = selectors.queue_order(query)
    size = settings.QUEUE_PAGE_SIZE
    row = Claim.objects.order_by(*ordering)[(page - 1) * size - 1]
    return encode_cursor(row, sort_keys(Claim, ordering))


def page_specs(people):
    """(name, our URL, the admin's URL or None, who) for every measured page."""
    checker = people["checker"]
    false = Verdict.objects.get(slug="false")
    source = Source.objects.filter(claims__isnull=False).order_by("pk").first()
    article = Article.objects.filter(content_hash__startswith=MARK).order_by("pk").first()
    queue = reverse("claim_queue")
    specs = [
        ("queue: first page", queue, ADMIN_CHANGELIST),
        ("queue: filter state", queue + "?state=in_review", "?state__exact=in_review"),
        ("queue: filter kind", queue + "?kind=direct", "?kind__exact=direct"),
        ("queue: filter verdict", queue + f"?verdict={false.pk}",
         f"?verdict__id__exact={false.pk}"),
        ("queue: filter assignee", queue + f"?assignee={checker.pk}",
         f"?assignee__id__exact={checker.pk}"),
        ("queue: filter nobody", queue + "?assignee=none", "?assignee__isnull=True"),
        ("queue: filter source", queue + f"?source={source.pk}", None),
        ("queue: filter article", queue + f"?article={article.pk}", None),
        ("queue: tab unassigned", queue + "?tab=unassigned", None),
        ("queue: tab in review", queue + "?tab=in_review", "?state__exact=in_review"),
        ("queue: search name", queue + "?q=Haddad", "?q=Haddad"),
        ("queue: search topic", queue + "?q=tram+line", "?q=tram+line"),
        ("queue: search typo in a name", queue + "?q=Hadad", None),
        ("queue: search, a word nobody wrote", queue + "?q=Zqxwv", "?q=Zqxwv"),
        ("search page: topic", reverse("site_search") + "?q=tram+line", None),
        ("search page: phrase -word", reverse("site_search") + '?q="bus+ridership"+-fell', None),
        ("search page: typo, did you mean", reverse("site_search") + "?q=ridrship+Zqxwv", None),
        ("queue: search typo in a word, did you mean", queue + "?q=ridrship", None),
        ("queue: sort by score", queue + "?o=score", "?o=-7"),
        ("queue: sort by date", queue + "?o=created", None),
        ("queue: page 500", queue + f"?after={deep_page_cursor()}&page=500", "?p=500"),
        ("queue: last page", queue + "?last=1", None),
        ("queue: Mine tab", queue + "?tab=mine", f"?assignee__id__exact={checker.pk}"),
        ("article: 5,000 words", long_article().get_absolute_url(), None),
        ("claim: 20 evidence, 100 events", busy_claim().get_absolute_url(), None),
        ("dashboard", reverse("dashboard"), None),
        ("articles list", reverse("article_list"), None),
        ("sources list", reverse("source_list"), None),
        ("source page", source.get_absolute_url(), None),
    ]  # fmt: skip
    out = []
    for name, url, admin_url in specs:
        if admin_url and admin_url.startswith("?"):
            admin_url = ADMIN_CHANGELIST + admin_url
        out.append((name, url, admin_url, "checker" if "Mine" in name else "editor"))
    return out


# --- Measuring ------------------------------------------------------------------------------------


# The timed claims reword generated fact-checks: there are at least this many, even when the
# desk's claims alone make up the archive's total (a 1M-claim archive had none to reword).
MIN_FACT_CHECKS = 10_000


def ensure_fact_checks(total, out):
    """Generated fact-checks so that claims + fact-checks come to `total` (MIN_FACT_CHECKS at
    least)."""
    wanted = max(
        MIN_FACT_CHECKS,
        total
        - Claim.objects.count()
        - FactCheck.objects.exclude(url__startswith=GENERATED_URL).count(),
    )
    have = FactCheck.objects.filter(url__startswith=GENERATED_URL).count()
    # Archives generated before fact-checks had vectors get the stand-in one (generate_fact_checks).
    stale = FactCheck.objects.filter(url__startswith=GENERATED_URL, embedding__isnull=True)
    stale_count = stale.count()
    if have < wanted or stale_count:
        if have < wanted:
            out.write(f"Generating {wanted - have:,} fact-checks (have {have:,})…")
            generate(wanted - have, first=have)
        if stale_count:
            stale.update(embedding=stand_in_vector())
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE claims_factcheck")
            cursor.execute("VACUUM ANALYZE claims_matchterm")
    # A desk's claims get their vectors when matched; the generated archive's never were.
    updated = Claim.objects.filter(embedding__isnull=True).update(embedding=stand_in_vector())
    updated += count_claim_terms(out)
    if updated:  # as autovacuum leaves a live table: the rows rewritten are reclaimed
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE claims_claim")


def count_claim_terms(out, batch=20_000):
    """Count the generated claims' words into the matcher's statistics, as matching each claim
    would have (services.matching.match_claim), and mark them matched; how many there were.
    Without the counts its pre-filter took words held by 11,000 claims for rare ones and ranked
    them all."""
    pending = Claim.objects.filter(matched_at__isnull=True).order_by("pk")
    total = pending.count()
    if not total:
        return 0
    out.write(f"Counting the words of {total:,} claims for the matcher…")
    now = timezone.now()
    while ids_texts := list(pending.values_list("pk", "text")[:batch]):
        count_terms([terms(text) for _, text in ids_texts])
        Claim.objects.filter(pk__in=[pk for pk, _ in ids_texts]).update(matched_at=now)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE claims_matchterm")
    return total


def measure_matching(total, out, samples=100):
    """Time services.find_matches for new claims that reword a random archived fact-check."""
    ensure_fact_checks(total, out)
    generated = FactCheck.objects.filter(url__startswith=GENERATED_URL)
    maker = FactChecks(seed=99)
    low, high = (generated.order_by(o).values_list("pk", flat=True).first() for o in ("pk", "-pk"))
    picks = list(generated.filter(pk__in=maker.rng.sample(range(low, high + 1), samples)))
    for fc in picks[:3]:  # warm-up: caches, connections
        services.find_matches(_new_claim(maker, fc))
    times, first = [], 0
    for fc in picks:
        claim = _new_claim(maker, fc)
        started = time.perf_counter()
        matches = services.find_matches(claim)
        times.append((time.perf_counter() - started) * 1000)
        first += bool(matches) and matches[0].id == ("fact_check", fc.pk)
    archive = Claim.objects.count() + FactCheck.objects.count()
    return {
        "archive": archive,
        "claims_timed": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "reworded_fact_check_ranked_first": round(first / len(times), 2),
        "ranking": "words and meaning" if embedding.encoder() else "words only",
    }


def _new_claim(maker, fact_check):
    """An unsaved claim (in an unsaved article) that rewords `fact_check`."""
    text = maker.paraphrase(fact_check.claim_reviewed)
    body = f"{fact_check.claimant} said {text}."
    article = Article(headline="Benchmark", body=body)
    start = body.index(text)
    return Claim(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        sentence_start=0,
        sentence_end=len(body),
        source_text=fact_check.claimant,
    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Floor:
    """The cheapest page the desk could serve (devtools.views.floor), timed once after each
    timed request of a page: the page's floor_ratio divides its p50 by the floor's p50 over the
    same stretch of time, so a load that comes and goes on the machine cancels out."""

    def __init__(self, client):
        self.client = client
        self.url = reverse("devtools_floor")
        self.times = []
        measure(client, self.url, runs=0)  # warm up, and check that it answers

    def time_once(self):
        started = time.perf_counter()
        self.client.get(self.url)
        elapsed = (time.perf_counter() - started) * 1000
        self.times.append(elapsed)
        return elapsed

    def p50(self):
        return round(statistics.median(self.times), 1) if self.times else None


def measure(client, url, runs, floor=None, warmup=3):
    """Server time of GET url (p50, p95 in ms) and its number of SQL queries; with a `floor`,
    also the floor's p50 over the same runs and the page's ratio to it."""
    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    times, floor_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if floor is not None:
            floor_times.append(floor.time_once())
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    row = {
        "p50_ms": round(statistics.median(times), 1) if times else None,
        "p95_ms": round(percentile(times, 0.95), 1) if times else None,
        "queries": len(queries),
    }
    if floor_times:
        row["floor_ratio"] = round(statistics.median(times) / statistics.median(floor_times), 2)
    return row


def measure_export(client):
    """The CSV export of every claim: seconds, and peak Python memory while streaming it."""
    try:
        url = reverse("claim_export_csv")
    except NoReverseMatch:
        return {"seconds": None, "rows": 0, "rows_per_s": 0, "peak_mb": None, "note": "no URL"}
    started = time.perf_counter()
    rows = sum(chunk.count(b"\n") for chunk in _stream(client, url))
    seconds = time.perf_counter() - started
    tracemalloc.start()
    for _ in _stream(client, url):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "seconds": round(seconds, 2),
        "rows": rows - 1,
        "rows_per_s": round((rows - 1) / seconds),
        "peak_mb": round(peak / 2**20, 1),
    }


def _stream(client, url):
    response = client.get(url, {"tab": "all"})
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    if response.streaming:
        yield from response.streaming_content
    else:
        yield response.content


def measure_extraction(sample=300):
    """Extraction in this one process, over generated bodies and the seed article."""
    bodies = list(
        Article.objects.filter(content_hash__startswith=MARK)
        .order_by("pk")
        .values_list("body", flat=True)[:sample]
    )
    bodies += [p.read_text() for p in sorted((settings.BASE_DIR / "seeds").glob("*.txt"))]
    started = time.perf_counter()
    for body in bodies:
        extraction.extract(body)
    seconds = time.perf_counter() - started
    kb = sum(len(body.encode()) for body in bodies) / 1024
    return {"kb_per_s": round(kb / seconds, 1), "articles_per_s": round(len(bodies) / seconds, 1)}


# --- Workers --------------------------------------------------------------------------------------


def seed_text():
    return sorted((settings.BASE_DIR / "seeds").glob("*.txt"))[0].read_text()


def start_worker(name, log_dir, **env):
    """A Celery worker process on this run's queues (main, then background, as every worker),
    with `env` added to its environment; returns once it is ready."""
    log = Path(log_dir) / f"bench-worker-{name}.log"
    log.write_bytes(b"")
    command = [
        sys.executable, "-m", "celery", "-A", "newsroom", "worker", "--pool=solo",
        "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
        "-n", f"bench-{name}-{os.getpid()}@%h",
        "-Q", f"{settings.CELERY_TASK_DEFAULT_QUEUE},{settings.CELERY_BACKGROUND_QUEUE}",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=log.open("ab"), stderr=subprocess.STDOUT, env={**os.environ, **env}
    )
    deadline = time.monotonic() + 60
    while b" ready." not in log.read_bytes():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("The bench worker did not start:\n" + log.read_text())
        time.sleep(0.1)
    return process


def stop_workers(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def submit_seed(user):
    from django.db import transaction

    text = seed_text()
    with transaction.atomic():
        article = services.submit_article(
            user=user, body=text, headline="Bench upload", allow_duplicate=True
        )
    return article.pk


def wait_ready(article_ids, timeout=120):
    deadline = time.monotonic() + timeout
    pending = set(article_ids)
    while pending and time.monotonic() < deadline:
        done = Article.objects.filter(pk__in=pending, status=Article.Status.READY)
        pending -= set(done.filter(claims__isnull=False).values_list("pk", flat=True))
        if pending:
            time.sleep(0.01)
    if pending:
        raise RuntimeError(f"{len(pending)} uploads were not processed in {timeout} s")


def measure_workers(user, uploads=20, batch=40):
    """Upload → article ready with claims in the database (warm worker), and throughput."""
    if not settings.CELERY_BROKER_URL.startswith("redis"):
        return None, {"note": "needs CELERY_BROKER_URL=redis://…"}
    log_dir = settings.VAR_DIR
    # The archive is synthetic: if the extractor changed since it was generated, a starting worker
    # would queue all of it for re-extraction and bury the uploads being measured.
    Article.objects.filter(content_hash__startswith=MARK).exclude(
        extractor_version=extraction.EXTRACTOR_VERSION
    ).update(extractor_version=extraction.EXTRACTOR_VERSION, status=Article.Status.READY)
    workers = [start_worker("1", log_dir)]
    created = []
    try:
        wait_ready([submit_seed(user)])  # warm the worker up
        times = []
        for _ in range(uploads):
            started = time.perf_counter()
            pk = submit_seed(user)
            created.append(pk)
            wait_ready([pk])
            times.append((time.perf_counter() - started) * 1000)
        latency = {"p50": round(statistics.median(times)), "p95": round(percentile(times, 0.95))}
        throughput = {"1": _throughput(user, batch, created)}
        workers.append(start_worker("2", log_dir))
        throughput["2"] = _throughput(user, batch, created)
    finally:
        stop_workers(workers)
        Article.objects.filter(headline="Bench upload").delete()
    return latency, {"articles_per_s": throughput}


def _throughput(user, batch, created):
    started = time.perf_counter()
    ids = [submit_seed(user) for _ in range(batch)]
    created.extend(ids)
    wait_ready(ids)
    return round(batch / (time.perf_counter() - started), 1)


# --- The JSON API and webhooks --------------------------------------------------------------------


def measure_api(user, runs):
    """The API's claim list (first page, a filter, a deep page) with a token, as a CMS calls it."""
    from django.test.utils import override_settings

    from claims.services import tokens

    _, key = tokens.create_token(user, "bench")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    deep = deep_page_cursor()
    specs = {
        "api: claims, first page": "/api/v1/claims",
        "api: claims, filter state": "/api/v1/claims?state=in_review",
        "api: claims, page 500": f"/api/v1/claims?after={deep}",
        "api: claims, search": "/api/v1/claims?q=Haddad",
    }
    try:
        with override_settings(API_RATE_LIMIT=10**9):  # the bench measures, it does not throttle
            return {name: measure(client, url, runs) for name, url in specs.items()}
    finally:
        ApiToken.objects.filter(user=user, name="bench").delete()


class _Receiver(http.server.BaseHTTPRequestHandler):
    """A webhook receiver that answers 204 at once (the bench measures the sender)."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def measure_webhooks(user, count=300):
    """Webhook deliveries per second on one warm worker (solo pool) to a receiver on this
    machine: signing, the HTTP request and recording each attempt."""
    import threading

    from django.db import transaction

    from claims.services import webhooks

    if not settings.CELERY_BROKER_URL.startswith("redis"):
        return {"note": "needs CELERY_BROKER_URL=redis://…"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/bench"
    endpoint = WebhookEndpoint.objects.create(
        url=url, secret=webhooks.new_secret(), events=[], created_by=user
    )
    worker = start_worker("hooks", settings.VAR_DIR, WEBHOOK_ALLOWED_NETWORKS="127.0.0.1/32")
    try:
        webhooks.send_test_event(endpoint, actor=user)  # warm the worker up
        _wait_delivered(endpoint, 1)
        started = time.perf_counter()
        with transaction.atomic():
            for _ in range(count):
                webhooks.send_test_event(endpoint, actor=user)
        _wait_delivered(endpoint, count + 1)
        seconds = time.perf_counter() - started
    finally:
        stop_workers([worker])
        server.shutdown()
        endpoint.delete()
    return {"deliveries": count, "per_s": round(count / seconds, 1)}


def _wait_delivered(endpoint, n, timeout=300):
    deadline = time.monotonic() + timeout
    while endpoint.deliveries.filter(status="succeeded").count() < n:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{n} webhook deliveries were not made in {timeout} s")
        time.sleep(0.05)


# --- Report ---------------------------------------------------------------------------------------


def print_table(results, out):
    n = results["claims"]
    out.write(
        f"\nClaims: {n:,}   floor p50 {results['floor_p50_ms']} ms   (targets: queue ≤ "
        f"{QUEUE_FLOOR_RATIO}× the floor and ≤ 10 queries, other pages ≤ {PAGE_FLOOR_RATIO}×; "
        "! marks a miss)\n"
    )
    out.write(f"{'view':32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'admin p50':>10} "
              f"{'ours/admin':>10} {'ours/floor':>10}\n")  # fmt: skip
    for name, row in results["views"].items():
        admin = row["admin_p50_ms"]
        ratio = f"{row['p50_ms'] / admin:.2f}" if admin else "—"
        out.write(
            f"{name:32} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['queries']:8} "
            f"{admin if admin is not None else '—':>10} {ratio:>10} "
            f"{row['floor_ratio']:>10.2f}{' !' if misses_target(name, row) else ''}\n"
        )
    for name, row in results.get("api", {}).items():
        out.write(f"{name:32} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['queries']:8}\n")
    export = results["csv_export"]
    out.write(
        f"\nCSV export (target ≥ 20,000 rows/s, flat memory): {export['rows']:,} rows, "
        f"{export['rows_per_s']:,} rows/s, peak Python memory {export['peak_mb']} MB\n"
    )
    out.write(f"Extraction (one process): {results['extraction']}\n")
    out.write(f"Upload → claims in the database (ms): {results['upload_to_claims_ms']}\n")
    out.write(f"Workers: {results['workers']}\n")
    out.write(f"Webhook deliveries, one worker: {results['webhooks']}\n")
    out.write(f"Matching one new claim (target p50 ≤ 50 ms): {results['matching']}\n")
