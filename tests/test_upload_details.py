"""An uploaded document's own details reach the article, as Alice the editor uploads it: the
headline, outlet, author, date and address it states fill what she left empty, and never
replace what she typed."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.models import Article
from claims.tasks import extract_article
from tests.bench.html_extraction import PAGES
from tests.test_ingest import make_pdf

pytestmark = pytest.mark.django_db

UPLOAD = "/articles/new/"
PAGE = "riverside-gazette-wordpress.html"


@pytest.fixture
def editor(client, alice):
    client.force_login(alice)
    return client


def upload_and_process(client, filename, data, **fields):
    response = client.post(UPLOAD, {"files": [SimpleUploadedFile(filename, data)], **fields})
    assert response.status_code == 302
    article = Article.objects.get()
    extract_article.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.status == Article.Status.READY, article.error_message
    return article


def test_an_uploaded_web_page_gives_the_article_its_details(editor):
    article = upload_and_process(editor, PAGE, (PAGES / PAGE).read_bytes())

    assert article.headline == "Council approves £4m flood defence plan for Millbrook"
    assert (article.outlet, article.author) == ("The Riverside Gazette", "Maria Okafor")
    assert article.published_on == datetime.date(2024, 3, 14)
    assert article.url == (
        "https://riversidegazette.example/2024/03/14/council-approves-flood-defence-plan/"
    )
    assert article.body.startswith("Millbrook will get new flood walls")
    assert "We use cookies" not in article.body and "Leave a Reply" not in article.body


def test_what_the_editor_typed_is_kept_and_only_empty_fields_are_filled(editor):
    article = upload_and_process(
        editor, PAGE, (PAGES / PAGE).read_bytes(), headline="Flood walls: the vote",
        outlet="Lune Valley Weekly", published_on="2024-03-15",
    )  # fmt: skip

    assert (article.headline, article.outlet) == ("Flood walls: the vote", "Lune Valley Weekly")
    assert article.published_on == datetime.date(2024, 3, 15)
    assert article.author == "Maria Okafor"  # left empty, so the page's


def test_a_pdf_with_a_junk_title_is_headed_by_its_first_line_not_its_file_name(editor):
    pdf = make_pdf(
        page_lines=[["Council approves budget", "By Jane Smith", "The council approved it."]],
        info={"Title": "Microsoft Word - budget_final3.docx", "Author": "Administrator"},
    )
    article = upload_and_process(editor, "budget_final3.pdf", pdf)

    assert (article.headline, article.author) == ("Council approves budget", "Jane Smith")
