"""Word documents (.docx): paragraphs and tables in order, and the document's properties."""

import datetime
import io
import zipfile

import docx
from docx.table import Table

from claims.ingest.document import IngestedText, IngestError, finish, size_text

NOT_DOCX = "This file is not a Word document (.docx), whatever its name says."
_BAD_DOCX = (
    "This Word file could not be read (it may be damaged). Re-save it in Word and try again."
)
ZIP_EXPANSION_FACTOR = 5  # a .docx may unpack to at most 5 x max_bytes in all
ZIP_MAX_RATIO = 100  # Word XML compresses ~5-20x; zip bombs reach ~1000x
ZIP_MAX_MEMBERS = 5000
# Files that a program wrote without a person filling in the properties: python-docx's template
# says it was created on 2013-12-23 by "python-docx".
_GENERATORS = {"python-docx", "docx4j", "apache poi", "phpword"}


def _unpack_docx(data: bytes, max_bytes: int) -> bytes:
    """Refuse non-Word zips and zip bombs, then return the .docx re-packed
    without compression, so python-docx never inflates anything itself."""
    if not data.startswith(b"PK\x03\x04"):
        raise IngestError(NOT_DOCX)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        if "word/document.xml" not in {info.filename for info in infos}:
            raise IngestError(NOT_DOCX)
        # First the sizes the zip declares, before decompressing anything.
        total = sum(info.file_size for info in infos)
        bomb = any(
            info.file_size > 1024 * 1024
            and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1)
            for info in infos
        )
        if bomb or total > ZIP_EXPANSION_FACTOR * max_bytes or len(infos) > ZIP_MAX_MEMBERS:
            raise IngestError(
                f"This Word file would unpack to {size_text(total)}, which looks unsafe; "
                "it was not opened."
            )
        # Declared sizes can lie. zipfile stops each member at its declared size
        # but zf.read() inflates a whole member in one call first (python-docx
        # would do that), so read in bounded chunks ourselves instead.
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as stored:
            for info in infos:
                if not info.is_dir():
                    with zf.open(info) as member:
                        chunks = iter(lambda m=member: m.read(1024 * 1024), b"")
                        stored.writestr(info.filename, b"".join(chunks))
    return out.getvalue()


def from_docx(
    data: bytes, max_bytes: int, max_chars: int | None = None, *, filename: str = ""
) -> IngestedText:
    try:
        document = docx.Document(io.BytesIO(_unpack_docx(data, max_bytes)))
        details = _properties(document.core_properties)
        blocks = []
        for item in document.iter_inner_content():  # paragraphs and tables, in order
            if isinstance(item, Table):
                blocks.extend(_docx_rows(item))
                continue
            style = item.style.name if item.style is not None else ""
            if not details["title"] and item.text.strip() and style.startswith(("Title", "Head")):
                details["title"] = item.text
            blocks.append(item.text)
    except IngestError:
        raise
    except Exception:  # python-docx, lxml, zipfile: many types
        raise IngestError(_BAD_DOCX) from None
    empty = "This Word document contains no text."
    return finish("\n\n".join(blocks), "docx", empty, max_chars, filename=filename, **details)


def _properties(core) -> dict:
    """Title, author and creation date from the document's properties. A document that a
    program made from a template keeps the template's author and date: those are not used."""
    author = core.author or ""
    generated = author.strip().casefold() in _GENERATORS
    created = core.created if isinstance(core.created, datetime.datetime) else None
    return {
        "title": core.title or None,
        "author": None if generated else author,
        "published": None if generated else created,
    }


def _docx_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if not cells or cell.text != cells[-1]:  # merged cells repeat
                cells.append(cell.text)
        rows.append("\t".join(cells))
    return rows
