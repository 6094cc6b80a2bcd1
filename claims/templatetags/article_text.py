"""{% article_body segments %} and {% sentence_options sentences %}: the article page's long parts.

A 5,000-word article has about 280 highlighted claims and as many sentences to choose from; each
is written as one string with its values escaped by html.escape, instead of template lookups
(get_kind_display, localized numbers) or format_html, whose lazy-aware escaping of every value
cost about 4 ms of the page's 33 ms (p50 at 280 claims on PostgreSQL; same bytes out).
html.escape escapes the same five characters as Django's escape, to the same entities.
"""

import functools
from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from claims.models import Claim
from claims.templatetags.desk_format import clip

register = template.Library()

KINDS = dict(Claim.Kind.choices)
STATES = dict(Claim.State.choices)
MARK = '<a href="{}" class="claim-mark state-{} kind-{}" id="c{}" title="{}{} · {}">{}</a>'

# Each known state and kind, and its label, escaped once: escaping eight values of each of the
# 5,000-word article's 275 highlights was 60% of the work of writing its text (Python calls).
# A value outside the choices is escaped where it is written, as before.
ESCAPED_KINDS = {kind: (escape(kind), escape(str(label))) for kind, label in KINDS.items()}
ESCAPED_STATES = {state: (escape(state), escape(str(label))) for state, label in STATES.items()}


def _escaped_kind(kind):
    return ESCAPED_KINDS.get(kind) or (escape(str(kind)), escape(str(kind)))


def _escaped_state(state):
    return ESCAPED_STATES.get(state) or (escape(str(state)), escape(str(state)))


def _segment(segment):
    claim = segment.claim
    if claim is None:
        return escape(segment.text)
    source = f" · {escape(claim.source_name)}" if claim.source_name is not None else ""
    kind, kind_label = _escaped_kind(claim.kind)
    state, state_label = _escaped_state(claim.state)
    pk = claim.pk if type(claim.pk) is int else escape(str(claim.pk))
    return MARK.format(
        escape(claim.get_absolute_url()),
        state,
        kind,
        pk,
        kind_label,
        source,
        state_label,
        escape(segment.text),
    )


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


# The page's list of claims (100 a page) written in one pass, each value escaped by html.escape:
# through template lookups the list took 8 of the page's 12 ms of rendering (CPU time, the bench's
# 5,000-word article), as one format_html call a claim 4 ms, this way 1.5 ms.
CLAIM_ITEM = (
    '\n        <li class="{}">\n'
    '          <a href="{}" data-claim="{}">\n'
    '            <span class="badge state-{}">{}</span>\n'
    '            <span class="badge kind">{}</span>\n'
    "            {}\n"
    '            <span class="claim-text">{}</span>\n'
    "          </a>\n"
    "          <small>{} · score {}{}{}</small>\n"
    "        </li>\n        "
)
VERDICT = '<span class="badge" style="background: {}; color: #fff">{}</span>'


def _speaker(claim):
    if claim.source_id:
        cue = f" — “{escape(claim.cue)}”" if claim.cue else ""
        return escape(claim.source.name) + cue
    if claim.source_text:
        return f"speaker not resolved (“{escape(claim.source_text)}”)"
    return "unattributed"


@functools.lru_cache(maxsize=4096)
def _score(score, language):
    """floatformat(score, 2), which takes some 40 Python calls, once per score and language
    (its decimal separator)."""
    return floatformat(score, 2)


def _claim_item(claim):
    verdict = claim.verdict
    state, state_label = _escaped_state(claim.state)
    score = claim.score
    return CLAIM_ITEM.format(
        "detached" if claim.detached else "",
        escape(claim.get_absolute_url()),
        claim.pk,
        state,
        state_label,
        _escaped_kind(claim.kind)[1],
        VERDICT.format(escape(verdict.colour), escape(verdict.label)) if verdict else "",
        escape(clip(claim.text, 200)),
        _speaker(claim),
        _score(score, get_language())
        if type(score) is float and abs(score) < 1000
        else floatformat(score, 2),
        f" · {escape(str(claim.assignee))}" if claim.assignee else "",
        " · text no longer in article" if claim.detached else "",
    )


@register.simple_tag
def article_claims(claims):
    """The article page's list of claims: state, kind, verdict, text and speaker of each."""
    return mark_safe("".join(_claim_item(claim) for claim in claims))
