"""{% claim_review_for claim as review %}: the claim page's ClaimReview section."""

from django import template

from claims.exports.claimreview import review_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def claim_review_for(context, claim, scale=None):
    return review_for_request(context.get("request"), claim, scale)
