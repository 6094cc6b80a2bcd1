"""The load test's short version: the same generator, 5 s against the test server, no errors.

`make loadtest` runs the real one (gunicorn, production settings, PostgreSQL, 50 users, 60 s).
"""

import sys

import pytest

from devtools.management.commands.loadtest import format_report, run_load, seed
from tests.conftest import restore_reference_data


@pytest.mark.django_db(transaction=True)
def test_five_seconds_of_mixed_load_gives_no_errors(live_server):
    restore_reference_data()
    data = seed(users=9, articles=2, prefix="suite")
    result = run_load(live_server.url, data, users=9, duration=5, max_requests=5000, think=0.3)
    sys.stdout.write("\n" + format_report(result) + "\n")
    assert result["errors"] == 0, format_report(result)
    assert result["requests"] > 20
    assert {"GET queue", "GET claim", "POST transition"} <= set(result["endpoints"])
