"""Turn an uploaded article (pasted text or a file) into normalised plain text, with the details
the document gives about itself (headline, outlet, author, date, address).

Pure Python on purpose (no Django): the web view and the worker both call it, and
its tests run without settings. Every problem with an upload surfaces as
IngestError, whose message is written for a journalist, not a developer.

One module per kind of input: html, markdown, word, pdf; charset (bytes to text), reflow
(line-wrapped text to paragraphs), metadata (cleaning what documents say about themselves).
"""

import os
import re
import unicodedata

from claims.ingest.charset import BINARY, UTF16_BOMS, decode
from claims.ingest.document import (
    IngestedText,
    IngestError,
    check_length,
    check_size,
    finish,
)
from claims.ingest.html import declared_charset, from_html
from claims.ingest.markdown import strip_markdown
from claims.ingest.normalise import normalise_text
from claims.ingest.pdf import MAX_PDF_PAGES, NOT_PDF, from_pdf
from claims.ingest.reflow import looks_hard_wrapped, rejoin
from claims.ingest.word import NOT_DOCX, from_docx

__all__ = [
    "ACCEPTED",
    "FILENAME_MAX",
    "FORMATS",
    "MAX_PDF_PAGES",
    "UPLOAD_HEAD",
    "IngestError",
    "IngestedText",
    "check_length",
    "check_size",
    "check_upload",
    "format_of",
    "ingest_file",
    "ingest_text",
    "normalise_text",
    "safe_filename",
]

FORMATS = ("text", "markdown", "html", "docx", "pdf")
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf",
}  # fmt: skip
ACCEPTED = ", ".join(_EXTENSIONS)
FILENAME_MAX = 120
# How much of an upload the web request looks at (check_upload); the worker reads the rest.
UPLOAD_HEAD = 4096


# --- pasted text -------------------------------------------------------------

_HTML_START = re.compile(r"\s*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(p|div|span|a|br|h[1-6]|li|ul|ol|article|section|table|tr|td|blockquote"
    r"|strong|em|b|i)\b[^<>]*>",
    re.IGNORECASE,
)


def _looks_like_html(text: str) -> bool:
    # "Clearly" HTML: a document preamble, or markup from the very start with
    # several real tags. A quote that merely mentions "<p>" stays plain text.
    if _HTML_START.match(text):
        return True
    tags = len(_HTML_TAG.findall(text, 0, 100_000))
    return text.lstrip().startswith("<") and tags >= 3


def _paragraphs(text: str) -> str:
    """Plain text as paragraphs separated by a blank line. Text wrapped at a fixed width (a
    text file, a copy out of a PDF viewer) is rejoined; text with one paragraph per line and
    no blank lines (copied from a web page or word processor) gets its blank lines; text that
    already has blank lines is left as written."""
    if looks_hard_wrapped(text):
        return rejoin(text.split("\n"))
    return text if "\n\n" in text else text.replace("\n", "\n\n")


def ingest_text(text: str, *, max_bytes: int, max_chars: int | None = None) -> IngestedText:
    """Pasted text; treated as HTML if it clearly is HTML."""
    if not isinstance(text, str):
        raise IngestError("The article must be text.")
    check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, "article")
    clean = normalise_text(text)
    if not clean:
        raise IngestError("The article is empty. Paste its text or upload a file.")
    if _looks_like_html(clean):
        return from_html(text, max_chars)
    return finish(_paragraphs(clean), "text", "The article is empty.", max_chars)


# --- files -------------------------------------------------------------------

# Control and reserved characters, and bidi controls, which can make
# "invoice\u202efdp.exe" display as "invoiceexe.pdf".
_FILENAME_JUNK = re.compile(
    r'[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]'
)


def safe_filename(name: str) -> str:
    """A basename safe to store and display: no directories, no control or
    reserved characters, at most FILENAME_MAX characters, extension kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]  # old browsers send C:\...\file.docx
    name = re.sub(r"\s+", " ", _FILENAME_JUNK.sub("", name))
    name = name.strip(" .")  # no hidden files, no trailing dots (Windows)
    stem, ext = os.path.splitext(name)
    if len(ext) > 16:  # not a real extension
        stem, ext = name, ""
    stem = stem[: FILENAME_MAX - len(ext)].rstrip(" .")
    return (stem or "upload") + ext


def format_of(name: str) -> str:
    """The format an upload's extension names; IngestError when it is not one we read."""
    ext = os.path.splitext(safe_filename(name))[1].lower()
    fmt = _EXTENSIONS.get(ext)
    if fmt is None:
        what = f"“{ext}” files are" if ext else "Files without an extension are"
        raise IngestError(f"{what} not supported. Accepted types: {ACCEPTED}.")
    return fmt


def check_upload(name: str, size: int, head: bytes, *, max_bytes: int) -> str:
    """The checks cheap enough for a web request: type, emptiness, size and the first bytes.

    Returns the format. Reading the content (decoding, unpacking, parsing) is the worker's job:
    `ingest_file` does it, with the same messages for what it finds there.
    """
    fmt = format_of(name)
    if not size:
        raise IngestError("The file is empty (0 bytes).")
    check_size(size, max_bytes, "file")
    if fmt == "pdf" and not head.startswith(b"%PDF"):
        raise IngestError(NOT_PDF)
    if fmt == "docx" and not head.startswith(b"PK\x03\x04"):
        raise IngestError(NOT_DOCX)
    if fmt in ("text", "markdown", "html") and b"\x00" in head and not head.startswith(UTF16_BOMS):
        raise IngestError(BINARY)
    return fmt


def ingest_file(
    name: str, data: bytes, *, max_bytes: int, max_chars: int | None = None
) -> IngestedText:
    """An uploaded file: the extension picks the format, the content must match.
    The file's name is never taken for its headline."""
    data = bytes(data)  # also accept bytearray / memoryview
    fmt = check_upload(name, len(data), data[:UPLOAD_HEAD], max_bytes=max_bytes)
    name = safe_filename(name)
    if fmt == "pdf":
        return from_pdf(data, max_chars, filename=name)
    if fmt == "docx":
        return from_docx(data, max_bytes, max_chars, filename=name)
    text = decode(data, declared_charset(data) if fmt == "html" else None)
    if fmt == "html":
        return from_html(text, max_chars, filename=name)
    empty = "The file contains no text."
    if fmt == "markdown":
        # A Markdown paragraph wrapped over several lines is one paragraph (a soft line break).
        body, title = strip_markdown(text)
        body = _paragraphs(normalise_text(body))
        return finish(body, "markdown", empty, max_chars, filename=name, title=title)
    return finish(_paragraphs(normalise_text(text)), "text", empty, max_chars, filename=name)
