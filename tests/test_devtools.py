"""The developer's tools: the bench's floor page."""

import io

import pytest
from django.db import connection
from django.urls import reverse

from claims.models import Claim


def test_the_floor_lists_the_queues_first_claims(login, claims):
    response = login("alice").get(reverse("devtools_floor"))

    assert response.status_code == 200
    assert claims[0].text in response.content.decode()


def test_the_floor_reads_its_claims_in_one_query(login, claims, django_assert_num_queries):
    client = login("alice")

    with django_assert_num_queries(3):  # the session, the user, the claims
        client.get(reverse("devtools_floor"))


def test_the_floor_needs_a_login(client):
    response = client.get(reverse("devtools_floor"))

    assert response.status_code == 302


def test_the_bench_times_a_page_beside_the_floor(login, claims):
    from devtools.management.commands.bench import Floor, measure

    client = login("alice")
    floor = Floor(client)

    row = measure(client, reverse("claim_queue"), runs=3, floor=floor, warmup=1)

    assert len(floor.times) == 3
    assert row["floor_ratio"] > 0
    assert row["queries"] > 0


@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the bench runs on PostgreSQL (VACUUM ANALYZE)"
)
def test_matching_is_timed_when_the_claims_alone_fill_the_archive(claims, monkeypatch):
    from devtools.management.commands import bench

    monkeypatch.setattr(bench, "MIN_FACT_CHECKS", 5)

    row = bench.measure_matching(total=2, out=io.StringIO(), samples=3)  # fewer than the claims

    assert row["claims_timed"] == 3 and row["archive"] == len(claims) + 5
    # The claims' words were counted for the matcher, as matching them would have done.
    assert not Claim.objects.filter(matched_at__isnull=True).exists()
