"""The "mark claims reviewed" panel of the article page, and the extractor's score on the dashboard.

Alice is an editor, Bob a fact-checker, Vic a viewer.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services, tasks
from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article, ExtractionScore
from tests.conftest import text_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "article-review"}


@pytest.fixture(autouse=True)
def published(monkeypatch):
    """No broker here: the measurements the desk sends are only noted."""
    sent = []
    monkeypatch.setattr(tasks.measure_extractor, "apply_async", lambda **kw: sent.append(kw))
    return sent


def review_url(article):
    return reverse("article_review", args=[article.pk])


def score(**figures):
    values = {
        "extractor_version": EXTRACTOR_VERSION, "articles": 3, "gold_claims": 40,
        "predicted_claims": 36, "content_precision": 0.8611, "content_recall": 0.775,
        "content_f1": 0.8158, "speaker_accuracy": 0.9032,
        "corrections": {"missed": 9, "junk": 5, "boundary": 4, "speaker": 3, "kind": 1},
    }  # fmt: skip
    return ExtractionScore.objects.create(**{**values, **figures})


# --- The article page ----------------------------------------------------------------------------


def test_an_editor_sees_the_button_on_the_article_page(login, article):
    page = text_of(login("alice").get(article.get_absolute_url()))

    assert "Mark claims reviewed" in page
    assert review_url(article) in page


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_others_do_not_see_the_button(login, article, who):
    page = text_of(login(who).get(article.get_absolute_url()))

    assert "Mark claims reviewed" not in page


def test_no_button_while_the_article_is_processed(login, article):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING)

    page = text_of(login("alice").get(article.get_absolute_url()))

    assert "Mark claims reviewed" not in page


def test_everyone_sees_who_reviewed_the_article(login, article, alice):
    services.mark_reviewed(article, actor=alice)

    page = text_of(login("vic").get(article.get_absolute_url()))

    assert "Reviewed" in page and "by alice" in page
    assert "Unmark reviewed" not in page


def test_the_article_page_costs_no_more_queries_once_reviewed(login, article, alice):
    client = login("bob")
    with CaptureQueriesContext(connection) as before:
        client.get(article.get_absolute_url())
    services.mark_reviewed(article, actor=alice)

    with CaptureQueriesContext(connection) as after:
        client.get(article.get_absolute_url())

    assert len(after) == len(before)


# --- Marking and unmarking -----------------------------------------------------------------------


def test_an_editor_marks_an_article_reviewed_over_htmx(login, article, alice):
    response = login("alice").post(review_url(article), {"reviewed": "1"}, **HTMX)

    article.refresh_from_db()
    assert article.reviewed_by == alice
    page = text_of(response)
    assert 'id="article-review"' in page and "<html" not in page
    assert "by alice" in page and "Unmark reviewed" in page


def test_an_editor_unmarks_it_without_javascript(login, article, alice):
    services.mark_reviewed(article, actor=alice)

    response = login("alice").post(review_url(article), {"reviewed": "0"}, follow=True)

    article.refresh_from_db()
    assert article.reviewed_at is None
    assert "No longer marked reviewed." in text_of(response)


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_a_fact_checker_or_viewer_is_refused_with_a_message(login, article, who, published):
    response = login(who).post(review_url(article), {"reviewed": "1"}, **HTMX)

    assert response.status_code == 200
    assert "Only editors can mark" in text_of(response)
    assert Article.objects.get(pk=article.pk).reviewed_at is None
    assert published == []


def test_marking_a_processing_article_is_refused_with_a_message(login, article):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)

    response = login("alice").post(review_url(article), {"reviewed": "1"}, follow=True)

    assert "waiting to be processed" in text_of(response)
    assert Article.objects.get(pk=article.pk).reviewed_at is None


def test_marking_is_a_post(login, article):
    assert login("alice").get(review_url(article)).status_code == 405


def test_an_anonymous_visitor_is_sent_to_log_in(client, article):
    response = client.post(review_url(article), {"reviewed": "1"})

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).reviewed_at is None


# --- The dashboard -------------------------------------------------------------------------------


def test_the_dashboard_shows_the_latest_score_with_its_explanation(login):
    score(extractor_version="0.1", content_f1=0.5)
    latest = score()

    page = text_of(login("vic").get(reverse("dashboard")))

    assert "0.816" in page and "content F1" in page
    assert "0.861" in page and "0.775" in page  # precision, recall
    assert "Speaker accuracy" in page and "0.903" in page
    assert "3 articles" in page and "40 quoted or reported claims" in page
    assert "9 missed claims added, 5 junk removed, 4 boundaries moved" in page
    assert "3 speakers and 1 kind changed" in page
    assert f"Extractor {EXTRACTOR_VERSION}, measured {latest.computed_at:%-d %b %Y}" in page
    assert "0.500" not in page


def test_the_dashboard_says_when_the_score_is_of_an_older_extractor(login):
    score(extractor_version="0.1")

    page = text_of(login("vic").get(reverse("dashboard")))

    assert f"Extractor {EXTRACTOR_VERSION} is running now; its measurement follows." in page


def test_the_dashboard_explains_the_score_before_any_review(login):
    page = text_of(login("vic").get(reverse("dashboard")))

    assert "No article's claims have been marked reviewed yet." in page


def test_the_task_stores_a_score_and_the_dashboard_shows_it(login, article, alice):
    services.mark_reviewed(article, actor=alice)

    tasks.measure_extractor.apply()

    page = text_of(login("bob").get(reverse("dashboard")))
    assert "1.000 <small" in page  # the review changed nothing: content F1 is 1
    assert "1 article whose claims" in page


def test_the_dashboard_does_not_grow_queries_with_scores(login, django_assert_num_queries):
    services.refresh_desk_figures()  # the periodic task's work, not the page's
    client = login("bob")
    with CaptureQueriesContext(connection) as without:
        client.get(reverse("dashboard"))
    for version in ("1.0", "1.1", EXTRACTOR_VERSION):
        score(extractor_version=version)

    # Session, user, groups, my queue, the figures (one row), the verdicts, the score, articles
    # in progress, unseen notifications.
    with django_assert_num_queries(9):
        client.get(reverse("dashboard"))
    assert len(without) == 9
