"""Claims: the queue's filters, search and sort with keyset cursors; one claim with its source,
evidence, verdict and history; the workflow actions, evidence and comments, through the same
services (and so the same permissions and refusals) as the desk."""

import re

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from ninja import Header, Query, Router, Schema, Status

from claims import selectors, services
from claims.api.errors import Refused, get_or_404
from claims.api.pages import cursor_page
from claims.api.schemas import (
    AssignIn,
    ClaimDetail,
    ClaimKind,
    ClaimPage,
    ClaimState,
    CommentIn,
    Error,
    EventOut,
    EvidenceIn,
    LinkIn,
    ProposeIn,
    StaleError,
    TransitionIn,
    claim_etag,
)
from claims.models import Claim, ClaimEvidence, Evidence, Verdict

router = Router(tags=["claims"])

CHANGE_RESPONSES = {
    200: ClaimDetail,
    401: Error,
    403: Error,
    404: Error,
    409: StaleError,
    422: Error,
    429: Error,
}
IF_MATCH = Header(
    None, alias="If-Match", description="The claim's ETag as you read it; a stale one: 409."
)


class ClaimFilters(Schema):
    """The claim queue's own parameters (the desk's queue URL takes the same)."""

    tab: str | None = None
    q: str | None = None
    o: str | None = None
    state: ClaimState | None = None
    kind: ClaimKind | None = None
    assignee: str | None = None
    verdict: str | None = None
    article: int | None = None
    source: int | None = None
    junk: bool | None = None
    after: str | None = None
    before: str | None = None
    limit: int | None = None


def _queue_params(filters):
    """The queue's URL parameters for these filters (usernames and verdict slugs become ids)."""
    params = {
        key: str(value)
        for key, value in filters.dict().items()
        if value not in (None, "") and key not in ("after", "before", "limit", "junk")
    }
    if filters.junk:
        params["junk"] = "1"
    assignee = params.get("assignee")
    if assignee and assignee != "none" and not assignee.isdigit():
        user = get_user_model().objects.filter(username=assignee).first()
        params["assignee"] = str(user.pk) if user else "0"
    verdict = params.get("verdict")
    if verdict and verdict != "none" and not verdict.isdigit():
        found = Verdict.objects.filter(slug=verdict).first()
        params["verdict"] = str(found.pk) if found else "0"
    return params


@router.get("", response=ClaimPage, url_name="claim_list", summary="List claims (the queue)")
def list_claims(request, filters: Query[ClaimFilters]):
    """`tab`: mine, unassigned, in_review, overdue, all; `q`: search; `o`: sort (score,
    created, article, state, assignee, kind, source, due, priority; `-` reverses); `assignee`: a
    username or `none`; `verdict`: a slug or `none`; `junk`: the claims marked not a claim.
    Pages follow `next_cursor` (as `after`)."""
    query = selectors.QueueQuery.from_params(_queue_params(filters))
    claims, count = selectors.by_id_when_few(request.auth, query)
    return cursor_page(
        claims,
        selectors.queue_order(query),
        after=filters.after,
        before=filters.before,
        limit=filters.limit,
        count=count,
    )


def _claim(pk):
    try:
        return selectors.claim_for_page(pk)
    except Claim.DoesNotExist:
        raise Refused.not_found("claim", pk) from None


def _detail(response, pk):
    claim = _claim(pk)
    response["ETag"] = claim_etag(claim)
    return claim


@router.get("/{int:claim_id}", response={200: ClaimDetail, 404: Error}, url_name="claim_read")
def read_claim(request, claim_id: int, response: HttpResponse):
    """The claim with its source, evidence, verdict and history, and the actions you may take."""
    return _detail(response, claim_id)


ETAG = re.compile(r'^\s*(?:W/)?"(\d+)-(\d+)"\s*$')


def expected_version(body_version, if_match):
    """(version, last event seen) from If-Match (it wins), else (the body's version, None)."""
    if if_match:
        found = ETAG.match(if_match)
        if not found:
            raise Refused(422, "invalid", "If-Match must be an ETag this API gave (GET the claim).")
        return int(found.group(1)), int(found.group(2))
    return body_version, None


def _change(request, response, claim_id, if_match, body_version, operation):
    """Run `operation(claim, expected_version)`; the claim afterwards, or the refusal."""
    claim = get_or_404(Claim.objects.all(), claim_id, "claim")
    version, seen_event = expected_version(body_version, if_match)
    try:
        operation(claim, version)
    except services.StaleClaimError as exc:
        exc.seen_event = seen_event
        raise
    return _detail(response, claim_id)


@router.post("/{int:claim_id}/assign", response=CHANGE_RESPONSES, url_name="claim_assign")
def assign(
    request,
    claim_id: int,
    payload: AssignIn,
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    """Assign to a username (editors), take it yourself (your own username), or unassign."""
    assignee = None
    if payload.assignee:
        assignee = get_user_model().objects.filter(username=payload.assignee).first()
        if assignee is None:
            raise Refused(422, "invalid", f"There is nobody called “{payload.assignee}”.")
    return _change(
        request, response, claim_id, if_match, payload.version,
        lambda claim, version: services.assign_claim(
            claim, assignee, actor=request.auth, expected_version=version
        ),
    )  # fmt: skip


@router.post("/{int:claim_id}/transitions", response=CHANGE_RESPONSES, url_name="claim_transition")
def move(
    request,
    claim_id: int,
    payload: TransitionIn,
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    """start, approve, send_back (reason), publish, reopen (reason), dismiss (reason), restore."""
    return _change(
        request, response, claim_id, if_match, payload.version,
        lambda claim, version: services.transition(
            claim, payload.action, actor=request.auth, reason=payload.reason,
            expected_version=version,
        ),
    )  # fmt: skip


@router.post("/{int:claim_id}/verdict", response=CHANGE_RESPONSES, url_name="claim_propose")
def propose(
    request,
    claim_id: int,
    payload: ProposeIn,
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    """Propose a verdict with its summary for an editor's approval (needs evidence)."""
    verdict = Verdict.objects.filter(slug=payload.verdict).first()
    if verdict is None:
        raise Refused(422, "invalid", f"There is no verdict “{payload.verdict}”: see /verdicts.")
    return _change(
        request, response, claim_id, if_match, payload.version,
        lambda claim, version: services.propose_verdict(
            claim, actor=request.auth, verdict=verdict, summary=payload.summary,
            expected_version=version,
        ),
    )  # fmt: skip


@router.post(
    "/{int:claim_id}/evidence",
    response={201: ClaimDetail, **CHANGE_RESPONSES},
    url_name="claim_add_evidence",
)
def add_evidence(request, claim_id: int, payload: EvidenceIn, response: HttpResponse):
    """A new piece of evidence, linked to the claim with a stance."""
    claim = get_or_404(Claim.objects.all(), claim_id, "claim")
    services.add_evidence(claim, actor=request.auth, **payload.dict())
    return Status(201, _detail(response, claim_id))


@router.post(
    "/{int:claim_id}/evidence/links",
    response={201: ClaimDetail, **CHANGE_RESPONSES},
    url_name="claim_link_evidence",
)
def link_evidence(request, claim_id: int, payload: LinkIn, response: HttpResponse):
    """Link evidence already on the desk (another claim's, say) to this claim."""
    claim = get_or_404(Claim.objects.all(), claim_id, "claim")
    evidence = get_or_404(Evidence.objects.all(), payload.evidence, "evidence")
    services.link_evidence(
        claim, evidence, actor=request.auth, stance=payload.stance, note=payload.note
    )
    return Status(201, _detail(response, claim_id))


@router.delete(
    "/{int:claim_id}/evidence/{int:link_id}",
    response=CHANGE_RESPONSES,
    url_name="claim_unlink_evidence",
)
def unlink_evidence(request, claim_id: int, link_id: int, response: HttpResponse):
    links = ClaimEvidence.objects.select_related("evidence").filter(claim_id=claim_id)
    link = get_or_404(links, link_id, "evidence link")
    services.unlink_evidence(link, actor=request.auth)
    return _detail(response, claim_id)


@router.post(
    "/{int:claim_id}/comments",
    response={201: EventOut, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error},
    url_name="claim_comment",
)
def comment(request, claim_id: int, payload: CommentIn):
    claim = get_or_404(Claim.objects.all(), claim_id, "claim")
    return Status(201, services.add_comment(claim, actor=request.auth, text=payload.text))
