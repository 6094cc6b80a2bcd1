"""Two people saving one claim: the second save is refused and says what changed, and what the
second person typed is kept in its form (or listed to copy when that form is gone)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import Claim, ClaimEvent
from tests.conftest import text_of, yesterday

pytestmark = pytest.mark.django_db

State = Claim.State


# --- Two people, one claim ----------------------------------------------------------------------


def test_second_save_is_refused_and_shows_what_changed(client, alice, dave, claim_in_review):
    seen = timezone.now().isoformat()
    version = claim_in_review.version
    services.transition(claim_in_review, "send_back", actor=dave, reason="Needs a second source.")
    client.force_login(alice)

    response = client.post(
        reverse("claim_transition", args=[claim_in_review.pk]),
        {"action": "approve", "version": version, "seen": seen},
        HTTP_HX_REQUEST="true",
    )

    content = text_of(response)
    assert "was changed by dave while you were editing it" in content
    assert "Changed while you were editing" in content
    assert "Needs a second source." in content
    assert Claim.objects.get(pk=claim_in_review.pk).state == State.IN_PROGRESS


MALFORMED_SEEN = [
    "yesterday",
    "2024-13-45T00:00:00",
    "2024-02-30T10:00:00+00:00",
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
]


@pytest.mark.parametrize("seen", MALFORMED_SEEN)
@pytest.mark.parametrize("stale", [False, True])
@pytest.mark.parametrize("take", [False, True])
def test_a_malformed_seen_on_the_assign_form_is_a_form_error(
    client, alice, bob, claims, seen, stale, take
):
    claim = claims[0]
    version = claim.version
    if stale:
        services.set_schedule(claim, actor=alice, due_date=None, priority=3)
    client.force_login(alice)
    data = {"version": version, "seen": seen, **({"take": "1"} if take else {"assignee": bob.pk})}

    response = client.post(reverse("claim_assign", args=[claim.pk]), data, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "The page was out of date or incomplete: reload it and try again." in text_of(response)
    assert Claim.objects.get(pk=claim.pk).assignee is None


@pytest.mark.parametrize("seen", MALFORMED_SEEN)
def test_a_malformed_seen_on_any_claim_form_is_a_form_error(client, alice, claim_in_review, seen):
    client.force_login(alice)
    posts = {
        "claim_transition": {"action": "send_back", "reason": "Why?"},
        "claim_schedule": {"priority": 2},
    }
    for name, data in posts.items():
        response = client.post(
            reverse(name, args=[claim_in_review.pk]),
            {"version": claim_in_review.version, "seen": seen, **data},
            HTTP_HX_REQUEST="true",
        )

        assert response.status_code == 200
        assert "The page was out of date or incomplete" in text_of(response)
    assert Claim.objects.get(pk=claim_in_review.pk).version == claim_in_review.version


def test_refused_verdict_keeps_the_summary_and_takes_the_current_version(
    client, bob, alice, claim_in_progress, verdict_false
):
    seen = timezone.now().isoformat()
    old_version = claim_in_progress.version
    services.set_schedule(claim_in_progress, actor=alice, due_date=None, priority=3)
    client.force_login(bob)

    response = client.post(
        reverse("claim_propose", args=[claim_in_progress.pk]),
        {"version": old_version, "seen": seen, "verdict": verdict_false.pk, "summary": "My work."},
    )

    form = response.context["verdict_form"]
    assert form["summary"].value() == "My work."
    assert int(form["version"].value()) == old_version + 1
    assert "Changed while you were editing" in text_of(response)


# --- Input kept after a conflict (issue 16, bug 3) --------------------------------------------


def post_after(client, user, claim, name, data, meanwhile):
    """`user` posts `data` to one of the claim page's forms with the version their page was
    loaded at, after someone else's change (`meanwhile`) went in: the htmx response, as text."""
    seen = timezone.now().isoformat()
    version = Claim.objects.get(pk=claim.pk).version
    meanwhile()
    client.force_login(user)
    response = client.post(
        reverse(name, args=[claim.pk]),
        {"version": version, "seen": seen, **data},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    return text_of(response)


KEPT = "Your input is still in the form below"


def test_a_send_back_reason_is_kept_after_a_conflict(client, alice, dave, claim_in_review):
    def dave_changes_the_priority():
        services.set_schedule(claim_in_review, actor=dave, due_date=None, priority=3)

    data = {"action": "send_back", "reason": "Needs a second source."}
    page = post_after(client, alice, claim_in_review, "claim_transition", data,
                      dave_changes_the_priority)  # fmt: skip

    assert KEPT in page
    assert re.search(r'aria-label="Reason to send back" value="Needs a second source\."', page)
    assert Claim.objects.get(pk=claim_in_review.pk).state == State.IN_REVIEW


def test_a_reopen_reason_is_kept_after_a_conflict(client, alice, dave, claim_in_review):
    services.transition(claim_in_review, "approve", actor=dave)

    def dave_changes_the_due_date():
        services.set_schedule(claim_in_review, actor=dave, due_date=yesterday(), priority=1)

    data = {"action": "reopen", "reason": "The council corrected its figures."}
    page = post_after(client, alice, claim_in_review, "claim_transition", data,
                      dave_changes_the_due_date)  # fmt: skip

    assert KEPT in page
    assert re.search(r'aria-label="Reason to reopen" value="The council corrected its figures\."',
                     page)  # fmt: skip


def test_the_reason_goes_back_only_into_its_own_form(client, alice, dave, claim_in_review):
    def dave_changes_the_priority():
        services.set_schedule(claim_in_review, actor=dave, due_date=None, priority=3)

    data = {"action": "send_back", "reason": "Needs a second source."}
    page = post_after(client, alice, claim_in_review, "claim_transition", data,
                      dave_changes_the_priority)  # fmt: skip

    assert page.count("Needs a second source.") == 1


def test_the_chosen_assignee_is_kept_after_a_conflict(client, alice, dave, carol, claims):
    claim = claims[0]

    def dave_changes_the_priority():
        services.set_schedule(claim, actor=dave, due_date=None, priority=3)

    page = post_after(client, alice, claim, "claim_assign", {"assignee": carol.pk},
                      dave_changes_the_priority)  # fmt: skip

    assert KEPT in page
    assert re.search(rf'<option value="{carol.pk}" selected>carol</option>', page)
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_the_due_date_and_priority_are_kept_after_a_conflict(client, alice, dave, bob, claims):
    claim = claims[0]

    def dave_assigns_it():
        services.assign_claim(claim, bob, actor=dave)

    data = {"due_date": "2026-12-20", "priority": "2"}
    page = post_after(client, alice, claim, "claim_schedule", data, dave_assigns_it)

    assert KEPT in page
    assert 'name="due_date" value="2026-12-20"' in page
    assert '<option value="2" selected>High</option>' in page


def test_the_verdict_and_summary_are_kept_after_a_conflict(
    client, alice, bob, claim_in_progress, verdict_false
):
    def alice_changes_the_priority():
        services.set_schedule(claim_in_progress, actor=alice, due_date=None, priority=3)

    data = {"verdict": verdict_false.pk, "summary": "The budget was $3.9m, not $4.2m."}
    page = post_after(client, bob, claim_in_progress, "claim_propose", data,
                      alice_changes_the_priority)  # fmt: skip

    assert KEPT in page
    assert f'<option value="{verdict_false.pk}" selected>False</option>' in page
    assert "The budget was $3.9m, not $4.2m.</textarea>" in page


EVIDENCE = {
    "title": "Audit office report",
    "url": "https://audit.example/r",
    "kind": "document",
    "stance": "refutes",
    "excerpt": "Spending rose by 4%.",
    "publisher": "Audit office",
}


def test_evidence_typed_before_an_approval_is_listed_as_not_saved(
    client, bob, dave, claim_in_review
):
    def dave_approves():
        services.transition(claim_in_review, "approve", actor=dave)

    page = post_after(client, bob, claim_in_review, "claim_add_evidence", EVIDENCE, dave_approves)

    # A verified claim offers no evidence form: what Bob typed is listed for him to copy.
    assert "The claim is verified: reopen it to change its evidence." in page
    assert 'id="evidence-form"' not in page
    unsaved = re.search(r'<section class="card unsaved".*?</section>', page, re.S).group(0)
    for value in ("Audit office report", "https://audit.example/r", "Spending rose by 4%."):
        assert value in unsaved


def test_a_reason_is_listed_as_not_saved_when_its_action_is_gone(
    client, alice, dave, claim_in_review
):
    def dave_sends_it_back_first():
        services.transition(claim_in_review, "send_back", actor=dave, reason="Too thin.")

    data = {"action": "send_back", "reason": "Needs a second source."}
    page = post_after(client, alice, claim_in_review, "claim_transition", data,
                      dave_sends_it_back_first)  # fmt: skip

    assert KEPT not in page
    assert "could not go back into its form" in page
    unsaved = re.search(r'<section class="card unsaved".*?</section>', page, re.S).group(0)
    assert "Needs a second source." in unsaved


def test_refused_evidence_opens_its_form_again_with_what_was_typed(client, bob, claim_in_progress):
    data = {**EVIDENCE, "url": "ftp://audit.example/r"}

    page = post_after(client, bob, claim_in_progress, "claim_add_evidence", data, lambda: None)

    assert "The evidence URL must be a web address" in page
    assert re.search(r"<details open><summary>Add new evidence", page)
    assert 'value="ftp://audit.example/r"' in page and "Spending rose by 4%.</textarea>" in page


def test_a_comment_is_saved_even_when_the_claim_changed_meanwhile(
    client, alice, bob, claim_in_progress
):
    def alice_changes_the_priority():
        services.set_schedule(claim_in_progress, actor=alice, due_date=None, priority=3)

    data = {"text": "Called the council press office."}
    page = post_after(client, bob, claim_in_progress, "claim_comment", data,
                      alice_changes_the_priority)  # fmt: skip

    assert "Called the council press office." in page
    assert ClaimEvent.objects.filter(claim=claim_in_progress, action="comment").count() == 1
