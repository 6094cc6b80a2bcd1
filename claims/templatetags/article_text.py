"""{% article_body segments %} and {% sentence_options sentences %}: the article page's long parts.

A 5,000-word article has about 280 highlighted claims and as many sentences to choose from; each
is written as one string with its values escaped by html.escape, instead of template lookups
(get_kind_display, localized numbers) or format_html, whose lazy-aware escaping of every value
cost about 4 ms of the page's 33 ms (p50 at 280 claims on PostgreSQL; same bytes out).
html.escape escapes the same five characters as Django's escape, to the same entities.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from claims.models import Claim

register = template.Library()

KINDS = dict(Claim.Kind.choices)
STATES = dict(Claim.State.choices)
MARK = '<a href="{}" class="claim-mark state-{} kind-{}" id="c{}" title="{}{} · {}">{}</a>'


def _segment(segment):
    claim = segment.claim
    if claim is None:
        return escape(segment.text)
    source = f" · {claim.source.name}" if claim.source_id else ""
    values = (
        claim.get_absolute_url(),
        claim.state,
        claim.kind,
        claim.pk,
        KINDS.get(claim.kind, claim.kind),
        source,
        STATES.get(claim.state, claim.state),
        segment.text,
    )
    return MARK.format(*(escape(str(value)) for value in values))


@register.simple_tag
def article_body(segments):
    """The article's text with its claims marked (links to their pages)."""
    return mark_safe("".join(_segment(segment) for segment in segments))


@register.simple_tag
def sentence_options(sentences):
    """<option>s of the article's sentences, valued "start-end"."""
    return mark_safe(
        "".join(f'<option value="{s}-{e}">{escape(text)}</option>' for s, e, text in sentences)
    )
