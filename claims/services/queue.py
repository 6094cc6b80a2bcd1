"""The queue's own operations: saved views, and bulk changes that their author can undo."""

from django.db import transaction
from django.utils import timezone

from claims.models import BulkAction, Claim, ClaimEvent, Notification, SavedView
from claims.people import display_name
from claims.permissions import user_can
from claims.services import webhooks
from claims.services.errors import StaleClaimError, WorkflowError
from claims.services.workflow import (
    TRANSITIONS,
    assign_claim,
    check_assignment,
    check_review,
    check_transition,
    transition,
)

# What a bulk transition did, for its message and the undo bar.
DONE = {
    "start": "Started",
    "approve": "Approved",
    "send_back": "Sent back",
    "publish": "Published",
    "reopen": "Reopened",
    "dismiss": "Dismissed",
    "restore": "Restored",
}
# What the confirmation asks: {n} claims, {who} the assignee.
QUESTIONS = {
    "assign": "Assign {n} to {who}?",
    "unassign": "Unassign {n}?",
    "start": "Start work on {n}?",
    "approve": "Approve the verdicts of {n}?",
    "send_back": "Send {n} back?",
    "publish": "Publish {n}?",
    "reopen": "Reopen {n}?",
    "dismiss": "Dismiss {n}?",
    "restore": "Restore {n}?",
}
# A bulk change can be undone for this long, and only the latest one.
UNDO_WINDOW_SECONDS = 3600


def save_view(*, user, name, params, shared=False):
    """Save the queue's current filters under a name (shared views: editors only); a view of the
    same name is replaced, and `view.replaced` keeps the filters it had (None: none replaced)."""
    name = name.strip()
    if not name:
        raise WorkflowError("Give the view a name.")
    if shared and not user_can(user, "assign"):
        raise WorkflowError("Only editors can share a view with the desk.")
    params = "&".join(p for p in params.split("&") if p and not p.startswith("page="))
    earlier = SavedView.objects.filter(owner=user, name=name[:100]).first()
    view, _ = SavedView.objects.update_or_create(
        owner=user, name=name[:100], defaults={"params": params[:1000], "shared": shared}
    )
    # The filters the name stood for until now, for the message (None: a new view).
    view.replaced = earlier.params if earlier and earlier.params != view.params else None
    return view


def can_delete_view(view, user):
    """Its owner may delete a view; an editor may also delete any shared one (say a view that
    no longer shows what the desk needs, or whose owner has left)."""
    return view.owner_id == user.pk or (view.shared and user_can(user, "assign"))


def delete_view(view, *, user):
    if not can_delete_view(view, user):
        if view.shared:
            raise WorkflowError("Only its owner or an editor can delete a shared view.")
        raise WorkflowError("Only the person who saved this view can delete it.")
    view.delete()


def bulk_actions_for(user):
    """(value, label) of the bulk actions this user's role offers."""
    actions = []
    if user_can(user, "assign"):
        actions += [("assign", "Assign to…"), ("unassign", "Unassign")]
    actions += [
        (action, rule.label) for action, rule in TRANSITIONS.items() if user_can(user, action)
    ]
    return actions


def bulk_question(action, count, assignee=None):
    """The confirmation's question: "Assign 3 claims to Chris Checker?"."""
    claims = f"{count} claim{'s' if count != 1 else ''}"
    return QUESTIONS[action].format(n=claims, who=display_name(assignee))


def bulk_refusal(claim, action, *, actor, assignee=None, reason=""):
    """Why `action` would be refused for `claim` now (for the confirmation), or None."""
    try:
        if action == "assign":
            check_assignment(claim, assignee, actor)
        elif action == "unassign":
            check_assignment(claim, None, actor)
        elif action in TRANSITIONS:
            check_transition(claim, action, actor, reason or "-")
            if action in ("approve", "publish"):
                check_review(claim, action)
        else:
            raise WorkflowError("Unknown bulk action.")
    except WorkflowError as exc:
        return str(exc)
    return None


def bulk_change(claims, action, *, actor, assignee=None, reason="", versions=None):
    """Apply one action to many claims; each goes through the same rules as a single change.

    `versions` ({claim id: version}) are the versions the confirmation showed: a claim changed
    since (say a verdict sent back and proposed anew) is left alone, so that nobody approves,
    publishes or dismisses what they were not shown. Returns (BulkAction or None, number done,
    [refusal messages]).
    """
    versions = versions or {}
    if action == "assign":
        if assignee is None:
            raise WorkflowError("Choose who to assign the claims to.")
        operation = lambda claim, seen: assign_claim(  # noqa: E731
            claim, assignee, actor=actor, expected_version=seen
        )
        description = f"Assigned to {display_name(assignee)}"
    elif action == "unassign":
        operation = lambda claim, seen: assign_claim(  # noqa: E731
            claim, None, actor=actor, expected_version=seen
        )
        description = "Unassigned"
    elif action in TRANSITIONS:
        operation = lambda claim, seen: transition(  # noqa: E731
            claim, action, actor=actor, reason=reason, expected_version=seen
        )
        description = DONE[action]
    else:
        raise WorkflowError("Unknown bulk action.")
    changes, refused = [], []
    last_notification = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
    for claim in claims:
        before = Claim.objects.values_list("state", "assignee_id").get(pk=claim.pk)
        try:
            after = operation(claim, versions.get(claim.pk))
        except StaleClaimError as exc:
            who = _last_actor(exc.claim)
            refused.append(
                f"Claim {claim.pk} was changed{f' by {who}' if who else ''} after this "
                "confirmation was shown: it was left as it is; look at it again."
            )
            continue
        except WorkflowError as exc:
            refused.append(f"Claim {claim.pk}: {exc}")
            continue
        if (after.state, after.assignee_id) != before:
            changes.append(
                {"claim": claim.pk, "state": before[0], "assignee": before[1],
                 "version": after.version}
            )  # fmt: skip
    bulk = None
    if changes:
        _note_notifications(changes, actor, after=last_notification or 0)
        bulk = BulkAction.objects.create(
            actor=actor,
            action=action,
            description=f"{description}: {len(changes)} claim{'s' if len(changes) != 1 else ''}",
            changes=changes,
        )
    return bulk, len(changes), refused


def _last_actor(claim):
    event = claim.events.order_by("-created_at", "-id").select_related("actor").first()
    return event.actor if event and event.actor else None


def _note_notifications(changes, actor, *, after):
    """Keep with each change the notifications it sent, so that undoing it withdraws them."""
    sent = {}
    rows = Notification.objects.filter(
        pk__gt=after, actor=actor, claim_id__in=[change["claim"] for change in changes]
    ).values_list("claim_id", "pk")
    for claim_id, pk in rows:
        sent.setdefault(claim_id, []).append(pk)
    for change in changes:
        change["notifications"] = sent.get(change["claim"], [])


def last_undoable(user):
    """The user's latest bulk change if it can still be undone, else None."""
    cutoff = timezone.now() - timezone.timedelta(seconds=UNDO_WINDOW_SECONDS)
    latest = BulkAction.objects.filter(actor=user).first()
    if latest and latest.undone_at is None and latest.created_at >= cutoff:
        return latest
    return None


def undo_bulk(bulk, *, actor):
    """Put back each claim of a bulk change that nobody has touched since, and withdraw the
    notifications the change sent about them; returns (done, kept)."""
    if bulk.actor_id != actor.pk:
        raise WorkflowError("Only the person who made this bulk change can undo it.")
    if bulk != last_undoable(actor):
        raise WorkflowError("Only your latest bulk change of the last hour can be undone.")
    done = kept = 0
    withdrawn = []
    with transaction.atomic():
        locked = BulkAction.objects.select_for_update().get(pk=bulk.pk)
        if locked.undone_at is not None:
            raise WorkflowError("This bulk change was already undone.")
        claims = Claim.objects.select_for_update().in_bulk([c["claim"] for c in bulk.changes])
        for change in bulk.changes:
            claim = claims.get(change["claim"])
            if claim is None or claim.version != change["version"]:
                kept += 1  # someone changed it since: their work wins
                continue
            before = (claim.state, claim.assignee)
            claim.state, claim.assignee_id = change["state"], change["assignee"]
            claim.version += 1
            claim.save(update_fields=["state", "assignee", "version", "updated_at"])
            after = (claim.state, claim.assignee)
            ClaimEvent.objects.create(
                claim=claim,
                actor=actor,
                action=ClaimEvent.Action.UNDONE,
                from_value=f"{before[0]}, {before[1] or 'nobody'}"[:300],
                to_value=f"{after[0]}, {after[1] or 'nobody'}"[:300],
                text=f"Undo of “{bulk.description}”.",
                changes={
                    "state": [before[0], after[0]],
                    "assignee": [str(before[1] or ""), str(after[1] or "")],
                },
            )
            if claim.state != before[0]:
                webhooks.claim_state_changed(claim, before[0], actor)
            withdrawn += change.get("notifications", [])
            done += 1
        # Work that no longer reaches someone is not announced to them any more.
        Notification.objects.filter(pk__in=withdrawn).delete()
        locked.undone_at = timezone.now()
        locked.save(update_fields=["undone_at"])
    return done, kept
