"""Personal API tokens: made, named, listed and revoked by their owner in the desk, stored as a
hash, shown once; the API's other way in (the desk's session) needs CSRF for changes; a token
has a rate limit per minute."""

import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import ApiToken, Claim
from claims.services import tokens
from tests.api.conftest import ApiClient


def _new_key(page):
    found = re.search(r'id="new-key">(fcd_[\w-]+)<', page)
    return found.group(1) if found else None


def test_a_token_is_made_in_the_desk_and_its_key_shown_once(login, bob):
    client = login("bob")
    response = client.post(reverse("api_tokens"), {"name": "CMS staging"})
    key = _new_key(response.content.decode())
    assert key and "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=bob)
    assert token.name == "CMS staging" and token.key_hash == tokens.hash_key(key)
    assert key not in str(ApiToken.objects.values().get())  # only its hash is stored
    listed = client.get(reverse("api_tokens")).content.decode()
    assert "CMS staging" in listed and token.prefix in listed
    assert key not in listed and _new_key(listed) is None


def test_a_token_acts_as_its_owner_with_their_role(bob):
    _, key = tokens.create_token(bob, "script")
    response = ApiClient(key).get("/me")
    assert response.json() == {"username": "bob", "role": "fact_checker", "token": "script"}
    assert ApiToken.objects.get().last_used_at is not None


def test_a_token_needs_a_name(login, bob):
    response = login("bob").post(reverse("api_tokens"), {"name": "  "})
    assert "This field is required." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_revoked_token_is_refused(login, bob):
    token, key = tokens.create_token(bob, "old CMS")
    login("bob").post(reverse("api_token_revoke", args=[token.pk]))
    response = ApiClient(key).get("/me")
    assert response.status_code == 401
    assert response.json()["detail"] == "This API token is not valid, or it was revoked."


def test_nobody_else_revokes_my_token(login, bob, carol):
    token, key = tokens.create_token(bob, "mine")
    response = login("carol").post(reverse("api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    assert ApiClient(key).get("/me").status_code == 200


def test_an_unknown_or_malformed_token_is_refused(db):
    for key in ("fcd_nothing-like-it", "Basic abc", "x" * 500):
        assert ApiClient(key).get("/me").status_code == 401


def test_a_deactivated_users_token_stops_working(bob):
    _, key = tokens.create_token(bob, "script")
    bob.is_active = False
    bob.save()
    assert ApiClient(key).get("/me").status_code == 401


def test_the_rate_limit_answers_429_with_retry_after(bob, settings):
    settings.API_RATE_LIMIT = 3
    _, key = tokens.create_token(bob, "busy")
    client = ApiClient(key)
    answers = [client.get("/me").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get("/me")
    assert refused.json()["code"] == "rate_limited"
    assert "this token may make 3 a minute" in refused.json()["detail"]
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_the_limit_is_per_token(bob, carol, settings):
    settings.API_RATE_LIMIT = 1
    _, first = tokens.create_token(bob, "one")
    _, second = tokens.create_token(carol, "two")
    assert ApiClient(first).get("/me").status_code == 200
    assert ApiClient(first).get("/me").status_code == 429
    assert ApiClient(second).get("/me").status_code == 200


def test_a_new_minute_starts_a_new_count(bob, settings):
    settings.API_RATE_LIMIT = 1
    token, _ = tokens.create_token(bob, "one")
    minute = datetime(2026, 5, 4, 10, 0, 30, tzinfo=UTC)
    assert tokens.take_request(token, minute) == 0
    assert tokens.take_request(token, minute.replace(second=45)) == 15
    assert tokens.take_request(token, minute.replace(minute=1, second=0)) == 0


# --- The desk's session ---------------------------------------------------------------------------


def test_a_signed_in_browser_reads_the_api_with_its_session(login, bob):
    response = login("bob").get("/api/v1/me")
    assert response.json()["username"] == "bob" and response.json()["token"] is None


def test_a_session_cannot_change_anything_without_the_csrf_token(bob, alice, claim):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    url = f"/api/v1/claims/{claim.pk}/transitions"
    refused = browser.post(url, {"action": "dismiss"}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_allowed"
    assert "CSRF token is missing or wrong" in refused.json()["detail"]
    assert Claim.objects.get(pk=claim.pk).state == "new"
    browser.get(reverse("dashboard"))  # the desk's page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    done = browser.post(
        url,
        {"action": "dismiss", "reason": "An opinion."},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert done.status_code == 200 and done.json()["state"] == "dismissed"


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_everyone_has_a_tokens_page(login, who):
    assert login(who).get(reverse("api_tokens")).status_code == 200


def test_an_unknown_api_address_is_a_json_404(api, alice):
    response = api("alice").get("/no-such-thing")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "There is no /api/v1/no-such-thing in the API.",
        "code": "not_found",
    }


def test_an_unknown_desk_address_is_still_the_desk_page(client, alice):
    client.force_login(alice)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_an_oversized_api_body_is_a_json_413(api, alice, settings):
    settings.REQUEST_MAX_BYTES = 1024

    response = api("alice").post("/claims/1/comments", {"text": "x" * 2048})

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert "too large" in response.json()["detail"]
