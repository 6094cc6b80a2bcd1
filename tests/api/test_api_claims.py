"""Claims through the API: the queue's filters with cursors, one claim in full, and every
workflow action by role, refused with the desk's own sentences; stale versions get 409."""

import pytest

from claims import services
from claims.models import Claim, ClaimEvidence, Evidence

PEOPLE = ["alice", "bob", "vic"]


@pytest.fixture
def people(alice, bob, carol, dave, vic):
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave, "vic": vic}


# --- Reading --------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", PEOPLE)
def test_everyone_lists_the_claims(api, article, people, who):
    response = api(who).get("/claims")
    assert response.status_code == 200
    body = response.json()
    assert body["count"]["value"] == article.claims.count()
    assert [c["id"] for c in body["items"]] == list(
        Claim.objects.order_by("-score", "id").values_list("pk", flat=True)
    )


def test_the_list_takes_the_queues_filters(api, article, claim, people):
    services.assign_claim(claim, people["bob"], actor=people["alice"])
    bob = api("bob")
    mine = bob.get("/claims", {"tab": "mine"}).json()["items"]
    assert [c["id"] for c in mine] == [claim.pk]
    by_name = bob.get("/claims", {"assignee": "bob"}).json()["items"]
    assert [c["id"] for c in by_name] == [claim.pk]
    assert mine[0]["assignee"] == "bob" and mine[0]["state"] == "assigned"
    nobody = bob.get("/claims", {"assignee": "none"}).json()["items"]
    assert claim.pk not in [c["id"] for c in nobody] and nobody
    assigned = bob.get("/claims", {"state": "assigned"}).json()["items"]
    assert [c["id"] for c in assigned] == [claim.pk]
    found = bob.get("/claims", {"q": "ridership"}).json()["items"]
    assert found and all("ridership" in c["text"] for c in found)
    of_article = bob.get("/claims", {"article": article.pk, "o": "-article"}).json()
    assert of_article["count"]["value"] == article.claims.count()


def test_a_search_pages_its_few_hits_and_counts_them(api, article, alice):
    client = api("alice")
    hits = [c["id"] for c in client.get("/claims", {"q": "budget"}).json()["items"]]
    seen, params = [], {"q": "budget", "limit": 1}
    while True:
        page = client.get("/claims", params).json()
        assert page["count"] == {"value": len(hits), "exact": True}
        seen += [c["id"] for c in page["items"]]
        if not page["next_cursor"]:
            break
        params["after"] = page["next_cursor"]
    assert seen == hits and len(hits) >= 2
    nothing = client.get("/claims", {"q": "Zqxwv"}).json()
    assert nothing["items"] == [] and nothing["count"] == {"value": 0, "exact": True}


def test_a_bad_filter_value_is_a_clear_error(api, article, alice):
    response = api("alice").get("/claims", {"state": "sideways"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert response.json()["detail"].startswith("The request is not valid: query.state:")


def test_claims_page_with_keyset_cursors(api, article, alice):
    client = api("alice")
    everything = [c["id"] for c in client.get("/claims").json()["items"]]
    first = client.get("/claims", {"limit": 2}).json()
    second = client.get("/claims", {"limit": 2, "after": first["next_cursor"]}).json()
    back = client.get("/claims", {"limit": 2, "before": second["previous_cursor"]}).json()
    assert [c["id"] for c in first["items"] + second["items"]] == everything[:4]
    assert back["items"] == first["items"]
    assert first["previous_cursor"] is None


def test_a_claim_comes_with_source_evidence_verdict_and_history(api, claim_in_review, bob):
    response = api("bob").get(f"/claims/{claim_in_review.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "in_review" and body["verdict"] == "false"
    assert body["verdict_summary"] == "The budget was $3.9m."
    assert [link["evidence"]["title"] for link in body["evidence"]] == ["Budget document"]
    assert [event["action"] for event in body["history"]][:2] == ["state", "assigned"]
    assert body["sentence"].startswith("The city council approved")
    assert body["proposed_by"] == "bob"
    assert body["actions"] == []  # bob may not approve his own proposal, nor anything else now
    assert response["ETag"] == body["etag"]


def test_an_editor_sees_the_actions_open_to_them(api, claim_in_review, alice):
    body = api("alice").get(f"/claims/{claim_in_review.pk}").json()
    assert body["actions"] == ["approve", "send_back"]


def test_an_unknown_claim_is_404(api, alice):
    assert (
        api("alice").get("/claims/424242").json()["detail"] == "There is no claim with id 424242."
    )


# --- The workflow, by role ------------------------------------------------------------------------


def test_an_editor_assigns_a_claim(api, claim, people):
    response = api("alice").post(f"/claims/{claim.pk}/assign", {"assignee": "bob", "version": 1})
    assert response.status_code == 200
    assert (response.json()["assignee"], response.json()["state"]) == ("bob", "assigned")
    assert response.json()["version"] == 2


def test_a_fact_checker_takes_an_unassigned_claim_but_cannot_assign_others(api, claim, people):
    refused = api("bob").post(f"/claims/{claim.pk}/assign", {"assignee": "carol"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Only editors can assign claims to other people."
    taken = api("bob").post(f"/claims/{claim.pk}/assign", {"assignee": "bob"})
    assert taken.status_code == 200 and taken.json()["assignee"] == "bob"


def test_a_viewer_cannot_take_a_claim(api, claim, people):
    response = api("vic").post(f"/claims/{claim.pk}/assign", {"assignee": "vic"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Viewers cannot take claims."


def test_assigning_to_someone_unknown_says_so(api, claim, people):
    response = api("alice").post(f"/claims/{claim.pk}/assign", {"assignee": "zed"})
    assert response.status_code == 422
    assert response.json()["detail"] == "There is nobody called “zed”."


def test_the_assignee_starts_work_and_another_fact_checker_cannot(api, claim, people):
    services.assign_claim(claim, people["bob"], actor=people["alice"])
    refused = api("carol").post(f"/claims/{claim.pk}/transitions", {"action": "start"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Only the assigned fact-checker or an editor can start work on this claim."
    )
    started = api("bob").post(f"/claims/{claim.pk}/transitions", {"action": "start"})
    assert started.status_code == 200 and started.json()["state"] == "in_progress"


def test_a_transition_the_state_does_not_allow_is_refused_with_the_reason(api, claim, people):
    response = api("alice").post(f"/claims/{claim.pk}/transitions", {"action": "publish"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "A claim that is new cannot be moved to published.",
        "code": "refused",
    }


def test_an_unknown_action_is_invalid_input(api, claim, people):
    response = api("alice").post(f"/claims/{claim.pk}/transitions", {"action": "teleport"})
    assert response.status_code == 422 and response.json()["code"] == "invalid"


def test_proposing_needs_evidence_and_a_summary(api, claim, people):
    services.assign_claim(claim, people["bob"], actor=people["alice"])
    no_evidence = api("bob").post(
        f"/claims/{claim.pk}/verdict", {"verdict": "false", "summary": "It was less."}
    )
    assert no_evidence.json()["detail"] == (
        "Link at least one piece of evidence before proposing a verdict."
    )
    unknown = api("bob").post(f"/claims/{claim.pk}/verdict", {"verdict": "meh", "summary": "x"})
    assert unknown.json()["detail"] == "There is no verdict “meh”: see /verdicts."


def test_the_whole_workflow_through_the_api(api, claim, people):
    alice, bob, dave = api("alice"), api("bob"), api("dave")
    pk = claim.pk
    alice.post(f"/claims/{pk}/assign", {"assignee": "bob"})
    bob.post(f"/claims/{pk}/transitions", {"action": "start"})
    added = bob.post(
        f"/claims/{pk}/evidence",
        {"title": "Budget book", "url": "https://example.org/budget", "stance": "refutes"},
    )
    assert added.status_code == 201
    assert added.json()["evidence"][0]["stance"] == "refutes"
    proposed = bob.post(f"/claims/{pk}/verdict", {"verdict": "false", "summary": "It was $3.9m."})
    assert proposed.json()["state"] == "in_review"
    own = bob.post(f"/claims/{pk}/transitions", {"action": "approve"})
    assert own.status_code == 403 and own.json()["detail"] == "Your role cannot approve verdicts."
    assert dave.post(f"/claims/{pk}/transitions", {"action": "approve"}).json()["state"] == (
        "verified"
    )
    claim.article.url = "https://news.example.org/budget"
    claim.article.save()
    published = alice.post(f"/claims/{pk}/transitions", {"action": "publish"}).json()
    assert published["state"] == "published"
    assert published["public_url"].endswith(f"/public/claims/{pk}/")


def test_the_proposer_cannot_approve_their_own_verdict(api, claim_in_review, people):
    services.transition(claim_in_review, "send_back", actor=people["alice"], reason="More.")
    claim = Claim.objects.get(pk=claim_in_review.pk)
    services.propose_verdict(
        claim, actor=people["alice"], verdict=claim.verdict, summary="The budget was $3.9m."
    )
    response = api("alice").post(f"/claims/{claim.pk}/transitions", {"action": "approve"})
    assert response.status_code == 403
    assert response.json()["detail"] == "You proposed this verdict: another editor must approve it."


def test_sending_back_needs_a_reason(api, claim_in_review, people):
    response = api("alice").post(
        f"/claims/{claim_in_review.pk}/transitions", {"action": "send_back"}
    )
    assert response.json()["detail"] == "Give a reason to send back this claim."
    ok = api("alice").post(
        f"/claims/{claim_in_review.pk}/transitions", {"action": "send_back", "reason": "Source?"}
    )
    assert ok.json()["state"] == "in_progress"


def test_dismissing_is_for_editors(api, claim, people):
    refused = api("bob").post(f"/claims/{claim.pk}/transitions", {"action": "dismiss"})
    assert refused.json()["detail"] == "Your role cannot dismiss claims."
    done = api("alice").post(
        f"/claims/{claim.pk}/transitions", {"action": "dismiss", "reason": "An opinion."}
    )
    assert done.json()["state"] == "dismissed"


def test_evidence_is_linked_and_unlinked(api, claim_in_progress, people):
    other = Evidence.objects.create(title="Council minutes", url="https://example.org/m")
    bob = api("bob")
    linked = bob.post(
        f"/claims/{claim_in_progress.pk}/evidence/links",
        {"evidence": other.pk, "stance": "supports"},
    )
    assert linked.status_code == 201
    link = ClaimEvidence.objects.get(claim=claim_in_progress, evidence=other)
    again = bob.post(f"/claims/{claim_in_progress.pk}/evidence/links", {"evidence": other.pk})
    assert again.json()["detail"] == "This evidence is already linked to the claim."
    viewer = api("vic").delete(f"/claims/{claim_in_progress.pk}/evidence/{link.pk}")
    assert viewer.status_code == 403
    unlinked = bob.delete(f"/claims/{claim_in_progress.pk}/evidence/{link.pk}")
    assert unlinked.status_code == 200
    assert not ClaimEvidence.objects.filter(pk=link.pk).exists()


def test_evidence_with_a_script_url_is_refused(api, claim_in_progress, people):
    response = api("bob").post(
        f"/claims/{claim_in_progress.pk}/evidence", {"title": "x", "url": "javascript:alert(1)"}
    )
    assert response.status_code == 422
    assert "must be a web address" in response.json()["detail"]


def test_comments_by_role(api, claim, people):
    refused = api("vic").post(f"/claims/{claim.pk}/comments", {"text": "Hm"})
    assert refused.status_code == 403 and refused.json()["detail"] == "Viewers cannot comment."
    made = api("bob").post(f"/claims/{claim.pk}/comments", {"text": "Checking the minutes."})
    assert made.status_code == 201
    assert (made.json()["action"], made.json()["actor"]) == ("comment", "bob")


# --- Optimistic locking ---------------------------------------------------------------------------


def test_a_stale_version_is_refused_with_the_claim_as_it_is_now(api, claim, people):
    services.assign_claim(claim, people["bob"], actor=people["alice"])  # version 1 -> 2
    response = api("dave").post(f"/claims/{claim.pk}/assign", {"assignee": "carol", "version": 1})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale"
    assert body["detail"].startswith("This claim was changed by alice while you were editing")
    assert (body["current"]["assignee"], body["current"]["version"]) == ("bob", 2)
    assert Claim.objects.get(pk=claim.pk).assignee == people["bob"]


def test_if_match_gives_exactly_what_changed_since(api, claim, people):
    dave = api("dave")
    etag = dave.get(f"/claims/{claim.pk}")["ETag"]
    services.assign_claim(claim, people["bob"], actor=people["alice"])
    services.add_comment(claim, actor=people["alice"], text="Bob, this one is yours.")
    response = dave.post(
        f"/claims/{claim.pk}/transitions", {"action": "dismiss"}, **{"If-Match": etag}
    )
    assert response.status_code == 409
    changes = [(e["action"], e["actor"]) for e in response.json()["changes"]]
    assert changes == [("state", "alice"), ("assigned", "alice"), ("comment", "alice")]
    fresh = dave.get(f"/claims/{claim.pk}")["ETag"]
    done = dave.post(
        f"/claims/{claim.pk}/transitions",
        {"action": "dismiss", "reason": "An opinion."},
        **{"If-Match": fresh},
    )
    assert done.status_code == 200 and done.json()["state"] == "dismissed"


def test_an_if_match_that_is_not_ours_is_invalid(api, claim, people):
    response = api("alice").post(
        f"/claims/{claim.pk}/transitions", {"action": "dismiss"}, **{"If-Match": '"abc"'}
    )
    assert response.status_code == 422
    assert Claim.objects.get(pk=claim.pk).state == "new"


def test_the_claim_list_costs_the_same_few_queries_however_long(
    api, article, alice, django_assert_max_num_queries
):
    client = api("alice")
    with django_assert_max_num_queries(6):  # token, rate count, count, page (+ the savepoint)
        response = client.get("/claims", {"o": "source", "state": "new"})
    assert len(response.json()["items"]) == article.claims.filter(state="new").count()


def test_a_viewer_is_refused_every_change(api, claim_in_progress, people):
    pk = claim_in_progress.pk
    link = ClaimEvidence.objects.get(claim=claim_in_progress)
    vic = api("vic")
    changes = [
        vic.post(f"/claims/{pk}/assign", {"assignee": "bob"}),
        vic.post(f"/claims/{pk}/transitions", {"action": "dismiss"}),
        vic.post(f"/claims/{pk}/verdict", {"verdict": "false", "summary": "No."}),
        vic.post(f"/claims/{pk}/evidence", {"title": "Mine"}),
        vic.post(f"/claims/{pk}/evidence/links", {"evidence": link.evidence_id}),
        vic.delete(f"/claims/{pk}/evidence/{link.pk}"),
        vic.post(f"/claims/{pk}/comments", {"text": "Hm"}),
        vic.post(f"/articles/{claim_in_progress.article_id}/reextract"),
        vic.post("/articles", {"text": "A new article."}),
    ]
    assert [r.status_code for r in changes] == [403] * len(changes)
    assert all(r.json()["code"] == "not_allowed" for r in changes)
    assert Claim.objects.get(pk=pk).version == claim_in_progress.version
