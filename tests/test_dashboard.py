"""The dashboard: my queue, counts by state and verdict, live article progress, time to verdict.

Alice and Dave are editors, Bob a fact-checker, Vic a viewer.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims import selectors, services
from claims.models import Article, Claim, ClaimEvent, DeskFigures
from claims.templatetags.desk_format import duration
from tests.conftest import text_of

pytestmark = pytest.mark.django_db

POLL = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "processing"}


def queued_article(user, headline, status=Article.Status.QUEUED, progress=0):
    return Article.objects.create(
        headline=headline,
        body="Text.",
        content_hash=services.content_hash(headline),
        uploaded_by=user,
        status=status,
        progress=progress,
    )


def approve_after(claim, hours, *, started, editor):
    """Backdate a claim's history so it started at `started` and was approved `hours` later."""
    ClaimEvent.objects.filter(claim=claim).update(created_at=started)
    services.transition(claim, "approve", actor=editor)
    ClaimEvent.objects.filter(claim=claim, to_value=Claim.State.VERIFIED).update(
        created_at=started + timedelta(hours=hours)
    )


# --- Counts and chart ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_everyone_sees_the_state_and_verdict_charts(login, who, claim_in_review):
    page = text_of(login(who).get(reverse("dashboard")))

    assert "Claims by state" in page
    assert f"?verdict={claim_in_review.verdict_id}" in page  # verdict rows link to the queue
    assert 'class="stack"' in page


def test_state_counts_add_up_to_all_claims(article, claim_in_review, bob):
    data = selectors.dashboard(bob)

    counts = {value: count for value, _, count, _ in data["states"]}
    assert counts[Claim.State.IN_REVIEW] == 1
    assert data["state_total"] == article.claims.count()


def verdict_counts(user):
    services.refresh_desk_figures()  # what the periodic task does
    return {label: count for _, label, _, count, _ in selectors.dashboard(user)["verdicts"]}


def test_verdicts_count_approved_claims_only(claim_in_review, alice, bob):
    """Issue 16, bug 5: a proposal an editor sent back was counted as a verdict."""
    assert verdict_counts(bob)["False"] == 0  # proposed, not approved
    services.transition(claim_in_review, "send_back", actor=alice, reason="Weak source.")
    assert verdict_counts(bob)["False"] == 0
    services.propose_verdict(
        claim_in_review, actor=bob, verdict=claim_in_review.verdict, summary="Firmer now."
    )
    services.transition(claim_in_review, "approve", actor=alice)
    assert verdict_counts(bob)["False"] == 1
    services.transition(claim_in_review, "publish", actor=alice)
    assert verdict_counts(bob)["False"] == 1


def test_the_counts_are_those_of_the_last_refresh(claim_in_review, alice, bob):
    before = verdict_counts(bob)["False"]
    services.transition(claim_in_review, "approve", actor=alice)

    assert {label: n for _, label, _, n, _ in selectors.dashboard(bob)["verdicts"]}["False"] == 0
    assert before == 0
    assert verdict_counts(bob)["False"] == 1


def test_the_periodic_task_refreshes_the_counts(claim_in_review):
    from claims import tasks

    DeskFigures.objects.all().delete()

    tasks.refresh_desk_figures()

    assert DeskFigures.objects.get().states[Claim.State.IN_REVIEW] == 1


def test_the_dashboard_says_how_old_its_counts_are(login, claim_in_review):
    services.refresh_desk_figures()
    DeskFigures.objects.update(computed_at=timezone.now() - timedelta(minutes=5))

    page = text_of(login("bob").get(reverse("dashboard")))

    assert "Counted 5 min ago" in page


def test_counts_made_this_minute_were_counted_just_now(login, claim_in_review):
    services.refresh_desk_figures()

    page = text_of(login("bob").get(reverse("dashboard")))

    assert "Counted just now" in page


def test_the_dashboard_does_not_count_the_claims_itself(login, claim_in_review):
    services.refresh_desk_figures()
    client = login("bob")

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("dashboard"))

    assert not [q for q in queries if "GROUP BY" in q["sql"] and "claims_claim" in q["sql"]]


def test_the_verdict_chart_says_it_counts_approved_verdicts(login, claim_in_review):
    page = text_of(login("bob").get(reverse("dashboard")))

    assert "Approved verdicts" in page
    assert "Verified and published claims only" in page


# --- Time to verdict -----------------------------------------------------------------------------


def test_time_to_verdict_is_the_median_over_approved_claims(article, alice, bob, verdict_false):
    started = timezone.now() - timedelta(days=2)
    for hours, claim in zip([1, 3, 10], article.claims.order_by("start")[:3], strict=True):
        services.assign_claim(claim, bob, actor=alice)
        services.transition(claim, "start", actor=bob)
        services.add_evidence(claim, actor=bob, title="Doc", url="https://example.org/d")
        services.propose_verdict(claim, actor=bob, verdict=verdict_false, summary="No.")
        approve_after(claim, hours, started=started, editor=alice)

    result = selectors.time_to_verdict()

    assert result == {"median_seconds": 3 * 3600, "claims": 3}


def test_time_to_verdict_counts_a_reapproved_claim_once_from_its_first_approval(
    claim_in_review, alice, bob, verdict_false
):
    started = timezone.now() - timedelta(days=2)
    approve_after(claim_in_review, 2, started=started, editor=alice)
    services.transition(claim_in_review, "reopen", actor=alice, reason="New data.")
    services.propose_verdict(claim_in_review, actor=bob, verdict=verdict_false, summary="Still.")
    services.transition(claim_in_review, "approve", actor=alice)

    assert selectors.time_to_verdict() == {"median_seconds": 2 * 3600, "claims": 1}


def test_time_to_verdict_looks_only_at_the_latest_approvals(
    claim_in_review, alice, django_assert_num_queries
):
    approve_after(claim_in_review, 5, started=timezone.now() - timedelta(days=2), editor=alice)

    with django_assert_num_queries(1):
        assert selectors.time_to_verdict(limit=1)["claims"] == 1


def test_the_dashboard_shows_the_median(login, claim_in_review, alice):
    approve_after(claim_in_review, 26, started=timezone.now() - timedelta(days=2), editor=alice)

    page = text_of(login("vic").get(reverse("dashboard")))

    assert "1 d 2 h" in page


def test_without_approvals_the_dashboard_says_so(login, claim_in_review):
    assert "No claim has been approved yet." in text_of(login("bob").get(reverse("dashboard")))


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(20, "under a minute"), (45 * 60, "45 min"), (3 * 3600, "3 h"), (200 * 60, "3 h 20 min")],
)
def test_durations_read_naturally(seconds, text):
    assert duration(seconds) == text


# --- Articles in progress (live) -----------------------------------------------------------------


def test_processing_articles_poll_while_something_is_running(login, alice):
    queued_article(alice, "Being read", status=Article.Status.PROCESSING, progress=40)

    page = text_of(login("bob").get(reverse("dashboard")))

    assert 'id="processing" hx-get="/"' in page
    assert 'value="40"' in page


def test_the_poll_returns_only_the_partial(login, alice):
    queued_article(alice, "Being read", status=Article.Status.PROCESSING, progress=70)

    response = login("bob").get(reverse("dashboard"), **POLL)

    page = text_of(response)
    assert page.lstrip().startswith('<div id="processing"')
    assert "Claims by state" not in page
    assert response["Vary"].count("HX-Target") == 1


def test_the_poll_stops_when_nothing_is_processing(login, alice):
    article = queued_article(alice, "Nearly done", status=Article.Status.PROCESSING)
    client = login("bob")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.READY, progress=100)

    page = text_of(client.get(reverse("dashboard"), **POLL))

    assert "hx-get" not in page
    assert "No article is waiting." in page


def test_a_failed_article_shows_its_reason_without_polling(login, alice):
    article = queued_article(alice, "Broken", status=Article.Status.FAILED)
    Article.objects.filter(pk=article.pk).update(error_message="The extractor gave up.")

    page = text_of(login("bob").get(reverse("dashboard"), **POLL))

    assert "The extractor gave up." in page
    assert "hx-get" not in page


def test_the_poll_is_cheap(login, alice, django_assert_max_num_queries):
    queued_article(alice, "Being read", status=Article.Status.PROCESSING)
    client = login("bob")

    with django_assert_max_num_queries(4):
        client.get(reverse("dashboard"), **POLL)


# --- Query count ---------------------------------------------------------------------------------


def test_dashboard_stays_within_nine_queries(
    login, article, claim_in_review, alice, django_assert_max_num_queries
):
    services.transition(claim_in_review, "approve", actor=alice)
    queued_article(alice, "Waiting")
    services.refresh_desk_figures()
    client = login("bob")

    with django_assert_max_num_queries(9):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200


def test_my_queue_lists_what_is_assigned_to_me(login, claim_in_review):
    page = text_of(login("bob").get(reverse("dashboard")))

    assert claim_in_review.text[:40] in page
