"""Exports: the queue as CSV (streamed), and the public page of a published claim (JSON-LD)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from claims import selectors
from claims.exports import claimreview
from claims.exports.claimreview import review_for_request
from claims.exports.queue_csv import csv_rows
from claims.models import Claim
from claims.views.claim import page_claim


@require_GET
def claim_export_csv(request):
    """The claims of the queue's current filter (same URL parameters), every page, streamed."""
    query = selectors.QueueQuery.from_params(request.GET)
    claims = selectors.queue_claims(request.user, query)
    site = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(csv_rows(claims, site), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.csv"'
    return response


@login_not_required
@require_GET
def public_claim(request, pk):
    """A published claim for readers and search engines, with its ClaimReview JSON-LD."""
    claim = page_claim(pk)
    if claim.state != Claim.State.PUBLISHED:
        raise Http404("This claim is not published.")
    words, quoted = claimreview.public_wording(claim)
    return render(
        request,
        "claims/public_claim.html",
        {
            "claim": claim,
            "review": review_for_request(request, claim),
            "evidence": claimreview.public_evidence_links(claim),
            "words": words,
            "quoted": quoted,
            "preview": claimreview.preview(claim, settings.ORGANISATION_NAME),
            "page_url": request.build_absolute_uri(claim_url_path(claim)),
            "organisation_name": settings.ORGANISATION_NAME,
        },
    )


def claim_url_path(claim):
    return reverse("public_claim", args=[claim.pk])
