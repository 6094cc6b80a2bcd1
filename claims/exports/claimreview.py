"""schema.org ClaimReview for a verified or published claim: built and checked as plain data.

Pure functions over a claim (with its article, source, verdict, events and evidence loaded): the
caller passes the page URL and the rating scale, so they query neither the database nor the
request. `rating_scale` (one query) and `review_for_request` (absolute URLs for a request, for
the claim page and the public page) are their callers' helpers.
"""

import json

from claims.models import Claim, ClaimEvent, Source

EXPORTABLE_STATES = (Claim.State.VERIFIED, Claim.State.PUBLISHED)

# Each required field, as a path into the JSON-LD, with what to tell the journalist and where
# it is fixed ("claim": the claim's corrections, "article": the article's details, "verdict":
# the workflow, "settings": the deployment).
REQUIRED = [
    (("claimReviewed",), "The claim has no text.", "claim"),
    (("url",), "The fact-check has no URL.", "settings"),
    (("datePublished",), "The claim has no date of approval or publication.", "verdict"),
    (("author", "name"), "The organisation's name is not configured (ORGANISATION_NAME).",
     "settings"),
    (("reviewRating", "alternateName"), "The claim has no verdict.", "verdict"),
    (("itemReviewed", "author", "name"), "The claim is unattributed: give it its speaker.",
     "claim"),
    (("itemReviewed", "appearance", "url"), "The article has no URL: add where it appeared.",
     "article"),
]  # fmt: skip
FIX_AT = {reason: where for _, reason, where in REQUIRED}


def anchor(claim):
    return f"claim-{claim.pk}"


def review_date(claim):
    """When the claim was published, or else approved (the latest such state change)."""
    from claims.selectors import events_read  # the claim page's read holds every approval

    dates = {}
    for event in events_read(claim):
        if event.action == ClaimEvent.Action.STATE and event.to_value in EXPORTABLE_STATES:
            dates[event.to_value] = event.created_at
    return dates.get(Claim.State.PUBLISHED) or dates.get(Claim.State.VERIFIED)


def build_claim_review(claim, *, page_url, scale, organisation_name, organisation_url):
    """The ClaimReview dict; empty values stay empty so `problems` can name them.

    `scale` is (worst, best) of the verdict ratings; `page_url` the claim's public page.
    """
    worst, best = scale
    verdict = claim.verdict
    date = review_date(claim)
    source = claim.source
    article = claim.article
    item_author = {"@type": _source_type(source), "name": source.name if source else ""}
    appearance = {"@type": "CreativeWork", "url": article.url, "headline": article.headline}
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    item = {"@type": "Claim", "author": item_author, "appearance": appearance}
    if article.published_on:
        item["datePublished"] = article.published_on.isoformat()
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page_url}#{anchor(claim)}" if page_url else "",
        "claimReviewed": claim.reviewed_text.strip(),
        "datePublished": date.date().isoformat() if date else "",
        "author": {"@type": "Organization", "name": organisation_name, "url": organisation_url},
        "reviewRating": {"@type": "Rating", "alternateName": verdict.label if verdict else ""},
        "itemReviewed": item,
    }
    if verdict is not None and verdict.rating_value > 0:
        # A verdict off the true–false scale ("Unverifiable", rating 0) is named, not numbered.
        review["reviewRating"].update(
            {"ratingValue": verdict.rating_value, "bestRating": best, "worstRating": worst}
        )
    if claim.verdict_summary:
        review["reviewBody"] = claim.verdict_summary
    citations = [_citation(link.evidence) for link in public_evidence_links(claim)]
    if citations:
        review["citation"] = citations
    return review


def public_evidence_links(claim):
    """The claim's evidence links that readers may see (interviews and notes usually not)."""
    from claims.selectors import links_read  # the claim page reads them as rows

    return [link for link in links_read(claim) if link.evidence.public]


def _citation(evidence):
    work = {"@type": "CreativeWork", "name": evidence.title}
    if evidence.url:
        work["url"] = evidence.url
    if evidence.publisher:
        work["publisher"] = {"@type": "Organization", "name": evidence.publisher}
    return work


_PEOPLE = (Source.Kind.PERSON, Source.Kind.GROUP, Source.Kind.ANONYMOUS)


def _source_type(source):
    """schema.org's type for a claim's author: people (named or not, one or a group) are a
    Person; bodies, outlets and the organisations behind documents an Organization."""
    if source is None or source.kind in _PEOPLE:
        return "Person"
    return "Organization"


def _value(data, path):
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def problems(claim, review):
    """Why `review` cannot be exported yet (empty when it can), in words for the journalist."""
    reasons = []
    if claim.state not in EXPORTABLE_STATES:
        reasons.append(
            f"The claim is {claim.get_state_display().lower()}: only verified or published "
            "claims are exported."
        )
    return reasons + content_problems(review)


def content_problems(review):
    """What the ClaimReview lacks (empty when it is complete), in words for the journalist."""
    reasons = []
    for path, reason, _ in REQUIRED:
        value = _value(review, path)
        if (value is None or value == "") and reason not in reasons:
            reasons.append(reason)
    rating = review["reviewRating"]
    value, worst, best = (rating.get(k) for k in ("ratingValue", "worstRating", "bestRating"))
    if value is not None and None in (worst, best):
        reasons.append("The verdict scale has no ratings.")
    elif value is not None and not worst <= value <= best:
        reasons.append(
            f"The verdict “{rating['alternateName']}” has no place on the rating scale "
            f"(its rating value {value} is outside {worst}–{best})."
        )
    return reasons


def publication_problems(claim):
    """Why the claim's ClaimReview could not be built if it were published now (empty: it can)."""
    from django.conf import settings

    review = build_claim_review(
        claim,
        page_url="(its public page)",
        scale=rating_scale(),
        organisation_name=settings.ORGANISATION_NAME,
        organisation_url=settings.ORGANISATION_URL,
    )
    return content_problems(review)


def claim_review(claim, *, page_url, scale, organisation_name, organisation_url):
    """(review, reasons): the JSON-LD dict and why it cannot be exported (empty when it can)."""
    review = build_claim_review(
        claim,
        page_url=page_url,
        scale=scale,
        organisation_name=organisation_name,
        organisation_url=organisation_url,
    )
    return review, problems(claim, review)


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_json(review):
    """JSON safe inside <script>: <, > and & escaped the way Django's json_script does."""
    return json.dumps(review, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)


def scale_of(verdicts):
    """(worst, best) of the rateable verdicts (rating value above 0) in a list."""
    values = [v.rating_value for v in verdicts if v.rating_value > 0]
    return (min(values), max(values)) if values else (None, None)


def rating_scale():
    """(worst, best) of the rateable verdicts (rating value above 0); one query."""
    from django.db.models import Max, Min

    from claims.models import Verdict

    scale = Verdict.objects.filter(rating_value__gt=0).aggregate(
        worst=Min("rating_value"), best=Max("rating_value")
    )
    return scale["worst"], scale["best"]


def review_for_request(request, claim, scale=None):
    """The claim's ClaimReview with absolute URLs for this site, and why it cannot be exported.

    `scale` is (worst, best) when the caller already has the verdicts; else one query.
    """
    from django.conf import settings
    from django.urls import reverse

    path = reverse("public_claim", args=[claim.pk])
    page_url = request.build_absolute_uri(path) if request is not None else path
    review, reasons = claim_review(
        claim,
        page_url=page_url,
        scale=scale or rating_scale(),
        organisation_name=settings.ORGANISATION_NAME,
        organisation_url=settings.ORGANISATION_URL,
    )
    fixes = [(reason, _fix_url(claim, reason)) for reason in reasons]
    return ReviewForPage(data=review, reasons=reasons, fixes=fixes)


class ReviewForPage(dict):
    """A claim's ClaimReview for a page: "data", "reasons" and "fixes", and its JSON written only
    when asked for ("json" for <script>, already escaped; "pretty" for display, autoescaped).
    json.dumps with an indent runs in pure Python: writing both for the bench's claim (20
    citations) took a tenth of its page's rendering, and the page shows neither until the
    claim can be exported (the feed uses "data" only)."""

    def __missing__(self, key):
        if key == "pretty":
            value = json.dumps(self["data"], ensure_ascii=False, indent=2)
        elif key == "json":
            value = self["pretty"].translate(_SCRIPT_ESCAPES)  # what as_script_json writes
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _fix_url(claim, reason):
    """Where a journalist fixes what a ClaimReview lacks (None: nowhere in the desk)."""
    from django.urls import reverse

    where = FIX_AT.get(reason)
    if where == "article":
        return reverse("article_detail", args=[claim.article_id]) + "#article-details"
    if where == "claim":
        return "#corrections"
    if where == "verdict":
        return "#claim-panel"
    return None


# --- The public page ------------------------------------------------------------------------------

_QUOTE_MARKS = "\"'“”‘’«»„"


def unquoted(text):
    """A quotation's words without the quotation marks (and trailing comma) around them, for
    pages that put their own marks: “We cut waste,” → We cut waste."""
    text = str(text).strip()
    while text and (text[0] in _QUOTE_MARKS or text[-1] in _QUOTE_MARKS + ","):
        text = text[1:] if text[0] in _QUOTE_MARKS else text[:-1].rstrip()
    return text


def public_wording(claim):
    """(words, quoted): a direct quote as the speaker's words, in quotation marks; anything
    else (reported speech, a paraphrase the desk wrote) without them."""
    if claim.kind == Claim.Kind.DIRECT and not claim.claim_reviewed.strip():
        return unquoted(claim.text), True
    return claim.reviewed_text, False


def preview(claim, organisation_name, summary_length=160):
    """The title and description a link to the public page shows in chat and search results."""
    words, quoted = public_wording(claim)
    title = f"Fact-check: {'“' + words + '”' if quoted else words}"
    summary = claim.verdict_summary.strip()
    if len(summary) > summary_length:
        summary = summary[: summary_length - 1].rsplit(" ", 1)[0] + "…"
    elif summary and summary[-1] not in ".!?…":
        summary += "."
    verdict = f"{claim.verdict.label}: " if claim.verdict else ""
    by = f"a claim by {claim.source.name}" if claim.source else "an unattributed claim"
    description = f"{verdict}{summary} A fact-check of {by}, by {organisation_name}.".strip()
    return {"title": title, "description": description}
