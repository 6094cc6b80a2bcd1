"""One claim: its page, and the workflow, evidence and comment actions (htmx or plain POST)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.forms import CharField
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from claims import selectors, services
from claims.exports import claimreview
from claims.forms import (
    AssignForm,
    CommentForm,
    CorrectClaimForm,
    EvidenceForm,
    LinkEvidenceForm,
    MatchDecisionForm,
    RejectForm,
    ScheduleForm,
    TransitionForm,
    VerdictForm,
    VersionedForm,
)
from claims.ids import parse_id
from claims.models import Claim, ClaimEvent, ClaimEvidence, ClaimMatch
from claims.people import display_name
from claims.permissions import user_can
from claims.services import StaleClaimError, WorkflowError, corrections, spans

# The claim page shows the latest entries of a long history, and all of them on request: each
# entry costs about 0.3 ms to render (measured on a claim with 100 events: profile_pages).
HISTORY_SHOWN = 30


def _workflow_context(request, claim, version, people=None, history=None):
    """What the claim page and the queue's quick peek share: the claim in its sentence and what
    this user may do with it now (assign or take, the workflow's steps, comment). `people`: the
    assignable users, when already read (DeskLookups), for the assign form's menu; `history`:
    how many of the newest events to show (None: all), as the claim was read with."""
    history, history_total = selectors.page_history(claim, history)
    user = request.user
    assign_form = AssignForm(initial={**version, "assignee": claim.assignee_id}, people=people)
    return {
        "seen": version["seen"].isoformat(),
        "claim": claim,
        "context": selectors.claim_context(claim),
        "actions": services.allowed_actions(claim, user),
        "can_assign": user_can(user, "assign"),
        "can_take": services.can_take(claim, user),
        "can_comment": user_can(user, "comment"),
        "assign_form": assign_form,
        "comment_form": CommentForm(),
        "transition_version": claim.version,
        "transition_form": None,
        "history": history,  # newest first (prefetched: no query)
        "history_total": history_total,
    }


def _version(claim):
    # "seen" lets a refused save list what others changed since this page was rendered.
    return {"version": claim.version, "seen": timezone.now()}


def peek_context(request, claim, queue_params, **forms):
    """The queue's side panel for one claim; `queue_params` for its link to the full page."""
    return {**_workflow_context(request, claim, _version(claim)), "queue_params": queue_params,
            **forms}  # fmt: skip


def history_shown(request):
    """How many of the newest events of a claim's history its page shows (None: all)."""
    return None if request.GET.get("history") == "all" else HISTORY_SHOWN


def _claim_panel_context(request, claim, lookups, **forms):
    """The claim page's panel; `lookups` (DeskLookups): the verdicts and people the claim was
    read with (selectors.claim_for_page, with history_shown), which its menus list."""
    user = request.user
    version = _version(claim)
    verdicts = list(lookups.verdicts.values())
    verdict_form = VerdictForm(
        initial={**version, "verdict": claim.verdict_id, "summary": claim.verdict_summary}
    )
    verdict_form.fields["verdict"].widget.choices = [
        ("", "Choose…"),
        *((v.pk, v.label) for v in verdicts),
    ]
    can_edit_evidence = services.can_edit_evidence(claim, user)
    context = {
        **_workflow_context(request, claim, version, lookups.people, history_shown(request)),
        "verdict_scale": claimreview.scale_of(verdicts),
        "today": timezone.localdate(),
        "can_schedule": user_can(user, "assign"),
        "schedule_form": ScheduleForm(
            initial={**version, "due_date": claim.due_date, "priority": claim.priority}
        ),
        "can_propose": services.can_propose(claim, user),
        "can_edit_evidence": can_edit_evidence,
        "verdict_form": verdict_form,
        "evidence_form": EvidenceForm(),
        # Its menu is a query: read for those who may link evidence only (the page shows it).
        "link_form": LinkEvidenceForm(
            claim=claim, linked={link.evidence_id for link in selectors.links_read(claim)}
        )
        if can_edit_evidence
        else None,
        **_correction_context(claim, user, version),
        "evidence_links": selectors.links_read(claim),
        "matches": services.matches_for_page(claim),
        "family": services.family_of(claim),
        "can_decide_match": user_can(user, "decide_match"),
        "organisation_name": settings.ORGANISATION_NAME,
    }
    context.update(forms)
    return context


def _correction_context(claim, user, version):
    """The corrections section: who may correct, and its forms filled from the claim."""
    if not corrections.may_correct(claim, user):
        return {"can_correct": False}
    body = claim.article.body
    edges = spans.word_edges(body, claim.start, claim.end)
    moves = [
        ("◀ Start one word earlier", edges["start"][-1], claim.end),
        ("Start one word later ▶", edges["start"][1], claim.end),
        ("◀ End one word earlier", claim.start, edges["end"][-1]),
        ("End one word later ▶", claim.start, edges["end"][1]),
    ]
    return {
        "can_correct": True,
        "span_moves": [move for move in moves if (move[1], move[2]) != (claim.start, claim.end)],
        "split_points": corrections.split_points(body, claim.start, claim.end),
        "correct_form": CorrectClaimForm(
            initial={
                **version,
                "kind": claim.kind,
                "cue": claim.cue,
                "claim_reviewed": claim.reviewed_text,
                "speaker": claim.source_id or "",
            }
        ),
        "reject_form": RejectForm(initial=version),
    }


def page_claim(pk, lookups=None, history=None):
    """The claim with all its page shows (selectors.claim_for_page), or a 404."""
    try:
        return selectors.claim_for_page(pk, lookups, history)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None


@require_GET
def claim_detail(request, pk):
    lookups = selectors.DeskLookups.read()
    claim = page_claim(pk, lookups, history_shown(request))
    context = _claim_panel_context(request, claim, lookups)
    if "tab" in request.GET:  # opened from the queue: walk it with its filters kept
        query = selectors.QueueQuery.from_params(request.GET)
        context["nav"] = selectors.queue_neighbours(request.user, query, claim.pk)
        context["queue_params"] = query.params(page=None if query.page == "1" else query.page)
    return render(request, "claims/claim_detail.html", context)


@require_GET
def claim_peek(request, pk):
    """The queue's side panel for one claim (htmx), beside the list it was opened from."""
    context = peek_context(request, page_claim(pk), _queue_params_of(request))
    return render(request, "claims/claim_queue.html#peek-panel", context)


def _queue_params_of(request):
    """The queue's parameters of the page the request came from (htmx tells its URL)."""
    url = request.htmx.current_url if request.htmx else None
    params = QueryDict(urlsplit(url).query) if url else request.GET
    return selectors.QueueQuery.from_params(params).params()


@require_GET
def next_in_my_queue(request):
    """The next claim waiting for me (key `e`), after the one I am on."""
    claim = selectors.next_claim_for(request.user, parse_id(request.GET.get("after")))
    if claim is None:
        messages.info(request, "Nothing else is waiting in your queue.")
        return redirect(reverse("claim_queue") + "?tab=mine")
    return redirect(reverse("claim_detail", args=[claim.pk]) + "?tab=mine")


def claim_response(request, pk, error=None, warning=None, **forms):
    """After a POST: the refreshed panel for htmx, or a redirect back to the claim page.

    A refusal re-renders the page with the user's input in the form they sent (`forms`, bound),
    so nothing typed is lost; when someone else saved first, it also lists what they changed and
    the forms take the current version, so the user can apply their change again. A form the
    page no longer offers (its action is gone) has what was typed in it listed as not saved.
    A `warning` holds a change for confirmation the same way (a verdict against its evidence).
    """
    if error:
        messages.error(request, str(error))
    if warning:
        messages.warning(request, warning)
        error = warning
    if request.htmx and request.htmx.target == "queue-results":
        # From the queue's list (key `a`): it reloads itself and shows the messages.
        return HttpResponse(status=204)
    if not (request.htmx or error):
        return redirect("claim_detail", pk=pk)
    extra = {}
    if isinstance(error, StaleClaimError):
        forms = {name: _with_current_version(form, pk) for name, form in forms.items()}
        seen = _seen(request)
        extra["changes"] = selectors.events_since(pk, seen) if seen else []
    in_peek = bool(request.htmx) and request.htmx.target == "peek-panel"
    if in_peek:
        claim = selectors.claim_for_page(pk)
        context = {**peek_context(request, claim, _queue_params_of(request), **forms), **extra}
        template = "claims/claim_queue.html#peek-panel"
    else:
        lookups = selectors.DeskLookups.read()
        claim = selectors.claim_for_page(pk, lookups, history_shown(request))
        context = {**_claim_panel_context(request, claim, lookups, **forms), **extra}
        template = "claims/claim_detail.html" + ("#claim-panel" if request.htmx else "")
    context["verdict_conflict"] = warning
    context["unsaved"] = [
        typed
        for name, form in forms.items()
        if not _offered(name, form, context)
        for typed in _typed(form)
    ]
    response = render(request, template, context)
    if in_peek and (not error or isinstance(error, StaleClaimError)):
        # The list shows the change too: the user's own, or the one that refused theirs.
        trigger_client_event(response, "queueChanged")
    return response


# The panel's flag under which each of its forms is shown (a transition form: its action).
FORM_SHOWN_BY = {
    "assign_form": "can_assign",
    "schedule_form": "can_schedule",
    "verdict_form": "can_propose",
    "evidence_form": "can_edit_evidence",
    "link_form": "can_edit_evidence",
    "comment_form": "can_comment",
    "correct_form": "can_correct",
    "reject_form": "can_correct",
    # A comment's edit box is not shown again with the input: what was typed is listed instead.
    "comment_edit_form": "comment_edit_shown",
}


def _offered(name, form, context):
    """Whether the refreshed panel shows form `name` again (so the input goes back into it)."""
    if name == "transition_form":
        return form.data.get("action") in {action for action, *_ in context["actions"]}
    return bool(context.get(FORM_SHOWN_BY[name]))


def _typed(form):
    """[(label, text)] of what the user typed into a form's text fields."""
    typed = []
    for name, field in form.fields.items():
        if not isinstance(field, CharField) or field.widget.is_hidden:
            continue
        value = str(form.data.get(name) or "").strip()
        if value:
            typed.append((field.label or name.replace("_", " ").capitalize(), value))
    return typed


def _seen(request):
    """When the user loaded the page (the hidden `seen` field), or None if missing or bad."""
    form = VersionedForm(request.POST)
    form.is_valid()
    return form.cleaned_data.get("seen")


def _with_current_version(form, claim_pk):
    """A bound copy of `form` whose version is the current one, so the user can reapply."""
    if not isinstance(form, VersionedForm):
        return form
    data = form.data.copy()
    data["version"] = Claim.objects.values_list("version", flat=True).get(pk=claim_pk)
    return type(form)(data)


@require_POST
def claim_transition(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        refusal = form.refusal(VersionedForm.OUT_OF_DATE)
        return claim_response(request, pk, refusal, transition_form=form)
    action = form.cleaned_data["action"]
    try:
        claim = services.transition(
            claim,
            action,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc, transition_form=form)
    messages.success(request, _done(action, claim))
    return claim_response(request, pk)


def _done(action, claim):
    """The confirmation of a workflow step, saying where the claim is now."""
    if action == "approve":
        return f"Approved: the verdict {claim.verdict} is verified; publish it when it is ready."
    if action == "publish":
        return f"Published: readers see it at {reverse('public_claim', args=[claim.pk])}."
    if action == "send_back":
        return (
            f"Sent back to {display_name(claim.assignee or claim.proposed_by)}, with your reason."
        )
    return {
        "start": "Work started: the claim is in progress.",
        "reopen": "Reopened: the claim is in progress again.",
        "dismiss": "Dismissed: the claim leaves the open queues.",
        "restore": "Restored: the claim is new again.",
    }[action]


@require_POST
def claim_assign(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    take = "take" in request.POST  # "Assign to me" names nobody: only the version is read
    form = VersionedForm(request.POST) if take else AssignForm(request.POST)
    kept = {} if take else {"assign_form": form}
    if not form.is_valid():
        refusal = form.refusal("Choose someone to assign the claim to.")
        return claim_response(request, pk, refusal, **kept)
    assignee = request.user if take else form.cleaned_data["assignee"]
    try:
        services.assign_claim(
            claim, assignee, actor=request.user, expected_version=form.cleaned_data["version"]
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc, **kept)
    if assignee is None:
        messages.success(request, "Unassigned.")
    else:
        who = "you" if assignee == request.user else display_name(assignee)
        messages.success(request, f"Assigned to {who}.")
    return claim_response(request, pk)


@require_POST
def claim_propose(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return claim_response(
            request, pk, form.refusal("Choose a verdict and write a summary."), verdict_form=form
        )
    conflict = services.evidence_conflict(claim, form.cleaned_data["verdict"])
    if conflict and not form.cleaned_data["despite_evidence"]:
        # Held before it is sent: the form keeps it, with "Propose anyway".
        return claim_response(request, pk, warning=conflict, verdict_form=form)
    try:
        services.propose_verdict(
            claim,
            actor=request.user,
            verdict=form.cleaned_data["verdict"],
            summary=form.cleaned_data["summary"],
            expected_version=form.cleaned_data["version"],
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc, verdict_form=form)
    messages.success(request, "Verdict proposed: an editor will review it.")
    return claim_response(request, pk)


@require_POST
def claim_add_evidence(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return claim_response(
            request, pk, "The evidence could not be added: see the form.", evidence_form=form
        )
    try:
        services.add_evidence(claim, actor=request.user, **form.cleaned_data)
    except WorkflowError as exc:
        return claim_response(request, pk, exc, evidence_form=form)
    return claim_response(request, pk)


@require_POST
def claim_link_evidence(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = LinkEvidenceForm(request.POST, claim=claim)
    if not form.is_valid():
        return claim_response(
            request, pk, "Choose the evidence to link and its stance.", link_form=form
        )
    try:
        services.link_evidence(
            claim,
            form.cleaned_data["evidence"],
            actor=request.user,
            stance=form.cleaned_data["stance"],
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc, link_form=form)
    return claim_response(request, pk)


EVIDENCE_GONE = "This evidence is no longer linked to the claim: someone removed it meanwhile."


def _link_of(pk, link_pk):
    """The claim's evidence link; None when it is gone (unlinked from another page), so the
    page shows the claim as it is; 404 for no such claim, or another claim's link."""
    link = ClaimEvidence.objects.select_related("evidence").filter(pk=link_pk).first()
    if link is None:
        get_object_or_404(Claim, pk=pk)
        return None
    if link.claim_id != pk:
        raise Http404("No such evidence on this claim.")
    return link


@require_POST
def claim_unlink_evidence(request, pk, link_pk):
    link = _link_of(pk, link_pk)
    if link is None:
        return claim_response(request, pk, EVIDENCE_GONE)
    try:
        services.unlink_evidence(link, actor=request.user)
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    return claim_response(request, pk)


@require_POST
def claim_evidence_public(request, pk, link_pk):
    link = _link_of(pk, link_pk)
    if link is None:
        return claim_response(request, pk, EVIDENCE_GONE)
    try:
        services.set_evidence_public(link, request.POST.get("public") == "1", actor=request.user)
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    return claim_response(request, pk)


@require_POST
def claim_comment(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return claim_response(request, pk, _comment_problem(form), comment_form=form)
    try:
        services.add_comment(claim, actor=request.user, text=form.cleaned_data["text"])
    except WorkflowError as exc:
        return claim_response(request, pk, exc, comment_form=form)
    return claim_response(request, pk)


def _comment_of(pk, comment_pk):
    return get_object_or_404(
        ClaimEvent, pk=comment_pk, claim_id=pk, action=ClaimEvent.Action.COMMENT
    )


@require_POST
def claim_comment_edit(request, pk, comment_pk):
    comment = _comment_of(pk, comment_pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return claim_response(request, pk, _comment_problem(form), comment_edit_form=form)
    try:
        services.edit_comment(comment, actor=request.user, text=form.cleaned_data["text"])
    except WorkflowError as exc:
        return claim_response(request, pk, exc, comment_edit_form=form)
    return claim_response(request, pk)


def _comment_problem(form):
    """Why a comment was refused: empty, or too long (it said "empty" for both)."""
    if not str(form.data.get("text") or "").strip():
        return "The comment is empty."
    return f"The comment was not saved: {' '.join(form.errors.get('text', []))}"


@require_POST
def claim_comment_resolve(request, pk, comment_pk):
    comment = _comment_of(pk, comment_pk)
    try:
        services.resolve_comment(
            comment, actor=request.user, resolved=request.POST.get("resolved") == "1"
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    return claim_response(request, pk)


@require_POST
def claim_schedule(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        return claim_response(
            request, pk, form.refusal("Give a valid date and priority."), schedule_form=form
        )
    try:
        services.set_schedule(
            claim,
            actor=request.user,
            due_date=form.cleaned_data["due_date"],
            priority=form.cleaned_data["priority"],
            expected_version=form.cleaned_data["version"],
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc, schedule_form=form)
    return claim_response(request, pk)


@require_POST
def claim_decide_match(request, pk, match_pk):
    """A fact-checker's answer to a "checked before" match: the same claim, or not."""
    match = get_object_or_404(ClaimMatch, pk=match_pk, claim_id=pk)
    form = MatchDecisionForm(request.POST)
    if not form.is_valid():
        return claim_response(request, pk, WorkflowError("Choose “Same claim” or “Not the same”."))
    try:
        services.decide_match(match, actor=request.user, same=form.cleaned_data["same"])
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    return claim_response(request, pk)


@require_POST
def claim_reuse_verdict(request, pk, other_pk):
    """Propose the approved verdict of a claim of the same family, for an editor's approval."""
    claim = get_object_or_404(Claim, pk=pk)
    other = get_object_or_404(Claim, pk=other_pk)
    try:
        services.reuse_verdict(
            claim, other, actor=request.user, expected_version=request.POST.get("version")
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    return claim_response(request, pk)
