"""The article page's highlights and claim list (claims/templatetags/article_text.py) write what
they wrote when every value was escaped where it was written: same bytes for odd states, kinds,
speakers, texts and scores."""

from html import escape

import pytest
from django.contrib.auth import get_user_model
from django.template.defaultfilters import floatformat
from django.utils import translation

from claims.models import Claim, Source, Verdict
from claims.selectors import Mark, Segment
from claims.templatetags import article_text
from claims.templatetags.desk_format import clip

KINDS, STATES = article_text.KINDS, article_text.STATES


def segment_before(segment):
    """_segment as it was: each of the eight values escaped."""
    claim = segment.claim
    if claim is None:
        return escape(segment.text)
    source = f" · {claim.source_name}" if claim.source_name is not None else ""
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
    return article_text.MARK.format(*(escape(str(value)) for value in values))


def claim_item_before(claim):
    """_claim_item as it was."""
    verdict = claim.verdict
    return article_text.CLAIM_ITEM.format(
        "detached" if claim.detached else "",
        escape(claim.get_absolute_url()),
        claim.pk,
        escape(claim.state),
        escape(STATES.get(claim.state, claim.state)),
        escape(KINDS.get(claim.kind, claim.kind)),
        article_text.VERDICT.format(escape(verdict.colour), escape(verdict.label))
        if verdict
        else "",
        escape(clip(claim.text, 200)),
        article_text._speaker(claim),
        floatformat(claim.score, 2),
        f" · {escape(str(claim.assignee))}" if claim.assignee else "",
        " · text no longer in article" if claim.detached else "",
    )


ODD = ["", "a<b", 'say "no" & go', "in_review", "reviewed"]
SPEAKERS = [None, "", "Mayor <Diaz> & co", "O'Neil", "Plain Name"]
SCORES = [0.0, -0.0, 1.0, 0.125, 0.615, 0.005, 0.995, 0.999999, 1e-12, 0.3333333, 0.5, 7, 1234.5]


def test_highlights_write_what_they_wrote():
    states = [*STATES, *ODD]
    kinds = [*KINDS, *ODD]
    for n, (state, kind, speaker) in enumerate(
        (s, k, sp) for s in states for k in kinds for sp in SPEAKERS
    ):
        mark = Mark(n + 1, 0, 5, state, kind, False, speaker)
        segment = Segment(f"Words <{n}> & “more”", mark)
        assert article_text._segment(segment) == segment_before(segment)
    plain = Segment('Text with <b> & "quotes"')
    assert article_text._segment(plain) == segment_before(plain)


@pytest.mark.parametrize("language", ["en-gb", "de", "fr"])
def test_the_claim_list_writes_what_it_wrote(language):
    people = [None, get_user_model()(pk=4, username="o'brien<x>")]
    verdicts = [None, Verdict(pk=2, label="Half <true>", colour="#a&b")]
    sources = [None, Source(pk=3, name="Dr <Who> & “co”")]
    with translation.override(language):
        for n, score in enumerate(SCORES * 2):
            claim = Claim(
                pk=n + 1,
                state=[*STATES, "odd<state>"][n % (len(STATES) + 1)],
                kind=[*KINDS, "odd&kind"][n % (len(KINDS) + 1)],
                text="A claim <with> & “marks” " * (n % 12),
                score=score,
                cue="said <loudly>" if n % 2 else "",
                source_text="someone & co" if n % 3 else "",
                detached=bool(n % 5 == 0),
            )
            claim.source = sources[n % 2]
            claim.verdict = verdicts[(n // 2) % 2]
            claim.assignee = people[(n // 4) % 2]
            assert article_text._claim_item(claim) == claim_item_before(claim), (score, language)
