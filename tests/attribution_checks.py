"""What the extraction tests ask of extract(): the attributed claims of a text, exactly one."""

from claims.extraction import UNATTRIBUTED, extract


def attributed(text):
    return [c for c in extract(text) if c.kind != UNATTRIBUTED]


def only(text):
    claims = attributed(text)
    assert len(claims) == 1, claims
    return claims[0]
