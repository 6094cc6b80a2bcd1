"""Markdown to plain text: markup dropped, the first level-one heading kept as the title."""

import re

from claims.ingest.normalise import LINE_BREAKS

_MD_TITLE = re.compile(r"^ {0,3}#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)  # level 1
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~).*$", re.MULTILINE)
_MD_BLOCK = [  # (pattern, replacement) applied outside code fences, line by line
    # ATX headings: "## Heading ##"
    (r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", r"\1"),
    # setext underlines and horizontal rules
    (r"^ {0,3}(=+|-{2,}|(\* *){3,}|(_ *){3,})[ \t]*$", ""),
    # link reference definitions: "[1]: https://..."
    (r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", ""),
    # blockquote markers
    (r"^ {0,3}(> ?)+", ""),
    # "*" and "+" bullets become "-", so they are not read as emphasis
    (r"^([ \t]*)[*+][ \t]+", r"\1- "),
]
_MD_INLINE = [
    # images, inline or by reference
    (r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]", ""),
    # links: [text](url) and [text][ref] -> text
    (r"\[([^\]\n]+)\]\([^)\n]*\)|\[([^\]\n]+)\]\[[^\]\n]*\]", r"\1\2"),
    # autolinks, inline code
    (r"<((?:https?|mailto):[^>\s]+)>", r"\1"),
    (r"`([^`\n]+)`", r"\1"),
    # **bold**, __bold__, ~~strikethrough~~, *emphasis*, _emphasis_ (not snake_case).
    # The bold span may not run past the next opening delimiter, so an unclosed "**" is given up
    # at the next "**", not after a scan to the end of the line: linear time on "**x " * 100_000.
    (r"(\*\*|__|~~)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1", r"\2"),
    (r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1"),
    (r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)", r"\1"),
]
_MD_BLOCK = [(re.compile(pattern, re.MULTILINE), repl) for pattern, repl in _MD_BLOCK]
_MD_INLINE = [(re.compile(pattern), repl) for pattern, repl in _MD_INLINE]


def strip_markdown(text: str) -> tuple[str, str | None]:
    # Odd-numbered pieces are inside code fences: kept verbatim, fences dropped.
    pieces = _MD_FENCE.split(LINE_BREAKS.sub("\n", text))
    title = None
    for i in range(0, len(pieces), 2):
        match = title is None and _MD_TITLE.search(pieces[i])
        if match:
            title = _md_inline(match.group(1))  # "# The *Big* Story"
        for pattern, repl in _MD_BLOCK:
            pieces[i] = pattern.sub(repl, pieces[i])
        pieces[i] = _md_inline(pieces[i])
    return "\n".join(pieces), title


def _md_inline(text: str) -> str:
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text
