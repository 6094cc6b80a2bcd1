"""A claim's history reads as sentences with the values (issue 16): "alice moved it from
In progress to In review", "set the due date to 20 Dec (was none)"."""

import datetime
import re
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from claims import services
from claims.models import ClaimEvent
from claims.services import corrections
from claims.templatetags.history import event_sentence

pytestmark = pytest.mark.django_db


def sentences(claim):
    """Each event of the claim, oldest first, as plain text."""
    return [
        re.sub(r"\s+", " ", unescape(strip_tags(event_sentence(e))))
        for e in ClaimEvent.objects.filter(claim=claim).exclude(action=ClaimEvent.Action.COMMENT)
    ]


def test_the_workflow_reads_as_sentences(claim, alice, bob, carol, verdict_false):
    services.assign_claim(claim, bob, actor=alice)
    services.assign_claim(claim, carol, actor=alice)
    services.transition(claim, "start", actor=carol)
    services.add_evidence(claim, actor=carol, title="Budget book", stance="refutes")
    services.propose_verdict(claim, actor=carol, verdict=verdict_false, summary="It was $3.9m.")

    assert sentences(claim) == [
        "moved it from New to Assigned",
        "assigned it to bob",
        "reassigned it from bob to carol",
        "moved it from Assigned to In progress",
        "linked the evidence Budget book, which refutes the claim",
        "proposed the verdict False: “It was $3.9m.”",
        "moved it from In progress to In review",
    ]


def test_a_send_back_gives_its_reason(claim_in_review, alice):
    services.transition(claim_in_review, "send_back", actor=alice, reason="Cite the minutes.")

    assert sentences(claim_in_review)[-1] == (
        "moved it from In review to In progress: “Cite the minutes.”"
    )


def test_the_schedule_says_what_changed_and_what_it_was(claim, alice):
    year = timezone.localdate().year
    services.set_schedule(claim, actor=alice, due_date=datetime.date(year, 12, 20), priority=1)
    services.set_schedule(claim, actor=alice, due_date=datetime.date(year, 12, 20), priority=2)
    services.set_schedule(claim, actor=alice, due_date=datetime.date(year + 1, 1, 5), priority=2)
    services.set_schedule(claim, actor=alice, due_date=None, priority=3)

    assert sentences(claim) == [
        "set the due date to 20 Dec (was none)",
        "set the priority to High (was Normal)",
        f"set the due date to 5 Jan {year + 1} (was 20 Dec)",
        f"removed the due date (was 5 Jan {year + 1}) and set the priority to Urgent (was High)",
    ]


def test_an_undone_bulk_change_says_what_it_went_back_to(article, alice, bob):
    claims = list(article.claims.order_by("start")[:1])
    bulk, _, _ = services.bulk_change(claims, "assign", actor=alice, assignee=bob)

    services.undo_bulk(bulk, actor=alice)

    assert sentences(claims[0])[-1] == (
        "undid the bulk change “Assigned to bob: 1 claim”: back to New, assigned to nobody"
    )


def test_corrections_name_the_field_and_both_values(claim, alice):
    corrections.edit_claim(claim, actor=alice, kind="direct", cue="told reporters")

    assert sentences(claim)[-1] == (
        "changed the kind from Reported speech to Direct quote; "
        "changed the cue from said to told reporters"
    )


def test_not_a_claim_and_back(claim, alice):
    corrections.reject_claim(claim, actor=alice, reason="fragment", note="Half a line.")
    corrections.accept_claim(claim, actor=alice)

    assert sentences(claim)[-2:] == [
        "marked it not a claim (A fragment, not a statement): “Half a line.”",
        "marked it a claim again (it was A fragment, not a statement)",
    ]


def test_values_are_escaped(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    services.transition(claim, "start", actor=bob)
    services.add_evidence(claim, actor=bob, title="<script>x</script>")

    html = str(event_sentence(ClaimEvent.objects.filter(claim=claim).last()))

    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_claim_page_shows_the_sentences(login, claim_in_review):
    page = unescape(login("alice").get(claim_in_review.get_absolute_url()).content.decode())

    assert re.search(
        r"bob</strong>\s*moved it from <em>In progress</em> to <em>In review</em>", page
    )


def test_an_event_is_dated_in_the_desks_time_zone(settings):
    from claims.templatetags.history import event_time

    settings.TIME_ZONE = "Europe/Berlin"
    moment = datetime.datetime(2026, 3, 5, 22, 30, tzinfo=datetime.UTC)

    assert event_time(moment) == (
        '<time datetime="2026-03-05T23:30:00+01:00" class="muted">5 Mar 2026 23:30</time>'
    )
