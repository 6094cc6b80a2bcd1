"""Turn an uploaded article (pasted text or a file) into normalised plain text.

Pure Python on purpose (no Django): the web view and the worker both call it, and
its tests run without settings. Every problem with an upload surfaces as
IngestError, whose message is written for a journalist, not a developer.
"""

import codecs
import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import docx
import lxml.html
from docx.table import Table
from lxml import etree
from pypdf import PdfReader

FORMATS = ("text", "markdown", "html", "docx", "pdf")
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf",
}  # fmt: skip
ACCEPTED = ", ".join(_EXTENSIONS)

MAX_PDF_PAGES = 300  # pypdf is slow on big files, and no article is this long
ZIP_EXPANSION_FACTOR = 5  # a .docx may unpack to at most 5 x max_bytes in all
ZIP_MAX_RATIO = 100  # Word XML compresses ~5-20x; zip bombs reach ~1000x
ZIP_MAX_MEMBERS = 5000
FILENAME_MAX = 120
TITLE_MAX = 300


class IngestError(ValueError):
    """A problem with an upload, with a message a journalist understands (str(exc))."""


@dataclass(frozen=True)
class IngestedText:
    text: str  # normalised plain text (see normalise_text)
    format: str  # one of FORMATS
    title: str | None  # a headline found in the document, else None


# --- normalisation -----------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Control characters other than \n and \t; lone surrogates, which a Python str
# can hold but UTF-8 (and so the database) cannot; BOMs / zero-width no-breaks.
_JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")
# Runs of spaces, and any single Unicode space other than " ", newline and tab.
# (Not simply [^\S\n\t]+, which would rewrite every single space: 5x slower.)
_SPACES = re.compile(r"[^\S\n\t]{2,}|[^\S \n\t]")
_LINE_EDGES = re.compile(r"[ \t]+\n[ \t]*|\n[ \t]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return text with "\\n" line endings, no control characters except \\n and
    \\t, single spaces, at most one blank line in a row, NFC, trimmed.
    Idempotent."""
    text = _SPACES.sub(" ", _JUNK.sub("", _LINE_BREAKS.sub("\n", text)))
    text = _BLANK_RUNS.sub("\n\n", _LINE_EDGES.sub("\n", text)).strip()
    # NFC last: removing a control character can bring a letter and a combining
    # accent together. NFC never creates spaces or control characters.
    return unicodedata.normalize("NFC", text)


def _finish(
    text: str, fmt: str, title: str | None, empty: str, max_chars: int | None = None
) -> IngestedText:
    text = normalise_text(text)
    if not text:
        raise IngestError(empty)
    check_length(len(text), max_chars)
    if title is not None:
        title = " ".join(normalise_text(title).split())[:TITLE_MAX] or None
    return IngestedText(text=text, format=fmt, title=title)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def check_size(n: int, max_bytes: int, what: str) -> None:
    """Refuse `n` bytes over the limit, saying both sizes in units a journalist reads."""
    if n > max_bytes:
        raise IngestError(f"The {what} is too large ({_size(n)}); the limit is {_size(max_bytes)}.")


def check_length(n: int, max_chars: int | None, *, read_all: bool = True) -> None:
    """Refuse a text of `n` characters over the limit: a small file can unpack to a huge text.
    `read_all` is False when reading stopped part-way, so `n` is only a lower bound."""
    if max_chars is not None and n > max_chars:
        length = f"{n:,} characters" if read_all else f"over {n:,} characters"
        raise IngestError(
            f"The text of this article is too long ({length}); the limit is {max_chars:,}. "
            "Upload only the part you need, or split it into several articles."
        )


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
    # Text copied from a web page or word processor often has one paragraph per
    # line and no blank lines; the contract is "paragraphs separated by a blank
    # line". Text that already has blank lines is left as written.
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
        return _from_html(text, max_chars)
    return _finish(_paragraphs(clean), "text", None, "The article is empty.", max_chars)


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


_NOT_PDF = "This file is not a PDF, whatever its name says."


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
        raise IngestError(_NOT_PDF)
    if fmt == "docx" and not head.startswith(b"PK\x03\x04"):
        raise IngestError(_NOT_DOCX)
    if fmt in ("text", "markdown", "html") and b"\x00" in head and not head.startswith(_UTF16):
        raise IngestError(_BINARY)
    return fmt


def ingest_file(
    name: str, data: bytes, *, max_bytes: int, max_chars: int | None = None
) -> IngestedText:
    """An uploaded file: the extension picks the format, the content must match."""
    data = bytes(data)  # also accept bytearray / memoryview
    fmt = check_upload(name, len(data), data[:UPLOAD_HEAD], max_bytes=max_bytes)
    if fmt == "pdf":
        return _from_pdf(data, max_chars)
    if fmt == "docx":
        return _from_docx(data, max_bytes, max_chars)
    text = _decode(data, _declared_charset(data) if fmt == "html" else None)
    if fmt == "html":
        return _from_html(text, max_chars)
    if fmt == "markdown":
        body, title = _strip_markdown(text)
        return _finish(body, "markdown", title, "The file contains no text.", max_chars)
    text = _paragraphs(normalise_text(text))
    return _finish(text, "text", None, "The file contains no text.", max_chars)


# How much of an upload the web request looks at (check_upload); the worker reads the rest.
UPLOAD_HEAD = 4096
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's BOMs start with these too

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16, whose BOM is a prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BINARY = "This file does not look like text (it may be a renamed binary file)."


def _decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to str: a BOM wins, then UTF-8, then a declared charset, then cp1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _plausible(data[len(bom) :].decode(codec))
            except UnicodeDecodeError:
                name = codec.upper()[:6]
                raise IngestError(f"The file says it is {name} but is not.") from None
    # Real text never contains NUL bytes. (UTF-16 without a BOM is refused too.)
    if b"\x00" in data:
        raise IngestError(_BINARY)
    for codec in filter(None, ("utf-8", declared, "cp1252")):
        try:
            text = data.decode(codec)
        except (ValueError, LookupError):  # UnicodeError is a ValueError
            continue
        # Western text is mostly ASCII; Chinese or Russian bytes read as cp1252 are not.
        if codec != "cp1252" or len(_NON_ASCII.findall(text)) <= max(6, len(text) // 3):
            return _plausible(text)
    raise IngestError("The file's text encoding was not recognised. Save it as UTF-8 and retry.")


def _plausible(text: str) -> str:
    # Binary junk decoded as text is full of control characters; real text is not.
    if len(_BINARY_CHARS.findall(text)) > max(2, len(text) // 100):
        raise IngestError(_BINARY)
    return text


def _declared_charset(data: bytes) -> str | None:
    pattern = rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)"""
    match = re.search(pattern, data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


# --- HTML --------------------------------------------------------------------

_DROP_TAGS = {
    "head", "script", "style", "noscript", "iframe", "template", "svg", "math",
    "nav", "aside", "form", "button", "select", "textarea", "object", "embed",
    "canvas", "audio", "video", "dialog",
}  # fmt: skip
_NOISE_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
    "alertdialog", "menu", "menubar",
}  # fmt: skip
_NOISE_CLASS = re.compile(
    r"(?<![a-z0-9])(nav|navbar|menu|cookies?|consent|gdpr|ads?|advert\w*|sponsored"
    r"|promo|newsletter|subscribe|paywall|share|social|breadcrumbs?|sidebar|popup"
    r"|modal|related)(?![a-z0-9])",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section",
    "article", "main", "header", "footer", "pre", "table", "tr", "ul", "ol", "dl",
    "dt", "dd", "figure", "figcaption", "address", "hr", "caption", "details",
    "summary",
}  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_NO_HTML_TEXT = "The HTML contains no readable text."


def _is_noise(el) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS:
        return True
    if tag in ("header", "footer"):
        # The page's header and footer are chrome, but an <article>'s own
        # header holds the headline and byline.
        return not any(a.tag in ("article", "main") for a in el.iterancestors())
    if tag in ("html", "body", "article", "main"):
        return False  # never drop the whole page over a class like "has-sidebar"
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in _NOISE_ROLES:
        return True
    if not _NOISE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return False
    # Class names are only a hint: never drop a wrapper around the article.
    return el.find(".//article") is None and el.find(".//main") is None


def _from_html(text: str, max_chars: int | None = None) -> IngestedText:
    # libxml2 chokes on some control characters, and refuses a str that starts
    # with an XML encoding declaration.
    text = _JUNK.sub("", text.replace("\r", "\n"))
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
        head_title = root.findtext(".//title")
        for node in root.xpath("//comment() | //processing-instruction()"):
            if node.getparent() is not None:  # top-level comments have none
                node.drop_tree()  # drop_tree keeps the text that follows
        for el in [el for el in root.iter() if isinstance(el.tag, str)]:
            if el.getparent() is not None and _is_noise(el):
                el.drop_tree()
        h1 = root.find(".//h1")  # cleaner than <title>, which has the site's name
        title = h1.text_content() if h1 is not None else None
        body = _html_text(root)
    except Exception:  # lxml is robust, but never leak its errors
        raise IngestError(_NO_HTML_TEXT) from None
    title = title if title and title.strip() else head_title
    return _finish(body, "html", title, _NO_HTML_TEXT, max_chars)


def _html_text(root) -> str:
    """Inline text flows together under HTML whitespace rules, block elements
    become paragraphs, <pre> keeps its lines. Iterative: no recursion limit."""
    out: list[str] = []
    pre = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            pre += tag == "pre"  # True counts as 1
            out.append("\n" if tag == "br" else "\n\n" if tag in _BLOCK_TAGS else "")
            text = el.text
        else:
            pre -= tag == "pre"
            out.append("\n\n" if tag in _BLOCK_TAGS else " " if tag in ("td", "th") else "")
            text = el.tail
        if text:
            out.append(text if pre else _HTML_SPACE.sub(" ", text))
    return "".join(out)


# --- Markdown ----------------------------------------------------------------

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


def _strip_markdown(text: str) -> tuple[str, str | None]:
    # Odd-numbered pieces are inside code fences: kept verbatim, fences dropped.
    pieces = _MD_FENCE.split(_LINE_BREAKS.sub("\n", text))
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


# --- Word --------------------------------------------------------------------

_NOT_DOCX = "This file is not a Word document (.docx), whatever its name says."
_BAD_DOCX = (
    "This Word file could not be read (it may be damaged). Re-save it in Word and try again."
)


def _unpack_docx(data: bytes, max_bytes: int) -> bytes:
    """Refuse non-Word zips and zip bombs, then return the .docx re-packed
    without compression, so python-docx never inflates anything itself."""
    if not data.startswith(b"PK\x03\x04"):
        raise IngestError(_NOT_DOCX)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        if "word/document.xml" not in {info.filename for info in infos}:
            raise IngestError(_NOT_DOCX)
        # First the sizes the zip declares, before decompressing anything.
        total = sum(info.file_size for info in infos)
        bomb = any(
            info.file_size > 1024 * 1024
            and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1)
            for info in infos
        )
        if bomb or total > ZIP_EXPANSION_FACTOR * max_bytes or len(infos) > ZIP_MAX_MEMBERS:
            raise IngestError(
                f"This Word file would unpack to {_size(total)}, which looks unsafe; "
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


def _from_docx(data: bytes, max_bytes: int, max_chars: int | None = None) -> IngestedText:
    try:
        document = docx.Document(io.BytesIO(_unpack_docx(data, max_bytes)))
        title = document.core_properties.title or None
        blocks = []
        for item in document.iter_inner_content():  # paragraphs and tables, in order
            if isinstance(item, Table):
                blocks.extend(_docx_rows(item))
                continue
            style = item.style.name if item.style is not None else ""
            if not title and item.text.strip() and style.startswith(("Title", "Head")):
                title = item.text
            blocks.append(item.text)
    except IngestError:
        raise
    except Exception:  # python-docx, lxml, zipfile: many types
        raise IngestError(_BAD_DOCX) from None
    empty = "This Word document contains no text."
    return _finish("\n\n".join(blocks), "docx", title, empty, max_chars)


def _docx_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if not cells or cell.text != cells[-1]:  # merged cells repeat
                cells.append(cell.text)
        rows.append("\t".join(cells))
    return rows


# --- PDF ---------------------------------------------------------------------

_PDF_LOCKED = (
    "This PDF is password-protected. Remove the protection (or paste the text) and try again."
)
_PDF_BROKEN = "This PDF could not be read (it may be damaged or incomplete)."
_PDF_NO_TEXT = "This PDF has no text layer (is it a scan?). Run OCR on it, or paste the text."


def _from_pdf(data: bytes, max_chars: int | None = None) -> IngestedText:
    if not data.startswith(b"%PDF"):
        raise IngestError(_NOT_PDF)
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
        text = "\n\n".join(texts)
    except IngestError:
        raise
    except Exception:  # pypdf raises many types on broken files
        # (pypdf also needs the optional "cryptography" package for AES.)
        raise IngestError(_PDF_LOCKED if encrypted else _PDF_BROKEN) from None
    # No title: PDF metadata titles are mostly junk ("Microsoft Word - draft3").
    return _finish(text, "pdf", None, _PDF_NO_TEXT, max_chars)
