"""Corrections: the journalist is the final authority over every claim.

Alice and Dave are editors, Bob the fact-checker a claim is assigned to, Carol a fact-checker it
is not assigned to, Vic only reads. The article is the council budget story of conftest.py:
four claims, "officials" (anonymous), Jane Holloway twice (person), the transport department.
"""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.urls import reverse

from claims import services
from claims.exports import claimreview
from claims.extraction import extract
from claims.models import Article, Claim, ClaimEvent, Notification, Source
from claims.services import WorkflowError, corrections
from claims.services.notifications import describe
from claims.services.spans import word_edges
from tests.conftest import SAMPLE_TEXT

pytestmark = pytest.mark.django_db

Action = ClaimEvent.Action
State = Claim.State
MISSED = "The deputy mayor put the total cost of the tram at $9 million."
BODY = SAMPLE_TEXT + "\n\n" + MISSED


def fresh(claim):
    return Claim.objects.get(pk=claim.pk)


def by_text(article, fragment):
    return article.claims.get(text__contains=fragment)


@pytest.fixture
def story(alice):
    """The budget story with one sentence the extractor does not make a claim of."""
    article = Article.objects.create(
        headline="Budget", body=BODY, content_hash="story", url="https://news.example.org/b"
    )
    extracted = [c for c in extract(BODY) if "deputy mayor" not in c.text]
    return services.apply_extraction(article, extracted)


def span_of(body, words):
    start = body.index(words)
    return start, start + len(words)


# --- Adding a claim ----------------------------------------------------------------------------


def test_a_selection_becomes_a_claim_with_exact_offsets(story, alice):
    start, end = span_of(BODY, MISSED)

    claim = corrections.add_claim(
        story, actor=alice, start=start + 4, end=end - 3, kind="unattributed"
    )  # "deputy mayor … $9 milli" snaps to whole words

    assert (claim.start, claim.end) == (start + 4, end - 1)
    assert claim.text == BODY[claim.start : claim.end] == MISSED[4:-1]
    assert (claim.added_by, claim.corrected, claim.state) == (alice, True, State.NEW)
    assert claim.events.get().action == Action.ADDED


def test_a_claim_added_by_hand_scores_as_the_extractor_scores_it(story, alice):
    # One score everywhere: the part of the sentence a person selects is read in its sentence.
    start, end = span_of(BODY, "the total cost of the tram at $9 million")
    claim = corrections.add_claim(
        story, actor=alice, start=start, end=end, kind="indirect", cue="put",
        source_name="Deputy Mayor Ann Okafor", source_kind="person",
    )  # fmt: skip
    [machine] = [c for c in extract(BODY) if c.sentence_start > len(SAMPLE_TEXT)]
    assert claim.score == machine.score


def test_a_fact_checker_adds_a_claim_with_a_new_speaker(story, bob):
    start, end = span_of(BODY, "the total cost of the tram at $9 million")

    claim = corrections.add_claim(
        story, actor=bob, start=start, end=end, kind="indirect", cue="put",
        source_name="Deputy Mayor Ann Okafor", source_kind="person",
    )  # fmt: skip

    assert (claim.source.name, claim.source.kind, claim.cue) == (
        "Deputy Mayor Ann Okafor",
        "person",
        "put",
    )


def test_a_viewer_cannot_add_a_claim(story, vic):
    with pytest.raises(WorkflowError, match="cannot add claims"):
        corrections.add_claim(story, actor=vic, start=0, end=10, kind="unattributed")


BAD_SELECTIONS = {
    "empty": (5, 5, "The selection is empty"),
    "only spaces": (None, None, "The selection is empty"),
    "outside the text": (len(BODY) + 5, len(BODY) + 50, "Select some words"),
    "reversed and outside": (-20, -5, "Select some words"),
}


@pytest.mark.parametrize("start, end, message", BAD_SELECTIONS.values(), ids=BAD_SELECTIONS)
def test_a_bad_selection_is_refused_with_a_message(story, alice, start, end, message):
    if start is None:
        start = BODY.index("\n\n")
        end = start + 2
    with pytest.raises(WorkflowError, match=message):
        corrections.add_claim(story, actor=alice, start=start, end=end, kind="unattributed")


def test_a_selection_across_a_claim_a_person_made_is_refused(story, alice):
    start, end = span_of(BODY, MISSED)
    corrections.add_claim(story, actor=alice, start=start, end=end, kind="unattributed")

    with pytest.raises(WorkflowError, match="which a person made"):
        corrections.add_claim(story, actor=alice, start=start + 10, end=end, kind="unattributed")


def test_a_claim_added_over_a_machine_claim_replaces_it(story, alice):
    machine = by_text(story, "bus ridership")
    start, end = span_of(BODY, "bus ridership fell by 12 percent")

    claim = corrections.add_claim(story, actor=alice, start=start, end=end, kind="unattributed")

    machine = fresh(machine)
    assert (machine.rejection, machine.duplicate_of) == (Claim.Rejection.DUPLICATE, claim)
    assert machine.events.get().action == Action.REJECTED


def test_an_attributed_claim_needs_a_speaker(story, alice):
    start, end = span_of(BODY, MISSED)

    with pytest.raises(WorkflowError, match="needs its speaker"):
        corrections.add_claim(story, actor=alice, start=start, end=end, kind="direct")


def test_the_extractor_suggests_speaker_cue_and_kind_for_a_selection(story):
    start, end = span_of(BODY, "the new tram line would open in 2027")

    suggestion = corrections.suggest(story, start, end)

    assert (suggestion["kind"], suggestion["cue"], suggestion["source_text"]) == (
        "indirect",
        "said",
        "Holloway",
    )
    assert suggestion["source"] == by_text(story, "tram line").source  # Jane Holloway


# --- Editing a claim ---------------------------------------------------------------------------


def test_a_corrected_speaker_is_an_event_with_before_and_after(article, claim, alice):
    corrections.edit_claim(claim, actor=alice, source_name="City Hall", source_kind="government")

    claim = fresh(claim)
    event = claim.events.get(action=Action.CORRECTED)
    assert claim.source.name == "City Hall" and claim.corrected
    assert event.changes == {"source": ["officials", "City Hall"]}
    assert event.actor == alice


def test_a_speaker_is_chosen_from_the_existing_sources(article, alice):
    quote = by_text(article, "cut waste")
    department = Source.objects.get(name="the transport department")

    corrections.edit_claim(quote, actor=alice, source_id=department.pk)

    assert fresh(quote).source == department


def test_moving_an_edge_by_a_word(article, claim, alice):
    edges = word_edges(article.body, claim.start, claim.end)

    corrections.edit_claim(claim, actor=alice, start=claim.start, end=edges["end"][-1])

    assert fresh(claim).text == "The city council approved a budget of $4.2 million on"


def test_kind_and_cue_are_corrected(article, alice):
    tram = by_text(article, "tram line")

    corrections.edit_claim(tram, actor=alice, kind="unattributed")

    tram = fresh(tram)
    assert (tram.kind, tram.source, tram.cue) == ("unattributed", None, "")


def test_the_wording_to_review_defaults_to_the_text(article, claim, alice):
    corrections.edit_claim(claim, actor=alice, claim_reviewed="The budget is $4.2 million.")

    claim = fresh(claim)
    assert claim.reviewed_text == "The budget is $4.2 million."
    assert claim.text.startswith("The city council approved")  # the exact span stays
    assert not claim.corrected  # a wording is not a correction of the extraction


def test_a_stale_version_is_refused(claim, alice):
    with pytest.raises(services.StaleClaimError):
        corrections.edit_claim(claim, actor=alice, expected_version=claim.version - 1, cue="x")


def test_only_the_assigned_fact_checker_or_an_editor_corrects(claim_in_progress, bob, carol):
    corrections.edit_claim(claim_in_progress, actor=bob, cue="announced")
    with pytest.raises(WorkflowError, match="assigned fact-checker or an editor"):
        corrections.edit_claim(claim_in_progress, actor=carol, cue="said")


def test_a_claim_in_review_is_sent_back_before_it_is_corrected(claim_in_review, alice):
    with pytest.raises(WorkflowError, match="send it back"):
        corrections.edit_claim(claim_in_review, actor=alice, cue="announced")


def test_a_person_speaker_is_published_as_a_person(article, claim, alice):
    corrections.edit_claim(claim, actor=alice, source_name="Chris Doe", source_kind="person")
    review = claimreview.build_claim_review(
        fresh(claim), page_url="x", scale=(1, 5), organisation_name="o", organisation_url="u"
    )

    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Chris Doe"}


# --- Split, merge, not a claim -----------------------------------------------------------------


def test_split_keeps_the_work_on_the_first_part(claim_in_progress, bob):
    claim = claim_in_progress
    at = claim.article.body.index("on Monday")

    first, second = corrections.split_claim(claim, actor=bob, at=at)

    assert (
        first.pk == claim.pk and first.text == "The city council approved a budget of $4.2 million"
    )
    assert second.text == "on Monday" and second.state == State.NEW and second.assignee is None
    assert fresh(first).evidence_links.count() == 1 and not second.evidence_links.exists()
    assert fresh(first).events.filter(action=Action.SPLIT).exists()


def test_a_split_at_either_end_is_refused(claim, alice):
    with pytest.raises(WorkflowError, match="at a word inside it"):
        corrections.split_claim(claim, actor=alice, at=claim.start)


def test_a_quote_is_not_split_off_its_opening_quotation_mark(article, alice):
    """The menu offered to split “We have cut waste…” before "We": the first part would have
    been the quotation mark alone."""
    claim = by_text(article, "cut waste")
    body = claim.article.body
    assert claim.text.startswith("“We have")

    points = corrections.split_points(body, claim.start, claim.end)

    assert points[0][1].startswith("have cut waste")
    with pytest.raises(WorkflowError, match="at a word inside it"):
        corrections.split_claim(claim, actor=alice, at=body.index("We have", claim.start))


def test_merged_claims_end_as_duplicates_with_their_work(article, alice, bob):
    target, other = by_text(article, "cut waste"), by_text(article, "tram line")
    services.add_comment(other, actor=bob, text="Same promise as in May.")

    corrections.merge_claims(target, [other], actor=alice)

    other = fresh(other)
    assert (other.rejection, other.duplicate_of) == ("duplicate", target)
    assert other.events.filter(action=Action.COMMENT).exists()
    assert target.events.filter(action=Action.MERGED).exists()


def test_the_assignee_learns_that_an_editor_set_their_claim_aside(article, alice, bob):
    target, other, junk = (by_text(article, t) for t in ("cut waste", "tram line", "ridership"))
    for claim in (other, junk):
        services.assign_claim(claim, bob, actor=alice)

    corrections.merge_claims(target, [fresh(other)], actor=alice)
    corrections.reject_claim(fresh(junk), actor=alice, reason="fragment", note="Half a line.")
    corrections.reject_claim(fresh(target), actor=alice, reason="other")  # nobody else's

    told = Notification.objects.filter(kind=Notification.Kind.SET_ASIDE).order_by("pk")
    assert [(n.recipient, n.claim_id, n.text) for n in told] == [
        (bob, other.pk, f"Merged into claim {target.pk}."),
        (bob, junk.pk, "A fragment, not a statement. Half a line."),
    ]
    assert "set claim" in describe(told[0]) and "aside" in describe(told[0])


def test_claims_of_another_article_cannot_be_merged(article, story, alice):
    with pytest.raises(WorkflowError, match="same article"):
        corrections.merge_claims(article.claims.first(), [story.claims.first()], actor=alice)


def test_not_a_claim_hides_it_from_the_queue_and_a_filter_shows_it(client, article, claim, alice):
    corrections.reject_claim(claim, actor=alice, reason="fragment", note="Half a sentence.")
    client.force_login(alice)

    queue = client.get(reverse("claim_queue")).content.decode()
    junk = client.get(reverse("claim_queue") + "?junk=1").content.decode()

    assert f'data-claim="{claim.pk}"' not in queue
    assert f'data-claim="{claim.pk}"' in junk
    assert fresh(claim).state == State.NEW  # not a workflow decision


def test_a_claim_merged_away_while_it_was_worked_on_cannot_go_to_review(
    claim_in_progress, alice, bob, verdict_false
):
    """Bob works on a claim; Alice merges it into another as a duplicate. Bob's page is stale:
    his verdict for the duplicate must not go to review (and on to approval and a second public
    page for the same claim)."""
    other = claim_in_progress.article.claims.exclude(pk=claim_in_progress.pk).first()
    corrections.merge_claims(other, [claim_in_progress], actor=alice)

    with pytest.raises(WorkflowError, match="not a claim"):
        services.propose_verdict(
            fresh(claim_in_progress), actor=bob, verdict=verdict_false, summary="No."
        )
    assert fresh(claim_in_progress).state == State.IN_PROGRESS
    assert not services.can_propose(fresh(claim_in_progress), bob)


@pytest.mark.parametrize("action", ["start", "approve", "publish"])
def test_not_a_claim_takes_no_step_towards_publication(claim, alice, action):
    corrections.reject_claim(claim, actor=alice, reason="not_checkable")

    with pytest.raises(WorkflowError, match="not a claim"):
        services.check_transition(fresh(claim), action, alice)


def test_not_a_claim_can_be_undone(claim, alice):
    corrections.reject_claim(claim, actor=alice, reason="markup")

    corrections.accept_claim(fresh(claim), actor=alice)

    assert fresh(claim).rejection == ""
    assert fresh(claim).events.filter(action=Action.ACCEPTED).exists()


# --- Human work wins over the machine ----------------------------------------------------------


def test_reextraction_keeps_every_kind_of_correction(story, alice):
    start, end = span_of(BODY, MISSED)
    added = corrections.add_claim(story, actor=alice, start=start, end=end, kind="unattributed")
    speaker = by_text(story, "tram line")
    corrections.edit_claim(speaker, actor=alice, source_name="Mayor's office",
                           source_kind="government")  # fmt: skip
    junk = by_text(story, "bus ridership")
    corrections.reject_claim(junk, actor=alice, reason="not_checkable")
    split = by_text(story, "city council")
    first, second = corrections.split_claim(split, actor=alice, at=BODY.index("on Monday"))
    before = sorted(story.claims.values_list("pk", "start", "end", "kind", "source", "rejection"))

    services.apply_extraction(story, extract(BODY), version="9.9")

    after = sorted(story.claims.values_list("pk", "start", "end", "kind", "source", "rejection"))
    assert after == before  # nothing re-created, dropped or overwritten
    assert Claim.objects.filter(pk__in=[added.pk, first.pk, second.pk], detached=False).count() == 3


def test_a_new_version_of_the_text_finds_the_corrected_claims_again(story, alice):
    start, end = span_of(BODY, MISSED)
    added = corrections.add_claim(story, actor=alice, start=start, end=end, kind="unattributed")
    new_body = "Updated at 18:00.\n\n" + BODY

    services.submit_new_version(story, actor=alice, text=new_body)
    article = Article.objects.get(pk=story.pk)
    services.process_article(article.pk, lease="test-run")

    article.refresh_from_db()
    added = fresh(added)
    assert (article.revision, article.revisions.get().body) == (2, BODY)
    assert article.body[added.start : added.end] == added.text and not added.detached


# --- Articles: details in the desk, the text never edited in place ----------------------------


def test_an_editor_corrects_the_article_url(story, alice):
    services.update_article_details(story, actor=alice, url="https://news.example.org/new")

    assert Article.objects.get(pk=story.pk).url == "https://news.example.org/new"


def test_a_fact_checker_cannot_edit_article_details(story, bob):
    with pytest.raises(WorkflowError, match="Only editors"):
        services.update_article_details(story, actor=bob, outlet="Elsewhere")


def test_a_javascript_url_is_refused(story, alice):
    with pytest.raises(WorkflowError, match="http:// or https://"):
        services.update_article_details(story, actor=alice, url="javascript:alert(1)")


def test_the_admin_shows_the_body_read_only(rf, alice):
    model_admin = admin_site._registry[Article]
    request = rf.get("/")
    request.user = alice

    assert "body" in model_admin.get_readonly_fields(request, Article())


# --- Publishing needs a valid ClaimReview ------------------------------------------------------


def test_publish_is_refused_with_the_reasons_until_the_article_has_a_url(
    claim_in_review, alice, dave
):
    Article.objects.filter(pk=claim_in_review.article_id).update(url="")
    verified = services.transition(claim_in_review, "approve", actor=dave)

    with pytest.raises(WorkflowError, match="The article has no URL: add where it appeared."):
        services.transition(verified, "publish", actor=alice)
    services.update_article_details(
        verified.article, actor=alice, url="https://news.example.org/budget"
    )
    services.transition(fresh(verified), "publish", actor=alice)
    assert fresh(verified).state == State.PUBLISHED


def publish(claim, *, bob, alice, dave, verdict):
    """Through the whole workflow: Bob checks it, Alice proposes, Dave approves and publishes."""
    services.assign_claim(claim, bob, actor=alice)
    services.transition(fresh(claim), "start", actor=bob)
    services.add_evidence(fresh(claim), actor=bob, title="Minutes", url="https://a.example/m")
    services.propose_verdict(fresh(claim), actor=alice, verdict=verdict, summary="Checked.")
    services.transition(fresh(claim), "approve", actor=dave)
    services.transition(fresh(claim), "publish", actor=dave)


def test_the_public_page_quotes_only_a_direct_quote(client, article, alice, dave, bob,
                                                     verdict_false):  # fmt: skip
    quote, report = by_text(article, "cut waste"), by_text(article, "tram line")
    for claim in (quote, report):
        publish(claim, bob=bob, alice=alice, dave=dave, verdict=verdict_false)

    quoted = client.get(reverse("public_claim", args=[quote.pk])).content.decode()
    paraphrased = client.get(reverse("public_claim", args=[report.pk])).content.decode()

    assert "“We have cut waste by 30 percent since 2021”" in quoted
    assert "“the new tram line" not in paraphrased
    assert "the new tram line would open in 2027." in paraphrased


def test_the_claim_page_links_each_missing_piece_of_the_claimreview_to_its_fix(
    client, claim_in_review, alice, dave
):
    Article.objects.filter(pk=claim_in_review.article_id).update(url="")
    verified = services.transition(claim_in_review, "approve", actor=dave)
    client.force_login(alice)

    content = client.get(verified.get_absolute_url()).content.decode()

    article_fix = reverse("article_detail", args=[verified.article_id]) + "#article-details"
    assert f'The article has no URL: add where it appeared. <a href="{article_fix}">Fix it</a>' in (
        content
    )
