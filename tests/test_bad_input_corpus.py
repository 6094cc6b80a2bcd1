"""A corpus of bad and awkward input, sent through every entry point of the desk.

The corpus is generated here (nothing large is committed): each case goes through the upload
form (as a file or pasted), the `loadseeds` command, the worker's task, the claim forms and the
query strings of the list pages. Each must give a clear message or a correct result: never a
500 (the test client re-raises any server error), never a half-saved article, nothing lost.
tests/test_ingest.py and tests/test_upload_bad_input.py test the messages one by one; this
module checks the entry points against the same corpus.
"""

import io
import sys
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from claims import ingest, services
from claims.extraction import extract
from claims.models import Article, Claim, ClaimEvent, Evidence
from claims.tasks import extract_article
from tests.test_ingest import make_docx, make_pdf, make_zip

pytestmark = pytest.mark.django_db

LIMIT = 1_200_000  # the per-article limit for this module: big cases stay quick
MB = 1024 * 1024
STORY = "The minister said the programme had cut waiting times by 40 percent since 2022."
RTL = "قال الوزير إن البرنامج خفض أوقات الانتظار بنسبة 40 في المئة. 🇪🇬🚀 שלום עולם"
HOSTILE_HTML = (
    "<html><head><style>body{display:none}</style><script>alert('x')</script></head><body>"
    "<iframe src='javascript:alert(1)'></iframe><p onclick=\"alert('p')\">"
    f"{STORY}</p><a href=\"javascript:alert('a')\">more</a>"
    "<img src=x onerror=\"alert('img')\"></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8

# name -> (filename, bytes, expectation): "ok:<text the article must contain>", "refused" (on the
# form: what a web request checks, cheaply) or "failed:<message>" (the worker reads the upload and
# the article page says why it could not).
FILES = {
    "0-byte file": ("empty.txt", b"", "refused"),
    "whitespace-only file": ("blank.txt", " \t\r\n \n\u3000".encode(),
                             "failed:The file contains no text."),
    "binary renamed .txt": ("photo.txt", PNG, "refused"),
    "binary renamed .pdf": ("photo.pdf", PNG, "refused"),
    "binary renamed .docx": ("photo.docx", PNG, "refused"),
    "unknown extension": ("story.exe", STORY.encode(), "refused"),
    "no extension": ("story", STORY.encode(), "refused"),
    "invalid utf-8": ("broken.txt", b"Caf\xc3 \xff\xfe\xfd\x80\x81 " * 50,
                      "failed:The file's text encoding was not recognised."),
    "utf-16 with bom": ("utf16.txt", STORY.encode("utf-16"), f"ok:{STORY}"),
    "utf-8 with bom": ("bom.txt", b"\xef\xbb\xbf" + STORY.encode(), f"ok:{STORY}"),
    "mixed line endings": (
        "endings.txt",
        f"{STORY}\r\nSecond line.\rThird line.\nFourth.".encode(),
        "ok:Third line.",
    ),
    "control characters": ("controls.txt", f"{STORY}\x07 Second\x1b sentence.\x0c".encode(),
                           "ok:Second sentence."),
    "zip bomb disguised as docx": (
        "bomb.docx",
        make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (30 * MB)}),
        "failed:which looks unsafe; it was not opened.",
    ),
    "truncated docx": ("cut.docx", make_docx(STORY)[:200],
                       "failed:This Word file could not be read"),
    "pdf without text layer": ("scan.pdf", make_pdf(lines=()), "failed:This PDF has no text layer"),
    "truncated pdf": ("cut.pdf", make_pdf((STORY,))[:120], "failed:This PDF could not be read"),
    "html with script, iframe, style, on*= and javascript:": (
        "hostile.html", HOSTILE_HTML.encode(), f"ok:{STORY}"
    ),
    "right-to-left and emoji": ("rtl.txt", RTL.encode(), f"ok:{RTL}"),
    "1 MB single line": ("line.txt", (STORY + " ") * (MB // len(STORY)), "ok:" + STORY),
    "over the limit": ("huge.txt", b"a" * (LIMIT + 1), "refused"),
    "just under the limit": ("under.txt", (b"The mayor said so. " * LIMIT)[: LIMIT - 1],
                             "ok:The mayor said so."),
    "very long file name": ("x" * 400 + ".txt", STORY.encode(), f"ok:{STORY}"),
    "file name with path and controls": ("../../etc/\x00pass\nwd.txt", STORY.encode(),
                                         f"ok:{STORY}"),
    "good docx": ("story.docx", make_docx(STORY), f"ok:{STORY}"),
    "good pdf": ("story.pdf", make_pdf((STORY,)), f"ok:{STORY}"),
}  # fmt: skip
for name, (filename, data, _) in FILES.items():
    if isinstance(data, str):
        FILES[name] = (filename, data.encode(), FILES[name][2])

PASTES = {
    "empty paste": ("", "refused"),
    "whitespace-only paste": ("  \n\t\u00a0\u2003 ", "refused"),
    "paste over the limit": ("é" * (LIMIT // 2 + 1), "refused"),  # counted in UTF-8 bytes
    "paste just under the limit": ("a" * (LIMIT - 1), "ok:aaaa"),
    "paste with NUL": (f"{STORY}\x00", "refused"),  # "Null characters are not allowed."
    "paste with control characters": (
        f"{STORY}\x01 Second\x1f sentence.\x7f",
        "ok:Second sentence.",
    ),
    "pasted hostile html": (HOSTILE_HTML, f"ok:{STORY}"),
    "pasted right-to-left and emoji": (RTL, f"ok:{RTL}"),
    "pasted 1 MB single line": ((STORY + " ") * (MB // len(STORY)), f"ok:{STORY}"),
}

METADATA = {
    "very long author (speaker) name": {"author": "Kirill " * 100},
    "very long outlet": {"outlet": "O" * 201},
    "very long headline": {"headline": "H" * 301},
    "malformed date": {"published_on": "2024-13-45"},
    "date as words": {"published_on": "yesterday"},
    "javascript: url": {"url": "javascript:alert(1)"},
    "url with spaces": {"url": "http://exa mple.org/ x"},
}

FIGURES = {"tried": 0}


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.ARTICLE_MAX_BYTES = LIMIT
    settings.ARTICLE_MAX_CHARS = LIMIT


@pytest.fixture
def editor(client, alice):
    client.force_login(alice)
    return client


def post_upload(client, **data):
    FIGURES["tried"] += 1
    return client.post(reverse("article_upload"), data, follow=True)


def check(client, response, expectation, before):
    """The upload's outcome: refused on the form, or stored and then read by the worker's code
    (the text it finds, or the message the article page shows)."""
    page = unescape(response.content.decode())
    assert response.status_code == 200
    if expectation == "refused":
        assert 'role="alert"' in response.content.decode(), page[:2000]
        assert Article.objects.count() == before, "a refused upload saved something"
        return None
    article = Article.objects.order_by("-pk").first()
    assert Article.objects.count() == before + 1
    assert not article.body, "the web request read the upload"
    if expectation.startswith("failed:"):
        extract_article.apply(args=[article.pk])
        article.refresh_from_db()
        assert article.status == Article.Status.FAILED
        shown = unescape(client.get(article.get_absolute_url()).content.decode())
        assert expectation.removeprefix("failed:") in shown
        assert not article.claims.exists()
        return None
    text = services.read_upload(article).text
    assert expectation[3:] in text
    assert "<script" not in text and "alert(" not in text
    return article


@pytest.mark.parametrize("filename, data, expectation", FILES.values(), ids=FILES.keys())
def test_file_upload(editor, filename, data, expectation):
    before = Article.objects.count()
    response = post_upload(
        editor, files=[SimpleUploadedFile(filename, data)], headline="", allow_duplicate="on"
    )
    article = check(editor, response, expectation, before)
    if article is not None:
        assert len(article.original_filename) <= ingest.FILENAME_MAX
        assert "/" not in article.original_filename and "\n" not in article.original_filename


@pytest.mark.parametrize("text, expectation", PASTES.values(), ids=PASTES.keys())
def test_paste(editor, text, expectation):
    before = Article.objects.count()
    check(editor, post_upload(editor, text=text, headline="Pasted"), expectation, before)


@pytest.mark.parametrize("fields", METADATA.values(), ids=METADATA.keys())
def test_bad_metadata_is_refused_on_its_field_and_keeps_the_text(editor, fields):
    response = post_upload(editor, text=STORY, **fields)
    page = unescape(response.content.decode())
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode() or "errorlist" in page
    assert STORY in page  # the pasted text is still in the form
    assert not Article.objects.exists()


def test_paste_with_invalid_utf8_bytes_is_read_with_replacement_characters(editor):
    """A lone surrogate or broken bytes in the form body (browsers send U+FFFD; others may not)."""
    FIGURES["tried"] += 1
    body = b"headline=Broken&text=" + b"The+mayor+said+%ED%A0%80%FF+so+today+in+the+council."
    response = editor.post(
        reverse("article_upload"), body, content_type="application/x-www-form-urlencoded",
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    text = services.read_upload(Article.objects.get()).text
    assert text.startswith("The mayor said") and "so today" in text


def test_a_bad_file_among_good_ones_saves_nothing(editor):
    files = [SimpleUploadedFile(f, d) for f, d, _ in (FILES["good docx"], FILES["0-byte file"])]
    response = post_upload(editor, files=files)
    assert "empty.txt" in unescape(response.content.decode())
    assert not Article.objects.exists()


# --- The worker: every accepted case is processed, with valid spans --------------------------


def test_every_accepted_corpus_case_is_processed_by_the_task(editor):
    """Megabyte articles are left out: they are stored whole (above), and extracting one takes
    the worker 7-12 s (13,000-63,000 claims), too slow for the suite."""
    small = 200_000
    accepted = [(f, d) for f, d, e in FILES.values() if e.startswith("ok:") and len(d) < small]
    for filename, data in accepted:
        post_upload(editor, files=[SimpleUploadedFile(filename, data)], allow_duplicate="on")
    pastes = [t for t, e in PASTES.values() if e.startswith("ok:") and len(t) < small]
    for text in pastes:
        post_upload(editor, text=text, allow_duplicate="on")
    articles = list(Article.objects.all())
    assert len(articles) == len(accepted) + len(pastes)
    for article in articles:
        extract_article.apply(args=[article.pk])
        article.refresh_from_db()
        assert article.status == Article.Status.READY, (article.headline, article.error_message)
        for claim in Claim.objects.filter(article=article):
            assert 0 <= claim.start < claim.end <= len(article.body)
            assert article.body[claim.start : claim.end] == claim.text


# --- Management commands -------------------------------------------------------------------------


def test_loadseeds_reports_each_bad_file_and_loads_the_good_ones(alice, tmp_path, settings):
    alice.username = "editor"
    alice.save()
    for filename, data, _ in FILES.values():
        safe = ingest.safe_filename(filename)
        (tmp_path / safe).write_bytes(data)
    FIGURES["tried"] += len(FILES)
    out, err = io.StringIO(), io.StringIO()
    call_command("loadseeds", str(tmp_path), stdout=out, stderr=err)
    refused = [ingest.safe_filename(f) for f, _, e in FILES.values() if e == "refused"]
    for name in refused:
        assert f"{name}: " in err.getvalue()
    bodies = list(Article.objects.values_list("body", flat=True))
    for _, _, expectation in FILES.values():
        if expectation.startswith("ok:"):
            assert any(expectation[3:] in body for body in bodies), expectation[:60]


def test_loadseeds_with_a_missing_directory_says_so(alice):
    with pytest.raises(CommandError, match="is not a directory"):
        call_command("loadseeds", "/nonexistent/folder")


def test_loadseeds_with_an_unknown_user_says_so(tmp_path):
    with pytest.raises(CommandError, match="No user called"):
        call_command("loadseeds", str(tmp_path), user="nobody")


# --- Claim forms ---------------------------------------------------------------------------------


CLAIM_POSTS = {
    "comment: whitespace only": ("claim_comment", {"text": " \n\t "}),
    "comment: too long": ("claim_comment", {"text": "x" * 5001}),
    "comment: NUL character": ("claim_comment", {"text": "before\x00after"}),
    "transition: version not a number": ("claim_transition", {"action": "x", "version": "abc"}),
    "transition: negative version": ("claim_transition", {"action": "dismiss", "version": "-1"}),
    "transition: huge version": ("claim_transition", {"action": "dismiss", "version": "9" * 40}),
    "transition: unknown action": ("claim_transition", {"action": "explode", "version": "1"}),
    "assign: unknown user": ("claim_assign", {"assignee": "99999999", "version": "1"}),
    "assign: not a number": ("claim_assign", {"assignee": "'; DROP TABLE x;--", "version": "1"}),
    "propose: unknown verdict": ("claim_propose", {"verdict": "999", "summary": "s", "version": 1}),
    "evidence: javascript: url": ("claim_add_evidence", {"url": "javascript:alert(1)"}),
    "evidence: excerpt too long": ("claim_add_evidence", {"title": "t", "excerpt": "x" * 10001}),
    "evidence: unknown kind": ("claim_add_evidence", {"title": "t", "kind": "spaceship"}),
    "link: unknown evidence": ("claim_link_evidence", {"evidence": "424242", "stance": "refutes"}),
}  # fmt: skip


@pytest.mark.parametrize("name, data", CLAIM_POSTS.values(), ids=CLAIM_POSTS.keys())
def test_bad_claim_form_input_is_refused_with_a_message(editor, claim, name, data):
    FIGURES["tried"] += 1
    before = (Claim.objects.get(pk=claim.pk).version, ClaimEvent.objects.count(),
              Evidence.objects.count())  # fmt: skip
    response = editor.post(reverse(name, args=[claim.pk]), data, follow=True)
    assert response.status_code == 200
    assert 'class="message error"' in response.content.decode()
    after = (Claim.objects.get(pk=claim.pk).version, ClaimEvent.objects.count(),
             Evidence.objects.count())  # fmt: skip
    assert after == before


# --- Query strings -------------------------------------------------------------------------------


QUERIES = {
    "unknown filter values": ("claim_queue", "state=exploded&kind=zzz&verdict=999999&assignee=abc"
                              "&article=-4&source=1e9&sort=nope&tab=secret"),
    "negative page": ("claim_queue", "page=-1"),
    "huge page": ("claim_queue", "page=" + "9" * 30),
    "page not a number": ("article_list", "page=abc"),
    "huge page of sources": ("source_list", "page=" + "9" * 25),
    "SQL metacharacters in search": ("claim_queue", "q=%27%20OR%201%3D1%20--%3B%20DROP%20TABLE"
                                     "%20claims_claim%3B%20%25_%5C"),
    "very long search": ("claim_queue", "q=" + "a" * 10000),
    "NUL in search": ("claim_queue", "q=a%00b"),
    "repeated parameters": ("claim_queue", "state=new&state=zzz&page=1&page=x"),
    "score out of range": ("claim_queue", "min_score=-5&max_score=1e308&score=nan"),
}  # fmt: skip


@pytest.mark.parametrize("name, query", QUERIES.values(), ids=QUERIES.keys())
def test_odd_query_strings_still_give_a_page(editor, claim, name, query):
    FIGURES["tried"] += 1
    response = editor.get(reverse(name) + "?" + query)
    assert response.status_code == 200


def test_figures(capsys):
    """Not a check: prints how many bad inputs this module sent (run with -s)."""
    total = len(FILES) + len(PASTES) + len(METADATA) + len(CLAIM_POSTS) + len(QUERIES)
    sys.stdout.write(f"\nFIGURES bad-input: cases={total} requests_this_run={FIGURES['tried']}\n")
    assert total >= 30


# --- Fuzz: pasted text through normalisation and extraction ----------------------------------


@hypothesis_settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.text(max_size=400))
def test_any_pasted_text_gives_valid_claims_on_the_stored_body(text):
    """What the worker sees is the normalised body: spans must be valid in it, for any input."""
    try:
        body = ingest.ingest_text(text, max_bytes=LIMIT).text
    except ingest.IngestError as exc:
        assert str(exc)
        return
    for claim in extract(body):
        assert 0 <= claim.start < claim.end <= len(body)
        assert body[claim.start : claim.end] == claim.text
        assert claim.sentence_start <= claim.start and claim.end <= claim.sentence_end
        for start, end, value in ((claim.source_start, claim.source_end, claim.source),
                                  (claim.cue_start, claim.cue_end, claim.cue)):  # fmt: skip
            if value is not None:
                assert 0 <= start < end <= len(body) and body[start:end] == value
        assert 0.0 <= claim.score <= 1.0
