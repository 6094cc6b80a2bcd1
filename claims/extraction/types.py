"""The extraction package's output types: plain frozen dataclasses, no Django."""

from dataclasses import dataclass, field

DIRECT = "direct"
INDIRECT = "indirect"
UNATTRIBUTED = "unattributed"

SOURCE_KINDS = ("person", "group", "organisation", "media", "government", "anonymous", "document")


@dataclass(frozen=True)
class NumberMention:
    """A number, quantity, date, comparison or named statistic inside a claim."""

    text: str
    start: int
    end: int
    kind: str  # "number", "money", "percent", "date", "comparison", "statistic"


@dataclass(frozen=True)
class ExtractedClaim:
    """One attributable claim; every offset is a Python string index into the article text."""

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: str  # DIRECT, INDIRECT or UNATTRIBUTED
    source: str | None = None  # the source as written (may be a pronoun: "he")
    source_start: int | None = None
    source_end: int | None = None
    source_name: str | None = None  # canonical name for the article ("Kirill Dmitriev")
    source_kind: str | None = None  # one of SOURCE_KINDS
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    score: float = 0.0  # check-worthiness in [0, 1]
    reasons: tuple[str, ...] = ()
    numbers: tuple[NumberMention, ...] = field(default=())
