"""In-app notifications: assigned to me, sent back to me, my verdict approved; the badge and list.

Alice and Dave are editors, Bob and Carol fact-checkers, Vic a viewer.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from claims import services
from claims.models import Notification
from claims.services.notifications import unseen_count
from tests.conftest import text_of

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


def kinds_for(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# --- Services create them where the events happen ------------------------------------------------


def test_assigning_a_claim_notifies_the_assignee(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)

    note = Notification.objects.get(recipient=bob)
    assert (note.kind, note.claim_id, note.actor) == (Kind.ASSIGNED, claim.pk, alice)


def test_taking_a_claim_yourself_notifies_nobody(claim, bob):
    services.assign_claim(claim, bob, actor=bob)

    assert not Notification.objects.exists()


def test_sending_back_notifies_the_fact_checker_with_the_reason(claim_in_review, alice, bob):
    services.transition(claim_in_review, "send_back", actor=alice, reason="Cite the minutes.")

    note = Notification.objects.get(recipient=bob, kind=Kind.SENT_BACK)
    assert note.text == "Cite the minutes."


def test_approving_notifies_the_proposer(claim_in_review, alice, bob):
    services.transition(claim_in_review, "approve", actor=alice)

    assert kinds_for(bob) == [Kind.APPROVED, Kind.ASSIGNED]


def test_a_proposed_verdict_waits_for_every_editor_but_the_proposer(
    claim_in_progress, alice, dave, bob, carol, verdict_false
):
    services.propose_verdict(claim_in_progress, actor=bob, verdict=verdict_false, summary="No.")

    waiting = Notification.objects.filter(kind=Kind.REVIEW)
    assert sorted(n.recipient.username for n in waiting) == ["alice", "dave"]
    assert {n.actor for n in waiting} == {bob}


def test_an_editor_proposing_is_not_told_about_their_own_proposal(
    claim_in_progress, alice, dave, verdict_false
):
    services.propose_verdict(claim_in_progress, actor=alice, verdict=verdict_false, summary="No.")

    assert list(
        Notification.objects.filter(kind=Kind.REVIEW).values_list("recipient", flat=True)
    ) == [dave.pk]


def test_publishing_tells_the_fact_checker(claim_in_review, alice, dave, bob):
    services.transition(claim_in_review, "approve", actor=dave)

    services.transition(claim_in_review, "publish", actor=alice)

    assert kinds_for(bob)[:2] == [Kind.PUBLISHED, Kind.APPROVED]


def test_a_refused_transition_notifies_nobody(claim_in_review, bob):
    with pytest.raises(services.WorkflowError):
        services.transition(claim_in_review, "approve", actor=bob)

    assert kinds_for(bob) == [Kind.ASSIGNED]


def test_no_email_by_default(claim, alice, bob, django_capture_on_commit_callbacks):
    bob.email = "bob@example.org"
    bob.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_claim(claim, bob, actor=alice)

    assert mail.outbox == []


def test_email_is_sent_on_commit_when_configured(
    settings, claim, alice, bob, django_capture_on_commit_callbacks
):
    settings.NOTIFY_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    bob.email = "bob@example.org"
    bob.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.assign_claim(claim, bob, actor=alice)
    assert mail.outbox == []  # nothing before the commit

    for callback in callbacks:
        callback()

    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert "alice assigned claim" in mail.outbox[0].subject


def test_an_undone_bulk_assignment_withdraws_its_notifications(article, alice, bob):
    """Issue 16, bug 4: assign, undo, assign again left Bob two notices per claim."""
    claims = list(article.claims.order_by("start")[:3])
    bulk, _, _ = services.bulk_change(claims, "assign", actor=alice, assignee=bob)
    services.undo_bulk(bulk, actor=alice)

    assert not Notification.objects.filter(recipient=bob).exists()
    services.bulk_change(claims, "assign", actor=alice, assignee=bob)
    assert kinds_for(bob) == [Kind.ASSIGNED] * 3


def test_undo_keeps_the_notification_of_a_claim_it_leaves_alone(article, alice, bob, carol):
    first, second = article.claims.order_by("start")[:2]
    bulk, _, _ = services.bulk_change([first, second], "assign", actor=alice, assignee=bob)
    services.assign_claim(second, carol, actor=alice)  # changed since: the undo keeps it

    services.undo_bulk(bulk, actor=alice)

    assert list(Notification.objects.filter(recipient=bob).values_list("claim", flat=True)) == [
        second.pk
    ]


# --- Mentions -------------------------------------------------------------------------------------


def test_a_mention_in_a_comment_notifies_that_person(claim, alice, bob, carol):
    services.add_comment(claim, actor=alice, text="@bob can you check the minutes? cc @Carol.")

    assert kinds_for(bob) == [Kind.MENTIONED]
    assert kinds_for(carol) == [Kind.MENTIONED]  # any case, and the full stop is not the name
    note = Notification.objects.get(recipient=bob)
    assert (note.actor, note.text) == (alice, "@bob can you check the minutes? cc @Carol.")


def test_mentions_that_name_nobody_or_the_author_notify_nobody(
    claim, alice, bob, django_user_model
):
    gone = django_user_model.objects.create_user("gone", is_active=False)
    services.add_comment(claim, actor=alice, text="@alice @nobody @gone alice@example.org @ bob")

    assert not Notification.objects.exists()
    assert gone.pk


def test_one_notification_per_person_however_often_mentioned(claim, alice, bob):
    services.add_comment(claim, actor=alice, text="@bob, @bob and @bob again")

    assert kinds_for(bob) == [Kind.MENTIONED]


def test_the_people_menu_offers_matching_desk_members(login, alice, bob, carol, vic):
    bob.first_name, bob.last_name = "Bob", "Checker"
    bob.save()

    found = login("alice").get(reverse("people_search"), {"q": "b"}).json()

    assert found == {"people": [{"username": "bob", "name": "Bob Checker"}]}


def test_the_people_menu_finds_by_name_too(login, alice, bob, carol):
    carol.first_name = "Caroline"
    carol.save()

    found = login("bob").get(reverse("people_search"), {"q": "carol"}).json()["people"]

    assert [p["username"] for p in found] == ["carol"]


def test_the_people_menu_without_a_query_is_empty(login, alice):
    assert login("alice").get(reverse("people_search")).json() == {"people": []}


def test_comments_show_mentions_and_escape_the_rest():
    from claims.templatetags.desk_format import comment_html

    html = comment_html("<b>@bob</b> & mail alice@example.org\nthanks")

    assert html == (
        '&lt;b&gt;<span class="mention">@bob</span>&lt;/b&gt; &amp; mail alice@example.org'
        "<br>thanks"
    )


# --- The badge and the list ----------------------------------------------------------------------


def test_the_badge_shows_what_bob_has_not_seen(login, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)

    page = text_of(login("bob").get(reverse("dashboard")))

    assert 'aria-label="1 new"' in page


def test_the_badge_is_absent_when_nothing_is_new(login, bob):
    page = text_of(login("bob").get(reverse("dashboard")))

    assert "notify-count" not in page


def test_the_badge_costs_one_query(login, claim, alice, bob):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.assign_claim(claim, bob, actor=alice)
    client = login("bob")
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("source_list"))

    assert sum("claims_notification" in q["sql"] for q in captured.captured_queries) == 1


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_everyone_can_open_their_notifications(login, who):
    response = login(who).get(reverse("notification_list"))

    assert response.status_code == 200
    assert "Nothing yet" in text_of(response)


def test_the_list_shows_my_notifications_only(login, claim, article, alice, bob, carol):
    other = article.claims.exclude(pk=claim.pk).first()
    services.assign_claim(claim, bob, actor=alice)
    services.assign_claim(other, carol, actor=alice)

    page = text_of(login("bob").get(reverse("notification_list")))

    assert claim.text[:40] in page
    assert other.text[:40] not in page


def test_opening_the_list_leaves_them_unread(login, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    client = login("bob")

    client.get(reverse("notification_list"))

    assert 'class="badge new"' in text_of(client.get(reverse("notification_list")))
    assert unseen_count(bob) == 1


def test_a_notification_links_to_its_claim_and_is_read_once_followed(login, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    note = Notification.objects.get(recipient=bob)
    client = login("bob")
    page = text_of(client.get(reverse("notification_list")))

    response = client.get(reverse("notification_open", args=[note.pk]))

    assert f'href="{reverse("notification_open", args=[note.pk])}"' in page
    assert response["Location"] == claim.get_absolute_url()
    assert unseen_count(bob) == 0


def test_nobody_opens_someone_else_s_notification(login, claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    note = Notification.objects.get(recipient=bob)

    response = login("carol").get(reverse("notification_open", args=[note.pk]))

    assert response.status_code == 404
    assert unseen_count(bob) == 1


def test_mark_all_read(login, article, alice, bob):
    for claim in article.claims.all()[:3]:
        services.assign_claim(claim, bob, actor=alice)
    services.assign_claim(article.claims.last(), alice, actor=alice)  # nobody is told
    client = login("bob")

    response = client.post(reverse("notification_read_all"), follow=True)

    assert unseen_count(bob) == 0
    assert "Marked 3 notifications read." in text_of(response)
    assert 'class="badge new"' not in text_of(response)


def test_mark_all_read_leaves_what_arrived_after_the_list_was_shown(login, article, alice, bob):
    """Bob reads his list; Alice then assigns him another claim; his "Mark all read" is about
    the list he saw: the new assignment stays unread, and the page says it arrived."""
    first, second = article.claims.order_by("start")[:2]
    services.assign_claim(first, bob, actor=alice)
    client = login("bob")
    page = client.get(reverse("notification_list")).content.decode()
    shown = re.search(r'name="upto" value="(\d+)"', page)[1]
    services.assign_claim(second, bob, actor=alice)

    response = client.post(reverse("notification_read_all"), {"upto": shown}, follow=True)

    assert unseen_count(bob) == 1
    assert Notification.objects.get(recipient=bob, seen_at__isnull=True).claim == second
    assert "Marked 1 notification read; 1 arrived since and is still unread." in text_of(response)


def test_mark_all_read_leaves_other_people_s_alone(login, claim, alice, bob, carol):
    services.assign_claim(claim, carol, actor=alice)

    login("bob").post(reverse("notification_read_all"))

    assert unseen_count(carol) == 1


@pytest.mark.parametrize(
    "kind, sentence",
    [
        (Kind.ASSIGNED, "alice assigned claim {pk} to you"),
        (Kind.SENT_BACK, "alice sent claim {pk} back to you"),
        (Kind.APPROVED, "alice approved your verdict on claim {pk}"),
        (Kind.REVIEW, "alice's verdict on claim {pk} waits for your review"),
        (Kind.PUBLISHED, "alice published your verdict on claim {pk}"),
        (Kind.MENTIONED, "alice mentioned you on claim {pk}"),
    ],
)
def test_each_kind_reads_as_a_sentence(claim, alice, bob, kind, sentence):
    from claims.services.notifications import describe

    note = Notification.objects.create(recipient=bob, claim=claim, actor=alice, kind=kind)

    assert describe(note) == sentence.format(pk=claim.pk)


def test_the_list_query_count_is_small(
    login, claim_in_review, alice, bob, django_assert_max_num_queries
):
    services.transition(claim_in_review, "send_back", actor=alice, reason="More.")
    client = login("bob")

    with django_assert_max_num_queries(7):
        client.get(reverse("notification_list"))


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("notification_list"))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]
