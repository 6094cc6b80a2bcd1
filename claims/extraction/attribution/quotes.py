"""Stage 2: quotations, found over the whole article before any sentence is read.

``find_quotes`` pairs the marks (curly, straight, two apostrophes) and continues a quotation into
the next paragraph when that paragraph opens with a quote mark; ``Quotes`` answers "which quotation
holds this offset". The functions below ask the same of a sentence's tokens.
"""

import re

from .. import lexicon as lx
from .tokens import Sentence


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of double-quoted passages.

    Handles curly and straight quotes (and an opening curly mark misprinted as the closing one,
    '“A,“ said Lee'). A quote still open at the end of a paragraph continues
    when the next paragraph opens with a quote mark (the newspaper convention for multi-paragraph
    quotations); otherwise it is closed at the end of its paragraph.
    """
    quotes: list[tuple[int, int]] = []
    open_at = -1
    n = len(text)
    for m in re.finditer(r"''|[“”\"\n]", text):
        i = m.start()
        ch = m.group()
        if ch == "''":
            ch = '"'  # two apostrophes used as a straight double quote
        if ch == "\n":
            if open_at >= 0:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and text[j] in lx.OPEN_QUOTES:
                    continue  # the quotation goes on in the next paragraph
                end = i
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                if end - open_at > 2:
                    quotes.append((open_at, end))
                open_at = -1
            continue
        if ch == "“":
            if open_at < 0:
                open_at = i
            elif i > 0 and not text[i - 1].isspace() and (i + 1 >= n or text[i + 1].isspace()):
                quotes.append((open_at, i + 1))  # '“A,“ said Lee': a misprinted closing mark
                open_at = -1
            elif not starts_paragraph(text, i):
                open_at = i  # unbalanced: restart at the newer mark
        elif ch == "”":
            if open_at >= 0:
                quotes.append((open_at, i + 1))
                open_at = -1
        else:  # straight quote: opening after space/start/bracket, closing otherwise
            before = text[i - 1] if i > 0 else " "
            if open_at < 0:
                if before.isspace() or before in "([{—–-/":
                    open_at = i
            elif starts_paragraph(text, i):
                continue  # continuation mark of a multi-paragraph quote
            elif before.isspace() and i + 1 < n and not text[i + 1].isspace():
                open_at = i  # looks like a new opening mark: the previous one was stray
            else:
                quotes.append((open_at, m.end()))
                open_at = -1
    if open_at >= 0:
        end = n
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        if end - open_at > 2:
            quotes.append((open_at, end))
    return quotes


def starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] == "\n"


class Quotes:
    """The article's quotations, sorted and disjoint, as (start, end) spans with their marks."""

    __slots__ = ("spans",)

    def __init__(self, text: str):
        self.spans = find_quotes(text)

    def at(self, pos: int) -> tuple[int, int] | None:
        """The quotation containing ``pos`` (binary search)."""
        quotes = self.spans
        lo, hi = 0, len(quotes)
        while lo < hi:
            mid = (lo + hi) // 2
            if quotes[mid][1] <= pos:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(quotes) and quotes[lo][0] <= pos < quotes[lo][1]:
            return quotes[lo]
        return None

    def opens(self, start: int) -> bool:
        """Whether a quotation opens at ``start``."""
        q = self.at(start)
        return q is not None and q[0] == start

    def closes(self, end: int) -> bool:
        """Whether a quotation closes just before ``end``."""
        q = self.at(end - 1)
        return q is not None and q[1] == end


def after_comma_quote(sent: Sentence, k: int) -> bool:
    """Token ``k`` follows a quotation closed by a comma ('... “dead,” adding')."""
    return (
        k > 1
        and sent.words[k - 1] in lx.QUOTE_TOKENS
        and sent.words[k - 2] == ","
        and sent.quotes.closes(sent.ends[k - 1])
    )


def quote_ending_at(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The quotation closed by token ``k`` when it ends with a comma, "?" or "!"."""
    if k < 0 or sent.words[k] not in lx.QUOTE_TOKENS:
        return None
    q = sent.quotes.at(sent.starts[k])
    if q is None or q[1] != sent.ends[k]:
        return None
    return q if sent.text[q[0] : q[1]].rstrip("”\"' ")[-1:] in ",?!" else None


def outside_quote(sent: Sentence, k: int) -> bool:
    return sent.quotes.at(sent.starts[k]) is None


def quote_opens_clause(sent: Sentence, k: int) -> bool:
    """Whether the quotation closed at token ``k`` opens the sentence or a clause ('“A,”
    Lee said' / 'Then, “A,” Lee said'), rather than being the object of an earlier cue or
    a title ('Lee claimed that “A,” ...' / 'on Fox's “Hannity,” ...')."""
    q = sent.quotes.at(sent.starts[k])
    if q is None:
        return False
    j = k
    while j > 0 and sent.starts[j] > q[0]:
        j -= 1
    return (
        j == 0
        or sent.words[j - 1] in (",", ":", "—", "–", "(")
        or sent.lower[j - 1] in lx.LEADING_CONNECTIVES
    )


def long_quote_in(sent: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) hold a quotation longer than a title ('told NBC's “Today”')."""
    for k in range(lo, hi):
        if sent.words[k] in lx.QUOTE_TOKENS:
            q = sent.quotes.at(sent.starts[k])
            if q is None or len(sent.text[q[0] : q[1]].split()) > 4:
                return True
    return False


def exclaimed_quote_before(sent: Sentence) -> tuple[int, int] | None:
    """A quotation ending in "?", "!" or "." directly before the sentence on the same line."""
    text = sent.text
    j = sent.start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    q = sent.quotes.at(j - 1)
    if q is None or q[1] != j or text[q[0] : q[1]].rstrip("”\"' ")[-1:] not in "?!.":
        return None
    return q


def following_paragraph(sent: Sentence) -> tuple[int, int] | None:
    """'Lee added:' then a paragraph of her words, set off without quotation marks."""
    text = sent.text
    j = sent.end
    while j < len(text) and text[j] in " \t":
        j += 1
    if not text.startswith("\n", j):
        return None
    while j < len(text) and text[j].isspace():
        j += 1
    end = text.find("\n", j)
    end = len(text) if end < 0 else end
    return (j, end) if end > j else None


def following_quote(sent: Sentence) -> tuple[int, int] | None:
    text = sent.text
    j = sent.end
    n = len(text)
    while j < n and text[j].isspace() and j - sent.end < 5:
        j += 1
    if j < n and text[j] in lx.OPEN_QUOTES:
        q = sent.quotes.at(j)
        if q is not None:
            return q
    return None
