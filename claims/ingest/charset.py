"""Bytes to text: a BOM wins, then UTF-8, then the charset an HTML page declares, then
charset-normalizer's guess, checked; binary files are refused."""

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from claims.ingest.document import IngestError

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's BOMs start with these too
BINARY = "This file does not look like text (it may be a renamed binary file)."
UNKNOWN = "The file's text encoding was not recognised. Save it as UTF-8 and retry."

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16, whose BOM is a prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Western European text is what the desk mostly reads; among the single-byte code pages that
# decode a text equally well, this one is taken.
WESTERN = "cp1252"
MAX_MESS = 0.1  # charset-normalizer's "chaos": the share of odd characters in its decoding


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of `data`; `declared` is the charset an HTML page names (it may be wrong)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _plausible(data[len(bom) :].decode(codec))
            except UnicodeDecodeError:
                name = codec.upper()[:6]
                raise IngestError(f"The file says it is {name} but is not.") from None
    # Real text never contains NUL bytes. (UTF-16 without a BOM is refused too.)
    if b"\x00" in data:
        raise IngestError(BINARY)
    for codec in ("utf-8", declared):
        try:
            if codec and _reads_ascii(codec):
                return _plausible(data.decode(codec))
        except (ValueError, LookupError):  # UnicodeError is a ValueError
            continue
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return _plausible(damaged)
    codec = guess_charset(data)
    if codec is None:
        raise IngestError(UNKNOWN)
    return _plausible(data.decode(codec))


def _damaged_utf8(data: bytes) -> str | None:
    """The text of a UTF-8 file with a few damaged bytes (a bad copy, a cut download), each one
    shown as the replacement character U+FFFD, or None when it is not one. Guessing a code page
    for it garbled every accented letter, or found none and refused the file. It must show
    UTF-8 of its own: at least twice as many well-formed accented letters as damaged bytes, and
    at most one damaged byte in a hundred characters (a Windows file's "café" is one damaged
    byte and no UTF-8 letter)."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    letters = sum(1 for ch in text if ch > "\x7f") - damaged
    if letters >= 2 * damaged and damaged <= len(text) // 100 + 1:
        return text
    return None


def guess_charset(data: bytes) -> str | None:
    """charset-normalizer's best reading of `data`, if it is a language, else None.

    Alone it reads short English as cp775 and junk bytes as Russian: a single-byte reading
    counts only when a language was recognised in it (coherence), a multi-byte one (Chinese,
    Japanese) only when its byte sequences were valid, and cp1252 wins a tie among the
    Western code pages (and is taken for a short Western snippet, as before).
    """
    readings = [m for m in from_bytes(data) if m.chaos <= MAX_MESS]
    readings = [
        m
        for m in readings
        if m.coherence > 0 or is_multi_byte_encoding(m.encoding) or WESTERN in _codecs(m)
    ]
    if not readings:
        return None
    best = readings[0]
    for reading in readings:
        if (
            WESTERN in _codecs(reading)
            and reading.chaos <= best.chaos + 0.05
            and reading.coherence >= best.coherence
        ):
            return WESTERN
    return best.encoding


def _reads_ascii(codec: str) -> bool:
    """A page's markup is ASCII: a declared "utf-16", "utf-7" or "punycode" cannot be how it
    was saved (and UTF-7 is a classic way to smuggle "<script>" past a filter)."""
    return b"<p>A+-b.</p>".decode(codec) == "<p>A+-b.</p>"


def _codecs(reading) -> list[str]:
    return [reading.encoding, *reading.could_be_from_charset]


def _plausible(text: str) -> str:
    # Binary junk decoded as text is full of control characters; real text is not.
    if len(_BINARY_CHARS.findall(text)) > max(2, len(text) // 100):
        raise IngestError(BINARY)
    return text
