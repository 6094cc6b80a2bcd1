"""The claim page and its actions: transitions, assigning, taking, proposing, evidence, comments.

Alice and Dave are editors, Bob the fact-checker the claim is assigned to, Carol a fact-checker
it is not assigned to, Vic a viewer. Refused actions must say why, in the page or the partial.
"""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims import selectors, services
from claims.exports import claimreview
from claims.extraction.types import ExtractedClaim
from claims.models import Article, Claim, ClaimEvent, ClaimEvidence, Evidence, Verdict
from claims.services import WorkflowError
from claims.views.claim import HISTORY_SHOWN
from tests.conftest import text_of

# Every test here uses the database (some only through fixtures looked up at run time).
pytestmark = pytest.mark.django_db

State = Claim.State
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "claim-panel"}


def post(client, name, claim, data=None, *, htmx=False, args=()):
    """POST to one of the claim's endpoints; follow the redirect unless it is an htmx request."""
    url = reverse(name, args=[claim.pk, *args])
    if htmx:
        return client.post(url, data or {}, **HTMX)
    return client.post(url, data or {}, follow=True)


def fresh(claim):
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def claim_assigned(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    return fresh(claim)


@pytest.fixture
def evidence(alice):
    return Evidence.objects.create(title="Council minutes", url="https://example.org/m")


# --- The page -----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["claim", "claim_in_progress", "claim_in_review"])
@pytest.mark.parametrize("who", ["alice", "bob", "carol", "vic"])
def test_claim_page_renders_for_every_role(login, request, state, who):
    claim = request.getfixturevalue(state)

    response = login(who).get(claim.get_absolute_url())

    assert response.status_code == 200
    assert claim.text in text_of(response)


def test_anonymous_user_is_sent_to_login(client, claim):
    response = client.get(claim.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unknown_claim_is_404(login):
    assert login("vic").get(reverse("claim_detail", args=[999999])).status_code == 404


def test_viewer_is_offered_no_action(login, claim_in_progress):
    response = login("vic").get(claim_in_progress.get_absolute_url())

    assert "No action is open to you on this claim now." in text_of(response)
    assert 'data-action="' not in response.content.decode()


def test_assigned_fact_checker_is_offered_start(login, claim_assigned):
    content = login("bob").get(claim_assigned.get_absolute_url()).content.decode()

    assert 'data-action="start"' in content


def test_other_editor_is_offered_approve_and_send_back(login, claim_in_review):
    content = login("dave").get(claim_in_review.get_absolute_url()).content.decode()

    assert 'data-action="approve"' in content
    assert 'data-action="send_back"' in content


def test_fact_checker_is_offered_take_on_unassigned_claim(login, claim):
    content = login("bob").get(claim.get_absolute_url()).content.decode()

    assert 'name="take"' in content


def test_viewer_is_not_offered_take(login, claim):
    assert 'name="take"' not in login("vic").get(claim.get_absolute_url()).content.decode()


def test_claim_page_escapes_claim_and_article_text(login, alice):
    body = "Officials said <script>alert(1)</script> <img src=x onerror=alert(1)> was fine."
    article = Article.objects.create(headline="<i>XSS</i>", body=body, content_hash="x")
    extracted = ExtractedClaim(
        text=body[15:], start=15, end=len(body), sentence_start=0, sentence_end=len(body),
        kind="indirect", source="<b>Officials</b>", source_name="<b>Officials</b>",
        source_kind="anonymous", cue="said", cue_start=10, cue_end=14,
    )  # fmt: skip
    services.apply_extraction(article, [extracted])
    claim = article.claims.get()

    content = login("vic").get(claim.get_absolute_url()).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content
    assert "&lt;b&gt;Officials&lt;/b&gt;" in content
    assert "<script>alert(1)" not in content
    assert "<img src=x" not in content
    assert "<i>XSS</i>" not in content


# --- POST-only endpoints ------------------------------------------------------------------------

POST_ONLY = [
    "claim_transition",
    "claim_assign",
    "claim_propose",
    "claim_add_evidence",
    "claim_link_evidence",
    "claim_comment",
]


@pytest.mark.parametrize("name", POST_ONLY)
def test_get_on_post_only_url_is_405(login, claim, name):
    assert login("alice").get(reverse(name, args=[claim.pk])).status_code == 405


def test_get_on_unlink_is_405(login, claim_in_progress):
    link = claim_in_progress.evidence_links.get()
    url = reverse("claim_unlink_evidence", args=[claim_in_progress.pk, link.pk])

    assert login("alice").get(url).status_code == 405


def test_get_on_bulk_is_405(login):
    assert login("alice").get(reverse("claim_bulk")).status_code == 405


# --- Transitions --------------------------------------------------------------------------------


def transition(client, claim, action, reason="", **kwargs):
    data = {"action": action, "version": claim.version, "reason": reason}
    return post(client, "claim_transition", claim, data, **kwargs)


def test_assigned_fact_checker_starts_work(login, claim_assigned):
    response = transition(login("bob"), claim_assigned, "start")

    assert response.status_code == 200
    assert fresh(claim_assigned).state == State.IN_PROGRESS


def test_transition_over_htmx_returns_claim_panel(login, claim_assigned):
    response = transition(login("bob"), claim_assigned, "start", htmx=True)

    content = response.content.decode()
    assert "<html" not in content
    assert 'id="claim-panel"' in content
    assert 'id="claim-state">In progress<' in content


def test_other_fact_checker_cannot_start_work(login, claim_assigned):
    response = transition(login("carol"), claim_assigned, "start")

    assert response.status_code == 200
    assert "Only the assigned fact-checker or an editor can start work" in text_of(response)
    assert fresh(claim_assigned).state == State.ASSIGNED


def test_refused_transition_over_htmx_shows_message_in_panel(login, claim_assigned):
    response = transition(login("carol"), claim_assigned, "start", htmx=True)

    assert response.status_code == 200
    assert "Only the assigned fact-checker or an editor can start work" in text_of(response)


def test_viewer_cannot_dismiss(login, claim):
    response = transition(login("vic"), claim, "dismiss", reason="Opinion.")

    assert "Your role cannot dismiss claims." in text_of(response)
    assert fresh(claim).state == State.NEW


def test_fact_checker_cannot_approve(login, claim_in_review):
    response = transition(login("carol"), claim_in_review, "approve")

    assert "Your role cannot approve verdicts." in text_of(response)
    assert fresh(claim_in_review).state == State.IN_REVIEW


def test_editor_approves_verdict(login, claim_in_review):
    transition(login("alice"), claim_in_review, "approve")

    assert fresh(claim_in_review).state == State.VERIFIED


def test_editor_sends_back_with_reason(login, claim_in_review):
    transition(login("alice"), claim_in_review, "send_back", reason="Need a second source.")

    assert fresh(claim_in_review).state == State.IN_PROGRESS
    assert claim_in_review.events.filter(text="Need a second source.").exists()


def test_send_back_without_reason_is_refused(login, claim_in_review):
    response = transition(login("alice"), claim_in_review, "send_back", reason=" ")

    assert "Give a reason to send back this claim." in text_of(response)
    assert fresh(claim_in_review).state == State.IN_REVIEW


def test_dismiss_without_reason_is_refused(login, claim):
    response = transition(login("alice"), claim, "dismiss", reason="")

    assert "Give a reason to dismiss this claim." in text_of(response)
    assert fresh(claim).state == State.NEW


def test_a_reason_too_long_is_refused_as_such_and_kept(login, claim):
    """The browser no longer cuts a pasted reason at 2,000 characters (maxlength): the refusal
    says it is too long, not that the page was out of date, and the reason stays in its box."""
    reason = "".join(f"Point {n:03d}: an opinion, not a checkable fact. " for n in range(50))
    assert len(reason) > 2000
    page = login("alice").get(claim.get_absolute_url()).content.decode()

    response = transition(login("alice"), claim, "dismiss", reason=reason)

    assert 'maxlength="2000"' not in page
    assert "Reason: Ensure this value has at most 2000 characters" in text_of(response)
    assert reason in response.content.decode()
    assert fresh(claim).state == State.NEW


def test_incomplete_transition_form_is_refused_with_message(login, claim):
    response = post(login("alice"), "claim_transition", claim, {"action": "dismiss"})

    assert "The page was out of date or incomplete: reload it and try again." in text_of(response)
    assert fresh(claim).state == State.NEW


def test_stale_transition_is_refused_with_message(login, claim_assigned, alice, carol):
    seen = claim_assigned
    services.assign_claim(claim_assigned, carol, actor=alice)

    response = transition(login("alice"), seen, "dismiss", reason="Opinion.")

    assert "changed by alice while you were editing" in text_of(response)
    assert fresh(claim_assigned).state == State.ASSIGNED


# --- Assigning and taking -----------------------------------------------------------------------


def assign(client, claim, assignee, **kwargs):
    data = {"assignee": assignee.pk if assignee else "", "version": claim.version}
    return post(client, "claim_assign", claim, data, **kwargs)


def take(client, claim, **kwargs):
    return post(client, "claim_assign", claim, {"take": "1", "version": claim.version}, **kwargs)


def test_editor_assigns_claim(login, claim, bob):
    response = assign(login("alice"), claim, bob)

    assert response.status_code == 200
    assert (fresh(claim).assignee, fresh(claim).state) == (bob, State.ASSIGNED)


def test_assign_over_htmx_returns_claim_panel(login, claim, bob):
    content = assign(login("alice"), claim, bob, htmx=True).content.decode()

    assert "<html" not in content
    assert 'id="claim-panel"' in content


def test_fact_checker_cannot_assign_to_someone_else(login, claim, carol):
    response = assign(login("bob"), claim, carol)

    assert "Only editors can assign claims to other people." in text_of(response)
    assert fresh(claim).assignee is None


def test_assigning_to_viewer_is_refused_with_message(login, claim, vic):
    response = assign(login("alice"), claim, vic)

    assert "Choose someone to assign the claim to." in text_of(response)
    assert fresh(claim).assignee is None


def test_fact_checker_takes_unassigned_claim(login, claim, bob):
    take(login("bob"), claim)

    assert fresh(claim).assignee == bob


def test_viewer_cannot_take_claim(login, claim):
    response = take(login("vic"), claim)

    assert "Viewers cannot take claims." in text_of(response)
    assert fresh(claim).assignee is None


def test_fact_checker_cannot_take_claim_assigned_to_another(login, claim, alice, carol):
    services.assign_claim(claim, carol, actor=alice)

    response = take(login("bob"), fresh(claim), htmx=True)

    assert "This claim is already assigned to carol." in text_of(response)
    assert fresh(claim).assignee == carol


# --- Proposing a verdict ------------------------------------------------------------------------


def propose(client, claim, verdict, summary, version=None, **kwargs):
    data = {
        "verdict": verdict.pk if verdict else "",
        "summary": summary,
        "version": claim.version if version is None else version,
    }
    return post(client, "claim_propose", claim, data, **kwargs)


def test_assigned_fact_checker_proposes_verdict(login, claim_in_progress, verdict_false):
    response = propose(login("bob"), claim_in_progress, verdict_false, "It was $3.9m.")

    assert "Verdict proposed: an editor will review it." in text_of(response)
    assert fresh(claim_in_progress).state == State.IN_REVIEW


def test_other_fact_checker_cannot_propose(login, claim_in_progress, verdict_false):
    response = propose(login("carol"), claim_in_progress, verdict_false, "It was $3.9m.")

    assert "Only the assigned fact-checker or an editor can propose a verdict." in text_of(response)
    assert fresh(claim_in_progress).state == State.IN_PROGRESS


def test_viewer_cannot_propose(login, claim_in_progress, verdict_false):
    response = propose(login("vic"), claim_in_progress, verdict_false, "It was $3.9m.")

    assert "Your role cannot propose verdicts." in text_of(response)
    assert fresh(claim_in_progress).state == State.IN_PROGRESS


def test_proposal_without_summary_is_refused(login, claim_in_progress, verdict_false):
    response = propose(login("bob"), claim_in_progress, verdict_false, "")

    assert "Choose a verdict and write a summary." in text_of(response)
    assert fresh(claim_in_progress).state == State.IN_PROGRESS


def test_proposal_without_evidence_keeps_summary(login, claim_assigned, verdict_false):
    response = propose(login("bob"), claim_assigned, verdict_false, "My careful summary", htmx=True)

    content = text_of(response)
    assert "Link at least one piece of evidence before proposing a verdict." in content
    assert "My careful summary</textarea>" in content
    assert fresh(claim_assigned).state == State.ASSIGNED


@pytest.fixture
def changed_meanwhile(claim_in_progress, alice, bob, carol):
    """Bob's view of the claim, after Alice reassigned it away from him and back."""
    seen = claim_in_progress.version
    services.assign_claim(claim_in_progress, carol, actor=alice)
    services.assign_claim(fresh(claim_in_progress), bob, actor=alice)
    return seen


def test_stale_proposal_says_claim_changed(
    login, claim_in_progress, changed_meanwhile, verdict_false
):
    response = propose(
        login("bob"), claim_in_progress, verdict_false, "My summary", changed_meanwhile, htmx=True
    )

    assert "changed by alice while you were editing" in text_of(response)
    assert fresh(claim_in_progress).verdict is None


def test_stale_proposal_keeps_summary_with_current_version(
    login, claim_in_progress, changed_meanwhile, verdict_false
):
    response = propose(
        login("bob"), claim_in_progress, verdict_false, "My summary", changed_meanwhile, htmx=True
    )

    content = text_of(response)
    assert "My summary</textarea>" in content
    assert f'name="version" value="{fresh(claim_in_progress).version}"' in content


# --- Evidence -----------------------------------------------------------------------------------


def add_evidence(client, claim, **kwargs):
    data = {"title": "Budget audit", "url": "https://example.org/audit", "kind": "web"}
    return post(client, "claim_add_evidence", claim, {**data, "stance": "refutes"}, **kwargs)


def test_assigned_fact_checker_adds_evidence(login, claim_assigned):
    response = add_evidence(login("bob"), claim_assigned, htmx=True)

    assert "Budget audit" in text_of(response)
    assert claim_assigned.evidence_links.get().stance == "refutes"


def test_other_fact_checker_cannot_add_evidence(login, claim_assigned):
    response = add_evidence(login("carol"), claim_assigned)

    assert "Only the assigned fact-checker or an editor can change this claim's evidence." in (
        text_of(response)
    )
    assert not claim_assigned.evidence_links.exists()


def test_viewer_cannot_add_evidence(login, claim_assigned):
    response = add_evidence(login("vic"), claim_assigned, htmx=True)

    assert "Your role cannot change evidence." in text_of(response)
    assert not Evidence.objects.exists()


def test_evidence_without_title_or_url_is_refused(login, claim_assigned):
    response = post(
        login("bob"), "claim_add_evidence", claim_assigned, {"kind": "web", "stance": "context"},
        htmx=True,
    )  # fmt: skip

    content = text_of(response)
    assert "The evidence could not be added: see the form." in content
    assert "Give the evidence a title or a URL." in content
    assert not Evidence.objects.exists()


def test_the_stance_starts_empty(login, claim_assigned):
    page = text_of(login("bob").get(claim_assigned.get_absolute_url()))

    for form in ("evidence-form", "link-form"):
        select = re.search(rf'id="{form}".*?(<select name="stance".*?</select>)', page, re.S)
        if select:  # the link form shows only when there is evidence to link
            assert '<option value="" selected>Choose…</option>' in select[1]
    assert "Choose…</option>" in page


def test_evidence_without_a_stance_is_refused(login, claim_assigned):
    data = {"title": "Budget audit", "kind": "web"}
    response = post(login("bob"), "claim_add_evidence", claim_assigned, data, htmx=True)

    assert "Say whether it supports or refutes the claim, or is context." in text_of(response)
    assert not Evidence.objects.exists()


def test_linking_evidence_without_a_stance_is_refused(login, claim_assigned):
    other = Evidence.objects.create(title="Treasury table")
    response = post(
        login("bob"), "claim_link_evidence", claim_assigned, {"evidence": other.pk}, htmx=True
    )

    assert "Choose the evidence to link and its stance." in text_of(response)
    assert not claim_assigned.evidence_links.exists()


def test_evidence_cannot_be_added_to_verified_claim(login, claim_in_review):
    Claim.objects.filter(pk=claim_in_review.pk).update(state=State.VERIFIED)

    response = add_evidence(login("alice"), claim_in_review)

    assert "The claim is verified: reopen it to change its evidence." in text_of(response)
    assert claim_in_review.evidence_links.count() == 1


def test_the_claim_page_says_which_evidence_is_public(login, claim_in_progress, bob):
    services.add_evidence(claim_in_progress, actor=bob, title="Call notes", kind="note")

    content = text_of(login("vic").get(claim_in_progress.get_absolute_url()))

    assert re.search(r"Budget document</a>\s*<span[^>]*>public</span>", content)
    assert re.search(r"Call notes\s*<span[^>]*>desk only</span>", content)


def test_assigned_fact_checker_makes_a_note_public_from_the_claim_page(
    login, claim_in_progress, bob
):
    note = services.add_evidence(claim_in_progress, actor=bob, title="Call notes", kind="note")
    client = login("bob")
    page = text_of(client.get(claim_in_progress.get_absolute_url()))
    assert reverse("claim_evidence_public", args=[claim_in_progress.pk, note.pk]) in page

    response = post(
        client, "claim_evidence_public", claim_in_progress, {"public": "1"}, args=[note.pk],
        htmx=True,
    )  # fmt: skip

    content = text_of(response)
    assert Evidence.objects.get(pk=note.evidence_id).public is True
    assert re.search(r"Call notes\s*<span[^>]*>public</span>", content)
    assert "listed the evidence Call notes on the public page" in re.sub(r"</?em>", "", content)


def test_a_viewer_cannot_change_visibility(login, claim_in_progress):
    claim_link = claim_in_progress.evidence_links.get()

    response = post(
        login("vic"), "claim_evidence_public", claim_in_progress, {"public": "0"},
        args=[claim_link.pk], htmx=True,
    )  # fmt: skip

    assert "Your role cannot change evidence." in text_of(response)
    assert Evidence.objects.get(pk=claim_link.evidence_id).public is True


def link(client, claim, evidence, **kwargs):
    data = {"evidence": evidence.pk, "stance": "supports"}
    return post(client, "claim_link_evidence", claim, data, **kwargs)


def test_assigned_fact_checker_links_existing_evidence(login, claim_assigned, evidence):
    link(login("bob"), claim_assigned, evidence)

    assert claim_assigned.evidence_links.get().evidence == evidence


def test_viewer_cannot_link_evidence(login, claim_assigned, evidence):
    response = link(login("vic"), claim_assigned, evidence, htmx=True)

    assert "Your role cannot change evidence." in text_of(response)
    assert not claim_assigned.evidence_links.exists()


def test_linking_without_choosing_evidence_is_refused(login, claim_assigned):
    response = post(login("bob"), "claim_link_evidence", claim_assigned, {"stance": "context"})

    assert "Choose the evidence to link and its stance." in text_of(response)


def link_menu(response):
    menu = re.search(r'<form[^>]*id="link-form".*?</form>', response.content.decode(), re.S)
    return re.findall(r'<option value="(\d+)">([^<]*)</option>', menu.group())


def test_the_link_menu_offers_the_newest_evidence_not_linked(
    login, claim_assigned, bob, monkeypatch
):
    from claims.forms import LinkEvidenceForm

    monkeypatch.setattr(LinkEvidenceForm, "MENU_SIZE", 3)
    pieces = [Evidence.objects.create(title=f"Report {n}") for n in range(6)]
    for piece in (pieces[5], pieces[3]):
        services.link_evidence(claim_assigned, piece, actor=bob, stance="supports")
    client = login("bob")
    expected = [(str(p.pk), p.title) for p in (pieces[4], pieces[2], pieces[1])]

    assert link_menu(client.get(claim_assigned.get_absolute_url())) == expected
    refused = post(client, "claim_link_evidence", claim_assigned, {"stance": "context"}, htmx=True)
    assert link_menu(refused) == expected


def unlink(client, claim, claim_link, **kwargs):
    return post(client, "claim_unlink_evidence", claim, args=[claim_link.pk], **kwargs)


def test_assigned_fact_checker_unlinks_evidence(login, claim_in_progress):
    claim_link = claim_in_progress.evidence_links.get()

    unlink(login("bob"), claim_in_progress, claim_link)

    assert not ClaimEvidence.objects.filter(pk=claim_link.pk).exists()


@pytest.mark.parametrize(
    "who, message",
    [
        ("carol", "Only the assigned fact-checker or an editor can change this claim's evidence."),
        ("vic", "Your role cannot change evidence."),
    ],
)
def test_unlink_is_refused_with_message(login, claim_in_progress, who, message):
    claim_link = claim_in_progress.evidence_links.get()

    response = unlink(login(who), claim_in_progress, claim_link, htmx=True)

    assert message in text_of(response)
    assert ClaimEvidence.objects.filter(pk=claim_link.pk).exists()


def test_unlinking_evidence_someone_unlinked_meanwhile_shows_the_claim_as_it_is(
    login, claim_in_progress
):
    """Two people on the claim page; one unlinks the evidence, then the other (stale page) does:
    the second got a bare 404 ("could not do this, not saved") and kept seeing the evidence."""
    claim_link = claim_in_progress.evidence_links.get()
    unlink(login("alice"), claim_in_progress, claim_link)

    response = unlink(login("bob"), claim_in_progress, claim_link, htmx=True)

    assert response.status_code == 200
    assert "This evidence is no longer linked to the claim" in text_of(response)
    listed = re.search(r'<ul class="evidence-list">(.*?)</ul>', text_of(response), re.S)[1]
    assert "Budget document" not in listed


def test_unlinking_another_claims_evidence_is_404(login, claim_in_progress, article):
    other = article.claims.exclude(pk=claim_in_progress.pk).first()
    claim_link = claim_in_progress.evidence_links.get()

    response = login("alice").post(reverse("claim_unlink_evidence", args=[other.pk, claim_link.pk]))

    assert response.status_code == 404
    assert ClaimEvidence.objects.filter(pk=claim_link.pk).exists()


# --- Comments -----------------------------------------------------------------------------------


def comment(client, claim, text, **kwargs):
    return post(client, "claim_comment", claim, {"text": text}, **kwargs)


def test_fact_checker_comments(login, claim):
    response = comment(login("carol"), claim, "Seen this claim before.", htmx=True)

    assert "Seen this claim before." in text_of(response)
    assert claim.events.get(action=ClaimEvent.Action.COMMENT).actor.username == "carol"


def test_viewer_cannot_comment(login, claim):
    response = comment(login("vic"), claim, "Hello")

    assert "Viewers cannot comment." in text_of(response)
    assert not claim.events.filter(action=ClaimEvent.Action.COMMENT).exists()


def test_empty_comment_is_refused(login, claim):
    response = comment(login("bob"), claim, "", htmx=True)

    assert "The comment is empty." in text_of(response)
    assert not claim.events.filter(action=ClaimEvent.Action.COMMENT).exists()


def test_comment_is_escaped(login, claim):
    content = comment(login("bob"), claim, "<script>alert(1)</script>").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


# --- Query counts -------------------------------------------------------------------------------


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_claim_page_query_count_is_small(
    login, claim_in_progress, django_assert_max_num_queries, who
):
    client = login(who)

    with django_assert_max_num_queries(15):
        client.get(claim_in_progress.get_absolute_url())


@pytest.mark.parametrize("who, reads_it", [("bob", True), ("carol", False), ("vic", False)])
def test_only_who_may_link_evidence_reads_the_menu(login, claim_in_progress, who, reads_it):
    Evidence.objects.create(title="Unlinked report")
    client = login(who)

    with CaptureQueriesContext(connection) as captured:
        page = client.get(claim_in_progress.get_absolute_url()).content.decode()

    menu_read = any('ORDER BY "claims_evidence"."created_at" DESC' in q["sql"] for q in captured)
    assert menu_read == reads_it == ('id="link-form"' in page)


def test_claim_page_query_count_does_not_grow_with_history(login, claim_in_progress, alice, bob):
    Evidence.objects.create(title="Unlinked report")  # so the "link existing" form shows
    client = login("alice")
    before = queries_for(client, claim_in_progress.get_absolute_url())
    for n in range(4):
        services.add_evidence(claim_in_progress, actor=bob, title=f"Source {n}")
        services.add_comment(claim_in_progress, actor=alice, text=f"Comment {n}")
        Evidence.objects.create(title=f"Unlinked report {n}")

    assert queries_for(client, claim_in_progress.get_absolute_url()) == before


def test_the_claim_page_names_people_who_left_the_desk(login, claim_in_review, alice, bob):
    """The page takes its people from the desk's (selectors.DeskLookups, read for its menus);
    Bob, no longer on it, is still named wherever he acted, and not offered to assign to."""
    services.add_comment(claim_in_review, actor=bob, text="Checked the minutes.")
    bob.is_active = False
    bob.save()

    page = text_of(login("alice").get(claim_in_review.get_absolute_url()))

    assert re.search(r"<dt>Assignee</dt><dd>bob</dd>", page)
    assert "proposed by bob" in page
    assert "added by bob" in page  # his evidence
    assert re.search(r"<strong>bob</strong>\s+commented", page)
    assert re.search(r"<strong>bob</strong>\s+moved it from", page)
    menu = re.search(r'<select name="assignee".*?</select>', page, re.S).group()
    assert ">alice<" in menu and ">bob<" not in menu


# --- Confirmation messages (issue 16) -----------------------------------------------------------


def messages_of(response):
    return [
        unescape(m)
        for m in re.findall(r'<p class="message success">(.*?)</p>', response.content.decode())
    ]


@pytest.mark.parametrize(
    "action, reason, message",
    [
        ("approve", "", "Approved: the verdict False is verified; publish it when it is ready."),
        ("send_back", "Weak source.", "Sent back to bob, with your reason."),
    ],
)
def test_a_workflow_step_is_confirmed(login, claim_in_review, action, reason, message):
    response = transition(login("alice"), claim_in_review, action, reason=reason, htmx=True)

    assert messages_of(response) == [message]


def test_publishing_is_confirmed_with_the_public_page(login, claim_in_review, dave):
    services.transition(claim_in_review, "approve", actor=dave)
    claim = fresh(claim_in_review)

    response = transition(login("alice"), claim, "publish", htmx=True)

    assert messages_of(response) == [
        f"Published: readers see it at {reverse('public_claim', args=[claim.pk])}."
    ]


def test_assigning_is_confirmed(login, claim, carol):
    response = post(
        login("alice"), "claim_assign", claim, {"assignee": carol.pk, "version": claim.version},
        htmx=True,
    )  # fmt: skip

    assert messages_of(response) == ["Assigned to carol."]


def test_taking_a_claim_is_confirmed(login, claim):
    response = post(
        login("bob"), "claim_assign", claim, {"take": "1", "version": claim.version}, htmx=True
    )

    assert messages_of(response) == ["Assigned to you."]


def test_assign_to_me_from_the_queue_is_confirmed_on_the_queue(login, claim):
    """Key `a` in the queue: the change answers with nothing to show (the list is reloaded),
    and the queue's refreshed list carries the message."""
    client = login("bob")
    answer = client.post(
        reverse("claim_assign", args=[claim.pk]),
        {"take": "1", "version": claim.version},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="queue-results",
    )
    listing = client.get(
        reverse("claim_queue"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="queue-results"
    )

    assert answer.status_code == 204
    assert messages_of(listing) == ["Assigned to you."]


# --- A verdict against its evidence -------------------------------------------------------------


def propose_against(client, claim, verdict, **extra):
    data = {"verdict": verdict.pk, "summary": "It holds.", "version": claim.version, **extra}
    return post(client, "claim_propose", claim, data, htmx=True)


@pytest.fixture
def refuted(claim_assigned, bob):
    services.add_evidence(claim_assigned, actor=bob, title="Audit", stance="refutes")
    return fresh(claim_assigned)


def test_a_verdict_against_the_evidence_is_held_with_a_warning(login, refuted):
    mostly_true = Verdict.objects.get(slug="mostly-true")

    response = propose_against(login("bob"), refuted, mostly_true)

    page = text_of(response)
    assert (
        "“Mostly true” goes against the evidence: 1 piece refutes the claim, none supports it."
        in page
    )
    assert 'name="despite_evidence"' in page and "It holds.</textarea>" in page
    assert fresh(refuted).state == State.ASSIGNED


def test_the_fact_checker_may_propose_it_anyway(login, refuted):
    mostly_true = Verdict.objects.get(slug="mostly-true")

    propose_against(login("bob"), refuted, mostly_true, despite_evidence="1")

    claim = fresh(refuted)
    assert (claim.state, claim.verdict) == (State.IN_REVIEW, mostly_true)


@pytest.mark.parametrize("slug", ["false", "misleading", "half-true", "unverifiable"])
def test_a_verdict_in_line_with_the_evidence_goes_straight_to_review(login, refuted, slug):
    propose_against(login("bob"), refuted, Verdict.objects.get(slug=slug))

    assert fresh(refuted).state == State.IN_REVIEW


@pytest.mark.parametrize(
    "stances, slug, conflict",
    [
        (["supports"], "false", True),
        (["supports", "context"], "misleading", True),
        (["supports", "refutes"], "true", False),  # mixed evidence: the verdict weighs it
        (["context"], "true", False),
        (["refutes"], "true", True),
    ],
)
def test_evidence_conflict(claim_assigned, bob, stances, slug, conflict):
    for n, stance in enumerate(stances):
        services.add_evidence(claim_assigned, actor=bob, title=f"Source {n}", stance=stance)

    found = services.evidence_conflict(fresh(claim_assigned), Verdict.objects.get(slug=slug))

    assert bool(found) == conflict


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


def test_a_long_history_shows_its_latest_entries_and_all_on_request(login, claim, alice):
    for n in range(HISTORY_SHOWN + 5):
        services.add_comment(claim, actor=alice, text=f"Note number {n}.")
    client = login("alice")

    page = client.get(claim.get_absolute_url()).content.decode()
    full = client.get(claim.get_absolute_url(), {"history": "all"}).content.decode()

    assert f"Note number {HISTORY_SHOWN + 4}." in page and "Note number 4." not in page
    assert f"Show all {HISTORY_SHOWN + 5} entries" in page
    assert "Note number 0." in full and "Show all" not in full


def test_a_claim_approved_before_its_shown_history_is_dated_by_the_approval(
    login, claim_in_review, alice, dave
):
    Article.objects.filter(pk=claim_in_review.article_id).update(url="https://news.example/a")
    services.transition(claim_in_review, "approve", actor=dave)
    approved = claim_in_review.events.get(to_value=Claim.State.VERIFIED)
    ClaimEvent.objects.filter(pk=approved.pk).update(
        created_at=approved.created_at - datetime.timedelta(days=3)
    )
    for n in range(HISTORY_SHOWN + 2):  # the approval is no longer among the entries shown
        services.add_comment(claim_in_review, actor=alice, text=f"Later note {n}.")
    client = login("alice")

    page = unescape(client.get(claim_in_review.get_absolute_url()).content.decode())
    full = unescape(
        client.get(claim_in_review.get_absolute_url(), {"history": "all"}).content.decode()
    )

    day = timezone.localdate(approved.created_at - datetime.timedelta(days=3)).isoformat()
    assert f'"datePublished": "{day}"' in page and f'"datePublished": "{day}"' in full
    assert "moved it from <em>In review</em> to <em>Verified</em>" not in page
    assert "moved it from <em>In review</em> to <em>Verified</em>" in full
    total = claim_in_review.events.count()
    assert f"Show all {total} entries" in page
    assert page.count('<li class="event-') == HISTORY_SHOWN
    assert full.count('<li class="event-') == total


def test_the_claim_page_lists_every_piece_of_evidence_and_cites_the_public_ones(
    login, claim_in_progress, bob
):
    services.add_evidence(
        claim_in_progress,
        actor=bob,
        title="Budget <report>",
        url="https://a.example/r",
        publisher="City & Co",
    )
    services.add_evidence(claim_in_progress, actor=bob, title="Call with the mayor", public=False)

    page = unescape(login("bob").get(claim_in_progress.get_absolute_url()).content.decode())
    as_page_reads_it = selectors.claim_for_page(
        claim_in_progress.pk, selectors.DeskLookups.read(), HISTORY_SHOWN
    )
    review = claimreview.review_for_request(None, as_page_reads_it)

    total = claim_in_progress.evidence_links.count()
    assert f'Evidence <span class="count">{total}</span>' in page
    assert "Budget <report>" in page and "Call with the mayor" in page
    assert "added by bob" in page
    citations = review["data"]["citation"]
    cited = {c["name"]: c for c in citations}
    assert "Call with the mayor" not in cited
    assert cited["Budget <report>"]["publisher"]["name"] == "City & Co"
    whole = claimreview.review_for_request(None, selectors.claim_for_page(claim_in_progress.pk))
    assert review["data"] == whole["data"] and review["reasons"] == whole["reasons"]
