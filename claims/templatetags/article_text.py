"""{% article_body segments %} and {% sentence_options sentences %}: the article page's long parts.

A 5,000-word article has about 280 highlighted claims and as many sentences to choose from; each
written as one format_html call instead of template lookups (get_kind_display, localized
numbers), which took most of that page's rendering time (`manage.py profile_pages`).
"""

from django import template
from django.utils.html import format_html, format_html_join

from claims.models import Claim

register = template.Library()

KINDS = dict(Claim.Kind.choices)
STATES = dict(Claim.State.choices)
MARK = '<a href="{}" class="claim-mark state-{} kind-{}" id="c{}" title="{}{} · {}">{}</a>'


def _segment(segment):
    claim = segment.claim
    if claim is None:
        return format_html("{}", segment.text)
    source = f" · {claim.source.name}" if claim.source_id else ""
    return format_html(
        MARK,
        claim.get_absolute_url(),
        claim.state,
        claim.kind,
        claim.pk,
        KINDS.get(claim.kind, claim.kind),
        source,
        STATES.get(claim.state, claim.state),
        segment.text,
    )


@register.simple_tag
def article_body(segments):
    """The article's text with its claims marked (links to their pages)."""
    return format_html_join("", "{}", ((_segment(segment),) for segment in segments))


@register.simple_tag
def sentence_options(sentences):
    """<option>s of the article's sentences, valued "start-end"."""
    return format_html_join(
        "", '<option value="{}-{}">{}</option>', ((s, e, text) for s, e, text in sentences)
    )
