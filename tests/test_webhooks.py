"""Webhooks without a worker: registering (no private or loopback addresses unless allowed),
events recorded with the change that caused them, signatures, retries with backoff, an endpoint
that keeps failing switched off with a notification, the sweeper, and the desk's pages.

tests/faults/test_webhook_delivery.py sends them with a real worker to a real receiver."""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from claims import outgoing, services
from claims.models import Article, Notification, WebhookDelivery, WebhookEndpoint
from claims.services import webhooks
from tests.webhook_receiver import Receiver

Event = WebhookEndpoint.Event
Status = WebhookDelivery.Status


@pytest.fixture(autouse=True)
def nothing_sent(monkeypatch):
    """Tasks are not sent here: the deliveries that would have been, in order."""
    sent = []
    monkeypatch.setattr(webhooks, "publish_delivery", lambda pk, countdown=None: sent.append(pk))
    return sent


@pytest.fixture
def loopback_allowed(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]


@pytest.fixture
def endpoint(alice, loopback_allowed):
    return webhooks.register_endpoint(
        actor=alice, url="http://127.0.0.1:9/hooks", events=list(Event.values)
    )


@pytest.fixture
def receiver(loopback_allowed):
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


def bodies(event=None):
    deliveries = WebhookDelivery.objects.order_by("id")
    if event:
        deliveries = deliveries.filter(event=event)
    return [json.loads(d.body) for d in deliveries]


# --- Registering: no requests into the desk's own network -----------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8000/hook",
        "http://10.0.0.5/hook",
        "http://192.168.1.20/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://0.0.0.0/hook",
    ],
)
def test_private_and_loopback_addresses_are_refused(alice, url):
    with pytest.raises(services.WorkflowError, match="webhooks are only sent to public"):
        webhooks.register_endpoint(actor=alice, url=url, events=[Event.ARTICLE_READY])


def test_an_allowed_network_may_be_used(alice, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    endpoint = webhooks.register_endpoint(
        actor=alice, url="http://127.0.0.1:8080/hook", events=[Event.ARTICLE_READY]
    )
    assert endpoint.secret.startswith("whsec_")


def test_other_schemes_and_credentials_are_refused(alice):
    for url in ("ftp://example.org/x", "http://user:pw@example.org/x", "file:///etc/passwd"):
        with pytest.raises(services.WorkflowError):
            webhooks.register_endpoint(actor=alice, url=url, events=[Event.ARTICLE_READY])


def test_the_check_is_made_again_when_sending(settings, receiver):
    """A URL allowed when registered (or a host that now resolves elsewhere) is checked at
    every attempt: with loopback no longer allowed, nothing reaches the receiver."""
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    with pytest.raises(outgoing.RefusedAddress, match="loopback"):
        outgoing.post(receiver.url, b"{}", {}, timeout=2)
    assert receiver.received == []


def test_only_editors_register_endpoints(bob, loopback_allowed):
    with pytest.raises(services.NotAllowed):
        webhooks.register_endpoint(
            actor=bob, url="http://127.0.0.1/hook", events=[Event.ARTICLE_READY]
        )


def test_an_endpoint_needs_known_events(alice, loopback_allowed):
    with pytest.raises(services.WorkflowError, match="Choose at least one event"):
        webhooks.register_endpoint(actor=alice, url="http://127.0.0.1/h", events=[])


# --- Events: recorded in the transaction of the change --------------------------------------------


def test_a_state_change_is_recorded_for_subscribed_endpoints(
    claim, alice, bob, endpoint, django_capture_on_commit_callbacks, nothing_sent
):
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_claim(claim, bob, actor=alice)
    (body,) = bodies(Event.CLAIM_STATE_CHANGED)
    assert body["type"] == "claim.state_changed"
    assert body["data"]["claim"] == {
        **body["data"]["claim"],
        "id": claim.pk,
        "state": "assigned",
        "previous_state": "new",
        "changed_by": "alice",
        "version": 2,
    }
    assert nothing_sent == list(WebhookDelivery.objects.values_list("pk", flat=True))


def test_a_refused_change_records_no_event(claim, bob, endpoint):
    with pytest.raises(services.WorkflowError):
        services.transition(claim, "publish", actor=bob)
    assert not WebhookDelivery.objects.exists()


def test_a_rolled_back_change_records_no_event(claim, alice, bob, endpoint):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.assign_claim(claim, bob, actor=alice)
        raise RuntimeError("the request failed after the change")
    assert not WebhookDelivery.objects.exists()


def test_endpoints_hear_only_what_they_subscribed_to(claim, alice, bob, loopback_allowed):
    ready = webhooks.register_endpoint(
        actor=alice, url="http://127.0.0.1/a", events=[Event.ARTICLE_READY]
    )
    off = webhooks.register_endpoint(
        actor=alice, url="http://127.0.0.1/b", events=[Event.CLAIM_STATE_CHANGED]
    )
    webhooks.set_endpoint_active(off, False, actor=alice)
    services.assign_claim(claim, bob, actor=alice)
    assert not WebhookDelivery.objects.filter(endpoint__in=[ready, off]).exists()


def test_publishing_sends_the_claim_review(claim_in_review, alice, dave, endpoint):
    Article.objects.filter(pk=claim_in_review.article_id).update(url="https://news.example/b")
    services.transition(claim_in_review, "approve", actor=dave)
    services.transition(claim_in_review, "publish", actor=alice)
    (published,) = bodies(Event.CLAIM_PUBLISHED)
    review = published["data"]["claim_review"]
    assert review["@type"] == "ClaimReview"
    assert review["url"].startswith("http://127.0.0.1:8000/public/claims/")
    states = [b["data"]["claim"]["state"] for b in bodies(Event.CLAIM_STATE_CHANGED)]
    assert states == ["verified", "published"]


def test_an_extracted_article_is_ready_and_a_failed_one_failed(article, endpoint):
    services.apply_extraction(article, [])
    services.mark_failed(article.pk, "The file is damaged.")
    ready, failed = bodies()
    assert (ready["type"], ready["data"]["article"]["status"]) == ("article.ready", "ready")
    assert failed["type"] == "article.failed"
    assert failed["data"]["article"]["error_message"] == "The file is damaged."


def test_no_endpoint_no_rows(claim, alice, bob):
    services.assign_claim(claim, bob, actor=alice)
    assert not WebhookDelivery.objects.exists()


# --- Signing and recording attempts ---------------------------------------------------------------


def test_the_signature_verifies_with_the_standard_webhooks_verifier(endpoint):
    delivery = webhooks.send_test_event(endpoint, actor=endpoint.created_by)
    headers = webhooks.signed_headers(delivery, endpoint.secret)
    payload = Webhook(endpoint.secret).verify(delivery.body.encode(), headers)
    assert payload["type"] == "webhook.test"
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(webhooks.new_secret()).verify(delivery.body.encode(), headers)


def test_a_failed_attempt_is_retried_with_growing_pauses(endpoint, settings, nothing_sent):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    delivery = webhooks.send_test_event(endpoint, actor=endpoint.created_by)
    pauses = []
    for attempt in range(1, 4):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        taken = webhooks.take_delivery(delivery.pk, lease=f"run-{attempt}")
        before = timezone.now()
        done = webhooks.record_attempt(
            taken.pk, outgoing.Response(503, "", 12), lease=f"run-{attempt}"
        )
        assert (done.status, done.attempts, done.last_status_code) == ("retrying", attempt, 503)
        assert done.last_error == "The endpoint answered 503."
        pauses.append(round((done.next_attempt_at - before).total_seconds()))
    assert pauses == [30, 60, 120]


def test_the_last_attempt_fails_for_good(endpoint, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    delivery = webhooks.send_test_event(endpoint, actor=endpoint.created_by)
    webhooks.take_delivery(delivery.pk, lease="a")
    done = webhooks.record_attempt(delivery.pk, outgoing.Response(None, "No answer.", 5), lease="a")
    assert (done.status, done.last_error) == ("failed", "No answer.")


def test_a_live_run_is_never_doubled_and_a_silent_one_is_taken_over(endpoint, settings):
    delivery = webhooks.send_test_event(endpoint, actor=endpoint.created_by)
    assert webhooks.take_delivery(delivery.pk, lease="first") is not None
    assert webhooks.take_delivery(delivery.pk, lease="second") is None
    assert webhooks.take_delivery(delivery.pk, lease="first") is not None  # its own redelivery
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        last_attempt_at=timezone.now() - timedelta(seconds=settings.WEBHOOK_STALE_SECONDS + 1)
    )
    assert list(webhooks.stale_deliveries()) == [delivery]
    taken = webhooks.take_delivery(delivery.pk, lease="second")
    assert (taken.lease, taken.attempts) == ("second", 3)
    late = webhooks.record_attempt(delivery.pk, outgoing.Response(200, "", 1), lease="first")
    assert late.status == "sending"  # the run that lost it records nothing


def test_a_delivered_message_is_not_sent_again(endpoint):
    delivery = webhooks.send_test_event(endpoint, actor=endpoint.created_by)
    webhooks.take_delivery(delivery.pk, lease="a")
    webhooks.record_attempt(delivery.pk, outgoing.Response(204, "", 3), lease="a")
    assert webhooks.take_delivery(delivery.pk, lease="b") is None


def test_an_endpoint_that_keeps_failing_is_switched_off_and_editors_told(
    endpoint, settings, alice, dave, bob
):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOK_DISABLE_AFTER_SECONDS = 0
    for n in range(3):
        delivery = webhooks.send_test_event(endpoint, actor=alice)
        webhooks.take_delivery(delivery.pk, lease=str(n))
        webhooks.record_attempt(delivery.pk, outgoing.Response(500, "", 1), lease=str(n))
    endpoint.refresh_from_db()
    assert not endpoint.active
    assert "Switched off after 3 failed attempts in a row" in endpoint.disabled_reason
    told = Notification.objects.filter(kind=Notification.Kind.WEBHOOK_DISABLED)
    assert sorted(n.recipient.username for n in told) == ["alice", "dave"]
    assert all(n.webhook_id == endpoint.pk for n in told)


def test_a_short_outage_does_not_switch_an_endpoint_off(endpoint, settings, alice):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 2  # but the failures must last a day (default)
    for n in range(3):
        delivery = webhooks.send_test_event(endpoint, actor=alice)
        webhooks.take_delivery(delivery.pk, lease=str(n))
        webhooks.record_attempt(delivery.pk, outgoing.Response(500, "", 1), lease=str(n))
    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.failure_count == 3


def test_a_switched_off_endpoint_gets_no_events_but_its_pending_ones_stop(
    claim, alice, bob, endpoint
):
    services.assign_claim(claim, bob, actor=alice)
    (pending,) = WebhookDelivery.objects.all()
    webhooks.set_endpoint_active(endpoint, False, actor=alice)
    assert webhooks.take_delivery(pending.pk, lease="x") is None
    pending.refresh_from_db()
    assert (pending.status, pending.last_error) == (
        "failed",
        "Not sent: the endpoint is switched off.",
    )


def test_a_failed_delivery_can_be_sent_again(endpoint, alice, nothing_sent):
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=Status.FAILED, attempts=8)
    webhooks.resend(delivery, actor=alice)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 0)


def test_the_sweeper_resends_what_waited_too_long(endpoint, settings, nothing_sent):
    delivery = webhooks.send_test_event(endpoint, actor=endpoint.created_by)
    nothing_sent.clear()
    assert webhooks.requeue_stale_deliveries() == 0
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=settings.WEBHOOK_STALE_SECONDS + 5)
    )
    webhooks.publish_delivery = lambda pk, countdown=None: nothing_sent.append(pk) or True
    assert webhooks.requeue_stale_deliveries() == 1 and nothing_sent == [delivery.pk]


# --- Sending to a real receiver (in this process) -------------------------------------------------


def test_deliver_posts_the_signed_body(alice, receiver):
    endpoint = webhooks.register_endpoint(
        actor=alice, url=receiver.url, events=[Event.ARTICLE_READY]
    )
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    done = webhooks.deliver(delivery.pk, lease="run")
    assert (done.status, done.last_status_code, done.attempts) == ("succeeded", 200, 1)
    (got,) = receiver.received
    assert got.path == "/hooks/desk" and got.headers["webhook-id"] == delivery.message_id
    Webhook(endpoint.secret).verify(got.body, got.headers)


def test_a_timeout_is_a_failed_attempt(alice, receiver, settings):
    settings.WEBHOOK_TIMEOUT = 0.5
    receiver.script = [("sleep", 3)]
    endpoint = webhooks.register_endpoint(
        actor=alice, url=receiver.url, events=[Event.ARTICLE_READY]
    )
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    done = webhooks.deliver(delivery.pk, lease="run")
    assert (done.status, done.last_status_code) == ("retrying", None)
    assert done.last_error == "No answer within 0.5 seconds."


# --- The desk's pages -----------------------------------------------------------------------------


def test_an_editor_registers_an_endpoint_and_sees_its_secret(login, alice, loopback_allowed):
    response = login("alice").post(
        reverse("webhook_list"),
        {"url": "http://127.0.0.1:8123/in", "events": ["article.ready", "claim.published"]},
    )
    endpoint = WebhookEndpoint.objects.get()
    assert response.url == endpoint.get_absolute_url()
    assert endpoint.events == ["article.ready", "claim.published"]
    page = login("alice").get(endpoint.get_absolute_url()).content.decode()
    assert endpoint.secret in page and "Send test event" in page


def test_the_form_explains_a_refused_address(login, alice):
    response = login("alice").post(
        reverse("webhook_list"), {"url": "http://10.1.2.3/in", "events": ["article.ready"]}
    )
    assert "is a private address" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_see_the_webhook_pages(login, who, endpoint):
    client = login(who)
    assert client.get(reverse("webhook_list")).status_code == 403
    assert client.get(endpoint.get_absolute_url()).status_code == 403
    assert client.post(reverse("webhook_test", args=[endpoint.pk])).status_code == 403
    assert endpoint.secret not in client.get(reverse("dashboard")).content.decode()


def test_send_test_event_and_the_delivery_log(
    login, endpoint, nothing_sent, django_capture_on_commit_callbacks
):
    client = login("alice")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("webhook_test", args=[endpoint.pk]))
    (delivery,) = WebhookDelivery.objects.all()
    assert delivery.event == "webhook.test" and nothing_sent == [delivery.pk]
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.FAILED,
        attempts=8,
        last_status_code=502,
        last_error="The endpoint answered 502.",
    )
    page = client.get(endpoint.get_absolute_url()).content.decode()
    assert "HTTP 502" in page and "The endpoint answered 502." in page and "Send again" in page


def test_switching_an_endpoint_off_and_on(login, endpoint):
    client = login("alice")
    client.post(reverse("webhook_toggle", args=[endpoint.pk]), {"active": "0"})
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.disabled_reason == "Switched off by alice."
    client.post(reverse("webhook_toggle", args=[endpoint.pk]), {"active": "1"})
    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.failure_count == 0


def test_the_notification_of_a_switched_off_endpoint_links_to_it(
    login, endpoint, alice, dave, settings
):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 1
    settings.WEBHOOK_DISABLE_AFTER_SECONDS = 0
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    webhooks.take_delivery(delivery.pk, lease="a")
    webhooks.record_attempt(delivery.pk, outgoing.Response(500, "", 1), lease="a")
    client = login("dave")
    page = client.get(reverse("notification_list")).content.decode()
    assert "A webhook endpoint was disabled" in page
    note = Notification.objects.get(recipient=dave, kind=Notification.Kind.WEBHOOK_DISABLED)
    assert reverse("notification_open", args=[note.pk]) in page
    opened = client.get(reverse("notification_open", args=[note.pk]))
    assert opened["Location"] == endpoint.get_absolute_url()
