"""The claim workflow's rules (claims/services/workflow.py), called directly: who may do what to
a claim, and when; evidence; optimistic locking.

Alice and Dave are editors, Bob is the fact-checker a claim is assigned to, Carol is a
fact-checker it is not assigned to, Vic only reads.
"""

import pytest

from claims import services
from claims.models import Claim, ClaimEvent, ClaimEvidence, Evidence, Verdict
from claims.services import StaleClaimError, WorkflowError
from tests.conftest import claim_by_text

# Every test here uses the database (some only through fixtures looked up at run time).
pytestmark = pytest.mark.django_db

State = Claim.State
Action = ClaimEvent.Action


@pytest.fixture
def people(alice, bob, carol, vic):
    return {
        "editor": alice,
        "assigned fact-checker": bob,
        "other fact-checker": carol,
        "viewer": vic,
    }


def put(claim, state, **fields):
    """Set a claim's state directly (test setup only), returning a fresh copy; a claim put in
    review or beyond gets the verdict, proposal and approval that got it there."""
    if state in (State.IN_REVIEW, State.VERIFIED, State.PUBLISHED) and claim.verdict_id is None:
        fields.setdefault("verdict", Verdict.objects.get(slug="false"))
    Claim.objects.filter(pk=claim.pk).update(state=state, **fields)
    claim = Claim.objects.get(pk=claim.pk)
    if state in (State.VERIFIED, State.PUBLISHED):
        ClaimEvent.objects.create(claim=claim, action=Action.STATE, to_value=State.VERIFIED)
    snapshot = services.review_snapshot(claim)
    if state == State.IN_REVIEW:
        Claim.objects.filter(pk=claim.pk).update(proposal=snapshot)
    elif state in (State.VERIFIED, State.PUBLISHED):
        Claim.objects.filter(pk=claim.pk).update(approval={"by": None, "snapshot": snapshot})
    return Claim.objects.get(pk=claim.pk)


# --- Transitions: the role table ----------------------------------------------------------------

ROLES = ("editor", "assigned fact-checker", "other fact-checker", "viewer")
ALLOWED_ROLES = {
    "start": {"editor", "assigned fact-checker"},
    "approve": {"editor"},
    "send_back": {"editor"},
    "publish": {"editor"},
    "reopen": {"editor"},
    "dismiss": {"editor"},
    "restore": {"editor"},
}
CASES = [
    (action, from_state, role)
    for action, (from_states, *_) in services.TRANSITIONS.items()
    for from_state in sorted(from_states)
    for role in ROLES
]
ALLOWED = [case for case in CASES if case[2] in ALLOWED_ROLES.get(case[0], ())]
REFUSED = [case for case in CASES if case[2] not in ALLOWED_ROLES.get(case[0], ())]
WRONG_STATES = [
    (action, state)
    for action, (from_states, *_) in services.TRANSITIONS.items()
    for state in State.values
    if state not in from_states
]


def test_role_table_names_every_transition():
    assert set(ALLOWED_ROLES) == set(services.TRANSITIONS)


@pytest.mark.parametrize("action, from_state, role", ALLOWED)
def test_role_may_make_transition(claim, people, action, from_state, role):
    claim = put(claim, from_state, assignee=people["assigned fact-checker"])

    services.transition(claim, action, actor=people[role], reason="New evidence came in.")

    claim.refresh_from_db()
    assert claim.state == services.TRANSITIONS[action][1]


@pytest.mark.parametrize("action, from_state, role", REFUSED)
def test_role_may_not_make_transition(claim, people, action, from_state, role):
    claim = put(claim, from_state, assignee=people["assigned fact-checker"])
    events_before = claim.events.count()

    with pytest.raises(WorkflowError):
        services.transition(claim, action, actor=people[role], reason="New evidence came in.")

    fresh = Claim.objects.get(pk=claim.pk)
    assert (fresh.state, fresh.version) == (from_state, claim.version)
    assert fresh.events.count() == events_before


@pytest.mark.parametrize("action, state", WRONG_STATES)
def test_editor_cannot_make_transition_from_wrong_state(claim, bob, alice, action, state):
    claim = put(claim, state, assignee=bob)

    with pytest.raises(WorkflowError, match="cannot be moved to"):
        services.transition(claim, action, actor=alice, reason="Because.")

    assert Claim.objects.get(pk=claim.pk).state == state


def test_unknown_transition_is_refused(claim, alice):
    with pytest.raises(WorkflowError, match="Unknown action"):
        services.transition(claim, "delete", actor=alice)


@pytest.mark.parametrize("action", list(services.TRANSITIONS))
def test_transition_records_event_with_actor_and_states(claim, alice, bob, action):
    from_state = sorted(services.TRANSITIONS[action][0])[0]
    claim = put(claim, from_state, assignee=bob)

    services.transition(claim, action, actor=alice, reason="Checked twice.")

    event = claim.events.filter(action=Action.STATE).latest("id")
    assert event.actor == alice
    assert (event.from_value, event.to_value) == (from_state, services.TRANSITIONS[action][1])


def test_transition_increments_version(claim_in_progress, alice):
    services.transition(claim_in_progress, "dismiss", actor=alice, reason="Opinion.")

    assert Claim.objects.get(pk=claim_in_progress.pk).version == claim_in_progress.version + 1


def test_restore_clears_assignee(claim_in_progress, alice):
    claim = put(claim_in_progress, State.DISMISSED)

    services.transition(claim, "restore", actor=alice)

    claim.refresh_from_db()
    assert (claim.state, claim.assignee) == (State.NEW, None)


@pytest.mark.parametrize("action", ["send_back", "reopen"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_transition_needs_reason(claim, alice, bob, action, reason):
    claim = put(claim, sorted(services.TRANSITIONS[action][0])[0], assignee=bob)

    with pytest.raises(WorkflowError, match="Give a reason"):
        services.transition(claim, action, actor=alice, reason=reason)


def test_send_back_records_reason(claim_in_review, alice):
    services.transition(claim_in_review, "send_back", actor=alice, reason="  Find a source.  ")

    event = claim_in_review.events.filter(action=Action.STATE).latest("id")
    assert (event.to_value, event.text) == (State.IN_PROGRESS, "Find a source.")


def test_editor_who_proposed_cannot_approve(claim_in_progress, alice, verdict_false):
    services.propose_verdict(
        claim_in_progress, actor=alice, verdict=verdict_false, summary="Budget was smaller."
    )

    with pytest.raises(WorkflowError, match="another editor must approve"):
        services.transition(claim_in_progress, "approve", actor=alice)


def test_other_editor_can_approve_proposal(claim_in_progress, alice, dave, verdict_false):
    services.propose_verdict(
        claim_in_progress, actor=alice, verdict=verdict_false, summary="Budget was smaller."
    )

    services.transition(claim_in_progress, "approve", actor=dave)

    assert Claim.objects.get(pk=claim_in_progress.pk).state == State.VERIFIED


def test_fact_checker_cannot_approve(claim_in_review, carol):
    with pytest.raises(WorkflowError, match="Your role cannot approve"):
        services.transition(claim_in_review, "approve", actor=carol)


def test_allowed_actions_lists_only_what_user_may_do(claim_in_review, alice, bob, dave):
    assert {a for a, _, _ in services.allowed_actions(claim_in_review, dave)} == {
        "approve",
        "send_back",
    }
    assert services.allowed_actions(claim_in_review, bob) == []


# --- Assigning and taking -----------------------------------------------------------------------


def test_editor_assigns_new_claim_to_fact_checker(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)

    claim.refresh_from_db()
    assert (claim.assignee, claim.state) == (bob, State.ASSIGNED)


def test_assigning_records_assignment_and_state_events(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)

    assigned = claim.events.get(action=Action.ASSIGNED)
    state = claim.events.get(action=Action.STATE)
    assert (assigned.actor, assigned.from_value, assigned.to_value) == (alice, "", "bob")
    assert (state.actor, state.from_value, state.to_value) == (alice, State.NEW, State.ASSIGNED)


def test_editor_unassigning_returns_claim_to_new(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)

    services.assign_claim(claim, None, actor=alice)

    claim.refresh_from_db()
    assert (claim.assignee, claim.state) == (None, State.NEW)


def test_editor_reassigns_claim_in_progress(claim_in_progress, alice, carol):
    services.assign_claim(claim_in_progress, carol, actor=alice)

    claim = Claim.objects.get(pk=claim_in_progress.pk)
    assert (claim.assignee, claim.state) == (carol, State.IN_PROGRESS)


def test_assigning_to_current_assignee_changes_nothing(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    claim.refresh_from_db()
    events = claim.events.count()

    services.assign_claim(claim, bob, actor=alice)

    assert Claim.objects.get(pk=claim.pk).version == claim.version
    assert claim.events.count() == events


def test_fact_checker_cannot_assign_to_someone_else(claim, bob, carol):
    with pytest.raises(WorkflowError, match="Only editors can assign"):
        services.assign_claim(claim, carol, actor=bob)


def test_viewer_cannot_take_claim(claim, vic):
    with pytest.raises(WorkflowError, match="Viewers cannot take"):
        services.assign_claim(claim, vic, actor=vic)


def test_fact_checker_takes_unassigned_claim(claim, bob):
    services.assign_claim(claim, bob, actor=bob)

    claim.refresh_from_db()
    assert (claim.assignee, claim.state) == (bob, State.ASSIGNED)


def test_fact_checker_cannot_take_claim_assigned_to_someone_else(claim, alice, bob, carol):
    services.assign_claim(claim, carol, actor=alice)

    with pytest.raises(WorkflowError, match="already assigned to carol"):
        services.assign_claim(claim, bob, actor=bob)


def test_claim_cannot_be_assigned_to_viewer(claim, alice, vic):
    with pytest.raises(WorkflowError, match="not a fact-checker"):
        services.assign_claim(claim, vic, actor=alice)


@pytest.mark.parametrize("state", [State.VERIFIED, State.PUBLISHED, State.DISMISSED])
def test_finished_claim_cannot_be_reassigned(claim, alice, bob, state):
    claim = put(claim, state)

    with pytest.raises(WorkflowError, match="cannot be reassigned"):
        services.assign_claim(claim, bob, actor=alice)


# --- Proposing a verdict ------------------------------------------------------------------------


def test_assigned_fact_checker_proposes_verdict(claim_in_progress, bob, verdict_false):
    services.propose_verdict(
        claim_in_progress, actor=bob, verdict=verdict_false, summary="  It was $3.9m.  "
    )

    claim = Claim.objects.get(pk=claim_in_progress.pk)
    assert (claim.state, claim.verdict, claim.proposed_by) == (State.IN_REVIEW, verdict_false, bob)
    assert claim.verdict_summary == "It was $3.9m."


def test_proposing_records_verdict_and_state_events(claim_in_progress, bob, verdict_false):
    services.propose_verdict(claim_in_progress, actor=bob, verdict=verdict_false, summary="No.")

    verdict = claim_in_progress.events.get(action=Action.VERDICT)
    state = claim_in_progress.events.filter(action=Action.STATE).latest("id")
    assert (verdict.actor, verdict.to_value, verdict.text) == (bob, "False", "No.")
    assert (state.actor, state.from_value, state.to_value) == (
        bob,
        State.IN_PROGRESS,
        State.IN_REVIEW,
    )


def test_editor_may_propose_on_claim_assigned_to_fact_checker(
    claim_in_progress, alice, verdict_false
):
    services.propose_verdict(claim_in_progress, actor=alice, verdict=verdict_false, summary="No.")

    assert Claim.objects.get(pk=claim_in_progress.pk).proposed_by == alice


def test_proposal_needs_evidence(claim, alice, bob, verdict_false):
    services.assign_claim(claim, bob, actor=alice)

    with pytest.raises(WorkflowError, match="Link at least one piece of evidence"):
        services.propose_verdict(claim, actor=bob, verdict=verdict_false, summary="No.")


@pytest.mark.parametrize("summary", ["", "  \n "])
def test_proposal_needs_summary(claim_in_progress, bob, verdict_false, summary):
    with pytest.raises(WorkflowError, match="Write a summary"):
        services.propose_verdict(
            claim_in_progress, actor=bob, verdict=verdict_false, summary=summary
        )


def test_proposal_needs_verdict(claim_in_progress, bob):
    with pytest.raises(WorkflowError, match="Choose a verdict"):
        services.propose_verdict(claim_in_progress, actor=bob, verdict=None, summary="No.")


def test_unassigned_fact_checker_cannot_propose(claim_in_progress, carol, verdict_false):
    with pytest.raises(WorkflowError, match="Only the assigned fact-checker"):
        services.propose_verdict(
            claim_in_progress, actor=carol, verdict=verdict_false, summary="No."
        )


def test_viewer_cannot_propose(claim_in_progress, vic, verdict_false):
    with pytest.raises(WorkflowError, match="cannot propose"):
        services.propose_verdict(claim_in_progress, actor=vic, verdict=verdict_false, summary="No.")


def test_refused_proposal_changes_nothing(claim_in_progress, carol, verdict_false):
    with pytest.raises(WorkflowError):
        services.propose_verdict(
            claim_in_progress, actor=carol, verdict=verdict_false, summary="No."
        )

    claim = Claim.objects.get(pk=claim_in_progress.pk)
    assert (claim.state, claim.verdict, claim.version) == (
        State.IN_PROGRESS,
        None,
        claim_in_progress.version,
    )


def test_claim_already_in_review_cannot_be_proposed_again(claim_in_review, bob, verdict_false):
    with pytest.raises(WorkflowError, match="not one that is in review"):
        services.propose_verdict(claim_in_review, actor=bob, verdict=verdict_false, summary="No.")


# --- Optimistic locking -------------------------------------------------------------------------


def test_stale_transition_is_refused_and_changes_nothing(claim_in_progress, alice, carol):
    seen = claim_in_progress.version
    services.assign_claim(claim_in_progress, carol, actor=alice)

    with pytest.raises(StaleClaimError, match="changed by alice while you were editing"):
        services.transition(
            claim_in_progress, "dismiss", actor=alice, reason="Opinion.", expected_version=seen
        )

    fresh = Claim.objects.get(pk=claim_in_progress.pk)
    assert (fresh.state, fresh.version) == (State.IN_PROGRESS, seen + 1)


def test_stale_proposal_is_refused_and_changes_nothing(
    claim_in_progress, alice, bob, dave, verdict_false
):
    seen = claim_in_progress.version
    services.assign_claim(claim_in_progress, dave, actor=alice)
    services.assign_claim(claim_in_progress, bob, actor=alice)

    with pytest.raises(StaleClaimError):
        services.propose_verdict(
            claim_in_progress,
            actor=bob,
            verdict=verdict_false,
            summary="No.",
            expected_version=seen,
        )

    fresh = Claim.objects.get(pk=claim_in_progress.pk)
    assert (fresh.state, fresh.verdict, fresh.version) == (State.IN_PROGRESS, None, seen + 2)


def test_stale_assignment_is_refused_and_changes_nothing(claim, alice, bob, carol):
    seen = claim.version
    services.assign_claim(claim, bob, actor=alice)

    with pytest.raises(StaleClaimError):
        services.assign_claim(claim, carol, actor=alice, expected_version=seen)

    assert Claim.objects.get(pk=claim.pk).assignee == bob


def test_current_version_is_accepted(claim_in_progress, alice):
    services.transition(
        claim_in_progress,
        "dismiss",
        actor=alice,
        reason="Opinion.",
        expected_version=claim_in_progress.version,
    )

    assert Claim.objects.get(pk=claim_in_progress.pk).state == State.DISMISSED


# --- Evidence -----------------------------------------------------------------------------------


def test_assigned_fact_checker_adds_evidence(claim_in_progress, bob):
    link = services.add_evidence(
        claim_in_progress, actor=bob, title="Audit", url="https://example.org/a", stance="refutes"
    )

    assert (link.claim, link.evidence.title, link.stance, link.added_by) == (
        claim_in_progress,
        "Audit",
        "refutes",
        bob,
    )


def test_adding_evidence_records_event(claim_in_progress, bob):
    services.add_evidence(claim_in_progress, actor=bob, title="Audit", stance="supports")

    event = claim_in_progress.events.filter(action=Action.EVIDENCE_LINKED).latest("id")
    assert (event.actor, event.to_value, event.text) == (bob, "Audit", "supports")


def test_evidence_without_title_takes_its_url(claim_in_progress, bob):
    link = services.add_evidence(claim_in_progress, actor=bob, title="", url="https://x.org/r")

    assert link.evidence.title == "https://x.org/r"


def test_evidence_needs_title_or_url(claim_in_progress, bob):
    with pytest.raises(WorkflowError, match="title or a URL"):
        services.add_evidence(claim_in_progress, actor=bob, title=" ", url="")

    assert not Evidence.objects.filter(title=" ").exists()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://files.example.org/budget.pdf",
        "vbscript:msgbox(1)",
        "example.org/budget",
        "https:budget",
    ],
)
def test_evidence_url_must_be_a_web_address(claim_in_progress, bob, url):
    evidence_before = Evidence.objects.count()

    with pytest.raises(WorkflowError, match=r"must be a web address starting with http:// or"):
        services.add_evidence(claim_in_progress, actor=bob, title="Budget", url=url)

    assert Evidence.objects.count() == evidence_before
    assert not claim_in_progress.events.filter(
        action=Action.EVIDENCE_LINKED, to_value="Budget"
    ).exists()


@pytest.mark.parametrize("url", ["http://example.org/budget", "HTTPS://example.org/b?year=2024"])
def test_evidence_url_may_be_http_or_https(claim_in_progress, bob, url):
    link = services.add_evidence(claim_in_progress, actor=bob, title="Budget", url=url)

    assert link.evidence.url == url


@pytest.mark.parametrize("who", ["carol", "vic"])
def test_only_assignee_or_editor_adds_evidence(claim_in_progress, request, who):
    evidence_before = Evidence.objects.count()

    with pytest.raises(WorkflowError):
        services.add_evidence(claim_in_progress, actor=request.getfixturevalue(who), title="X")

    assert Evidence.objects.count() == evidence_before


def test_editor_adds_evidence_to_claim_assigned_to_fact_checker(claim_in_progress, alice):
    services.add_evidence(claim_in_progress, actor=alice, title="Minutes")

    assert claim_in_progress.evidence_links.count() == 2


def test_existing_evidence_links_to_another_claim(claim_in_progress, article, alice, bob):
    evidence = claim_in_progress.evidence_links.get().evidence
    other = claim_by_text(article, "bus ridership")
    services.assign_claim(other, bob, actor=alice)

    services.link_evidence(other, evidence, actor=bob, stance="context")

    assert set(evidence.claim_links.values_list("claim_id", flat=True)) == {
        claim_in_progress.pk,
        other.pk,
    }


@pytest.mark.parametrize(
    ("kind", "public"),
    [("web", True), ("document", True), ("dataset", True), ("statement", True),
     ("interview", False), ("note", False)],
)  # fmt: skip
def test_notes_and_interviews_stay_off_the_public_page_by_default(
    claim_in_progress, bob, kind, public
):
    link = services.add_evidence(claim_in_progress, actor=bob, title="Source", kind=kind)

    assert link.evidence.public is public


def test_a_note_can_be_added_as_public(claim_in_progress, bob):
    link = services.add_evidence(
        claim_in_progress, actor=bob, title="Memo", kind="note", public=True
    )

    assert link.evidence.public is True


def test_changing_visibility_is_recorded_and_bumps_the_version(claim_in_progress, bob):
    link = claim_in_progress.evidence_links.get()

    services.set_evidence_public(link, False, actor=bob)

    claim = Claim.objects.get(pk=claim_in_progress.pk)
    assert Evidence.objects.get(pk=link.evidence_id).public is False
    assert claim.version == claim_in_progress.version + 1
    event = claim.events.last()
    assert (event.action, event.from_value, event.to_value) == (
        Action.EVIDENCE_VISIBILITY,
        "Budget document",
        "desk only",
    )


@pytest.mark.parametrize(
    ("who", "message"),
    [("carol", "Only the assigned fact-checker or an editor"), ("vic", "Your role cannot")],
)
def test_only_who_may_change_the_evidence_changes_its_visibility(
    claim_in_progress, request, who, message
):
    link = claim_in_progress.evidence_links.get()

    with pytest.raises(WorkflowError, match=message):
        services.set_evidence_public(link, False, actor=request.getfixturevalue(who))

    assert Evidence.objects.get(pk=link.evidence_id).public is True


def test_evidence_of_a_verified_claim_keeps_its_visibility(
    claim_in_progress, article, alice, bob, dave, verdict_false
):
    evidence = claim_in_progress.evidence_links.get().evidence
    other = claim_by_text(article, "bus ridership")
    services.assign_claim(other, bob, actor=alice)
    other_link = services.link_evidence(other, evidence, actor=bob)
    services.propose_verdict(claim_in_progress, actor=bob, verdict=verdict_false, summary="No.")
    services.transition(claim_in_progress, "approve", actor=dave)

    with pytest.raises(WorkflowError, match="serves a verified or published claim"):
        services.set_evidence_public(other_link, False, actor=bob)

    assert Evidence.objects.get(pk=evidence.pk).public is True


def test_evidence_cannot_be_linked_twice(claim_in_progress, bob):
    evidence = claim_in_progress.evidence_links.get().evidence

    with pytest.raises(WorkflowError, match="already linked"):
        services.link_evidence(claim_in_progress, evidence, actor=bob)


def test_unlinking_removes_link_and_records_event(claim_in_progress, bob):
    link = claim_in_progress.evidence_links.get()

    services.unlink_evidence(link, actor=bob)

    assert not ClaimEvidence.objects.filter(pk=link.pk).exists()
    event = claim_in_progress.events.get(action=Action.EVIDENCE_UNLINKED)
    assert (event.actor, event.from_value) == (bob, "Budget document")


@pytest.mark.parametrize("who", ["carol", "vic"])
def test_only_assignee_or_editor_unlinks_evidence(claim_in_progress, request, who):
    link = claim_in_progress.evidence_links.get()

    with pytest.raises(WorkflowError):
        services.unlink_evidence(link, actor=request.getfixturevalue(who))

    assert ClaimEvidence.objects.filter(pk=link.pk).exists()


@pytest.mark.parametrize("state", services.EVIDENCE_LOCKED_STATES)
def test_evidence_cannot_be_added_to_locked_claim(claim_in_progress, alice, state):
    claim = put(claim_in_progress, state)

    with pytest.raises(WorkflowError, match="(reopen it|send it back) before|to change its"):
        services.add_evidence(claim, actor=alice, title="Late find")


@pytest.mark.parametrize("state", services.EVIDENCE_LOCKED_STATES)
def test_evidence_cannot_be_unlinked_from_locked_claim(claim_in_progress, alice, state):
    put(claim_in_progress, state)
    link = claim_in_progress.evidence_links.get()

    with pytest.raises(WorkflowError, match="(reopen it|send it back) before|to change its"):
        services.unlink_evidence(link, actor=alice)

    assert ClaimEvidence.objects.filter(pk=link.pk).exists()


# --- The predicates the pages ask come from the rules themselves ------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "carol", "vic"])
@pytest.mark.parametrize(
    "setup", ["new", "assigned_to_bob", "in_progress", "in_review", "dismissed"]
)
def test_can_take_says_what_taking_would_do(request, claim, alice, who, setup):
    user = request.getfixturevalue(who)
    bob = request.getfixturevalue("bob")
    if setup != "new":
        services.assign_claim(claim, bob, actor=alice)
    if setup in ("in_progress", "in_review"):
        services.transition(claim, "start", actor=bob)
    if setup == "in_review":
        services.add_evidence(claim, actor=bob, title="Minutes")
        services.propose_verdict(
            claim, actor=bob, verdict=Verdict.objects.first(), summary="As the minutes say."
        )
    if setup == "dismissed":
        services.transition(claim, "dismiss", actor=alice, reason="Opinion.")
    claim = Claim.objects.get(pk=claim.pk)

    offered = services.can_take(claim, user)
    try:
        taken = services.assign_claim(claim, user, actor=user).assignee_id == user.pk
        changed = claim.assignee_id != user.pk and taken
    except WorkflowError:
        changed = False

    assert offered == changed


@pytest.mark.parametrize("who", ["alice", "bob", "carol", "vic"])
@pytest.mark.parametrize("state", ["assigned", "in_progress", "in_review", "verified"])
def test_can_edit_evidence_says_what_adding_evidence_would_do(request, claim, alice, who, state):
    user, bob, dave = (request.getfixturevalue(n) for n in (who, "bob", "dave"))
    services.assign_claim(claim, bob, actor=alice)
    if state != "assigned":
        services.transition(claim, "start", actor=bob)
    if state in ("in_review", "verified"):
        services.add_evidence(claim, actor=bob, title="Minutes")
        services.propose_verdict(claim, actor=bob, verdict=Verdict.objects.first(), summary="So.")
    if state == "verified":
        services.transition(claim, "approve", actor=dave)
    claim = Claim.objects.get(pk=claim.pk)

    offered = services.can_edit_evidence(claim, user)
    try:
        services.add_evidence(claim, actor=user, title="Another source")
        added = True
    except WorkflowError:
        added = False

    assert offered == added
