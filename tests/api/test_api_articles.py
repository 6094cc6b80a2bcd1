"""Articles through the API: created with the upload form's checks and messages, once only,
read with status and progress, listed with filters, re-extracted; by role."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.models import Article
from tests.conftest import SAMPLE_TEXT

NEW_TEXT = "The harbour authority said cargo volumes rose by 8 percent in March."


@pytest.fixture(autouse=True)
def no_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False


@pytest.fixture
def queued(monkeypatch):
    """Extraction tasks are not sent (the worker tests send them): the ids that would have been."""
    sent = []
    monkeypatch.setattr(
        "claims.services.processing.publish_extraction", lambda pk, **kw: sent.append(pk)
    )
    return sent


def test_an_editor_creates_an_article_from_text(
    api, alice, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api("alice").post(
            "/articles", {"text": NEW_TEXT, "headline": "Harbour", "external_id": "cms-1"}
        )
    assert response.status_code == 201, response.content
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert body["status"] == "queued" and body["external_id"] == "cms-1"
    assert article.uploaded_by == alice and article.headline == "Harbour"
    assert queued == [article.pk]


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_fact_checkers_and_viewers_cannot_create_articles(api, db, who, request):
    request.getfixturevalue(who)
    response = api(who).post("/articles", {"text": NEW_TEXT})
    assert response.status_code == 403
    assert response.json() == {"detail": "Only editors can upload articles.", "code": "not_allowed"}
    assert not Article.objects.exists()


def test_without_a_token_nothing_is_answered(api):
    response = api(None).get("/articles")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_retried_request_with_the_same_idempotency_key_makes_one_article(api, alice, queued):
    client, key = api("alice"), str(uuid.uuid4())
    first = client.post("/articles", {"text": NEW_TEXT}, **{"Idempotency-Key": key})
    again = client.post("/articles", {"text": NEW_TEXT}, **{"Idempotency-Key": key})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Article.objects.count() == 1


def test_the_same_key_with_another_text_is_a_conflict(api, alice, queued):
    client = api("alice")
    client.post("/articles", {"text": NEW_TEXT}, **{"Idempotency-Key": "k-1"})
    response = client.post("/articles", {"text": SAMPLE_TEXT}, **{"Idempotency-Key": "k-1"})
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert "use a new key for each new article" in response.json()["detail"]
    assert Article.objects.count() == 1


def test_the_cms_id_alone_makes_a_resent_article_the_same_one(api, alice, queued):
    client = api("alice")
    first = client.post("/articles", {"text": NEW_TEXT, "external_id": "cms-7"})
    again = client.post("/articles", {"text": NEW_TEXT, "external_id": "cms-7"})
    other = client.post("/articles", {"text": SAMPLE_TEXT, "external_id": "cms-7"})
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    assert first.json()["id"] == again.json()["id"]
    assert "already here (article" in other.json()["detail"]


def test_the_same_text_without_an_id_is_refused_as_a_duplicate(api, alice, queued):
    client = api("alice")
    first = client.post("/articles", {"text": NEW_TEXT})
    second = client.post("/articles", {"text": NEW_TEXT})
    assert second.status_code == 409
    assert second.json()["code"] == "duplicate"
    assert second.json()["existing"]["id"] == first.json()["id"]
    anyway = client.post("/articles", {"text": NEW_TEXT, "allow_duplicate": True})
    assert anyway.status_code == 201


def test_the_upload_forms_messages_come_back(api, alice):
    client = api("alice")
    spaces = client.post("/articles", {"text": "   "})
    assert spaces.status_code == 422
    assert spaces.json()["errors"] == {"text": ["The article is empty: it contains only spaces."]}
    bad_url = client.post("/articles", {"text": NEW_TEXT, "url": "not a url at all"})
    assert bad_url.status_code == 422 and "url" in bad_url.json()["errors"]
    assert bad_url.json()["detail"] == "Enter a valid URL."


def test_an_article_arrives_as_a_file(api, alice, queued):
    upload = SimpleUploadedFile("harbour.md", NEW_TEXT.encode(), content_type="text/markdown")
    response = api("alice").upload(
        "/articles/upload", {"file": upload, "outlet": "Coast News", "external_id": "cms-9"}
    )
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert (article.original_filename, article.outlet, article.format) == (
        "harbour.md",
        "Coast News",
        "markdown",
    )


def test_a_binary_file_gets_the_forms_message(api, alice):
    upload = SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    response = api("alice").upload("/articles/upload", {"file": upload})
    assert response.status_code == 422
    (message,) = response.json()["errors"]["files"]
    assert message.startswith("photo.txt: ")


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_everyone_reads_an_article_with_its_status(api, article, who, request):
    request.getfixturevalue(who)
    response = api(who).get(f"/articles/{article.pk}")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["progress"], body["claims"]) == (
        "ready",
        100,
        article.claims.count(),
    )


def test_an_unknown_article_is_404(api, alice):
    response = api("alice").get("/articles/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no article with id 999999.", "code": "not_found"}


def test_the_list_filters_and_pages_with_cursors(api, alice, queued):
    client = api("alice")
    for n in range(5):
        client.post("/articles", {"text": f"{NEW_TEXT} Item {n}.", "external_id": f"cms-{n}"})
    Article.objects.filter(external_id="cms-0").update(status="failed")
    first = client.get("/articles", {"limit": 2}).json()
    assert [a["external_id"] for a in first["items"]] == ["cms-4", "cms-3"]
    second = client.get("/articles", {"limit": 2, "after": first["next_cursor"]}).json()
    assert [a["external_id"] for a in second["items"]] == ["cms-2", "cms-1"]
    assert first["count"] == {"value": 5, "exact": True}
    failed = client.get("/articles", {"status": "failed"}).json()["items"]
    assert [a["external_id"] for a in failed] == ["cms-0"]
    by_id = client.get("/articles", {"external_id": "cms-3"}).json()["items"]
    assert [a["external_id"] for a in by_id] == ["cms-3"]


def test_an_editor_re_extracts_an_article(
    api, article, alice, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api("alice").post(f"/articles/{article.pk}/reextract")
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    assert queued == [article.pk]


def test_a_fact_checker_cannot_re_extract(api, article, bob):
    response = api("bob").post(f"/articles/{article.pk}/reextract")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only editors can re-process an article."


def test_re_extracting_a_queued_article_is_refused_with_the_reason(api, article, alice):
    Article.objects.filter(pk=article.pk).update(status="queued")
    response = api("alice").post(f"/articles/{article.pk}/reextract")
    assert response.status_code == 422
    assert response.json() == {
        "detail": "This article is already waiting to be processed.",
        "code": "refused",
    }
