"""Pages around articles: login, dashboard, article list, article page and its live status,
the upload form's permissions, re-processing, and the source pages.

Alice is an editor, Bob a fact-checker, Vic a viewer.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.extraction import extract
from claims.extraction.types import ExtractedClaim
from claims.models import Article, Claim, Source
from tests.conftest import SAMPLE_TEXT, text_of

# Every test here uses the database (some only through fixtures looked up at run time).
pytestmark = pytest.mark.django_db

ROLES = ["alice", "bob", "vic"]


def add_article(user, headline, body=SAMPLE_TEXT, status=Article.Status.QUEUED):
    return Article.objects.create(
        headline=headline,
        body=body,
        content_hash=services.content_hash(body + headline),
        uploaded_by=user,
        status=status,
    )


def add_processed_article(user, headline):
    return services.apply_extraction(add_article(user, headline), extract(SAMPLE_TEXT))


@pytest.fixture
def source(article):
    return Source.objects.get(name="Jane Holloway")


@pytest.fixture
def pages(article, source):
    return {
        "dashboard": reverse("dashboard"),
        "article list": reverse("article_list"),
        "article detail": reverse("article_detail", args=[article.pk]),
        "article status": reverse("article_status", args=[article.pk]),
        "source list": reverse("source_list"),
        "source detail": reverse("source_detail", args=[source.pk]),
    }


PAGES = [
    "dashboard",
    "article list",
    "article detail",
    "article status",
    "source list",
    "source detail",
]


# --- Signing in ---------------------------------------------------------------------------------


def test_login_page_renders(client):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_login_with_right_password_goes_to_dashboard(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "pw-alice"})

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_login_with_wrong_password_shows_error(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})

    assert response.status_code == 200
    assert "enter a correct username and password" in text_of(response)


@pytest.mark.parametrize("page", [*PAGES, "upload"])
def test_anonymous_user_is_sent_to_login(client, pages, page):
    url = pages.get(page) or reverse("article_upload")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


# --- Every page, every role ---------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ROLES)
def test_page_renders_for_every_role(login, pages, page, who):
    response = login(who).get(pages[page])

    assert response.status_code == 200


def test_upload_form_renders_for_editor(login):
    response = login("alice").get(reverse("article_upload"))

    assert response.status_code == 200
    assert 'name="files"' in response.content.decode()


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_upload_form_is_refused_with_a_reason_to_non_editors(login, who):
    response = login(who).get(reverse("article_upload"))

    assert response.status_code == 403
    assert "Your role does not allow this." in text_of(response)


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_upload_post_is_refused_to_non_editors(login, who):
    response = login(who).post(reverse("article_upload"), {"text": SAMPLE_TEXT})

    assert response.status_code == 403
    assert not Article.objects.exists()


def test_upload_link_is_shown_only_to_editors(login):
    assert reverse("article_upload") in login("alice").get(reverse("article_list")).content.decode()
    assert (
        reverse("article_upload") not in login("vic").get(reverse("article_list")).content.decode()
    )


# --- Dashboard ----------------------------------------------------------------------------------


def test_dashboard_lists_my_claims(login, claim_in_progress):
    response = login("bob").get(reverse("dashboard"))

    assert claim_in_progress.get_absolute_url() in response.content.decode()


def test_dashboard_lists_articles_waiting(login, alice):
    waiting = add_article(alice, "Waiting for a worker")

    response = login("vic").get(reverse("dashboard"))

    assert waiting.get_absolute_url() in response.content.decode()


# --- Article list and page ----------------------------------------------------------------------


def test_article_list_shows_headlines_and_claim_counts(login, article):
    response = login("vic").get(reverse("article_list"))

    assert article.headline in text_of(response)
    assert f"<td>{article.claims.count()}</td>" in response.content.decode()


def test_article_list_puts_newest_first(login, alice, article):
    newer = add_article(alice, "Newer article")

    content = login("vic").get(reverse("article_list")).content.decode()

    assert content.index(newer.get_absolute_url()) < content.index(article.get_absolute_url())


def test_article_list_survives_bad_page_number(login, article):
    response = login("vic").get(reverse("article_list"), {"page": "lots"})

    assert response.status_code == 200
    assert article.headline in text_of(response)


def test_article_page_highlights_each_claim(login, article):
    response = login("vic").get(reverse("article_detail", args=[article.pk]))

    for claim in article.claims.all():
        assert f'id="c{claim.pk}"' in response.content.decode()


def test_article_page_lists_each_claim_with_its_state_verdict_and_speaker(login, claim_in_review):
    claim = claim_in_review

    content = login("vic").get(claim.article.get_absolute_url()).content.decode()

    item = content.split(f'data-claim="{claim.pk}">')[1].split("</li>")[0]
    assert '<span class="badge state-in_review">In review</span>' in item
    assert f'<span class="badge kind">{claim.get_kind_display()}</span>' in item
    assert f'color: #fff">{claim.verdict.label}</span>' in item
    assert f"<small>{claim.source.name} — “{claim.cue}” · score {claim.score:.2f} · bob" in item


def test_unknown_article_is_404(login):
    assert login("vic").get(reverse("article_detail", args=[999999])).status_code == 404


def test_article_page_escapes_article_text(login, alice):
    body = "The mayor said <script>alert(1)</script> and <img src=x onerror=alert(1)> today."
    article = add_article(alice, "<b>Bold</b> headline", body=body, status=Article.Status.READY)

    content = login("vic").get(reverse("article_detail", args=[article.pk])).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content
    assert "<script>alert(1)" not in content
    assert "<img src=x" not in content
    assert "<b>Bold</b>" not in content


def test_article_page_escapes_claim_text(login, alice):
    body = "Officials said <img src=x onerror=alert(1)> was fine."
    article = add_article(alice, "XSS", body=body)
    services.apply_extraction(
        article,
        [
            ExtractedClaim(
                text="<img src=x onerror=alert(1)> was fine.", start=15, end=len(body),
                sentence_start=0, sentence_end=len(body), kind="indirect",
                source="Officials", source_name="Officials", source_kind="anonymous",
                cue="said", cue_start=10, cue_end=14,
            )
        ],
    )  # fmt: skip

    content = login("vic").get(reverse("article_detail", args=[article.pk])).content.decode()

    assert "&lt;img src=x onerror=alert(1)&gt; was fine." in content
    assert "<img src=x" not in content


# --- The live status partial --------------------------------------------------------------------


def test_status_partial_polls_while_article_is_queued(login, alice):
    queued = add_article(alice, "Queued")

    content = login("vic").get(reverse("article_status", args=[queued.pk])).content.decode()

    assert 'id="article-live"' in content
    assert "hx-trigger" in content


def test_status_partial_stops_polling_once_ready(login, article):
    content = login("vic").get(reverse("article_status", args=[article.pk])).content.decode()

    assert 'id="article-live"' in content
    assert "hx-trigger" not in content


def test_status_partial_stops_polling_when_failed(login, alice):
    failed = add_article(alice, "Failed", status=Article.Status.FAILED)

    content = login("vic").get(reverse("article_status", args=[failed.pk])).content.decode()

    assert "hx-trigger" not in content
    assert "Processing failed" in content


def test_status_partial_is_only_the_fragment(login, article):
    content = (
        login("vic")
        .get(reverse("article_status", args=[article.pk]), HTTP_HX_REQUEST="true")
        .content.decode()
    )

    assert "<html" not in content
    assert content.lstrip().startswith('<div id="article-live"')


def test_no_form_is_polled_away_while_the_article_is_processed(login, alice):
    """The poll replaces the live column twice a second: the details and new-version forms were
    in it, so an editor typing the outlet while the worker read a PDF lost it every 500 ms.
    They appear once the article is finished."""
    queued = add_article(alice, "Queued")
    editor = login("alice")

    page = editor.get(reverse("article_detail", args=[queued.pk])).content.decode()
    polled = editor.get(reverse("article_status", args=[queued.pk])).content.decode()
    Article.objects.filter(pk=queued.pk).update(status=Article.Status.READY)
    finished = editor.get(reverse("article_status", args=[queued.pk])).content.decode()

    for content in (page, polled):
        assert 'id="article-details"' not in content
        assert 'id="article-version"' not in content
        assert "can be edited as soon as it is read" in content
    assert 'id="article-details"' in finished and 'id="article-version"' in finished


def test_the_finished_status_brings_the_heading_the_worker_found(login, alice):
    """The page shows the file's name until the worker reads the headline (and outlet, author):
    the last poll sends the heading and the title too, out of band, so no reload is needed."""
    queued = add_article(alice, "")
    Article.objects.filter(pk=queued.pk).update(original_filename="story.txt")
    viewer = login("vic")

    polled = viewer.get(reverse("article_status", args=[queued.pk])).content.decode()
    Article.objects.filter(pk=queued.pk).update(
        headline="Council approves budget", outlet="Port Gazette", status=Article.Status.READY
    )
    finished = viewer.get(reverse("article_status", args=[queued.pk])).content.decode()
    page = viewer.get(reverse("article_detail", args=[queued.pk])).content.decode()

    assert 'id="article-head"' not in polled
    assert '<div class="page-head" id="article-head" hx-swap-oob="true">' in finished
    assert "<h1>Council approves budget</h1>" in finished and "Port Gazette" in finished
    assert "<title>Council approves budget · Fact-check desk</title>" in finished
    assert page.count('id="article-head"') == 1 and "hx-swap-oob" not in page


def test_status_partial_shows_delay_message(login, alice):
    queued = add_article(alice, "Queued")
    Article.objects.filter(pk=queued.pk).update(error_message="Processing is delayed: down.")

    response = login("vic").get(reverse("article_status", args=[queued.pk]))

    assert "Processing is delayed: down." in text_of(response)


# --- Re-processing ------------------------------------------------------------------------------


def test_editor_reprocesses_article(login, article):
    response = login("alice").post(reverse("article_reprocess", args=[article.pk]), follow=True)

    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert "queued for processing again" in text_of(response)


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_reprocess_is_refused_with_message(login, article, who):
    response = login(who).post(reverse("article_reprocess", args=[article.pk]), follow=True)

    article.refresh_from_db()
    assert article.status == Article.Status.READY
    assert "Only editors can re-process an article." in text_of(response)


def test_reprocess_over_htmx_redirects_client(login, article):
    response = login("alice").post(
        reverse("article_reprocess", args=[article.pk]), HTTP_HX_REQUEST="true"
    )

    assert response["HX-Redirect"] == article.get_absolute_url()


def test_reprocess_needs_post(login, article):
    assert login("alice").get(reverse("article_reprocess", args=[article.pk])).status_code == 405


# --- Sources ------------------------------------------------------------------------------------


def test_source_list_shows_each_speaker_once(login, article):
    content = text_of(login("vic").get(reverse("source_list")))

    assert content.count(">Jane Holloway</a>") == 1


def test_source_list_counts_claims_up_to_a_cap(login, article, source, monkeypatch):
    from claims import selectors

    monkeypatch.setattr(selectors, "SOURCE_LIST_COUNT_CAP", 1)
    Source.objects.create(name="Lone Voice", normalized_name="lone voice")
    html = login("vic").get(reverse("source_list")).content.decode()

    row = html[html.index(f">{source.name}</a>") :]
    assert source.claims.count() == 2 and 'exact count">1+</td>' in row[: row.index("</tr>")]
    row = html[html.index(">Lone Voice</a>") :]
    assert "<td>0</td>" in row[: row.index("</tr>")]


def test_source_page_lists_speakers_claims(login, article, source):
    response = login("vic").get(reverse("source_detail", args=[source.pk]))

    for claim in source.claims.all():
        assert claim.get_absolute_url() in response.content.decode()
    assert source.claims.count() == 2


def test_source_page_shows_verdict_record(login, claim_in_review, source, dave):
    claim_in_review.source = source
    claim_in_review.save()
    services.transition(claim_in_review, "approve", actor=dave)  # approved verdicts count

    response = login("vic").get(reverse("source_detail", args=[source.pk]))

    assert "<td>1</td>" in response.content.decode()


# --- Query counts -------------------------------------------------------------------------------


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_article_page_query_count_is_small(
    login, article, claim_in_review, django_assert_max_num_queries
):
    client = login("bob")

    with django_assert_max_num_queries(10):
        client.get(reverse("article_detail", args=[article.pk]))


def test_article_page_query_count_does_not_grow_with_claims(login, alice, bob):
    small = add_processed_article(alice, "One")
    big = add_article(alice, "Two", body=SAMPLE_TEXT + "\n\n" + SAMPLE_TEXT.replace("$4.2", "$5"))
    services.apply_extraction(big, extract(big.body))
    for claim in big.claims.all():
        services.assign_claim(claim, bob, actor=alice)
    client = login("bob")

    assert big.claims.count() > small.claims.count()
    assert queries_for(client, big.get_absolute_url()) == queries_for(
        client, small.get_absolute_url()
    )


def test_dashboard_query_count_is_small(login, claim_in_review, django_assert_max_num_queries):
    services.refresh_desk_figures()  # the periodic task's work, not the page's
    client = login("bob")

    with django_assert_max_num_queries(10):
        client.get(reverse("dashboard"))


def test_dashboard_query_count_does_not_grow_with_rows(login, alice, bob, article):
    services.refresh_desk_figures()  # the periodic task's work, not the page's
    client = login("bob")
    for claim in article.claims.all()[:2]:
        services.assign_claim(claim, bob, actor=alice)
    before = queries_for(client, reverse("dashboard"))
    for n in range(3):
        add_processed_article(alice, f"More {n}")
        add_article(alice, f"Waiting {n}")
    for claim in Claim.objects.filter(assignee__isnull=True):
        services.assign_claim(claim, bob, actor=alice)

    assert queries_for(client, reverse("dashboard")) == before


def test_article_list_query_count_does_not_grow_with_rows(login, alice, article):
    client = login("vic")
    before = queries_for(client, reverse("article_list"))
    for n in range(3):
        add_processed_article(alice, f"More {n}")

    assert queries_for(client, reverse("article_list")) == before


def test_source_pages_query_count_does_not_grow_with_rows(login, alice, article, source):
    client = login("vic")
    urls = [reverse("source_list"), reverse("source_detail", args=[source.pk])]
    before = [queries_for(client, url) for url in urls]
    for n in range(3):
        add_processed_article(alice, f"More {n}")

    assert [queries_for(client, url) for url in urls] == before
