"""Articles (claims/services/articles.py), called directly: submitting, applying an extraction
(claims found again keep their ids, claims with human work are kept and re-anchored), speakers
as sources, and re-processing."""

import pytest

from claims import services
from claims.extraction import EXTRACTOR_VERSION, extract
from claims.extraction.types import ExtractedClaim
from claims.models import Article, Claim, ClaimEvent, Source
from claims.services import DuplicateArticleError, WorkflowError
from tests.conftest import SAMPLE_TEXT, claim_by_text

pytestmark = pytest.mark.django_db

Action = ClaimEvent.Action


# --- Applying an extraction ---------------------------------------------------------------------


def claim_texts(article):
    return sorted(article.claims.values_list("text", flat=True))


def test_extraction_creates_claims_and_marks_article_ready(article):
    article.refresh_from_db()
    assert (article.status, article.progress, article.extractor_version) == (
        Article.Status.READY,
        100,
        EXTRACTOR_VERSION,
    )
    assert article.claims.count() == len(extract(SAMPLE_TEXT)) > 0


def test_applying_extraction_twice_gives_same_claims(article):
    texts = claim_texts(article)

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert claim_texts(article) == texts


def test_reapplying_extraction_keeps_the_ids_of_claims_found_again(article):
    ids = set(article.claims.values_list("pk", flat=True))

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert set(article.claims.values_list("pk", flat=True)) == ids


def give_work(kind, claim, alice, bob):
    if kind == "assigned":
        services.assign_claim(claim, bob, actor=alice)
    elif kind == "comment":
        services.add_comment(claim, actor=bob, text="Worth a look.")
    elif kind == "evidence":
        services.add_evidence(claim, actor=alice, title="Census table")


@pytest.mark.parametrize("work", ["assigned", "comment", "evidence"])
def test_reapplying_extraction_keeps_claim_with_human_work(article, claim, alice, bob, work):
    give_work(work, claim, alice, bob)
    count = article.claims.count()

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert Claim.objects.filter(pk=claim.pk, detached=False).exists()
    assert article.claims.count() == count


def test_kept_claim_is_reanchored_by_fingerprint(article, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    prefix = "Reporting by the city desk.\n\n"
    Article.objects.filter(pk=article.pk).update(body=prefix + SAMPLE_TEXT)

    services.apply_extraction(article, extract(prefix + SAMPLE_TEXT))

    claim_after = Claim.objects.get(pk=claim.pk)
    assert claim_after.start == claim.start + len(prefix)
    assert (prefix + SAMPLE_TEXT)[claim_after.start : claim_after.end] == claim.text
    assert claim_after.events.filter(action=Action.REEXTRACTED).exists()


def test_worked_claim_whose_text_vanished_is_detached(article, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    body = SAMPLE_TEXT.replace(claim.text, "The council met on Monday")
    Article.objects.filter(pk=article.pk).update(body=body)

    services.apply_extraction(article, extract(body))

    claim_after = Claim.objects.get(pk=claim.pk)
    assert claim_after.detached
    assert claim_after.assignee == bob


def test_detached_claim_is_reattached_when_its_text_returns(article, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    body = SAMPLE_TEXT.replace(claim.text, "The council met on Monday")
    services.apply_extraction(article, extract(body))

    services.apply_extraction(article, extract(SAMPLE_TEXT))

    assert not Claim.objects.get(pk=claim.pk).detached


def test_one_source_per_speaker_within_article(article):
    quote = claim_by_text(article, "cut waste")
    tram = claim_by_text(article, "tram line")

    assert quote.source == tram.source
    assert Source.objects.filter(name__icontains="Holloway").count() == 1


def test_surname_after_full_name_is_recorded_as_alias(alice):
    body = "Jane Holloway said taxes fell. Holloway said rents rose."
    article = Article.objects.create(headline="H", body=body, content_hash="h", uploaded_by=alice)
    extracted = [
        ExtractedClaim(
            text="taxes fell", start=19, end=29, sentence_start=0, sentence_end=30,
            kind="indirect", source="Jane Holloway", source_name="Jane Holloway",
            source_kind="person", cue="said",
        ),
        ExtractedClaim(
            text="rents rose", start=45, end=55, sentence_start=31, sentence_end=56,
            kind="indirect", source="Holloway", source_name="Jane Holloway",
            source_kind="person", cue="said",
        ),
    ]  # fmt: skip

    services.apply_extraction(article, extracted)

    source = Source.objects.get()
    assert (source.name, source.aliases) == ("Jane Holloway", ["Holloway"])
    assert set(article.claims.values_list("source", flat=True)) == {source.pk}


def test_same_speaker_in_later_article_is_same_source(article, alice):
    body = "Mayor Jane Holloway said the library would reopen in May."
    later = Article.objects.create(headline="L", body=body, content_hash="l", uploaded_by=alice)
    sources = Source.objects.count()

    services.apply_extraction(later, extract(body))

    quote = claim_by_text(article, "cut waste")
    assert later.claims.get().source == quote.source
    assert Source.objects.count() == sources


# --- Submitting and processing articles ---------------------------------------------------------


def submit(user, body=SAMPLE_TEXT, **kwargs):
    return services.submit_article(user=user, body=body, headline="Budget", **kwargs)


def test_editor_submits_article_as_queued(alice):
    article = submit(alice)

    assert (article.status, article.uploaded_by, article.claims.count()) == (
        Article.Status.QUEUED,
        alice,
        0,
    )


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_submit_articles(request, who):
    with pytest.raises(WorkflowError, match="Only editors can upload"):
        submit(request.getfixturevalue(who))

    assert not Article.objects.exists()


def test_empty_article_is_refused(alice):
    with pytest.raises(WorkflowError, match="empty"):
        submit(alice, body=" \n ")


def test_duplicate_article_is_refused_with_the_existing_one(alice):
    first = submit(alice)

    with pytest.raises(DuplicateArticleError) as excinfo:
        submit(alice, body="  " + SAMPLE_TEXT.replace("\n\n", "\n") + "\n")

    assert excinfo.value.existing == first
    assert Article.objects.count() == 1


def test_duplicate_article_is_saved_when_allowed(alice):
    submit(alice)

    submit(alice, allow_duplicate=True)

    assert Article.objects.count() == 2


# --- Re-processing ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_reprocess_articles(article, request, who):
    with pytest.raises(WorkflowError, match="Only editors can re-process"):
        services.reprocess_article(article, user=request.getfixturevalue(who))

    article.refresh_from_db()
    assert article.status == Article.Status.READY


@pytest.mark.parametrize("status", [Article.Status.QUEUED, Article.Status.PROCESSING])
def test_article_waiting_for_processing_cannot_be_reprocessed(article, alice, status):
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()

    with pytest.raises(WorkflowError, match="already waiting"):
        services.reprocess_article(article, user=alice)


def test_reprocessing_ready_article_queues_it_again(
    article, alice, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", sent.append)

    with django_capture_on_commit_callbacks(execute=True):
        services.reprocess_article(article, user=alice)

    article.refresh_from_db()
    assert (article.status, article.progress) == (Article.Status.QUEUED, 0)
    assert sent == [article.pk]


def test_reprocessing_failed_article_clears_its_error(article, alice):
    services.mark_failed(article.pk, "Extractor crashed.")
    article.refresh_from_db()

    services.reprocess_article(article, user=alice)

    article.refresh_from_db()
    assert (article.status, article.error_message, article.attempts) == (
        Article.Status.QUEUED,
        "",
        0,
    )


def test_reprocessing_keeps_claims_with_human_work(
    article, claim, alice, bob, eager_celery, django_capture_on_commit_callbacks
):
    services.assign_claim(claim, bob, actor=alice)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0-old")
    article.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.reprocess_article(article, user=alice)

    article.refresh_from_db()
    assert (article.status, article.extractor_version) == (Article.Status.READY, EXTRACTOR_VERSION)
    assert Claim.objects.get(pk=claim.pk).assignee == bob


def test_an_unresolved_pronoun_speaker_gets_no_source(alice):
    body = "The report landed on Monday. They said the budget was cut by 10 percent."
    article = Article.objects.create(headline="R", body=body, content_hash="r", uploaded_by=alice)
    said = body.index("the budget")
    extracted = [
        ExtractedClaim(
            text=body[said:-1], start=said, end=len(body) - 1, sentence_start=29,
            sentence_end=len(body), kind="indirect", source="They", source_start=29,
            source_end=33, source_name=None, cue="said",
        )
    ]  # fmt: skip

    services.apply_extraction(article, extracted)

    claim = article.claims.get()
    assert (claim.source, claim.source_text) == (None, "They")
    assert not Source.objects.filter(name__iexact="they").exists()
