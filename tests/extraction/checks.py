"""What the extraction tests ask of extract(): the attributed claims of a text, exactly one, with
spans that point into the text."""

from claims.extraction import UNATTRIBUTED, extract


def attributed(text):
    return [c for c in extract(text) if c.kind != UNATTRIBUTED]


def only(text):
    claims = attributed(text)
    assert len(claims) == 1, claims
    return claims[0]


def check_spans(text, claim):
    assert text[claim.start : claim.end] == claim.text
    if claim.source is not None:
        assert text[claim.source_start : claim.source_end] == claim.source
    if claim.cue is not None:
        assert text[claim.cue_start : claim.cue_end] == claim.cue
