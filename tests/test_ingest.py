"""Tests for claims.ingest: uploads (pasted text or files) to normalised plain text.

Sample files are built in the tests: .docx with python-docx, PDFs by hand (so we
know exactly what is in them), zip bombs with zipfile.
"""

import datetime
import io
import random
import struct
import tracemalloc
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from claims.ingest import (
    FORMATS,
    MAX_PDF_PAGES,
    IngestedText,
    IngestError,
    ingest_file,
    ingest_text,
    normalise_text,
    safe_filename,
)

MB = 1024 * 1024
LIMIT = 5 * MB
SEED = Path(__file__).resolve().parent.parent / "seeds" / "moscow-washington-prisoner-exchange.txt"


def text_of(name: str, data: bytes) -> str:
    return ingest_file(name, data, max_bytes=LIMIT).text


def refused(name: str, data: bytes, max_bytes: int = LIMIT) -> str:
    """Ingest a file that must be refused; return the message shown to the user."""
    with pytest.raises(IngestError) as excinfo:
        ingest_file(name, data, max_bytes=max_bytes)
    return str(excinfo.value)


# --- sample builders -------------------------------------------------------------


def make_pdf(
    lines=("Hello from the PDF",),
    pages: int = 1,
    compress: bool = False,
    *,
    page_lines: list[list[str]] | None = None,
    info: dict[str, str] | None = None,
) -> bytes:
    """A minimal valid PDF written by hand: the lines in Helvetica on every page (one content
    stream that every page shares, deflated if `compress`), or pages without any content
    stream when lines is empty (like a scan). `page_lines` gives each page its own lines
    instead; `info` the document information (Title, Author, CreationDate, Producer)."""

    def content(page: list[str]) -> bytes:
        ops = b" 0 -16 Td ".join(b"(%s) Tj" % line.encode("latin-1") for line in page)
        stream = b"BT /F1 12 Tf 72 720 Td " + ops + b" ET"
        flate = b""
        if compress:
            stream, flate = zlib.compress(stream, 9), b" /Filter /FlateDecode"
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), flate, stream)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below once the page numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if page_lines is not None:
        streams = [len(objects) + 1 + i for i in range(len(page_lines))]
        objects += [content(page) for page in page_lines]
        pages = len(page_lines)
    elif lines:
        streams = [len(objects) + 1] * pages
        objects.append(content(list(lines)))
    else:
        streams = [None] * pages
    kids = b" ".join(b"%d 0 R" % (len(objects) + 1 + i) for i in range(pages))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
    page += b" /Resources << /Font << /F1 3 0 R >> >>"
    objects += [page + (b" /Contents %d 0 R" % n if n else b"") + b" >>" for n in streams]
    trailer_info = b""
    if info:
        fields = b" ".join(b"/%s (%s)" % (k.encode(), v.encode("latin-1")) for k, v in info.items())
        objects.append(b"<< %s >>" % fields)
        trailer_info = b" /Info %d 0 R" % len(objects)

    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    size = len(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        trailer_info,
        xref,
    )
    return bytes(out)


def make_docx(*paragraphs: str, title: str | None = None, heading: str | None = None) -> bytes:
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    if heading is not None:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    # RC4: pypdf can do it without the optional "cryptography" package.
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def random_bytes(n: int, *, without_nul: bool = False) -> bytes:
    rng = random.Random(1234)
    data = bytes(rng.randrange(256) for _ in range(n))
    return data.replace(b"\x00", b"\x01") if without_nul else data


# --- normalise_text --------------------------------------------------------------


def test_normalise_converts_crlf_cr_and_mixed_line_endings():
    assert normalise_text("one\r\ntwo\rthree\nfour\u2028five") == "one\ntwo\nthree\nfour\nfive"


def test_normalise_strips_control_characters_but_keeps_tab():
    assert normalise_text("a\x00b\x07c\x1bd\te\x7f\x85f") == "abcd\te\nf"


def test_normalise_collapses_spaces_inside_lines_and_trims_lines():
    assert normalise_text("  many    spaces\u00a0\u2003here  \nnext ") == "many spaces here\nnext"


def test_normalise_collapses_three_or_more_newlines_to_one_blank_line():
    assert normalise_text("a\n\n\n\n b\n \n  \n\nc") == "a\n\nb\n\nc"


def test_normalise_applies_nfc():
    assert normalise_text("cafe\u0301") == "caf\u00e9"


def test_normalise_nfc_after_removing_control_between_letter_and_accent():
    assert normalise_text("e\x00\u0301") == "\u00e9"


def test_normalise_strips_leading_bom_and_trims():
    assert normalise_text("\ufeff\n\n  Title\n\n") == "Title"


def test_normalise_preserves_right_to_left_and_emoji():
    text = "مرحبا بالعالم\n\nשלום עולם 👩\u200d👩\u200d👧 🇺🇦 \u200fdone"
    assert normalise_text(text) == text


def test_normalise_removes_lone_surrogates():
    assert normalise_text("a\ud800b") == "ab"


@settings(max_examples=500)
@given(st.text() | st.text(alphabet=" \t\n\r\x00\x85\u00a0\u2003\u2028\ufeffe\u0301"))
def test_normalise_is_idempotent_and_leaves_no_stray_whitespace(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert once == once.strip() and "  " not in once and "\n\n\n" not in once
    assert all(line == line.strip(" \t") for line in once.split("\n"))
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in once)


# --- pasted text -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n", "\x00\x01\ufeff"])
def test_ingest_text_refuses_empty_or_whitespace(text):
    with pytest.raises(IngestError, match="The article is empty"):
        ingest_text(text, max_bytes=LIMIT)


def test_ingest_text_over_limit_says_limit_in_mb():
    with pytest.raises(IngestError, match=r"limit is 1 MB"):
        ingest_text("x" * (MB + 1), max_bytes=MB)


def test_ingest_text_limit_counts_utf8_bytes_not_characters():
    with pytest.raises(IngestError, match="too large"):
        ingest_text("é" * 600, max_bytes=1000)  # 600 characters, 1200 bytes


def test_ingest_text_returns_text_format_without_title():
    result = ingest_text("First paragraph.\n\nSecond one.", max_bytes=LIMIT)
    assert result == IngestedText(text="First paragraph.\n\nSecond one.", format="text", title=None)


def test_ingest_text_one_paragraph_per_line_becomes_blank_line_separated():
    assert (
        ingest_text("First.\r\nSecond.\nThird.", max_bytes=LIMIT).text
        == "First.\n\nSecond.\n\nThird."
    )


def test_ingest_text_that_is_clearly_html_is_treated_as_html():
    result = ingest_text(
        "<html><body><h1>Head</h1><p>Body &amp; soul</p></body></html>", max_bytes=LIMIT
    )
    assert (result.format, result.title, result.text) == (
        "html",
        "Head",
        "Head\n\nBody & soul",
    )


def test_ingest_text_fragment_with_several_tags_is_html():
    result = ingest_text("<p>One <b>bold</b></p><p>Two</p>", max_bytes=LIMIT)
    assert (result.format, result.text) == ("html", "One bold\n\nTwo")


def test_ingest_text_mentioning_a_tag_stays_text():
    result = ingest_text("The page used a <p> tag and <b>bold</b>.", max_bytes=LIMIT)
    assert (result.format, result.text) == (
        "text",
        "The page used a <p> tag and <b>bold</b>.",
    )


def test_ingest_text_rejects_non_string():
    with pytest.raises(IngestError):
        ingest_text(b"bytes", max_bytes=LIMIT)


@settings(max_examples=300)
@given(st.text() | st.text(alphabet="<>/pdiv &;\n\r\t\x00#*_[]()!abc"))
def test_ingest_text_any_string_gives_normalised_text_or_ingest_error(text):
    try:
        result = ingest_text(text, max_bytes=10_000)
    except IngestError as exc:
        assert str(exc)
        return
    assert result.text and result.text == normalise_text(result.text)
    assert result.format in ("text", "html")
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in result.text)
    assert "\n\n\n" not in result.text and "\r" not in result.text


# --- HTML ------------------------------------------------------------------------


def test_html_drops_scripts_and_handlers():
    html = (
        b'<p onclick="steal()">Safe <a href="javascript:alert(1)" onmouseover="x()">link</a></p>'
        b"<script>alert('x')</script><style>p{color:red}</style><noscript>Enable JS</noscript>"
        b'<template><p>hidden</p></template><iframe src="https://ads">frame</iframe><svg><text>svg</text></svg>'
    )
    assert text_of("a.html", html) == "Safe link"


def test_html_drops_navigation_cookie_and_ad_chrome():
    html = b"""<html><body><header>Site header</header><nav>Home | World</nav>
      <div role="navigation">Menu</div><div class="cookie-banner">We use cookies</div>
      <div id="ad-slot-1">Buy now</div><aside>Related stories</aside><form>Search <input></form>
      <main><p>The actual story.</p></main><footer>Copyright</footer></body></html>"""
    assert text_of("page.htm", html) == "The actual story."


def test_html_keeps_the_article_header_with_its_headline():
    html = (
        b"<header>Site</header><article><header><h1>Headline</h1><p>By A. Writer</p></header>"
        b"<p>Body.</p></article>"
    )
    assert text_of("a.html", html) == "Headline\n\nBy A. Writer\n\nBody."


def test_html_does_not_drop_the_article_because_of_a_wrapper_class():
    html = b"<div class='layout has-sidebar'><article><p>Story text.</p></article></div>"
    assert text_of("a.html", html) == "Story text."


def test_html_blocks_become_separate_paragraphs():
    html = (
        b"<h2>Sub</h2><p>One\n  line <em>wrapped</em></p>"
        b"<ul><li>first<li>second</ul><blockquote>Quote</blockquote>"
    )
    assert text_of("a.html", html) == "Sub\n\nOne line wrapped\n\nfirst\n\nsecond\n\nQuote"


def test_html_decodes_entities():
    assert text_of(
        "a.html", b"<p>Fish &amp; chips &mdash; &#8364;5 &lt;hot&gt; caf&eacute;</p>"
    ) == ("Fish & chips \u2014 \u20ac5 <hot> caf\u00e9")


def test_html_title_prefers_h1_over_title_tag():
    html = b"<title>Story | Daily Site</title><h1>The <i>real</i> headline</h1><p>Text</p>"
    assert ingest_file("a.html", html, max_bytes=LIMIT).title == "The real headline"


def test_html_headline_leaves_out_code_inside_the_h1():
    """A script or style inside the <h1> is not the headline's text (it was "Harbour plan
    alert(1)"), while the page's JSON-LD is still read."""
    html = (
        b"<html><head><title>Script test</title><script>alert('xss')</script></head><body>"
        b"<h1>Harbour plan <script>alert(1)</script><style>h1 {color: red}</style></h1>"
        b"<p>The harbour authority said the new quay will cost 40 million euros.</p></body></html>"
    )
    result = ingest_file("a.html", html, max_bytes=LIMIT)
    assert result.title == "Harbour plan"
    assert "alert" not in result.text


def test_html_title_falls_back_to_title_tag_without_the_site_name():
    html = b"<html><head><title> Story | Daily </title></head><body><p>Text</p></body></html>"
    result = ingest_file("a.html", html, max_bytes=LIMIT)
    assert (result.title, result.outlet, result.text) == ("Story", "Daily", "Text")


@pytest.mark.parametrize(
    "html",
    [
        b"<p>Unclosed <b>bold <i>italic<p>Next",
        b"</div></p><p>Stray closers</span></html>",
        b"<<p>>Odd<</p>> <p <p>x",
        b'<?xml version="1.0" encoding="utf-8"?><html><p>XHTML</p></html>',
        b"<!-- <p>comment</p> --><p>kept</p><!-- unterminated",
    ],
)
def test_html_malformed_markup_still_gives_text(html):
    assert text_of("a.html", html)


def test_html_nested_too_deeply_keeps_text_before_the_nesting():
    # libxml2 stops at 256 levels; what came before is still returned.
    assert text_of("a.html", b"<p>start</p>" + b"<div>" * 5000 + b"deep") == "start"


def test_html_comments_are_dropped_but_following_text_kept():
    assert text_of("a.html", b"<p>before<!-- secret -->after</p>") == "beforeafter"


def test_html_with_no_readable_text_is_refused():
    assert "no readable text" in refused(
        "a.html", b"<html><script>x()</script><nav>Home</nav></html>"
    )


def test_html_file_uses_declared_charset_when_not_utf8():
    html = '<meta charset="iso-8859-7"><p>Καλημέρα</p>'.encode("iso-8859-7")
    assert text_of("a.html", html) == "Καλημέρα"


# --- Markdown --------------------------------------------------------------------


def test_markdown_strips_headings_emphasis_links_and_images():
    md = (
        b"# The *Big* Story\n\n## Part one\n\n"
        b"Some **bold**, _em_ and ~~gone~~ text with [a link](https://x.org) ![photo](a.png).\n"
    )
    result = ingest_file("story.md", md, max_bytes=LIMIT)
    assert result.format == "markdown"
    assert result.title == "The Big Story"
    assert result.text == "The Big Story\n\nPart one\n\nSome bold, em and gone text with a link ."


def test_markdown_keeps_code_fences_as_text():
    md = b"Intro\n\n```python\n# not a heading *x*\nprint(1)\n```\n"
    assert text_of("a.markdown", md) == "Intro\n\n# not a heading *x*\nprint(1)"


def test_markdown_keeps_snake_case_and_lists_and_drops_quote_markers():
    md = b"* item with snake_case_name\n* 2 * 3 = 6\n\n> quoted line\n\n---\n\n[ref]: https://x.org"
    assert text_of("a.md", md) == "- item with snake_case_name\n- 2 * 3 = 6\n\nquoted line"


def test_markdown_paragraphs_wrapped_over_lines_are_rejoined():
    md = (
        b"# Budget\n\nThe city council approved a budget of 4.2 million pounds on Monday\n"
        b"night after a long debate that lasted well into the evening, officials\n"
        b"said, and the mayor called it a fair settlement for every part of the\n"
        b"town and its villages.\n\n- libraries stay open\n- two new bus routes\n"
    )
    assert text_of("a.md", md) == (
        "Budget\n\nThe city council approved a budget of 4.2 million pounds on Monday night "
        "after a long debate that lasted well into the evening, officials said, and the mayor "
        "called it a fair settlement for every part of the town and its villages.\n\n"
        "- libraries stay open\n\n- two new bus routes"
    )


def test_markdown_without_level_one_heading_has_no_title():
    assert ingest_file("a.md", b"## Sub only\n\ntext", max_bytes=LIMIT).title is None


# --- plain-text files and encodings ----------------------------------------------


def test_seed_article_is_ingested():
    result = ingest_file(SEED.name, SEED.read_bytes(), max_bytes=LIMIT)
    assert result.format == "text"
    assert result.text.startswith("Discussions come amid")
    assert "\n\nMoscow and Washington are discussing" in result.text


def test_utf8_bom_is_stripped():
    assert text_of("a.txt", "\ufeffcafé".encode()) == "café"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(codec):
    data = "Привет, мир 👋".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert text_of("a.txt", data) == "Привет, мир 👋"


def test_cp1252_is_used_when_utf8_fails_and_result_is_plausible():
    assert text_of("a.txt", b"caf\xe9 \x93quoted\x94 \x80 5") == "café \u201cquoted\u201d \u20ac 5"


def test_invalid_utf8_that_is_not_cp1252_either_is_refused():
    assert "encoding was not recognised" in refused("a.txt", b"abc \xff\xfe\x81 def \x8d")


def test_utf8_with_a_few_damaged_bytes_is_read_as_utf8():
    text = "Le café de la mairie a coûté 3 millions d’euros, a déclaré le maire hier soir."
    data = text.encode()
    damaged = data[:20] + b"\xff" + data[20:]  # one byte of a bad copy

    assert text_of("a.txt", damaged) == data[:20].decode() + "\ufffd" + data[20:].decode()


def test_damaged_bytes_without_utf8_letters_are_not_read_as_utf8():
    # One stray high byte and no UTF-8 letter: a Windows code page, not damaged UTF-8.
    assert text_of("a.txt", b"The caf\xe9 opened on Monday, the mayor said.") == (
        "The café opened on Monday, the mayor said."
    )


def test_cyrillic_bytes_are_not_misread_as_cp1252():
    data = "Привет, как дела? Всё хорошо, спасибо.".encode("cp1251")
    assert "encoding was not recognised" in refused("a.txt", data)


# Sentences written for these tests, in the code pages their languages were saved in before UTF-8.
LEGACY_TEXTS = {
    "cp1252": "The minister said the “new” scheme would cost £4m – about €4.7m – this year.",
    "cp1250": "Minister powiedział, że czas oczekiwania skrócił się o 40 procent w tym roku.",
    "cp1251": "Министр заявил, что программа сократила время ожидания на 40 процентов.",
    "koi8-r": "Министр заявил, что программа сократила время ожидания на 40 процентов.",
    "cp1253": "Ο υπουργός δήλωσε ότι το πρόγραμμα μείωσε τους χρόνους αναμονής κατά 40 τοις εκατό.",
    "cp1254": "Bakan, programın bekleme sürelerini yüzde 40 kısalttığını söyledi. Sendikalar "
    "grev ilan etti.",
    "gb18030": "部长表示，该计划使等待时间缩短了百分之四十。工会宣布将举行罢工。",
    "shift_jis": "大臣は、この計画により待ち時間が４割短縮されたと述べた。"
    "労働組合はストライキを発表した。",
}


@pytest.mark.parametrize("codec", LEGACY_TEXTS)
def test_text_in_a_legacy_code_page_is_decoded(codec):
    text = " ".join([LEGACY_TEXTS[codec]] * 3)
    assert text_of("a.txt", text.encode(codec)) == text


def test_a_declared_charset_is_used_before_any_guess():
    html = '<meta charset="windows-1251"><p>Министр заявил.</p>'.encode("cp1251")
    assert text_of("a.html", html) == "Министр заявил."


@pytest.mark.parametrize(
    "charset", ["punycode", "rot13", "no-such-charset", "base64", "utf-7", "utf-16"]
)
def test_html_with_bogus_declared_charset_falls_back_to_cp1252(charset):
    html = b'<meta charset="%s"><p>caf\xe9</p>' % charset.encode()
    assert text_of("a.html", html) == "caf\u00e9"


def test_truncated_utf16_is_refused():
    assert "UTF-16" in refused("a.txt", "hello".encode("utf-16") + b"\x00")


def test_text_file_with_nul_bytes_is_refused_as_binary():
    assert "does not look like text" in refused("a.txt", b"MZ\x90\x00\x03\x00\x00\x00 program")


def test_mostly_binary_text_file_without_nul_is_refused():
    message = refused("notes.text", random_bytes(4000, without_nul=True))
    assert "does not look like text" in message or "encoding" in message


def test_text_file_with_only_whitespace_is_refused():
    assert "no text" in refused("a.txt", b" \r\n\t \n")


def test_zero_byte_file_is_refused():
    assert "empty" in refused("a.txt", b"")


def test_file_over_limit_says_limit_in_mb():
    assert "limit is 2 MB" in refused("a.txt", b"x" * (2 * MB + 1), max_bytes=2 * MB)


@pytest.mark.parametrize("name", ["photo.jpg", "story.doc", "evil.exe", "archive.zip"])
def test_unknown_extension_is_refused_listing_accepted_types(name):
    message = refused(name, b"data")
    assert all(ext in message for ext in (".txt", ".md", ".html", ".docx", ".pdf"))


def test_file_without_extension_is_refused():
    assert "without an extension" in refused("README", b"data")


def test_extension_is_case_insensitive():
    assert ingest_file("STORY.TXT", b"Hello", max_bytes=LIMIT).text == "Hello"


def test_formats_constant_lists_every_format():
    assert FORMATS == ("text", "markdown", "html", "docx", "pdf")


# --- Word ------------------------------------------------------------------------


def test_docx_paragraphs_become_blank_line_separated_text():
    result = ingest_file("a.docx", make_docx("First para.", "", "Second para."), max_bytes=LIMIT)
    assert (result.format, result.text) == ("docx", "First para.\n\nSecond para.")


def test_docx_title_comes_from_core_properties():
    assert (
        ingest_file("a.docx", make_docx("Body", title="Core title"), max_bytes=LIMIT).title
        == "Core title"
    )


def test_docx_title_falls_back_to_first_heading():
    result = ingest_file("a.docx", make_docx("Body text", heading="The Heading"), max_bytes=LIMIT)
    assert (result.title, result.text) == ("The Heading", "The Heading\n\nBody text")


def test_docx_author_and_creation_date_come_from_core_properties():
    document = docx.Document()
    document.core_properties.author = "Jane Smith"
    document.core_properties.created = datetime.datetime(2024, 3, 12, 9, 30)
    document.add_paragraph("The council approved the budget.")
    buffer = io.BytesIO()
    document.save(buffer)
    result = ingest_file("a.docx", buffer.getvalue(), max_bytes=LIMIT)
    assert (result.author, result.published) == ("Jane Smith", datetime.date(2024, 3, 12))


def test_docx_template_properties_are_not_taken_for_the_author_or_date():
    result = ingest_file("a.docx", make_docx("Body"), max_bytes=LIMIT)  # python-docx's template
    assert (result.author, result.published) == (None, None)


def test_docx_junk_title_is_not_a_headline():
    assert (
        ingest_file("draft3.docx", make_docx("Body", title="draft3"), max_bytes=LIMIT).title is None
    )


def test_docx_tables_are_included_row_by_row():
    document = docx.Document()
    document.add_paragraph("Before")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Year", "Deaths"), ("2024", "1,200")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("After")
    buffer = io.BytesIO()
    document.save(buffer)
    assert text_of("t.docx", buffer.getvalue()) == "Before\n\nYear\tDeaths\n\n2024\t1,200\n\nAfter"


def test_docx_without_text_is_refused():
    assert "contains no text" in refused("a.docx", make_docx())


def test_truncated_docx_is_refused():
    data = make_docx("Some text " * 200)
    assert "could not be read" in refused("a.docx", data[: len(data) // 2])


def test_binary_renamed_docx_is_refused():
    assert "not a Word document" in refused("a.docx", random_bytes(2000))


def test_zip_without_word_document_is_refused():
    assert "not a Word document" in refused("a.docx", make_zip({"notes.txt": b"hello"}))


def test_docx_with_corrupt_document_xml_is_refused():
    data = make_docx("Fine")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members["word/document.xml"] = b"<w:document><unclosed"
    assert "could not be read" in refused("a.docx", make_zip(members))


def test_zip_bomb_docx_is_refused_by_total_size():
    bomb = make_zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<a>" + b" " * (30 * MB),
        }
    )
    assert len(bomb) < MB  # small upload, 30 MB inside
    assert "looks unsafe" in refused("bomb.docx", bomb, max_bytes=MB)


def test_zip_bomb_docx_is_refused_by_compression_ratio():
    bomb = make_zip({"word/document.xml": b"\x00" * (10 * MB)})
    assert "looks unsafe" in refused(
        "bomb.docx", bomb, max_bytes=100 * MB
    )  # under 20x, but ~1000:1


def test_zip_bomb_docx_lying_about_its_size_is_refused_without_inflating_it():
    members = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (40 * MB)}
    bomb = bytearray(make_zip(members))
    # Declare a small uncompressed size in the central directory, which zipfile trusts.
    entry = bomb.index(b"PK\x01\x02", bomb.index(b"PK\x01\x02") + 1)
    assert bomb[entry + 46 : entry + 46 + 17] == b"word/document.xml"
    struct.pack_into("<I", bomb, entry + 24, 5000)
    tracemalloc.start()
    try:
        assert "could not be read" in refused("bomb.docx", bytes(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB  # the 40 MB member was never inflated in full


# --- PDF -------------------------------------------------------------------------


def test_handmade_pdf_has_a_text_layer_pypdf_can_read():
    reader = PdfReader(io.BytesIO(make_pdf(["Hello from the PDF"])))
    assert "Hello from the PDF" in reader.pages[0].extract_text()


def test_pdf_text_is_extracted():
    result = ingest_file(
        "a.pdf",
        make_pdf(["Officials said 42 people", "attended the talks."]),
        max_bytes=LIMIT,
    )
    assert result.format == "pdf" and result.title is None
    assert result.text == "Officials said 42 people attended the talks."  # one sentence again


def test_pdf_pages_that_hold_only_the_same_line_keep_it():
    assert text_of("a.pdf", make_pdf(["Same page"], pages=2)) == "Same page Same page"


def test_pdf_without_text_layer_is_refused_as_possible_scan():
    assert "no text layer (is it a scan?)" in refused("scan.pdf", make_pdf(lines=()))


def test_truncated_pdf_is_refused():
    data = make_pdf(["Hello"])
    assert "could not be read" in refused("a.pdf", data[:60])


def test_pdf_with_garbage_after_header_is_refused():
    assert "could not be read" in refused("a.pdf", b"%PDF-1.7\n" + random_bytes(3000))


def test_binary_renamed_pdf_is_refused():
    assert "not a PDF" in refused("a.pdf", b"\x89PNG\r\n\x1a\n" + random_bytes(500))


def test_pdf_with_too_many_pages_is_refused():
    message = refused("long.pdf", make_pdf(["x"], pages=MAX_PDF_PAGES + 1))
    assert f"the limit is {MAX_PDF_PAGES}" in message


def test_password_protected_pdf_is_refused():
    assert "password-protected" in refused("a.pdf", encrypt_pdf(make_pdf(["Secret"]), "secret"))


def test_pdf_encrypted_with_empty_user_password_is_read():
    assert text_of("a.pdf", encrypt_pdf(make_pdf(["Open to all"]), "")) == "Open to all"


# --- any bytes, any format -------------------------------------------------------

_PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>"]
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf", ".xyz"]),
    _PREFIXES,
    st.binary(max_size=2000),
)
def test_ingest_file_any_bytes_gives_text_or_ingest_error(ext, prefix, data):
    try:
        result = ingest_file("upload" + ext, prefix + data, max_bytes=LIMIT)
    except IngestError as exc:
        assert str(exc)
        return
    assert result.text == normalise_text(result.text) and result.format in FORMATS


# --- safe_filename ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\ana\\Desktop\\story.docx", "story.docx"),
        ("bad\x00name\n.pdf", "badname.pdf"),
        ('what?<is>:this|".md', "whatisthis.md"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("  ..hidden.txt. ", "hidden.txt"),
        ("", "upload"),
        ("///", "upload"),
        ("..", "upload"),
        ("Заметка о встрече.txt", "Заметка о встрече.txt"),
    ],
)
def test_safe_filename_sanitises(name, expected):
    assert safe_filename(name) == expected


def test_safe_filename_limits_length_and_keeps_extension():
    result = safe_filename("a" * 500 + ".docx")
    assert len(result) <= 120 and result.endswith("aaa.docx")
