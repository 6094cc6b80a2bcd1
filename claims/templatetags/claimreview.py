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
        "json": claimreview.as_script_json(review),  # for <script>, already escaped
        "pretty": json.dumps(review, ensure_ascii=False, indent=2),  # for display, autoescaped
    }


@register.simple_tag(takes_context=True)
def claim_review_for(context, claim, scale=None):
    return review_for_request(context.get("request"), claim, scale)
