"""Sentence splitting with character offsets.

Rule based on purpose: news text is full of abbreviations ("U.S.", "Mr.", "Sept."), initials
("H. W. Bush") and decimals ("3.5"), and we need exact offsets, which most tokenisers lose.
A sentence never crosses a line break (paragraphs are lines in our normalised article text).
"""

import re

from . import lexicon as lx

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space. (The
# first mark is written on its own so that the regular expression engine skips ahead to marks.)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_NEXT_WORD = re.compile(r"\s*[\"“‘'(\[]*([\w’'-]*)")


def _is_boundary(text: str, dot: int, end: int, line_end: int) -> bool:
    """Decide whether the punctuation run text[dot:end] ends a sentence."""
    nxt = _NEXT_WORD.match(text, end, line_end)
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        # Followed by a dash, quote or nothing word-like: only a boundary for "!?" or real end.
        rest = text[end:line_end].lstrip()
        return bool(rest) and rest[0] not in ",;:)" and text[dot] != "."
    if next_word[0].islower():
        return False  # "the U.S. and ...", "Mr. smith" (rare), "p.m. on Tuesday"
    if text[dot] != "." or end - dot > 1 and text[dot:end].startswith(".."):
        return True
    if text[end - 1] != ".":
        return True  # period then closing quote: '... he said."'
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    word = m.group(1) if m else ""
    bare = word.rstrip(".").lower()
    if not word:
        return True
    if bare in lx.TITLE_ABBREVIATIONS:
        return False  # "Sen. Lee", "Gov. Roe": a name follows
    if bare in lx.ABBREVIATIONS:
        # "... in Santa Monica, Calif. “The reality is ...”": a place or date abbreviation
        # ends a sentence before a quotation or a typical opener
        return text[end:line_end].lstrip()[:1] in '“"' or next_word.lower() in lx.SENTENCE_OPENERS
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial: "George W. Bush"
    if "." in word:  # dotted abbreviation: "U.S.", "a.m.", "D.C."
        return next_word.lower() in lx.SENTENCE_OPENERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        line_end = text.find("\n", pos)
        if line_end == -1:
            line_end = n
        start = pos
        for m in _BOUNDARY.finditer(text, pos, line_end):
            if _is_boundary(text, m.start(), m.end(), line_end):
                _add(text, start, m.end(), spans)
                start = m.end()
        _add(text, start, line_end, spans)
        pos = line_end + 1
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    """The line (paragraph) containing ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end == -1 else end)
