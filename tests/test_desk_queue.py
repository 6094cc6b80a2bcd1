"""The queue for people who live in it: overdue, saved views, bulk changes with undo,
due dates and priorities, walking the queue from a claim page, and concurrent saves."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import BulkAction, Claim, ClaimEvent, SavedView
from claims.services import WorkflowError
from tests.conftest import text_of

pytestmark = pytest.mark.django_db

State = Claim.State
QUEUE = reverse("claim_queue")


@pytest.fixture
def claims(article):
    return list(article.claims.order_by("start"))


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


# --- Overdue --------------------------------------------------------------------------------------


def test_overdue_tab_lists_open_claims_past_their_due_date(client, alice, claims):
    late, done, future = claims[0], claims[1], claims[2]
    Claim.objects.filter(pk__in=[late.pk, done.pk]).update(due_date=yesterday())
    Claim.objects.filter(pk=done.pk).update(state=State.VERIFIED)
    Claim.objects.filter(pk=future.pk).update(due_date=timezone.localdate() + datetime.timedelta(1))
    client.force_login(alice)

    response = client.get(QUEUE, {"tab": "overdue"})

    listed = [c.pk for c in response.context["page"]]
    assert listed == [late.pk]
    assert 'class="row overdue"' in response.content.decode()


# --- Saved views --------------------------------------------------------------------------------


def test_saving_a_view_keeps_its_filters_and_shows_its_count(client, bob, claims):
    client.force_login(bob)

    response = client.post(
        reverse("saved_view_create"), {"name": "Quotes", "params": "tab=all&kind=direct&o=score"}
    )

    view = SavedView.objects.get(owner=bob)
    assert response["Location"] == QUEUE + "?tab=all&kind=direct&o=score"
    page = client.get(response["Location"])
    direct = Claim.objects.filter(kind="direct").count()
    assert [(v, count.value) for v, count in page.context["saved_views"]] == [(view, direct)]
    assert page.context["active_view"] == view


def test_a_personal_view_is_not_shown_to_others_but_a_shared_one_is(client, alice, bob, claims):
    services.save_view(user=bob, name="Mine only", params="tab=mine")
    services.save_view(user=alice, name="Desk quotes", params="kind=direct", shared=True)
    client.force_login(alice)

    names = [view.name for view, _ in client.get(QUEUE).context["saved_views"]]

    assert names == ["Desk quotes"]


def test_only_editors_share_views(bob):
    with pytest.raises(WorkflowError, match="Only editors can share"):
        services.save_view(user=bob, name="Everyone", params="tab=all", shared=True)


def test_a_fact_checker_deletes_only_their_own_views(client, alice, bob):
    view = services.save_view(user=alice, name="Desk", params="tab=all", shared=True)
    client.force_login(bob)

    response = client.post(reverse("saved_view_delete", args=[view.pk]), follow=True)

    assert "Only its owner or an editor can delete a shared view." in text_of(response)
    assert SavedView.objects.filter(pk=view.pk).exists()


def test_an_editor_deletes_a_view_someone_else_shared(client, alice, dave):
    view = services.save_view(user=dave, name="Broken", params="article=1", shared=True)
    client.force_login(alice)

    response = client.post(reverse("saved_view_delete", args=[view.pk]), follow=True)

    assert "Deleted the view “Broken”." in text_of(response)
    assert not SavedView.objects.filter(pk=view.pk).exists()


def test_nobody_else_deletes_a_personal_view(alice, dave):
    view = services.save_view(user=dave, name="Mine", params="tab=mine")

    with pytest.raises(WorkflowError, match="Only the person who saved this view"):
        services.delete_view(view, user=alice)


def test_an_editor_is_offered_to_delete_every_shared_view(client, alice, dave):
    view = services.save_view(user=dave, name="Broken", params="article=1", shared=True)
    client.force_login(alice)

    response = client.get(QUEUE)

    assert reverse("saved_view_delete", args=[view.pk]) in response.content.decode()


@pytest.mark.parametrize("value", ["²", "①", "99999999999999999999"])
def test_a_shared_view_with_an_id_that_does_not_parse_breaks_nobody_s_queue(
    client, alice, bob, claims, value
):
    services.save_view(user=alice, name="Odd", params=f"article={value}", shared=True)
    client.force_login(bob)

    response = client.get(QUEUE)

    assert response.status_code == 200
    assert [count.value for _, count in response.context["saved_views"]] == [len(claims)]


def test_saved_views_are_in_the_admin(client, django_user_model, alice):
    view = services.save_view(user=alice, name="Desk", params="tab=all", shared=True)
    admin = django_user_model.objects.create_superuser("root", password="pw-root")
    client.force_login(admin)

    listing = client.get(reverse("admin:claims_savedview_changelist"))
    deleted = client.post(reverse("admin:claims_savedview_delete", args=[view.pk]), {"post": "yes"})

    assert listing.status_code == 200 and "Desk" in text_of(listing)
    assert deleted.status_code == 302
    assert not SavedView.objects.filter(pk=view.pk).exists()


def test_saved_views_cost_no_extra_query_each(client, alice, claims, django_assert_max_num_queries):
    for n in range(6):
        services.save_view(user=alice, name=f"View {n}", params=f"kind=direct&q=x{n}")
    client.force_login(alice)

    with django_assert_max_num_queries(10):
        response = client.get(QUEUE)

    assert len(response.context["saved_views"]) == 6


# --- Bulk changes, confirmation and undo -------------------------------------------------------


def bulk(client, data):
    return client.post(reverse("claim_bulk"), data, follow=True)


def test_a_bulk_change_first_asks_for_confirmation_with_the_count(client, alice, claims):
    client.force_login(alice)

    response = bulk(
        client, {"action": "dismiss", "claims": [c.pk for c in claims[:3]], "reason": "Opinion."}
    )

    assert "Dismiss 3 claims?" in text_of(response)
    assert not Claim.objects.filter(state=State.DISMISSED).exists()


def test_the_bulk_confirmation_names_the_person_and_lists_each_claim(client, alice, carol, claims):
    carol.first_name, carol.last_name = "Carol", "Checker"
    carol.save()
    client.force_login(alice)

    response = bulk(
        client, {"action": "assign", "assignee": carol.pk, "claims": [c.pk for c in claims[:3]]}
    )

    page = text_of(response)
    assert "Assign 3 claims to Carol Checker?" in page
    for claim in claims[:3]:
        item = re.search(rf'<li data-claim="{claim.pk}">(.*?)</li>', page, re.S)[1]
        assert claim.text[:40] in item
        assert claim.article.headline in item
        assert (claim.source.name if claim.source else "unattributed") in item


@pytest.mark.parametrize(
    "action, question",
    [("unassign", "Unassign 2 claims?"), ("start", "Start work on 2 claims?"),
     ("restore", "Restore 2 claims?")],
)  # fmt: skip
def test_the_bulk_confirmation_asks_in_words(client, alice, claims, action, question):
    client.force_login(alice)

    response = bulk(client, {"action": action, "claims": [c.pk for c in claims[:2]]})

    assert question in text_of(response)


def test_bulk_dismiss_needs_a_reason(client, alice, claims):
    client.force_login(alice)

    response = bulk(client, {"action": "dismiss", "claims": [claims[0].pk], "confirmed": "True"})

    assert "Give a reason to dismiss." in text_of(response)
    assert Claim.objects.get(pk=claims[0].pk).state == State.NEW


def test_confirmed_bulk_change_is_applied_and_can_be_undone(client, alice, claims):
    client.force_login(alice)
    pks = [c.pk for c in claims[:3]]

    response = bulk(
        client, {"action": "dismiss", "claims": pks, "reason": "Opinion.", "confirmed": "True"}
    )

    assert "Dismissed: 3 claims." in text_of(response)
    assert Claim.objects.filter(pk__in=pks, state=State.DISMISSED).count() == 3
    undo = BulkAction.objects.get()
    assert f'action="{reverse("bulk_undo", args=[undo.pk])}"' in response.content.decode()

    response = client.post(reverse("bulk_undo", args=[undo.pk]), follow=True)

    assert "3 restored" in text_of(response)
    assert Claim.objects.filter(pk__in=pks, state=State.NEW).count() == 3
    assert ClaimEvent.objects.filter(action=ClaimEvent.Action.UNDONE).count() == 3


def test_undo_keeps_claims_someone_changed_since(alice, bob, claims):
    bulk_action, done, _ = services.bulk_change(claims[:2], "assign", actor=alice, assignee=bob)
    services.transition(claims[0], "start", actor=bob)

    restored, kept = services.undo_bulk(bulk_action, actor=alice)

    assert (restored, kept) == (1, 1)
    first, second = (Claim.objects.get(pk=c.pk) for c in claims[:2])
    assert (first.state, first.assignee) == (State.IN_PROGRESS, bob)
    assert (second.state, second.assignee) == (State.NEW, None)


def test_only_the_author_undoes_a_bulk_change(alice, dave, bob, claims):
    bulk_action, _, _ = services.bulk_change(claims[:1], "assign", actor=alice, assignee=bob)

    with pytest.raises(WorkflowError, match="Only the person who made this bulk change"):
        services.undo_bulk(bulk_action, actor=dave)


def test_only_the_latest_bulk_change_can_be_undone(alice, bob, claims):
    first, _, _ = services.bulk_change(claims[:1], "assign", actor=alice, assignee=bob)
    services.bulk_change(claims[1:2], "dismiss", actor=alice, reason="Opinion.")

    with pytest.raises(WorkflowError, match="Only your latest bulk change"):
        services.undo_bulk(first, actor=alice)


def test_bulk_unassign_puts_claims_back_to_new(alice, bob, claims):
    services.bulk_change(claims[:2], "assign", actor=alice, assignee=bob)

    _, done, refused = services.bulk_change(claims[:2], "unassign", actor=alice)

    assert (done, refused) == (2, [])
    assert Claim.objects.filter(pk__in=[c.pk for c in claims[:2]], state=State.NEW).count() == 2


def test_bulk_send_back_needs_a_reason(client, alice, claim_in_review):
    client.force_login(alice)

    response = bulk(
        client, {"action": "send_back", "claims": [claim_in_review.pk], "confirmed": "True"}
    )

    assert "Give a reason to send back." in text_of(response)
    assert Claim.objects.get(pk=claim_in_review.pk).state == State.IN_REVIEW


def test_fact_checkers_bulk_actions_are_only_their_own(bob):
    assert [value for value, _ in services.bulk_actions_for(bob)] == ["start"]


# --- Due dates and priority ---------------------------------------------------------------------


def test_editor_sets_due_date_and_priority_with_a_history_event(alice, claim):
    due = timezone.localdate() + datetime.timedelta(days=2)

    services.set_schedule(claim, actor=alice, due_date=due, priority=Claim.Priority.URGENT)

    claim.refresh_from_db()
    assert (claim.due_date, claim.priority, claim.version) == (due, Claim.Priority.URGENT, 2)
    event = claim.events.get(action=ClaimEvent.Action.SCHEDULED)
    assert "urgent priority" in event.to_value


def test_fact_checker_cannot_set_due_dates(bob, claim):
    with pytest.raises(WorkflowError, match="Only editors can set due dates"):
        services.set_schedule(claim, actor=bob, due_date=None, priority=Claim.Priority.HIGH)


def test_schedule_form_on_the_claim_page(client, alice, claim):
    client.force_login(alice)
    due = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()

    response = client.post(
        reverse("claim_schedule", args=[claim.pk]),
        {"version": claim.version, "due_date": due, "priority": "2"},
        follow=True,
    )

    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.due_date.isoformat(), claim.priority) == (due, 2)


def test_the_due_date_input_holds_an_iso_date_whatever_the_locale(client, alice, claim, settings):
    assert settings.LANGUAGE_CODE == "en-gb"  # whose date format is 20/12/2026
    Claim.objects.filter(pk=claim.pk).update(due_date=datetime.date(2026, 12, 20))
    client.force_login(alice)

    content = client.get(claim.get_absolute_url()).content.decode()

    # A date input takes yyyy-mm-dd only: any other value shows as empty, and is sent empty.
    assert re.search(r'<input type="date" name="due_date" value="2026-12-20"', content)


# --- Walking the queue --------------------------------------------------------------------------


def test_claim_page_opened_from_the_queue_links_to_its_neighbours(client, alice, claims):
    client.force_login(alice)
    ordered = [c.pk for c in client.get(QUEUE, {"tab": "all", "kind": ""}).context["page"]]
    middle = ordered[1]

    response = client.get(reverse("claim_detail", args=[middle]), {"tab": "all", "o": "score"})

    nav = response.context["nav"]
    assert (nav["prev"], nav["next"]) == (ordered[0], ordered[2])
    content = response.content.decode()
    assert f'href="/claims/{ordered[2]}/?tab=all&amp;o=score"' in content


def test_next_in_my_queue_skips_the_current_claim(client, alice, bob, claims):
    for claim in claims[:2]:
        services.assign_claim(claim, bob, actor=alice)
    client.force_login(bob)
    top = Claim.objects.filter(assignee=bob).order_by("-score", "id")

    response = client.get(reverse("next_in_my_queue"), {"after": top[0].pk})

    assert response["Location"] == reverse("claim_detail", args=[top[1].pk]) + "?tab=mine"


def test_next_in_my_queue_walks_every_claim_waiting_for_me(client, alice, bob, claims):
    """Issue 16, bug 2: `e` bounced between the first two claims and never reached the third."""
    for claim in claims[:3]:
        services.assign_claim(claim, bob, actor=alice)
    client.force_login(bob)
    first, second, third = Claim.objects.filter(assignee=bob).order_by("-score", "id")

    def after(claim):
        location = client.get(reverse("next_in_my_queue"), {"after": claim.pk})["Location"]
        return int(re.search(r"/claims/(\d+)/", location)[1])

    assert [after(first), after(second), after(third)] == [second.pk, third.pk, first.pk]


def test_next_in_my_queue_puts_what_is_due_first(client, alice, bob, claims):
    for claim in claims[:3]:
        services.assign_claim(claim, bob, actor=alice)
    urgent = Claim.objects.filter(assignee=bob).order_by("score").first()
    Claim.objects.filter(pk=urgent.pk).update(due_date=yesterday())
    client.force_login(bob)

    response = client.get(reverse("next_in_my_queue"))

    assert response["Location"] == reverse("claim_detail", args=[urgent.pk]) + "?tab=mine"


def test_next_in_my_queue_when_nothing_is_left(client, bob):
    client.force_login(bob)

    response = client.get(reverse("next_in_my_queue"), follow=True)

    assert "Nothing else is waiting in your queue." in text_of(response)


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
