"""Claim extraction: plain text in, a list of ``ExtractedClaim`` out. No Django here.

    from claims.extraction import extract, EXTRACTOR_VERSION
    claims = extract(article_text)

Deterministic and exception-free for any ``str``; offsets are Python string indices into the
text. A rule that fails on one sentence is logged and costs that sentence only. Bump
``EXTRACTOR_VERSION`` whenever the output for some input changes.
"""

import logging

from .attribution import find_attributions
from .attribution.non_claims import REFUSAL
from .checkworthiness import CHECK_WORTHY, score_claim
from .junk import headline_line, not_a_claim, without_dateline
from .numbers import find_numbers
from .sentences import split_sentences
from .sources import SourceResolver
from .types import DIRECT, INDIRECT, UNATTRIBUTED, ExtractedClaim, NumberMention

EXTRACTOR_VERSION = "3.11"

__all__ = [
    "EXTRACTOR_VERSION",
    "DIRECT",
    "INDIRECT",
    "UNATTRIBUTED",
    "ExtractedClaim",
    "NumberMention",
    "extract",
]

log = logging.getLogger(__name__)

# An unattributed sentence becomes a claim unless it scores below 0.1 (where held-out debate
# sentences were almost never check-worthy: 0 of 99 in dev-test, 2 of 468 in dev) or it is a
# fragment without a figure; markup, bylines, captions, navigation and a headline line never do
# (junk.py).
_MIN_SCORE_UNATTRIBUTED = 0.1
_MIN_WORDS_WITH_NUMBERS = 6


def extract(text: str) -> list[ExtractedClaim]:
    """Attributable and check-worthy claims of ``text``, ordered by start offset."""
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        return _extract(text)
    except Exception:  # noqa: BLE001 - the contract is "never raises"; degrade to nothing
        log.exception("extraction failed; the article gets no claims")
        return []


def _extract(text: str) -> list[ExtractedClaim]:
    sentences = split_sentences(text)
    attributions = find_attributions(text, sentences)
    resolver = SourceResolver(text)
    claims: list[ExtractedClaim] = []
    refusals = [(att.start, att.end) for att in attributions if att.no_claim == REFUSAL]
    not_claims = [(att.start, att.end) for att in attributions if not att.claim]
    for att in attributions:
        if not att.claim:
            continue  # "declined to comment": attributed, but nothing to check
        try:
            claims.append(_attributed_claim(text, att, resolver))
        except Exception:  # noqa: BLE001 - one claim that cannot be built costs only itself
            log.exception("building the claim at %d-%d failed; skipped", att.start, att.end)

    # Sentences not covered by a claim or a refusal to comment: keep those that state something
    # checkable. One that holds only an attribution without a claim of its own ("offered a
    # plan", markup after "wrote:") comes back only when the sentence itself is check-worthy, so
    # no check-worthy sentence is lost ("He has never offered a plan."). A headline line on its
    # own is never a claim (junk.headline_line).
    covered = _covered(sentences, [(c.start, c.end) for c in claims] + refusals)
    nothing_to_check = _covered(sentences, not_claims)
    headline = headline_line(text)
    for n, (ss, se) in enumerate(sentences):
        if n in covered or (headline is not None and headline[0] <= ss < headline[1]):
            continue
        try:
            claim = _unattributed_claim(
                text, ss, se, CHECK_WORTHY if n in nothing_to_check else None
            )
        except Exception:  # noqa: BLE001 - as above, one sentence costs only itself
            log.exception("scoring the sentence at %d-%d failed; skipped", ss, se)
            continue
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _covered(sentences: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the sentences that one of ``spans`` overlaps (one pass over both)."""
    spans = sorted(spans)
    out = set()
    idx = 0
    for n, (ss, se) in enumerate(sentences):
        while idx < len(spans) and spans[idx][1] <= ss:
            idx += 1
        if idx < len(spans) and spans[idx][0] < se:
            out.add(n)
    return out


_DOUBLE_MARKS = '“”"'


def balanced_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` without quotation marks at its edges that pair with nothing
    inside it: a long quotation cut into sentences leaves '“A.' and 'B.”'; a closing mark that
    opens a span or an opening mark that ends it never pairs. Marks pair by position, so that
    misprints ('“A,“', '"A,”') still pair; a closing ’ after a letter is an apostrophe ('the
    Smiths’') and stays; '“A.\n“B.”' (a quotation over two paragraphs) stays."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return start, end
        span = text[start:end]
        if _unpaired_first(span):
            start += 1
        elif _unpaired_last(span):
            end -= 1
        else:
            return start, end


def _closing_at(span: str, i: int) -> bool:
    """Whether the double mark at ``span[i]`` closes a quotation: ” does, and so does “ or "
    right after a word or a mark ('state,“') and not before one."""
    mark = span[i]
    if mark == "”":
        return True
    before = span[i - 1] if i > 0 else " "
    after = span[i + 1] if i + 1 < len(span) else " "
    return not before.isspace() and not after.isalnum()


def _unpaired_first(span: str) -> bool:
    first = span[0]
    if first == "”" or first == "’":
        return True
    if first == "‘":
        return "’" not in span and not any(
            span[i] == "‘" and _closing_at(span, i) for i in range(1, len(span))
        )
    if first == '"' and span.count('"') % 2 == 0:
        return False  # ('"A, "': a space before the closing mark)
    if first in _DOUBLE_MARKS:
        closing = (i for i in range(1, len(span)) if span[i] in _DOUBLE_MARKS)
        return not any(_closing_at(span, i) for i in closing)
    return False


def _unpaired_last(span: str) -> bool:
    last, n = span[-1], len(span) - 1
    if last == "‘":
        return True
    if last == "’":  # (after a letter or a figure: an apostrophe)
        return "‘" not in span[:n] and not span[n - 1 : n].isalnum()
    if last == '"' and span[:n].count('"') % 2 == 1:
        return False  # ('"A, "': a space before the closing mark)
    if last in _DOUBLE_MARKS:
        if not _closing_at(span, n):
            return True  # an opening mark that ends the span
        opening = (i for i in range(n) if span[i] in _DOUBLE_MARKS)
        return all(_closing_at(span, i) for i in opening)
    return False


def _unattributed_claim(
    text: str, ss: int, se: int, min_score: float | None = None
) -> ExtractedClaim | None:
    """The sentence as a claim of its own, if it states something checkable (and, with
    ``min_score``, only if it scores at least that)."""
    sentence = text[ss:se]
    if not_a_claim(sentence) is not None:
        return None
    mentions = find_numbers(text, ss, se)
    value, why = score_claim(sentence, sentence, UNATTRIBUTED, mentions)
    if min_score is not None and value < min_score:
        return None
    if value < _MIN_SCORE_UNATTRIBUTED and (
        not mentions or len(sentence.split()) < _MIN_WORDS_WITH_NUMBERS
    ):
        return None
    start, end = balanced_quotes(text, without_dateline(text, ss, se), se)
    if start >= end:
        return None
    return ExtractedClaim(
        text=text[start:end],
        start=start,
        end=end,
        sentence_start=ss,
        sentence_end=se,
        kind=UNATTRIBUTED,
        score=value,
        reasons=why,
        numbers=mentions,
    )


def _attributed_claim(text: str, att, resolver) -> ExtractedClaim:
    source = source_name = source_kind = None
    source_start = source_end = None
    if att.source is not None:
        source_start, source_end = att.source
        source = text[source_start:source_end]
        source_name, source_kind = resolver.resolve(source, source_start)
    cue = cue_start = cue_end = None
    if att.cue is not None:
        cue_start, cue_end = att.cue
        cue = text[cue_start:cue_end]
    start, end = balanced_quotes(text, without_dateline(text, att.start, att.end), att.end)
    if start >= end:
        start, end = att.start, att.end
    content = text[start:end]
    mentions = find_numbers(text, start, end)
    value, why = score_claim(content, text[slice(*att.sentence)], att.kind, mentions)
    return ExtractedClaim(
        text=content,
        start=start,
        end=end,
        sentence_start=att.sentence[0],
        sentence_end=att.sentence[1],
        kind=DIRECT if att.kind == "direct" else INDIRECT,
        source=source,
        source_start=source_start,
        source_end=source_end,
        source_name=source_name,
        source_kind=source_kind,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        score=value,
        reasons=why,
        numbers=mentions,
    )
