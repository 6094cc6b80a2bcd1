"""Source pages and merging two sources into one (editors only).

Alice is an editor, Bob a fact-checker, Vic a viewer.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from claims import selectors, services
from claims.extraction import extract
from claims.models import Article, Claim, ClaimEvent, Source
from claims.services import WorkflowError, merge_sources
from tests.conftest import SAMPLE_TEXT, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def holloway(article):
    return Source.objects.get(name="Jane Holloway")


@pytest.fixture
def duplicate(article):
    """A second record for the same speaker, as another article might have produced it."""
    source = Source.objects.create(
        name="J. Holloway", normalized_name="j. holloway", aliases=["Mayor Holloway"]
    )
    Claim.objects.filter(pk=article.claims.order_by("start").first().pk).update(source=source)
    return source


# --- The service ---------------------------------------------------------------------------------


def test_merging_moves_claims_and_deletes_the_other_source(holloway, duplicate, alice):
    before = holloway.claims.count()

    moved = merge_sources(holloway, duplicate, actor=alice)

    assert moved == 1
    assert holloway.claims.count() == before + 1
    assert not Source.objects.filter(pk=duplicate.pk).exists()


def test_merging_unions_aliases_including_the_merged_name(holloway, duplicate, alice):
    Source.objects.filter(pk=holloway.pk).update(aliases=["Holloway", "mayor holloway"])

    merge_sources(holloway, duplicate, actor=alice)

    holloway.refresh_from_db()
    # "Mayor Holloway" is the same alias as "mayor holloway": kept once.
    assert holloway.aliases == ["Holloway", "mayor holloway", "J. Holloway"]


def test_a_fact_checker_cannot_merge(holloway, duplicate, bob):
    with pytest.raises(WorkflowError, match="Only editors"):
        merge_sources(holloway, duplicate, actor=bob)

    assert Source.objects.filter(pk=duplicate.pk).exists()


def test_a_source_cannot_be_merged_into_itself(holloway, alice):
    with pytest.raises(WorkflowError, match="itself"):
        merge_sources(holloway, holloway, actor=alice)


def test_merging_keeps_the_claims_version(holloway, duplicate, alice):
    claim = duplicate.claims.get()
    version = claim.version

    merge_sources(holloway, duplicate, actor=alice)

    claim.refresh_from_db()
    assert (claim.source_id, claim.version) == (holloway.pk, version)


def attribute_more_claims(source, article, count):
    """`count` more claims attributed to `source` (copies of the article's first claim)."""
    first = article.claims.order_by("start").first()
    fields = {f.attname: getattr(first, f.attname) for f in Claim._meta.concrete_fields}
    del fields["id"]
    Claim.objects.bulk_create(
        Claim(**{**fields, "ordinal": 100 + n, "source_id": source.pk}) for n in range(count)
    )


def test_merging_records_the_merge_in_each_moved_claims_history(
    holloway, duplicate, article, alice
):
    attribute_more_claims(duplicate, article, 2)
    moved = set(duplicate.claims.values_list("pk", flat=True))
    stayed = set(holloway.claims.values_list("pk", flat=True))

    merge_sources(holloway, duplicate, actor=alice)

    events = ClaimEvent.objects.filter(action=ClaimEvent.Action.SOURCE_MERGED)
    assert sorted(events.values_list("claim_id", flat=True)) == sorted(moved)
    assert set(events.values_list("actor", "from_value", "to_value")) == {
        (alice.pk, "J. Holloway", "Jane Holloway")
    }
    assert not events.filter(claim__in=stayed).exists()


def test_merging_takes_as_many_queries_for_many_claims_as_for_one(
    holloway, duplicate, article, alice, dave
):
    def queries_to_merge(keep, merge, actor):
        with CaptureQueriesContext(connection) as queries:
            merge_sources(keep, merge, actor=actor)
        return len(queries)

    one = queries_to_merge(holloway, duplicate, alice)
    crowd = Source.objects.create(name="Council spokesman", normalized_name="council spokesman")
    attribute_more_claims(crowd, article, 40)
    spokesperson = Source.objects.create(
        name="Council spokesperson", normalized_name="council spokesperson"
    )

    assert queries_to_merge(spokesperson, crowd, dave) == one
    assert ClaimEvent.objects.filter(action=ClaimEvent.Action.SOURCE_MERGED).count() == 41


def test_a_moved_claims_page_shows_the_merge_in_its_history(login, holloway, duplicate, alice):
    claim = duplicate.claims.get()
    merge_sources(holloway, duplicate, actor=alice)

    page = text_of(login("vic").get(reverse("claim_detail", args=[claim.pk])))

    assert "merged its speaker J. Holloway into Jane Holloway" in " ".join(strip_tags(page).split())


def test_re_extraction_after_a_merge_uses_the_kept_source(alice, holloway, duplicate):
    """The merged name is an alias now, so a new article does not bring the duplicate back."""
    merge_sources(holloway, duplicate, actor=alice)
    text = "“Taxes will fall,” J. Holloway said on Tuesday."
    article = Article.objects.create(
        headline="Taxes", body=text, content_hash=services.content_hash(text)
    )

    services.apply_extraction(article, extract(text))

    sources = set(article.claims.exclude(source=None).values_list("source__name", flat=True))
    assert sources == {"Jane Holloway"}
    assert not Source.objects.filter(normalized_name="j. holloway").exists()


# --- The source page -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_everyone_sees_claims_verdicts_and_aliases(login, who, holloway, claim_in_review):
    Claim.objects.filter(pk=claim_in_review.pk).update(source=holloway)
    Source.objects.filter(pk=holloway.pk).update(aliases=["Mayor Holloway"])

    page = text_of(login(who).get(reverse("source_detail", args=[holloway.pk])))

    assert "Also written as: Mayor Holloway" in page
    assert claim_in_review.text[:40] in page
    assert "False" in page  # the verdict record and the claim's verdict


def test_the_verdict_record_counts_approved_verdicts_only(holloway, claim_in_review, alice):
    Claim.objects.filter(pk=claim_in_review.pk).update(source=holloway)
    assert selectors.source_page(holloway)["verdicts"] == []  # proposed, not approved

    services.transition(claim_in_review, "approve", actor=alice)

    assert [row[1:4:2] for row in selectors.source_page(holloway)["verdicts"]] == [("False", 1)]


def test_only_editors_see_the_merge_form(login, holloway):
    url = reverse("source_detail", args=[holloway.pk])

    assert 'id="merge-form"' in text_of(login("alice").get(url))
    assert 'id="merge-form"' not in text_of(login("bob").get(url))
    assert 'id="merge-form"' not in text_of(login("vic").get(url))


def test_source_page_query_count_is_small(
    login, holloway, duplicate, claim_in_review, django_assert_max_num_queries
):
    client = login("alice")  # the editor's page has the merge form too

    with django_assert_max_num_queries(10):
        client.get(reverse("source_detail", args=[holloway.pk]))


def test_source_page_query_count_does_not_grow_with_claims(login, alice, holloway):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("alice")
    url = reverse("source_detail", args=[holloway.pk])

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    before = count()
    for n in range(3):
        text = SAMPLE_TEXT.replace("$4.2", f"${n}.5")
        more = Article.objects.create(
            headline=f"More {n}", body=text, content_hash=services.content_hash(text)
        )
        services.apply_extraction(more, extract(text))

    assert holloway.claims.count() > 3
    assert count() == before


# --- Merging through the pages -------------------------------------------------------------------


def test_editor_sees_a_confirmation_before_merging(login, holloway, duplicate):
    url = reverse("source_merge", args=[holloway.pk]) + f"?other={duplicate.pk}"

    page = text_of(login("alice").get(url))

    assert "Merge “J. Holloway” into “Jane Holloway”?" in page
    assert "<strong>1</strong> claim attributed to" in page
    assert Source.objects.filter(pk=duplicate.pk).exists()  # nothing happened yet
    assert "verdict approved or published" not in page


def test_the_confirmation_names_the_approved_claims_whose_speaker_changes(
    login, holloway, duplicate
):
    duplicate.claims.update(state=Claim.State.PUBLISHED)
    url = reverse("source_merge", args=[holloway.pk]) + f"?other={duplicate.pk}"

    page = text_of(login("alice").get(url))

    assert "<strong>1</strong> of them has its verdict approved or published" in page
    assert "the claimant its ClaimReview names, will be Jane Holloway" in page


def test_editor_confirms_and_the_sources_are_merged(login, holloway, duplicate):
    response = login("alice").post(
        reverse("source_merge", args=[holloway.pk]), {"other": duplicate.pk}, follow=True
    )

    assert "Merged “J. Holloway” into “Jane Holloway”: 1 claim moved." in text_of(response)
    assert not Source.objects.filter(pk=duplicate.pk).exists()


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_others_cannot_merge_through_the_page(login, who, holloway, duplicate):
    client = login(who)
    url = reverse("source_merge", args=[holloway.pk])

    assert client.get(url + f"?other={duplicate.pk}").status_code == 403
    assert client.post(url, {"other": duplicate.pk}).status_code == 403
    assert Source.objects.filter(pk=duplicate.pk).exists()


def test_merging_a_source_into_itself_is_refused_on_the_page(login, holloway):
    response = login("alice").post(
        reverse("source_merge", args=[holloway.pk]), {"other": holloway.pk}, follow=True
    )

    assert "Choose the source to merge" in text_of(response)
    assert Source.objects.filter(pk=holloway.pk).exists()


def test_source_page_lists_the_latest_claims_and_links_to_the_rest(
    login, holloway, claim_in_review, monkeypatch
):
    from claims import selectors

    monkeypatch.setattr(selectors, "SOURCE_PAGE_CLAIMS", 1)
    assert holloway.claims.count() > 1

    page = text_of(login("bob").get(reverse("source_detail", args=[holloway.pk])))

    assert "Showing the latest 1;" in page
    assert f"?source={holloway.pk}" in page


def test_source_page_lists_the_newest_articles_claims_first(alice, article, holloway):
    newer = Article.objects.create(
        headline="Again", body=SAMPLE_TEXT, content_hash="again", uploaded_by=alice
    )
    services.apply_extraction(newer, extract(SAMPLE_TEXT))

    claims = selectors.source_page(holloway)["claims"]

    assert [c.article_id for c in claims] == sorted((c.article_id for c in claims), reverse=True)
    assert claims[0].article == newer and claims[-1].article == article
    for one in (newer, article):
        starts = [c.start for c in claims if c.article == one]
        assert starts == sorted(starts) and len(starts) > 1
