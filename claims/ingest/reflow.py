"""Line-wrapped text rejoined into paragraphs: PDF pages, and text files wrapped at a fixed width.

A PDF's text layer has one line per printed line, so a sentence that runs over a line break is
cut in two for the extractor ("earlier in" / "the year"). Here lines are joined again: a line
that ends before the right margin ends its paragraph (a heading, a byline, a paragraph's last
line), a full one continues on the next line. A word hyphenated at a line end is mended
("gov-" + "ernment"), unless the hyphen is a real one ("well-known"). Running headers and
footers repeated on most pages, and page numbers, are dropped first.
"""

import math
import re
from collections import Counter
from itertools import pairwise

from claims.ingest.metadata import byline_names

# A line shorter than this share of the text's usual line length, once the next line's first
# word is added, ended early: the text breaks there on purpose. (Below 1: proportional fonts
# fit more narrow letters on a line than wide ones.)
FULL_LINE = 0.9
_BULLET = re.compile(r"(?:[•●▪◦‣∙*-]|\d{1,3}[.)])\s")
# "well-" + "known" keeps its hyphen; "gov-" + "ernment" loses it; "COVID-" + "19" is one word.
_HYPHEN_END = re.compile(r"(?<=\w)-$")
_SPLIT_WORD_END = re.compile(r"(?<=[^\W\d_])-$")
_COMPOUND_FIRST = {"well", "self", "half", "all", "ill", "non", "anti", "so", "ex"}
_COMPOUND_SECOND = {
    "based", "led", "term", "year", "years", "old", "time", "known", "free", "wide", "related",
    "run", "owned", "backed", "style", "level", "scale", "making", "friendly", "called", "made",
    "born", "elect", "minded", "sized", "party", "driven", "funded", "focused", "controlled",
    "winning", "profile", "quarter", "month", "week", "day", "hour", "minute", "point",
    "standing", "looking", "speaking", "ranking", "income", "class", "rate",
}  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A dateline opens a story's first paragraph: "Westhaven, March 14 - ", "LONDON (Reuters) — ".
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|[A-Z][a-z]+day)"
    r"|[A-Z]{3,}(?: [A-Z]{2,}){0,2}(?:, [A-Z][\w.]*)?(?: \([\w .]+\))?) [-–—] "
)


def reflow_pages(pages: list[str]) -> str:
    """The text of a PDF's pages as paragraphs separated by blank lines, without the running
    headers, footers and page numbers. A paragraph may run on across a page break."""
    lines = [_lines(page) for page in pages]
    if len(lines) > 1:
        _drop_page_furniture(lines)
    return rejoin([line for page in lines for line in page])


def looks_hard_wrapped(text: str) -> bool:
    """True when most lines of `text` are cut at a fixed width in mid-sentence, as in a text
    file wrapped at 72 columns or text copied out of a PDF viewer. One paragraph per line
    (what web pages and word processors give) is not."""
    lines = [line for line in _lines(text) if line]
    if len(lines) < 4:
        return False
    width = _usual_width(lines)
    if not 30 <= width <= 120:
        return False
    cut = sum(
        len(line) >= 0.6 * width and not _ends_sentence(line) and nxt[:1].isalnum()
        for line, nxt in pairwise(lines)
    )
    return cut >= 0.5 * (len(lines) - 1)


def rejoin(lines: list[str]) -> str:
    """Stripped lines ("" for a blank one) joined into paragraphs separated by blank lines.
    A list item runs on over lines that continue it, not into a line starting with a capital."""
    text_lines = [line for line in lines if line]
    if not text_lines:
        return ""
    width = _usual_width(text_lines)
    words = Counter(word.casefold() for line in text_lines for word in _WORDS.findall(line))
    paragraphs, current = [], []
    for line, nxt in pairwise([*lines, ""]):
        if not line:
            continue
        current.append(line)
        in_item = bool(_BULLET.match(current[0]))
        if not nxt or _breaks(line, nxt, width) or (in_item and nxt[0].isupper()):
            paragraphs.append("".join(current))
            current = []
        elif not _HYPHEN_END.search(line):
            current.append(" ")
        elif (
            _SPLIT_WORD_END.search(line)
            and nxt[0].islower()
            and not _keeps_hyphen(line, nxt, words)
        ):
            current[-1] = line[:-1]  # "gov-" + "ernment"
    return "\n\n".join(paragraphs)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


def _usual_width(lines: list[str]) -> int:
    """The length of a full line: the 90th percentile, so that one overlong line (a URL, a
    table row) does not make every other line look short."""
    lengths = sorted(len(line) for line in lines)
    return lengths[min(len(lengths) - 1, math.floor(0.9 * len(lengths)))]


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?:;][\"'”’)\]]*$", line))


def _breaks(line: str, nxt: str, width: int) -> bool:
    """Does the text break on purpose after `line`: a list item or a byline follows, or the
    next line's first word would have fitted on this one? Never after a hyphen joined to a word.
    """
    if _BULLET.match(nxt) or byline_names(line) or byline_names(nxt):
        return True
    if _DATELINE.match(nxt) and not _ends_sentence(line):
        return True  # a headline, then the dateline of the first paragraph
    if _HYPHEN_END.search(line):
        return False
    first_word = nxt.split(" ", 1)[0]
    return len(line) + 1 + len(first_word) < FULL_LINE * width


def _keeps_hyphen(line: str, nxt: str, words: Counter) -> bool:
    """Is the hyphen at the end of `line` part of the word ("well-known") rather than the
    typesetter's ("gov-ernment")? The document's own spelling decides first."""
    left = line.rsplit(" ", 1)[-1][:-1]  # "well" of "... a well-"
    right = _WORDS.match(nxt)
    right = right.group() if right else nxt.split(" ", 1)[0]
    hyphenated, joined = f"{left}-{right}".casefold(), f"{left}{right}".casefold()
    if words[hyphenated]:
        return True
    if words[joined]:
        return False
    last_part = left.rsplit("-", 1)[-1].casefold()
    return (
        "-" in left  # "state-of-" + "the-art"
        or last_part in _COMPOUND_FIRST
        or right.split("-", 1)[0].casefold() in _COMPOUND_SECOND
    )


# --- running headers, footers and page numbers -------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE
)
EDGE_LINES = 2  # how many lines at the top and at the bottom of a page may be furniture


def _drop_page_furniture(pages: list[list[str]]) -> None:
    """Remove, in place, page numbers and lines repeated at the top or bottom of at least half
    the pages (digits aside: "Page 3 of 9", "The Courier, 12 March 2024"), never a page's
    only text."""
    counts = Counter(key for page in pages for key in {_key(page[i]) for i in _edges(page)})
    repeated = {key for key, n in counts.items() if n >= max(2, len(pages) / 2)}
    for page in pages:
        drop = {
            i for i in _edges(page) if _key(page[i]) in repeated or _PAGE_NUMBER.fullmatch(page[i])
        }
        kept = [line for i, line in enumerate(page) if i not in drop]
        if any(kept):
            page[:] = kept


def _edges(page: list[str]) -> set[int]:
    """The positions of the first and last EDGE_LINES lines with text."""
    text = [i for i, line in enumerate(page) if line]
    return set(text[:EDGE_LINES] + text[-EDGE_LINES:])


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())
