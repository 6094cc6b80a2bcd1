"""The desk's business rules, called directly: who may do what to a claim, and when.

Alice and Dave are editors, Bob is the fact-checker a claim is assigned to, Carol is a
fact-checker it is not assigned to, Vic only reads.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from claims import services
from claims.extraction import EXTRACTOR_VERSION, extract
from claims.extraction.types import ExtractedClaim
from claims.models import Article, Claim, ClaimEvent, ClaimEvidence, Evidence, Source, Verdict
from claims.services import DuplicateArticleError, StaleClaimError, WorkflowError
from tests.conftest import SAMPLE_TEXT

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


def claim_by_text(article, fragment):
    return article.claims.get(text__contains=fragment)


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


# --- Comments -----------------------------------------------------------------------------------


def test_fact_checker_comments_on_any_claim(claim, carol):
    services.add_comment(claim, actor=carol, text="  Seen this before.  ")

    event = claim.events.get(action=Action.COMMENT)
    assert (event.actor, event.text) == (carol, "Seen this before.")


def test_viewer_cannot_comment(claim, vic):
    with pytest.raises(WorkflowError, match="Viewers cannot comment"):
        services.add_comment(claim, actor=vic, text="Hello")

    assert not claim.events.filter(action=Action.COMMENT).exists()


@pytest.mark.parametrize("text", ["", " \n\t "])
def test_empty_comment_is_refused(claim, bob, text):
    with pytest.raises(WorkflowError, match="comment is empty"):
        services.add_comment(claim, actor=bob, text=text)


# --- Applying an extraction ---------------------------------------------------------------------


def claim_texts(article):
    return sorted(article.claims.values_list("text", flat=True))


def test_extraction_creates_claims_and_marks_article_ready(article):
    article.refresh_from_db()
    assert (article.status, article.progress, article.extractor_version) == (
        Article.Status.READY,
        100,
        EXTRACTOR_VERSION,
    )
    assert article.claims.count() == len(extract(SAMPLE_TEXT)) > 0


def test_applying_extraction_twice_gives_same_claims(article):
    texts = claim_texts(article)

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert claim_texts(article) == texts


def test_reapplying_extraction_keeps_the_ids_of_claims_found_again(article):
    ids = set(article.claims.values_list("pk", flat=True))

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert set(article.claims.values_list("pk", flat=True)) == ids


def give_work(kind, claim, alice, bob):
    if kind == "assigned":
        services.assign_claim(claim, bob, actor=alice)
    elif kind == "comment":
        services.add_comment(claim, actor=bob, text="Worth a look.")
    elif kind == "evidence":
        services.add_evidence(claim, actor=alice, title="Census table")


@pytest.mark.parametrize("work", ["assigned", "comment", "evidence"])
def test_reapplying_extraction_keeps_claim_with_human_work(article, claim, alice, bob, work):
    give_work(work, claim, alice, bob)
    count = article.claims.count()

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert Claim.objects.filter(pk=claim.pk, detached=False).exists()
    assert article.claims.count() == count


def test_kept_claim_is_reanchored_by_fingerprint(article, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    prefix = "Reporting by the city desk.\n\n"
    Article.objects.filter(pk=article.pk).update(body=prefix + SAMPLE_TEXT)

    services.apply_extraction(article, extract(prefix + SAMPLE_TEXT))

    claim_after = Claim.objects.get(pk=claim.pk)
    assert claim_after.start == claim.start + len(prefix)
    assert (prefix + SAMPLE_TEXT)[claim_after.start : claim_after.end] == claim.text
    assert claim_after.events.filter(action=Action.REEXTRACTED).exists()


def test_worked_claim_whose_text_vanished_is_detached(article, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    body = SAMPLE_TEXT.replace(claim.text, "The council met on Monday")
    Article.objects.filter(pk=article.pk).update(body=body)

    services.apply_extraction(article, extract(body))

    claim_after = Claim.objects.get(pk=claim.pk)
    assert claim_after.detached
    assert claim_after.assignee == bob


def test_detached_claim_is_reattached_when_its_text_returns(article, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    body = SAMPLE_TEXT.replace(claim.text, "The council met on Monday")
    services.apply_extraction(article, extract(body))

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert not Claim.objects.get(pk=claim.pk).detached


def test_one_source_per_speaker_within_article(article):
    quote = claim_by_text(article, "cut waste")
    tram = claim_by_text(article, "tram line")

    assert quote.source == tram.source
    assert Source.objects.filter(name__icontains="Holloway").count() == 1


def test_surname_after_full_name_is_recorded_as_alias(alice):
    body = "Jane Holloway said taxes fell. Holloway said rents rose."
    article = Article.objects.create(headline="H", body=body, content_hash="h", uploaded_by=alice)
    extracted = [
        ExtractedClaim(
            text="taxes fell", start=19, end=29, sentence_start=0, sentence_end=30,
            kind="indirect", source="Jane Holloway", source_name="Jane Holloway",
            source_kind="person", cue="said",
        ),
        ExtractedClaim(
            text="rents rose", start=45, end=55, sentence_start=31, sentence_end=56,
            kind="indirect", source="Holloway", source_name="Jane Holloway",
            source_kind="person", cue="said",
        ),
    ]  # fmt: skip

    services.apply_extraction(article, extracted)

    source = Source.objects.get()
    assert (source.name, source.aliases) == ("Jane Holloway", ["Holloway"])
    assert set(article.claims.values_list("source", flat=True)) == {source.pk}


def test_same_speaker_in_later_article_is_same_source(article, alice):
    body = "Mayor Jane Holloway said the library would reopen in May."
    later = Article.objects.create(headline="L", body=body, content_hash="l", uploaded_by=alice)
    sources = Source.objects.count()

    services.apply_extraction(later, extract(body))

    quote = claim_by_text(article, "cut waste")
    assert later.claims.get().source == quote.source
    assert Source.objects.count() == sources


# --- Submitting and processing articles ---------------------------------------------------------


def submit(user, body=SAMPLE_TEXT, **kwargs):
    return services.submit_article(user=user, body=body, headline="Budget", **kwargs)


def test_editor_submits_article_as_queued(alice):
    article = submit(alice)

    assert (article.status, article.uploaded_by, article.claims.count()) == (
        Article.Status.QUEUED,
        alice,
        0,
    )


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_submit_articles(request, who):
    with pytest.raises(WorkflowError, match="Only editors can upload"):
        submit(request.getfixturevalue(who))

    assert not Article.objects.exists()


def test_empty_article_is_refused(alice):
    with pytest.raises(WorkflowError, match="empty"):
        submit(alice, body=" \n ")


def test_duplicate_article_is_refused_with_the_existing_one(alice):
    first = submit(alice)

    with pytest.raises(DuplicateArticleError) as excinfo:
        submit(alice, body="  " + SAMPLE_TEXT.replace("\n\n", "\n") + "\n")

    assert excinfo.value.existing == first
    assert Article.objects.count() == 1


def test_duplicate_article_is_saved_when_allowed(alice):
    submit(alice)

    submit(alice, allow_duplicate=True)

    assert Article.objects.count() == 2


@pytest.fixture
def eager_celery(settings):
    from newsroom.celery import app

    before = app.conf.task_always_eager  # read first: Celery loads its config lazily
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def test_submitted_article_is_processed_after_commit(
    alice, eager_celery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = submit(alice)

    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert article.claims.count() == len(extract(SAMPLE_TEXT)) > 0
    assert article.enqueued_at is not None


def test_nothing_is_enqueued_before_commit(alice, monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = submit(alice)
    assert sent == []

    for callback in callbacks:
        callback()
    assert sent == [article.pk]


def broker_down(*args, **kwargs):
    raise BrokerError("[Errno 111] Connection refused")


def test_unreachable_broker_leaves_article_queued_with_delay_message(
    alice, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("claims.tasks.extract_article.delay", broker_down)

    with django_capture_on_commit_callbacks(execute=True):
        article = submit(alice)

    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert "delayed" in article.error_message
    assert article.enqueued_at is None


def test_sweeper_publishes_article_delayed_by_broker_outage(
    alice, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("claims.tasks.extract_article.delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        article = submit(alice)
    Article.objects.filter(pk=article.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    assert services.requeue_stale_articles() == 1

    article.refresh_from_db()
    assert sent == [article.pk]
    assert (article.error_message, article.enqueued_at is not None) == ("", True)


def test_sweeper_leaves_recently_enqueued_article_alone(alice, monkeypatch):
    article = submit(alice)
    Article.objects.filter(pk=article.pk).update(
        created_at=timezone.now() - timedelta(minutes=1), enqueued_at=timezone.now()
    )
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    assert services.requeue_stale_articles() == 0
    assert sent == []


def test_sweeper_republishes_article_enqueued_too_long_ago(alice, monkeypatch, settings):
    article = submit(alice)
    long_ago = timezone.now() - timedelta(seconds=settings.STALE_QUEUED_SECONDS + 60)
    Article.objects.filter(pk=article.pk).update(created_at=long_ago, enqueued_at=long_ago)
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    assert services.requeue_stale_articles() == 1
    assert sent == [article.pk]


# --- Re-processing ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_reprocess_articles(article, request, who):
    with pytest.raises(WorkflowError, match="Only editors can re-process"):
        services.reprocess_article(article, user=request.getfixturevalue(who))

    article.refresh_from_db()
    assert article.status == Article.Status.READY


@pytest.mark.parametrize("status", [Article.Status.QUEUED, Article.Status.PROCESSING])
def test_article_waiting_for_processing_cannot_be_reprocessed(article, alice, status):
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()

    with pytest.raises(WorkflowError, match="already waiting"):
        services.reprocess_article(article, user=alice)


def test_reprocessing_ready_article_queues_it_again(
    article, alice, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    with django_capture_on_commit_callbacks(execute=True):
        services.reprocess_article(article, user=alice)

    article.refresh_from_db()
    assert (article.status, article.progress) == (Article.Status.QUEUED, 0)
    assert sent == [article.pk]


def test_reprocessing_failed_article_clears_its_error(article, alice):
    services.mark_failed(article.pk, "Extractor crashed.")
    article.refresh_from_db()

    services.reprocess_article(article, user=alice)

    article.refresh_from_db()
    assert (article.status, article.error_message, article.attempts) == (
        Article.Status.QUEUED,
        "",
        0,
    )


def test_reprocessing_keeps_claims_with_human_work(
    article, claim, alice, bob, eager_celery, django_capture_on_commit_callbacks
):
    services.assign_claim(claim, bob, actor=alice)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0-old")
    article.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.reprocess_article(article, user=alice)

    article.refresh_from_db()
    assert (article.status, article.extractor_version) == (Article.Status.READY, EXTRACTOR_VERSION)
    assert Claim.objects.get(pk=claim.pk).assignee == bob


def test_an_unresolved_pronoun_speaker_gets_no_source(alice):
    body = "The report landed on Monday. They said the budget was cut by 10 percent."
    article = Article.objects.create(headline="R", body=body, content_hash="r", uploaded_by=alice)
    said = body.index("the budget")
    extracted = [
        ExtractedClaim(
            text=body[said:-1], start=said, end=len(body) - 1, sentence_start=29,
            sentence_end=len(body), kind="indirect", source="They", source_start=29,
            source_end=33, source_name=None, cue="said",
        )
    ]  # fmt: skip

    services.apply_extraction(article, extracted)

    claim = article.claims.get()
    assert (claim.source, claim.source_text) == (None, "They")
    assert not Source.objects.filter(name__iexact="they").exists()


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
