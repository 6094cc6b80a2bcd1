"""Exports: the queue as CSV (streamed), and the public page of a published claim (JSON-LD)."""

import csv
import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from claims import selectors
from claims.models import Claim
from claims.services import claimreview
from claims.templatetags.claimreview import review_for_request

CSV_COLUMNS = [
    ("id", lambda c: c.pk),
    ("claim", lambda c: c.text),
    ("kind", lambda c: c.kind),
    ("source", lambda c: c.source.name if c.source else ""),
    ("source_as_written", lambda c: c.source_text),
    ("cue", lambda c: c.cue),
    ("score", lambda c: round(c.score, 3)),
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


# A spreadsheet runs a cell starting with one of these as a formula ("=HYPERLINK(…)"); some
# also take the full-width forms. A cell is cut at a separator when the file is opened with
# another one than ours (";" in many locales, tab, "|") or a line break is read as a new row:
# so a formula start right after any of those gets the quote too ("csv;=2+3" -> "csv;'=2+3").
FORMULA_START = "=+-@\t\r＝＋－＠"
SEPARATORS = ",;\t|\r\n"
_FORMULA = re.compile(f"(^|[{re.escape(SEPARATORS)}])(?=[{re.escape(FORMULA_START)}])")


def _cell(value):
    """Numbers stay numbers; text has every formula start defused with a leading quote."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return _FORMULA.sub(r"\1'", text)


def csv_rows(claims):
    # Every text cell quoted, so no reader splits a cell at a separator inside it.
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
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
    evidence = claimreview.public_evidence_links(claim)
    return render(
        request,
        "claims/public_claim.html",
        {"claim": claim, "review": review, "evidence": evidence},
    )
