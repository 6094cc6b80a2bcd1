"""Where a request's time goes, page by page: `manage.py profile_pages [--out FILE]`.

One request per page of `make bench` (same archive, same people, same URLs), after a warm-up,
under cProfile: the request's total, the view's share (the rest is middleware and the handler),
and within it SQL, template rendering, context processors, session and user loading; then the
functions that took most time themselves. Run it with the bench's settings (see the Makefile).
"""

import cProfile
import inspect
import io
import pstats
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.client import ClientHandler
from django.urls import resolve

from devtools.management.commands.bench import clients, ensure_archive, page_specs


def _parts():
    """(label, function) pairs whose cumulative time the report gives for each page."""
    from django.contrib import auth
    from django.contrib.sessions.backends.base import SessionBase
    from django.db.backends.utils import CursorWrapper
    from django.template.base import Template
    from django.template.context import RequestContext

    return [
        ("SQL (execute, incl. the driver)", CursorWrapper._execute),
        ("templates (Template.render)", Template.render),
        ("context processors", RequestContext.bind_template),
        ("session load", SessionBase._get_session),
        ("user load", auth.get_user),
    ]


class Command(BaseCommand):
    help = "Profile one request per benchmarked page and print where its time goes."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--out", help="Also write the report to this file.")
        parser.add_argument("--top", type=int, default=8, help="Functions listed per page.")
        parser.add_argument("--only", default="", help="Only pages whose name contains this.")

    def handle(self, claims, out, top, only, **options):
        ensure_archive(claims, self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        desk, _, people = clients()
        report = io.StringIO()
        for name, url, _, who in page_specs(people):
            if only in name:
                report.write(profile_page(desk[who], name, url, top))
        self.stdout.write(report.getvalue())
        if out:
            Path(out).write_text(report.getvalue())


def profile_page(client, name, url, top):
    client.get(url)  # warm-up: caches, connection
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler)
    view = inspect.unwrap(resolve(url.split("?")[0]).func)
    total = _cumulative(stats, ClientHandler.__call__)
    lines = [f"== {name}  {url[:80]}", f"  request (middleware + view) {total:7.1f} ms"]
    for label, function in [("view", view), *_parts()]:
        lines.append(f"  {label:36} {_cumulative(stats, function):7.1f} ms")
    lines.append("  most time in the function itself (tottime ms, calls, function):")
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    for (path, line, function), (_, calls, tottime, _, _) in rows:
        short = "/".join(Path(path).parts[-2:])
        lines.append(f"    {tottime * 1000:7.1f} {calls:7} {short}:{line} {function}")
    return "\n".join(lines) + "\n\n"


def _cumulative(stats, function):
    """Milliseconds spent in `function`, calls inside it included."""
    code = inspect.unwrap(function).__code__
    key = (code.co_filename, code.co_firstlineno, code.co_name)
    return 1000 * stats.stats[key][3] if key in stats.stats else 0.0
