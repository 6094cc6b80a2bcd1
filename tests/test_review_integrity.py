"""A verdict reaches the public page only as a second editor approved it.

Alice and Dave are editors, Bob the fact-checker. The attacks come from a production-like
deployment: evidence changed under a bulk undo, evidence unlinked while a verdict was in review.
"""

import pytest

from claims import services
from claims.models import Claim, ClaimEvidence
from claims.services import WorkflowError

pytestmark = pytest.mark.django_db

State = Claim.State


def fresh(claim):
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def verified(claim_in_progress, alice, dave, verdict_false):
    """Alice proposes, Dave approves."""
    services.propose_verdict(
        claim_in_progress, actor=alice, verdict=verdict_false, summary="The budget was $3.9m."
    )
    return services.transition(fresh(claim_in_progress), "approve", actor=dave)


def test_linking_evidence_bumps_the_claim_version(claim_in_progress, bob):
    before = claim_in_progress.version

    services.add_evidence(claim_in_progress, actor=bob, title="Council minutes")

    assert fresh(claim_in_progress).version == before + 1


def test_unlinking_evidence_bumps_the_claim_version(claim_in_progress, bob):
    before = claim_in_progress.version

    services.unlink_evidence(claim_in_progress.evidence_links.get(), actor=bob)

    assert fresh(claim_in_progress).version == before + 1


def test_evidence_swapped_under_a_bulk_undo_cannot_be_published(verified, alice):
    """A reopens (bulk), swaps the evidence, undoes the bulk change and publishes."""
    bulk, done, _ = services.bulk_change([verified], "reopen", actor=alice, reason="Recheck.")
    assert done == 1
    claim = fresh(verified)
    services.unlink_evidence(claim.evidence_links.get(), actor=alice)
    services.add_evidence(claim, actor=alice, title="My own blog", url="https://a.example/")

    restored, kept = services.undo_bulk(bulk, actor=alice)

    assert (restored, kept) == (0, 1)  # changed since the bulk change: left alone
    assert fresh(claim).state == State.IN_PROGRESS
    with pytest.raises(WorkflowError):
        services.transition(fresh(claim), "publish", actor=alice)


def test_publish_refuses_evidence_that_changed_after_approval(verified, alice):
    """However the claim got back to `verified`, what is published must be what was approved."""
    ClaimEvidence.objects.filter(claim=verified).delete()  # e.g. through the admin

    with pytest.raises(WorkflowError, match="changed after it was approved"):
        services.transition(fresh(verified), "publish", actor=alice)
    assert fresh(verified).state == State.VERIFIED


def test_evidence_cannot_be_unlinked_while_in_review(claim_in_review, bob):
    with pytest.raises(WorkflowError, match="in review: an editor must send it back"):
        services.unlink_evidence(claim_in_review.evidence_links.get(), actor=bob)

    assert claim_in_review.evidence_links.exists()


def test_approval_refuses_evidence_that_changed_after_the_proposal(claim_in_review, dave):
    ClaimEvidence.objects.filter(claim=claim_in_review).delete()  # e.g. through the admin

    with pytest.raises(WorkflowError, match="changed after it was proposed"):
        services.transition(claim_in_review, "approve", actor=dave)
    assert fresh(claim_in_review).state == State.IN_REVIEW


def test_an_approved_claim_publishes(verified, alice):
    services.transition(verified, "publish", actor=alice)

    assert fresh(verified).state == State.PUBLISHED


def test_reopen_and_its_undo_leave_the_approval_standing(verified, alice):
    bulk, _, _ = services.bulk_change([verified], "reopen", actor=alice, reason="Recheck.")
    services.undo_bulk(bulk, actor=alice)

    services.transition(fresh(verified), "publish", actor=alice)

    assert fresh(verified).state == State.PUBLISHED


def test_a_new_proposal_needs_a_new_approval(verified, alice, bob, dave, verdict_false):
    claim = services.transition(verified, "reopen", actor=alice, reason="New figures.")
    services.add_evidence(claim, actor=bob, title="Revised budget")
    services.propose_verdict(fresh(claim), actor=bob, verdict=verdict_false, summary="Still no.")

    assert fresh(claim).approval is None
    services.transition(fresh(claim), "approve", actor=dave)
    services.transition(fresh(claim), "publish", actor=dave)
    assert fresh(claim).state == State.PUBLISHED
