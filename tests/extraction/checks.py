"""What the extraction tests ask of extract(): the attributed claims of a text, exactly one, with
spans that point into the text; and, for the shapes whose content is no claim to check ("opposed
it", "declined to comment"), what the attribution rules read there all the same."""

from dataclasses import dataclass

from claims.extraction import UNATTRIBUTED, extract
from claims.extraction.attribution import find_attributions


def attributed(text):
    return [c for c in extract(text) if c.kind != UNATTRIBUTED]


def only(text):
    claims = attributed(text)
    assert len(claims) == 1, claims
    return claims[0]


@dataclass(frozen=True)
class Reading:
    """One attribution as the rules read it, a claim or not."""

    text: str
    source: str | None
    cue: str | None
    claim: bool


def readings(text):
    def piece(span):
        return None if span is None else text[span[0] : span[1]]

    return [
        Reading(text[a.start : a.end], piece(a.source), piece(a.cue), a.claim)
        for a in find_attributions(text)
    ]


def only_reading(text):
    found = readings(text)
    assert len(found) == 1, found
    return found[0]


def check_spans(text, claim):
    assert text[claim.start : claim.end] == claim.text
    if claim.source is not None:
        assert text[claim.source_start : claim.source_end] == claim.source
    if claim.cue is not None:
        assert text[claim.cue_start : claim.cue_end] == claim.cue
