"""{% claim_review_for claim as review %}: the claim page's ClaimReview section."""

import json

from django import template
from django.conf import settings
from django.urls import reverse

from claims.services import claimreview

register = template.Library()


def review_for_request(request, claim, scale=None):
    """The claim's ClaimReview with absolute URLs for this site, and why it cannot be exported.

    `scale` is (worst, best) when the caller already has the verdicts; else one query.
    """
    path = reverse("public_claim", args=[claim.pk])
    page_url = request.build_absolute_uri(path) if request is not None else path
    review, reasons = claimreview.claim_review(
        claim,
        page_url=page_url,
        scale=scale or claimreview.rating_scale(),
        organisation_name=settings.ORGANISATION_NAME,
        organisation_url=settings.ORGANISATION_URL,
    )
    return {
        "data": review,
        "reasons": reasons,
        "fixes": [(reason, _fix_url(claim, reason)) for reason in reasons],
        "json": claimreview.as_script_json(review),  # for <script>, already escaped
        "pretty": json.dumps(review, ensure_ascii=False, indent=2),  # for display, autoescaped
    }


def _fix_url(claim, reason):
    """Where a journalist fixes what a ClaimReview lacks (None: nowhere in the desk)."""
    where = claimreview.FIX_AT.get(reason)
    if where == "article":
        return reverse("article_detail", args=[claim.article_id]) + "#article-details"
    if where == "claim":
        return "#corrections"
    if where == "verdict":
        return "#claim-panel"
    return None


@register.simple_tag(takes_context=True)
def claim_review_for(context, claim, scale=None):
    return review_for_request(context.get("request"), claim, scale)
