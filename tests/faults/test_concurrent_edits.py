"""Many people changing one claim's state and verdict at the same moment.

Threads (each with its own database connection) propose verdicts and send the claim back, each
with the version it read. Every accepted change must be in the history, every refused one must
have been told why, and the final row must be the last accepted change: nothing is lost.
"""

import random
import sys
import threading
from collections import Counter

import pytest
from django.db import connection

from claims import services
from claims.models import Claim, ClaimEvent, Verdict
from tests.conftest import restore_reference_data

State = Claim.State
THREADS = 8
ATTEMPTS_PER_THREAD = 15


@pytest.fixture
def contested_claim(transactional_db, request):
    """A claim in progress with evidence, assigned to Bob; Alice and Dave are editors."""
    restore_reference_data()
    return request.getfixturevalue("claim_in_progress")


def test_concurrent_state_and_verdict_changes_lose_nothing(contested_claim, alice, bob, dave):
    verdicts = list(Verdict.objects.all())
    start_version = contested_claim.version
    results = []  # (attempt, outcome, detail)
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def work(worker):
        rng = random.Random(worker)
        barrier.wait()
        try:
            for n in range(ATTEMPTS_PER_THREAD):
                attempt = f"attempt {worker}-{n}"
                claim = Claim.objects.get(pk=contested_claim.pk)
                try:
                    if claim.state == State.IN_REVIEW:
                        services.transition(
                            claim, "send_back", actor=dave, reason=attempt,
                            expected_version=claim.version,
                        )  # fmt: skip
                        outcome = ("accepted", "send_back", claim.version + 1, None)
                    else:
                        verdict = rng.choice(verdicts)
                        services.propose_verdict(
                            claim, actor=rng.choice([bob, alice]), verdict=verdict,
                            summary=attempt, expected_version=claim.version,
                        )  # fmt: skip
                        outcome = ("accepted", "propose", claim.version + 1, verdict.pk)
                except services.WorkflowError as exc:
                    outcome = ("refused", str(exc), None, None)
                except Exception as exc:  # anything else is a failure of the desk
                    outcome = ("error", repr(exc), None, None)
                with lock:
                    results.append((attempt, *outcome))
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    accepted = [r for r in results if r[1] == "accepted"]
    refused = [r for r in results if r[1] == "refused"]
    errors = [r for r in results if r[1] == "error"]
    assert not errors, errors[:5]
    assert len(results) == THREADS * ATTEMPTS_PER_THREAD

    # Every refusal says why (in practice: someone else changed the claim meanwhile).
    assert all(r[2].strip() for r in refused)
    assert all("changed" in r[2] or "cannot" in r[2] for r in refused), Counter(
        r[2] for r in refused
    )

    # Each accepted change took exactly one version: none overwrote another.
    versions = sorted(r[3] for r in accepted)
    assert versions == list(range(start_version + 1, start_version + 1 + len(accepted)))

    # Every accepted change is in the history once; no refused one is.
    events = ClaimEvent.objects.filter(claim=contested_claim, text__startswith="attempt ")
    recorded = Counter(events.values_list("text", flat=True))
    lost = [r[0] for r in accepted if recorded[r[0]] != 1]
    leaked = [r[0] for r in refused if recorded[r[0]]]
    assert not lost and not leaked

    # The final row is the last accepted change.
    final = Claim.objects.get(pk=contested_claim.pk)
    last = max(accepted, key=lambda r: r[3])
    last_proposal = max((r for r in accepted if r[2] == "propose"), key=lambda r: r[3])
    assert final.version == last[3]
    assert final.state == (State.IN_REVIEW if last[2] == "propose" else State.IN_PROGRESS)
    assert final.verdict_id == last_proposal[4]
    assert final.verdict_summary == last_proposal[0]

    sys.stdout.write(
        f"\nFIGURES concurrent-edits: attempts={len(results)} accepted={len(accepted)} "
        f"refused={len(refused)} lost={len(lost)} errors={len(errors)}\n"
    )
