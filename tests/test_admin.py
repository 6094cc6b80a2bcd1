"""The Django admin configures the desk; the work on claims happens in the desk, where every
change goes through the workflow's rules and leaves an event (issue 16, bug 7)."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from claims.models import Claim, ClaimEvent

pytestmark = pytest.mark.django_db

INLINE_MANAGEMENT = {
    "TOTAL_FORMS": 0,
    "INITIAL_FORMS": 0,
    "MIN_NUM_FORMS": 0,
    "MAX_NUM_FORMS": 1000,
}


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="pw-root"))
    return client


def test_the_claim_admin_shows_state_and_workflow_fields_read_only(admin_client, claim):
    page = admin_client.get(reverse("admin:claims_claim_change", args=[claim.pk]))

    content = page.content.decode()
    assert page.status_code == 200
    for field in ("state", "assignee", "verdict", "verdict_summary", "due_date", "priority"):
        assert f'name="{field}"' not in content, field
    assert "New" in content  # the state is shown, as text


def test_the_admin_cannot_change_a_claim_s_state(admin_client, claim, verdict_false):
    events = ClaimEvent.objects.filter(claim=claim).count()
    url = reverse("admin:claims_claim_change", args=[claim.pk])

    data = {k: v for k, v in model_to_dict(claim).items() if v is not None}
    data.update({"state": "published", "verdict": verdict_false.pk, "reasons": "[]"})
    data.update({"numbers": "[]", "proposal": "null", "approval": "null"})
    data.update({f"evidence_links-{k}": v for k, v in INLINE_MANAGEMENT.items()})

    admin_client.post(url, data)

    claim.refresh_from_db()
    assert (claim.state, claim.verdict) == (Claim.State.NEW, None)
    assert ClaimEvent.objects.filter(claim=claim).count() == events


def test_the_admin_cannot_add_claims(admin_client):
    assert admin_client.get(reverse("admin:claims_claim_add")).status_code == 403


def test_the_admin_still_lists_claims(admin_client, claim):
    page = admin_client.get(reverse("admin:claims_claim_changelist"))

    assert page.status_code == 200 and claim.text[:30] in page.content.decode()


def test_whether_evidence_is_public_is_switched_in_the_desk_not_the_admin(admin_client, claim):
    from claims.models import Evidence

    evidence = Evidence.objects.create(title="Interview notes", kind="interview", public=False)
    url = reverse("admin:claims_evidence_change", args=[evidence.pk])

    admin_client.post(url, {"title": evidence.title, "kind": "interview", "public": "on"})

    evidence.refresh_from_db()
    assert evidence.public is False
