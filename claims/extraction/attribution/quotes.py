"""Stage 2: quotations, found over the whole article before any sentence is read.

``find_quotes`` pairs the marks (curly, straight, two apostrophes) and continues a quotation into
the next paragraph when that paragraph opens with a quote mark; ``Quotes`` answers "which quotation
holds this offset". The functions below ask the same of a sentence's tokens.
"""

import re

from .. import lexicon as lx
from .tokens import Sentence

# (three apostrophes after a word close a single-quoted phrase, then the quotation). Every
# alternative opens with its mark, the look-behind after it, so that the regular expression
# engine skips ahead to the marks instead of trying every position of the article.
_MARKS = re.compile(r"''(?<=\S'')(?!')|''(?<!\S'')|“|”|\"|\n")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of double-quoted passages.

    Handles curly and straight quotes (and an opening curly mark misprinted as the closing one,
    '“A,“ said Lee'). A quote still open at the end of a paragraph continues
    when the next paragraph opens with a quote mark (the newspaper convention for multi-paragraph
    quotations); otherwise it is closed at the end of its paragraph.
    """
    scan = _QuoteScanner(text)
    for m in _MARKS.finditer(text):
        scan.mark(m.group(), m.start(), m.end())
    scan.close_at(len(text))
    return scan.quotes


class _QuoteScanner:
    """Pairs the quotation marks from left to right."""

    def __init__(self, text: str):
        self.text = text
        self.quotes: list[tuple[int, int]] = []
        self.open_at = -1  # the opening mark of the quotation still open, -1 when none is

    def mark(self, mark: str, i: int, end: int) -> None:
        """Take the mark (or line break) at ``i``; ``end`` is just after it."""
        if mark == "\n":
            self._paragraph_end(i)
        elif mark == "“":
            self._curly_opening(i)
        elif mark == "”":
            if self.open_at >= 0:
                self._close(i + 1)
        else:  # a straight quote, or two apostrophes used as one
            self._straight(i, end)

    def close_at(self, end: int) -> None:
        """Close the open quotation at a paragraph's (or the text's) end, trailing space left
        out; one that holds nothing but its mark is dropped."""
        if self.open_at < 0:
            return
        while end > self.open_at + 1 and self.text[end - 1].isspace():
            end -= 1
        if end - self.open_at > 2:
            self.quotes.append((self.open_at, end))
        self.open_at = -1

    def _close(self, end: int) -> None:
        self.quotes.append((self.open_at, end))
        self.open_at = -1

    def _paragraph_end(self, i: int) -> None:
        text, j = self.text, i
        while j < len(text) and text[j].isspace():
            j += 1
        if j < len(text) and text[j] in lx.OPEN_QUOTES:
            return  # the quotation goes on in the next paragraph
        self.close_at(i)

    def _curly_opening(self, i: int) -> None:
        text = self.text
        if self.open_at < 0:
            self.open_at = i
        elif i > 0 and not text[i - 1].isspace() and (i + 1 >= len(text) or text[i + 1].isspace()):
            self._close(i + 1)  # '“A,“ said Lee': a misprinted closing mark
        elif not starts_paragraph(text, i):
            self.open_at = i  # unbalanced: restart at the newer mark

    def _straight(self, i: int, end: int) -> None:
        """A straight mark opens after a space, the start or a bracket, and closes otherwise."""
        text = self.text
        before = text[i - 1] if i > 0 else " "
        if self.open_at < 0:
            if before.isspace() or before in "([{—–-/":
                self.open_at = i
        elif starts_paragraph(text, i):
            return  # continuation mark of a multi-paragraph quote
        elif before.isspace() and end < len(text) and not text[end].isspace():
            self.open_at = i  # looks like a new opening mark: the previous one was stray
        else:
            self._close(end)


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
    return q if sent.text[q[0] : q[1]].rstrip("”\"'’ ")[-1:] in ",?!" else None


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
    """A quotation ending in "?", "!", "." or "…" directly before the sentence on the same
    line."""
    text = sent.text
    j = sent.start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    q = sent.quotes.at(j - 1)
    if q is None or q[1] != j or text[q[0] : q[1]].rstrip("”\"'’ ")[-1:] not in "?!.…":
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
