"""Exports: the queue as CSV (streamed), and the public page of a published claim (JSON-LD)."""

import csv

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from claims import selectors
from claims.models import Claim
from claims.templatetags.claimreview import review_for_request

CSV_COLUMNS = [
    ("id", lambda c: c.pk),
    ("claim", lambda c: c.text),
    ("kind", lambda c: c.kind),
    ("source", lambda c: c.source.name if c.source else ""),
    ("source_as_written", lambda c: c.source_text),
    ("cue", lambda c: c.cue),
    ("score", lambda c: f"{c.score:.3f}"),
    ("state", lambda c: c.state),
    ("verdict", lambda c: c.verdict.label if c.verdict else ""),
    ("verdict_summary", lambda c: c.verdict_summary),
    ("assignee", lambda c: c.assignee.get_username() if c.assignee else ""),
    ("priority", lambda c: c.get_priority_display()),
    ("due_date", lambda c: c.due_date.isoformat() if c.due_date else ""),
    ("article_id", lambda c: c.article_id),
    ("article", lambda c: c.article.headline),
    ("article_url", lambda c: c.article.url),
    ("created_at", lambda c: c.created_at.isoformat()),
    ("updated_at", lambda c: c.updated_at.isoformat()),
]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def _cell(value):
    """Text a spreadsheet would run as a formula ("=HYPERLINK(…)") is prefixed with a quote."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def csv_rows(claims):
    writer = csv.writer(_Echo())
    yield writer.writerow([name for name, _ in CSV_COLUMNS])
    for claim in claims:
        yield writer.writerow([_cell(get(claim)) for _, get in CSV_COLUMNS])


@require_GET
def claim_export_csv(request):
    """The claims of the queue's current filter (same URL parameters), every page, streamed."""
    query = selectors.QueueQuery.from_params(request.GET)
    claims = selectors.queue_claims(request.user, query).iterator(chunk_size=2000)
    response = StreamingHttpResponse(csv_rows(claims), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.csv"'
    return response


@login_not_required
@require_GET
def public_claim(request, pk):
    """A published claim for readers and search engines, with its ClaimReview JSON-LD."""
    try:
        claim = selectors.claim_for_page(pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None
    if claim.state != Claim.State.PUBLISHED:
        raise Http404("This claim is not published.")
    review = review_for_request(request, claim)
    return render(request, "claims/public_claim.html", {"claim": claim, "review": review})
