"""Spans of an article's text: snapping a selection to words, moving an edge by a word, finding
the sentence around a span, and finding a claim's text again in a new version of the article."""

import re

from claims.extraction.sentences import split_sentences

WORD = re.compile(r"\w[\w'’-]*")


def snap_to_words(body, start, end):
    """(start, end) widened to whole words and trimmed of spaces at both edges."""
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    if start > end:
        start, end = end, start
    while 0 < start < len(body) and _is_word(body[start - 1]) and _is_word(body[start]):
        start -= 1
    while end < len(body) and end > 0 and _is_word(body[end - 1]) and _is_word(body[end]):
        end += 1
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _is_word(char):
    return char.isalnum() or char in "'’-_"


def word_edges(body, start, end):
    """The span's edges moved by one word: {"start": {-1: ..., 1: ...}, "end": {...}}, for the
    buttons that widen or narrow a claim. An edge that cannot move stays where it is."""
    starts = [m.start() for m in WORD.finditer(body, max(0, start - 300), end)]
    ends = [m.end() for m in WORD.finditer(body, start, min(len(body), end + 300))]
    before = [s for s in starts if s < start]
    inside_starts = [s for s in starts if start < s < end]
    inside_ends = [e for e in ends if start < e < end]
    after = [e for e in ends if e > end]
    return {
        "start": {
            -1: before[-1] if before else start,
            1: inside_starts[0] if inside_starts else start,
        },
        "end": {-1: inside_ends[-1] if inside_ends else end, 1: after[0] if after else end},
    }


def sentence_around(body, start, end):
    """The sentence span that holds `start` (a claim may run on into the next one)."""
    for sentence_start, sentence_end in split_sentences(body):
        if sentence_start <= start < sentence_end:
            return sentence_start, max(sentence_end, end)
    return start, end


def find_again(body, text, near):
    """Where `text` is in `body`, the occurrence nearest `near`; None when it is not there."""
    if not text:
        return None
    found, position = [], body.find(text)
    while position != -1:
        found.append(position)
        position = body.find(text, position + 1)
    if not found:
        return None
    start = min(found, key=lambda candidate: abs(candidate - near))
    return start, start + len(text)


def from_utf16(body, offset):
    """The Python index of a browser's offset (JavaScript counts UTF-16 code units: a character
    outside the Basic Multilingual Plane, such as an emoji, counts two)."""
    units = 0
    for index, char in enumerate(body):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(body)
