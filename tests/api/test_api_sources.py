"""Sources, verdicts and /me through the API: read by every role, refused without a token."""

import pytest

from claims import services
from claims.models import Source

PEOPLE = ["alice", "bob", "vic"]


@pytest.mark.parametrize("who", PEOPLE)
def test_everyone_lists_the_sources_with_their_claim_counts(api, article, db, who, request):
    request.getfixturevalue(who)
    body = api(who).get("/sources").json()
    names = [s["name"] for s in body["items"]]
    assert names == sorted(names) and body["count"]["value"] == Source.objects.count()
    holloway = next(s for s in body["items"] if "Holloway" in s["name"])
    assert holloway["claims"] == Source.objects.get(pk=holloway["id"]).claims.count()


def test_sources_are_found_by_name_and_kind(api, article, alice):
    client = api("alice")
    found = client.get("/sources", {"q": "hollo"}).json()["items"]
    assert [s["name"] for s in found] == ["Jane Holloway"]
    people = client.get("/sources", {"kind": "person"}).json()["items"]
    assert all(s["kind"] == "person" for s in people) and people


def test_a_source_comes_with_its_verdict_record(api, claim_in_review, alice, dave):
    services.transition(claim_in_review, "approve", actor=dave)
    source = claim_in_review.source
    body = api("alice").get(f"/sources/{source.pk}").json()
    assert body["name"] == source.name
    assert body["verdicts"] == [{"verdict": "false", "label": "False", "claims": 1}]


def test_an_unknown_source_is_404(api, alice):
    assert api("alice").get("/sources/123456").status_code == 404


@pytest.mark.parametrize("who", PEOPLE)
def test_everyone_reads_the_verdict_scale(api, db, who, request):
    request.getfixturevalue(who)
    slugs = [v["slug"] for v in api(who).get("/verdicts").json()]
    assert "false" in slugs and "true" in slugs


@pytest.mark.parametrize(
    "who,role", [("alice", "editor"), ("bob", "fact_checker"), ("vic", "viewer")]
)
def test_me_says_who_the_token_acts_as(api, db, who, role, request):
    request.getfixturevalue(who)
    assert api(who).get("/me").json()["role"] == role


@pytest.mark.parametrize(
    "path", ["/sources", "/sources/1", "/verdicts", "/me", "/claims", "/claims/1"]
)
def test_nothing_is_read_without_a_token(api, db, path):
    assert api(None).get(path).status_code == 401
