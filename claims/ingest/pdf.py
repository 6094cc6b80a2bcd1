"""PDFs: the text layer, page by page, rejoined into paragraphs; the document's properties."""

import io
import re

from pypdf import PdfReader

from claims.ingest.document import IngestedText, IngestError, check_length, finish
from claims.ingest.normalise import normalise_text
from claims.ingest.reflow import reflow_pages

MAX_PDF_PAGES = 300  # pypdf is slow on big files, and no article is this long
NOT_PDF = "This file is not a PDF, whatever its name says."
_PDF_LOCKED = (
    "This PDF is password-protected. Remove the protection (or paste the text) and try again."
)
_PDF_BROKEN = "This PDF could not be read (it may be damaged or incomplete)."
_PDF_NO_TEXT = "This PDF has no text layer (is it a scan?). Run OCR on it, or paste the text."
# A web page printed to PDF is dated the day it was printed, not the day it was published.
_PRINTED = re.compile(r"skia|chrom|mozilla|firefox|safari|webkit|quartz|wkhtmltopdf", re.I)


def from_pdf(data: bytes, max_chars: int | None = None, *, filename: str = "") -> IngestedText:
    if not data.startswith(b"%PDF"):
        raise IngestError(NOT_PDF)
    encrypted = False
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        # Many PDFs are "encrypted" only to restrict copying, with an empty user
        # password; they open in any viewer, so we read them too.
        if encrypted and not reader.decrypt(""):
            raise IngestError(_PDF_LOCKED)
        pages = len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise IngestError(
                f"This PDF has {pages} pages; the limit is {MAX_PDF_PAGES}. "
                "Upload only the pages you need."
            )
        # Page by page, stopping at the length limit: pages can share one compressed content
        # stream, so a 50 KB file can hold millions of characters.
        texts, length = [], 0
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            length += len(texts[-1])
            if max_chars is not None and length > 2 * max_chars:
                # (normalising shrinks a text by far less than half)
                check_length(length, max_chars, read_all=False)
        details = _properties(reader)
    except IngestError:
        raise
    except Exception:  # pypdf raises many types on broken files
        # (pypdf also needs the optional "cryptography" package for AES.)
        raise IngestError(_PDF_LOCKED if encrypted else _PDF_BROKEN) from None
    text = reflow_pages([normalise_text(page) for page in texts])
    return finish(text, "pdf", _PDF_NO_TEXT, max_chars, filename=filename, **details)


def _properties(reader) -> dict:
    """Title, author and creation date from the PDF's document information. Titles there are
    often junk ("Microsoft Word - draft3.docx"): finish() drops those."""
    info = reader.metadata
    if info is None:
        return {}
    try:
        created = info.creation_date
    except Exception:  # a malformed date string
        created = None
    made_by = f"{info.producer or ''} {info.creator or ''}"
    return {
        "title": info.title,
        "author": info.author,
        "published": None if _PRINTED.search(made_by) else created,
    }
