"""The claim workflow: assignment, state transitions, verdicts, evidence and comments.

Every change is checked here (role, state, assignee), recorded as a ClaimEvent, and refused with
a WorkflowError that says why. Changes that could clash take the version the user saw.
"""

from typing import NamedTuple
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Q

from claims.exports import claimreview
from claims.models import Claim, ClaimEvent, ClaimEvidence, Evidence, Notification
from claims.permissions import EDITOR, FACT_CHECKER, role_of
from claims.services import webhooks
from claims.services.errors import NotAllowed, StaleClaimError, WorkflowError, require
from claims.services.notifications import notify, notify_editors, notify_workers

State = Claim.State


def lock_claim(claim, expected_version):
    """Re-read the claim under a row lock; refuse if it changed since the user loaded it."""
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if expected_version is not None and int(expected_version) != locked.version:
        raise StaleClaimError(locked)
    return locked


def record_event(claim, actor, action, from_value="", to_value="", text="", changes=None):
    """Append to the claim's audit trail; a change of state is also a webhook event."""
    if action == ClaimEvent.Action.STATE:
        webhooks.claim_state_changed(claim, from_value, actor)
    return ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        action=action,
        from_value=str(from_value)[:300],
        to_value=str(to_value)[:300],
        text=text,
        changes=changes or {},
    )


def save_claim(claim, *fields):
    """Save the fields (none: only the version) as a new version of the claim."""
    claim.version += 1
    claim.save(update_fields=[*fields, "version", "updated_at"])


def _require_worker(claim, actor, what):
    """Fact-checkers work only claims assigned to them; editors may act on any."""
    if role_of(actor) == FACT_CHECKER and claim.assignee_id != actor.pk:
        raise NotAllowed(f"Only the assigned fact-checker or an editor can {what}.")


def assignable_users():
    from django.contrib.auth import get_user_model

    from claims.permissions import EDITORS, FACT_CHECKERS

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=[EDITORS, FACT_CHECKERS]) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
    )


def _check_assigner(assignee, actor):
    """The roles' part of assigning: who may assign, and who may be assigned."""
    if assignee is not None and assignee != actor:
        require(actor, "assign", "Only editors can assign claims to other people.")
    else:
        require(actor, "take", "Viewers cannot take claims.")
    if assignee is not None and role_of(assignee) not in (EDITOR, FACT_CHECKER):
        raise WorkflowError(f"{assignee} cannot be assigned claims: they are not a fact-checker.")


def check_assignment(claim, assignee, actor):
    """Raise WorkflowError when `actor` may not give `claim` to `assignee` (None: unassign)."""
    _check_assigner(assignee, actor)
    if claim.state in (State.VERIFIED, State.PUBLISHED, State.DISMISSED):
        raise WorkflowError(f"A {claim.get_state_display().lower()} claim cannot be reassigned.")
    if role_of(actor) == FACT_CHECKER and claim.assignee_id not in (None, actor.pk):
        raise WorkflowError(f"This claim is already assigned to {claim.assignee}.")


def _allowed(check, *args):
    """Whether a check_* rule lets it through: the predicate for buttons, from the rule itself."""
    try:
        check(*args)
    except WorkflowError:
        return False
    return True


def can_take(claim, user):
    """Whether `user` may assign `claim` to themselves now ("Assign to me", key `a`)."""
    return claim.assignee_id != user.pk and _allowed(check_assignment, claim, user, user)


def assign_claim(claim, assignee, *, actor, expected_version=None):
    """Give a claim to a fact-checker (editors), or take an unassigned one (fact-checkers)."""
    _check_assigner(assignee, actor)  # a role that may not is refused before anything else
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        check_assignment(claim, assignee, actor)
        if claim.assignee_id == (assignee.pk if assignee else None):
            return claim
        before, before_state = claim.assignee, claim.state
        claim.assignee = assignee
        if claim.state == State.NEW and assignee is not None:
            claim.state = State.ASSIGNED
        elif claim.state == State.ASSIGNED and assignee is None:
            claim.state = State.NEW
        moved = claim.state != before_state
        save_claim(claim, "assignee", *(["state"] if moved else []))
        if moved:
            record_event(claim, actor, ClaimEvent.Action.STATE, before_state, claim.state)
        record_event(claim, actor, ClaimEvent.Action.ASSIGNED, before or "", assignee or "")
        notify(assignee, claim, Notification.Kind.ASSIGNED, actor=actor)
    return claim


def set_schedule(claim, *, actor, due_date, priority, expected_version=None):
    """Set a claim's due date and priority (editors)."""
    require(actor, "assign", "Only editors can set due dates and priorities.")
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        before = (claim.due_date, claim.get_priority_display())
        claim.due_date, claim.priority = due_date, priority
        after = (claim.due_date, claim.get_priority_display())
        if after == before:
            return claim
        save_claim(claim, "due_date", "priority")
        changes = {}  # what changed, for the history: {"due_date": [iso or None, ...], ...}
        if after[0] != before[0]:
            changes["due_date"] = [str(d) if d else None for d in (before[0], after[0])]
        if after[1] != before[1]:
            changes["priority"] = [before[1], after[1]]
        record_event(
            claim,
            actor,
            ClaimEvent.Action.SCHEDULED,
            f"due {before[0] or 'never'}, {before[1].lower()} priority",
            f"due {after[0] or 'never'}, {after[1].lower()} priority",
            changes=changes,
        )
    return claim


class Transition(NamedTuple):
    sources: set
    target: str
    label: str  # the button
    needs_reason: bool
    does: str  # for refusals: "Your role cannot <does>."


TRANSITIONS = {
    "start": Transition({State.ASSIGNED}, State.IN_PROGRESS, "Start work", False,
                        "start work on claims"),
    "approve": Transition({State.IN_REVIEW}, State.VERIFIED, "Approve verdict", False,
                          "approve verdicts"),
    "send_back": Transition({State.IN_REVIEW}, State.IN_PROGRESS, "Send back", True,
                            "send claims back"),
    "publish": Transition({State.VERIFIED}, State.PUBLISHED, "Publish", False, "publish claims"),
    "reopen": Transition({State.VERIFIED, State.PUBLISHED}, State.IN_PROGRESS, "Reopen", True,
                         "reopen claims"),
    "dismiss": Transition({State.NEW, State.ASSIGNED, State.IN_PROGRESS}, State.DISMISSED,
                          "Dismiss", True, "dismiss claims"),
    "restore": Transition({State.DISMISSED}, State.NEW, "Restore", False,
                          "restore dismissed claims"),
}  # fmt: skip


def review_snapshot(claim):
    """What a verdict stands on: the verdict, its summary and the evidence with its stance.

    Taken when a verdict is proposed (Claim.proposal) and when it is approved (Claim.approval):
    approval needs what was proposed, publication what was approved, so no change to the
    evidence or the verdict reaches the public page without a second person's approval.
    """
    links = claim.evidence_links.select_related("evidence").order_by("evidence_id")
    return {
        "verdict": claim.verdict_id,
        "summary": claim.verdict_summary,
        "evidence": [
            [link.evidence_id, link.stance, link.evidence.url, link.evidence.title]
            for link in links
        ],
    }


def check_review(claim, action):
    """Approve what was proposed; publish what was approved."""
    if action == "approve" and claim.proposal != review_snapshot(claim):
        raise WorkflowError(
            "The verdict or its evidence changed after it was proposed: send the claim back, "
            "so that the fact-checker proposes it again as it is now."
        )
    if action == "publish" and (
        claim.approval is None or claim.approval.get("snapshot") != review_snapshot(claim)
    ):
        raise WorkflowError(
            "The verdict or its evidence changed after it was approved: reopen the claim and "
            "have the verdict proposed and approved again before publishing."
        )
    if action == "publish":
        reasons = claimreview.publication_problems(claim)
        if reasons:
            raise WorkflowError("This claim cannot be published yet: " + " ".join(reasons))


# The steps that take a claim on towards a public verdict: none for what the desk marked "not a
# claim" (junk, or a duplicate merged into another claim, say while someone worked on it).
TOWARDS_PUBLICATION = ("start", "approve", "publish")


def _require_a_claim(claim):
    if claim.rejection:
        duplicate = (
            f" (a duplicate of claim {claim.duplicate_of_id})" if claim.duplicate_of_id else ""
        )
        raise WorkflowError(
            f"This is marked not a claim{duplicate}: it gets no verdict. "
            "If it is a claim after all, say so on its page first."
        )


def check_transition(claim, action, actor, reason=""):
    """Raise WorkflowError when `actor` may not apply `action` to `claim` now."""
    if action not in TRANSITIONS:
        raise WorkflowError("Unknown action.")
    rule = TRANSITIONS[action]
    require(actor, action, f"Your role cannot {rule.does}.")
    if action in TOWARDS_PUBLICATION:
        _require_a_claim(claim)
    if claim.state not in rule.sources:
        raise WorkflowError(
            f"A claim that is {claim.get_state_display().lower()} cannot be moved to "
            f"{State(rule.target).label.lower()}."
        )
    if action == "start":
        _require_worker(claim, actor, "start work on this claim")
    if action == "approve" and claim.proposed_by_id == actor.pk:
        raise NotAllowed("You proposed this verdict: another editor must approve it.")
    if rule.needs_reason and not reason.strip():
        raise WorkflowError(f"Give a reason to {rule.label.lower()} this claim.")


def transition(claim, action, *, actor, reason="", expected_version=None):
    """Move a claim along the workflow (start, approve, send back, publish, reopen, dismiss)."""
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        check_transition(claim, action, actor, reason)
        check_review(claim, action)
        before, target = claim.state, TRANSITIONS[action].target
        claim.state = target
        fields = ["state"]
        if action == "restore":
            claim.assignee = None
            fields.append("assignee")
        elif action == "approve":
            claim.approval = {"by": actor.pk, "snapshot": review_snapshot(claim)}
            fields.append("approval")
        save_claim(claim, *fields)
        record_event(claim, actor, ClaimEvent.Action.STATE, before, target, reason.strip())
        if action == "send_back":
            to = claim.assignee or claim.proposed_by
            notify(to, claim, Notification.Kind.SENT_BACK, actor=actor, text=reason.strip())
        elif action == "approve":
            notify_workers(claim, Notification.Kind.APPROVED, actor=actor)
        elif action == "publish":
            notify_workers(claim, Notification.Kind.PUBLISHED, actor=actor)
    return claim


def allowed_actions(claim, user):
    """The transitions `user` may make on `claim` now, for buttons: [(action, label, reason?)]."""
    allowed = []
    for action, rule in TRANSITIONS.items():
        try:
            check_transition(claim, action, user, reason="-")
        except WorkflowError:
            continue
        allowed.append((action, rule.label, rule.needs_reason))
    return allowed


def check_proposal(claim, actor):
    """Raise WorkflowError when `actor` may not propose a verdict for `claim` now."""
    require(actor, "propose", "Your role cannot propose verdicts.")
    _require_worker(claim, actor, "propose a verdict")
    _require_a_claim(claim)
    if claim.state not in (State.ASSIGNED, State.IN_PROGRESS):
        raise WorkflowError(
            f"A verdict can be proposed only for a claim in progress, "
            f"not one that is {claim.get_state_display().lower()}."
        )


def can_propose(claim, user):
    return _allowed(check_proposal, claim, user)


def evidence_conflict(claim, verdict):
    """Why `verdict` goes against the claim's evidence, in a sentence for a warning; "" when it
    does not. A verdict on the true side of the scale with only refuting evidence (none
    supporting), or on the false side with only supporting evidence, goes against it; the middle
    of the scale, an unrated verdict and mixed evidence do not."""
    from claims.exports.claimreview import rating_scale

    worst, best = rating_scale()
    if verdict is None or worst is None or verdict.rating_value <= 0:
        return ""
    middle = (worst + best) / 2
    stances = [link.stance for link in claim.evidence_links.all()]
    supports, refutes = (
        stances.count(ClaimEvidence.Stance.SUPPORTS),
        stances.count(ClaimEvidence.Stance.REFUTES),
    )
    if verdict.rating_value > middle and refutes and not supports:
        against = f"{_pieces(refutes, 'refute')} the claim, none supports it"
    elif verdict.rating_value < middle and supports and not refutes:
        against = f"{_pieces(supports, 'support')} the claim, none refutes it"
    else:
        return ""
    return f"“{verdict.label}” goes against the evidence: {against}."


def _pieces(n, verb):
    """ "1 piece refutes", "2 pieces refute"."""
    return f"1 piece {verb}s" if n == 1 else f"{n} pieces {verb}"


def propose_verdict(claim, *, actor, verdict, summary, expected_version=None):
    """Put a verdict with its summary up for an editor's approval (state: in review)."""
    require(actor, "propose", "Your role cannot propose verdicts.")
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        check_proposal(claim, actor)
        if verdict is None:
            raise WorkflowError("Choose a verdict.")
        if not summary.strip():
            raise WorkflowError("Write a summary explaining the verdict.")
        if not claim.evidence_links.exists():
            raise WorkflowError("Link at least one piece of evidence before proposing a verdict.")
        before_state = claim.state
        claim.verdict = verdict
        claim.verdict_summary = summary.strip()
        claim.proposed_by = actor
        claim.state = State.IN_REVIEW
        claim.proposal = review_snapshot(claim)
        claim.approval = None
        save_claim(
            claim, "verdict", "verdict_summary", "proposed_by", "state", "proposal", "approval"
        )
        record_event(claim, actor, ClaimEvent.Action.VERDICT, "", verdict.label, summary.strip())
        record_event(claim, actor, ClaimEvent.Action.STATE, before_state, State.IN_REVIEW)
        notify_editors(claim, Notification.Kind.REVIEW, actor=actor, text=summary.strip())
    return claim


# A verdict under review or approved stands on its evidence as it was: changing it needs the
# claim sent back (in review) or reopened (verified, published) first.
EVIDENCE_LOCKED_STATES = (State.IN_REVIEW, State.VERIFIED, State.PUBLISHED, State.DISMISSED)


def can_edit_evidence(claim, user):
    """Whether `user` may add, link, unlink or show/hide evidence on `claim` now."""
    return _allowed(_check_evidence_change, claim, user)


def _check_evidence_change(claim, actor):
    require(actor, "add_evidence", "Your role cannot change evidence.")
    _require_worker(claim, actor, "change this claim's evidence")
    if claim.state == State.IN_REVIEW:
        raise WorkflowError(
            "The claim is in review: an editor must send it back before its evidence changes."
        )
    if claim.state in EVIDENCE_LOCKED_STATES:
        raise WorkflowError(
            f"The claim is {claim.get_state_display().lower()}: reopen it to change its evidence."
        )


def link_evidence(claim, evidence, *, actor, stance=ClaimEvidence.Stance.CONTEXT, note=""):
    """Link an existing piece of evidence to a claim (once)."""
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        _check_evidence_change(claim, actor)
        link, created = ClaimEvidence.objects.get_or_create(
            claim=claim,
            evidence=evidence,
            defaults={"stance": stance, "note": note, "added_by": actor},
        )
        if not created:
            raise WorkflowError("This evidence is already linked to the claim.")
        save_claim(claim)  # a new version: undo and stale forms must see the evidence changed
        record_event(claim, actor, ClaimEvent.Action.EVIDENCE_LINKED, "", evidence.title, stance)
    return link


WEB_SCHEMES = ("http", "https")


def _check_evidence_url(url):
    """Only web addresses: the URL becomes a link on the claim page and in the public export,
    where `javascript:`, `data:` or `file:` would run or open something else on a click."""
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        raise WorkflowError(
            "The evidence URL must be a web address starting with http:// or https://."
        )


def add_evidence(claim, *, actor, title, url="", excerpt="", kind=Evidence.Kind.WEB,
                 publisher="", stance=ClaimEvidence.Stance.CONTEXT, note="",
                 public=None):  # fmt: skip
    """Create a new piece of evidence and link it to the claim, in one transaction.

    `public` None: listed publicly unless it is an interview or a note.
    """
    if not title.strip() and not url.strip():
        raise WorkflowError("Give the evidence a title or a URL.")
    _check_evidence_url(url.strip())
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        _check_evidence_change(locked, actor)
        evidence = Evidence.objects.create(
            title=(title.strip() or url.strip())[:300],
            url=url.strip(),
            excerpt=excerpt.strip(),
            kind=kind,
            publisher=publisher.strip(),
            public=kind not in Evidence.PRIVATE_KINDS if public is None else public,
            added_by=actor,
        )
        return link_evidence(locked, evidence, actor=actor, stance=stance, note=note)


def unlink_evidence(link, *, actor):
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=link.claim_id)
        _check_evidence_change(claim, actor)
        record_event(claim, actor, ClaimEvent.Action.EVIDENCE_UNLINKED, link.evidence.title, "")
        link.delete()
        save_claim(claim)


def set_evidence_public(link, public, *, actor):
    """List a piece of evidence on the public page and in the ClaimReview, or keep it on the
    desk. The flag belongs to the evidence, so it changes for every claim it serves: not while
    one of them is verified or published (what was approved is what gets published)."""
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=link.claim_id)
        _check_evidence_change(claim, actor)
        evidence = Evidence.objects.select_for_update().get(pk=link.evidence_id)
        if evidence.public == public:
            return evidence
        approved = ClaimEvidence.objects.filter(
            evidence=evidence, claim__state__in=(State.VERIFIED, State.PUBLISHED)
        )
        if approved.exists():
            raise WorkflowError(
                "This evidence serves a verified or published claim: reopen that claim first."
            )
        evidence.public = public
        evidence.save(update_fields=["public"])
        save_claim(claim)
        record_event(
            claim,
            actor,
            ClaimEvent.Action.EVIDENCE_VISIBILITY,
            evidence.title,
            "public" if public else "desk only",
        )
    return evidence
