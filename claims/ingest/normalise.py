"""Plain text as the desk stores it: one kind of line break and space, no control characters."""

import re
import unicodedata

LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Control characters other than \n and \t; lone surrogates, which a Python str
# can hold but UTF-8 (and so the database) cannot; BOMs / zero-width no-breaks.
JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")
# Runs of spaces, and any single Unicode space other than " ", newline and tab.
# (Not simply [^\S\n\t]+, which would rewrite every single space: 5x slower.)
_SPACES = re.compile(r"[^\S\n\t]{2,}|[^\S \n\t]")
_LINE_EDGES = re.compile(r"[ \t]+\n[ \t]*|\n[ \t]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return text with "\\n" line endings, no control characters except \\n and
    \\t, single spaces, at most one blank line in a row, NFC, trimmed.
    Idempotent."""
    text = _SPACES.sub(" ", JUNK.sub("", LINE_BREAKS.sub("\n", text)))
    text = _BLANK_RUNS.sub("\n\n", _LINE_EDGES.sub("\n", text)).strip()
    # NFC last: removing a control character can bring a letter and a combining
    # accent together. NFC never creates spaces or control characters.
    return unicodedata.normalize("NFC", text)
