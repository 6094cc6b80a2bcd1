"""Webhooks: editors register endpoints; events reach them signed, retried, and never lost.

An event is recorded as one WebhookDelivery per subscribed endpoint in the same transaction as
the change it reports (an outbox): if the change is rolled back there is nothing to send, and
once it is committed the delivery exists even if the broker is down. The task is sent after
commit; a worker takes the delivery (a lease, so two runs never send it at once), POSTs it signed
per Standard Webhooks, and records the attempt. A failure or a timeout is retried with backoff;
a worker that dies mid-delivery leaves the message unacknowledged (acks late), and the sweeper
re-sends deliveries that are overdue or whose run went silent. Receivers may see a message twice
(at least once): the webhook-id header is the same on every attempt.
"""

import base64
import json
import logging
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from claims import outgoing
from claims.models import Notification, WebhookDelivery, WebhookEndpoint
from claims.permissions import EDITORS
from claims.services.errors import WorkflowError, require
from claims.services.notifications import notify

log = logging.getLogger(__name__)

Event = WebhookEndpoint.Event
Status = WebhookDelivery.Status
USER_AGENT = "FactCheckDesk-Webhooks/1"


# --- Endpoints ------------------------------------------------------------------------------------


def new_secret():
    """A Standard Webhooks secret: whsec_ and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def _clean_events(events):
    events = [event for event in dict.fromkeys(events or []) if event]
    unknown = set(events) - set(Event.values)
    if unknown:
        raise WorkflowError(f"Unknown events: {', '.join(sorted(unknown))}.")
    if not events:
        raise WorkflowError("Choose at least one event to send.")
    return events


def _check_endpoint_url(url):
    try:
        outgoing.check_url(url)
    except outgoing.RefusedAddress as exc:
        raise WorkflowError(str(exc)) from None


def register_endpoint(*, actor, url, events, description=""):
    """Register a URL to be told about `events` (editors); it gets a new signing secret."""
    require(actor, "manage_webhooks", "Only editors can register webhooks.")
    url = url.strip()
    _check_endpoint_url(url)
    return WebhookEndpoint.objects.create(
        url=url,
        events=_clean_events(events),
        description=description.strip()[:200],
        secret=new_secret(),
        created_by=actor,
    )


def update_endpoint(endpoint, *, actor, url, events, description=""):
    require(actor, "manage_webhooks", "Only editors can change webhooks.")
    url = url.strip()
    _check_endpoint_url(url)
    endpoint.url = url
    endpoint.events = _clean_events(events)
    endpoint.description = description.strip()[:200]
    endpoint.save(update_fields=["url", "events", "description", "updated_at"])
    return endpoint


def set_endpoint_active(endpoint, active, *, actor):
    """Switch an endpoint off, or on again (its failure count starts afresh)."""
    require(actor, "manage_webhooks", "Only editors can switch webhooks on or off.")
    endpoint.active = active
    endpoint.disabled_reason = "" if active else f"Switched off by {actor}."
    endpoint.failure_count = 0
    endpoint.failing_since = None
    endpoint.save(
        update_fields=["active", "disabled_reason", "failure_count", "failing_since", "updated_at"]
    )
    return endpoint


def delete_endpoint(endpoint, *, actor):
    require(actor, "manage_webhooks", "Only editors can delete webhooks.")
    endpoint.delete()


# --- Events ---------------------------------------------------------------------------------------


def _message(event, data):
    """The body of an event, in Standard Webhooks' shape: type, timestamp, data."""
    return json.dumps(
        {"type": event, "timestamp": timezone.now().isoformat(), "data": data},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _queue(endpoints, event, data):
    """Record a delivery of the event to each endpoint, and send each once committed."""
    body = _message(event, data() if callable(data) else data)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            endpoint=endpoint, event=event, message_id=f"msg_{uuid.uuid4().hex}", body=body
        )
        for endpoint in endpoints
    )
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: [publish_delivery(pk) for pk in ids])
    return deliveries


def emit(event, data):
    """Tell every active endpoint subscribed to `event`; `data` may be a callable, called only
    when someone listens. Call it inside the transaction of the change it reports."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True).only("pk", "events")
        if event in endpoint.events
    ]
    if not endpoints:
        return []
    with transaction.atomic():
        return _queue(endpoints, event, data)


def send_test_event(endpoint, *, actor):
    """A `webhook.test` message to this endpoint alone (also when it is switched off, to check it
    before switching it on again)."""
    require(actor, "manage_webhooks", "Only editors can send test events.")
    data = {"message": "A test event from the fact-check desk.", "sent_by": str(actor)}
    with transaction.atomic():
        return _queue([endpoint], WebhookEndpoint.TEST_EVENT, data)[0]


def site_url(path):
    return settings.SITE_URL + path


def article_data(article):
    return {
        "article": {
            "id": article.pk,
            "external_id": article.external_id,
            "headline": article.headline,
            "status": article.status,
            "error_message": article.error_message,
            "extractor_version": article.extractor_version,
            "claims": article.claims.count(),
            "api_url": site_url(reverse("api-1:article_read", args=[article.pk])),
            "desk_url": site_url(article.get_absolute_url()),
        }
    }


def article_ready(article):
    emit(Event.ARTICLE_READY, lambda: article_data(article))


def article_failed(article_id):
    from claims.models import Article

    emit(Event.ARTICLE_FAILED, lambda: article_data(Article.objects.get(pk=article_id)))


def claim_data(claim, previous_state, actor):
    return {
        "claim": {
            "id": claim.pk,
            "article_id": claim.article_id,
            "text": claim.reviewed_text,
            "state": claim.state,
            "previous_state": str(previous_state),
            "verdict": claim.verdict.slug if claim.verdict_id else None,
            "version": claim.version,
            "changed_by": actor.get_username() if actor else None,
            "api_url": site_url(reverse("api-1:claim_read", args=[claim.pk])),
            "desk_url": site_url(claim.get_absolute_url()),
        }
    }


def _published_data(claim, previous_state, actor):
    from claims import selectors
    from claims.exports import claimreview

    data = claim_data(claim, previous_state, actor)
    loaded = selectors.claim_for_page(claim.pk)
    review, _ = claimreview.claim_review(
        loaded,
        page_url=site_url(reverse("public_claim", args=[claim.pk])),
        scale=claimreview.rating_scale(),
        organisation_name=settings.ORGANISATION_NAME,
        organisation_url=settings.ORGANISATION_URL,
    )
    data["claim_review"] = review
    return data


def claim_state_changed(claim, previous_state, actor):
    """claim.state_changed, and claim.published when that is where it went."""
    emit(Event.CLAIM_STATE_CHANGED, lambda: claim_data(claim, previous_state, actor))
    if claim.state == claim.State.PUBLISHED:
        emit(Event.CLAIM_PUBLISHED, lambda: _published_data(claim, previous_state, actor))


# --- Sending --------------------------------------------------------------------------------------


def publish_delivery(delivery_id, countdown=None):
    """Send the delivery task now; when the broker is unreachable the sweeper sends it later."""
    from claims.tasks import deliver_webhook

    try:
        deliver_webhook.apply_async(args=[delivery_id], countdown=countdown)
    except Exception:  # any broker failure: the delivery is recorded, the sweeper retries
        log.warning("Could not enqueue webhook delivery %s; the sweeper will retry", delivery_id)
        return False
    return True


def retry_delay(attempts):
    """Seconds to wait after the `attempts`-th failure: doubling, up to the maximum."""
    base = settings.WEBHOOK_RETRY_BASE_SECONDS
    return min(base * 2 ** max(0, attempts - 1), settings.WEBHOOK_RETRY_MAX_SECONDS)


def _stale_cutoff():
    return timezone.now() - timedelta(seconds=settings.WEBHOOK_STALE_SECONDS)


def take_delivery(delivery_id, *, lease):
    """Take a delivery for the run `lease` and count the attempt; None when there is nothing to
    send (done, not due yet, or another live run is sending it)."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status in (Status.SUCCEEDED, Status.FAILED):
            return None
        if delivery.status == Status.SENDING and delivery.lease != lease:
            if delivery.last_attempt_at and delivery.last_attempt_at > _stale_cutoff():
                return None  # a live run is sending it
        elif delivery.next_attempt_at > now + timedelta(seconds=1):
            return None  # an early copy (the sweeper and a retry both sent it): the retry sends
        test = delivery.event == WebhookEndpoint.TEST_EVENT
        if not (delivery.endpoint.active or test):
            delivery.status = Status.FAILED
            delivery.last_error = "Not sent: the endpoint is switched off."
            delivery.save(update_fields=["status", "last_error"])
            return None
        delivery.status = Status.SENDING
        delivery.lease = lease
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.save(update_fields=["status", "lease", "attempts", "last_attempt_at"])
    return delivery


def signed_headers(delivery, secret, moment=None):
    """The Standard Webhooks headers for one attempt: id, timestamp and signature."""
    moment = moment or timezone.now()
    signature = Webhook(secret).sign(delivery.message_id, moment, delivery.body)
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signature,
    }


def send(delivery):
    """POST the delivery to its endpoint: an outgoing.Response (a refused address included)."""
    endpoint = delivery.endpoint
    try:
        return outgoing.post(
            endpoint.url,
            delivery.body.encode(),
            signed_headers(delivery, endpoint.secret),
            timeout=settings.WEBHOOK_TIMEOUT,
        )
    except outgoing.RefusedAddress as exc:
        return outgoing.Response(None, str(exc)[:300], 0)


def deliver(delivery_id, *, lease):
    """The worker's whole job for one delivery: take it, send it, record how it went."""
    delivery = take_delivery(delivery_id, lease=lease)
    if delivery is None:
        return None
    response = send(delivery)  # outside any transaction: it may take WEBHOOK_TIMEOUT
    return record_attempt(delivery.pk, response, lease=lease)


def _describe(response):
    if response.status is None:
        return response.error
    if response.ok:
        return ""
    return f"The endpoint answered {response.status}."


def record_attempt(delivery_id, response, *, lease):
    """Store an attempt's outcome, schedule the retry, and disable an endpoint that keeps
    failing."""
    now = timezone.now()
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery_id)
        if delivery.lease != lease:
            return delivery  # another run took it over after this one went silent
        delivery.lease = ""
        delivery.last_status_code = response.status
        delivery.last_error = _describe(response)
        delivery.last_duration_ms = response.duration_ms
        if response.ok:
            delivery.status = Status.SUCCEEDED
            delivery.delivered_at = now
            # No lock on the endpoint: deliveries to one endpoint succeed side by side.
            WebhookEndpoint.objects.filter(pk=delivery.endpoint_id, failure_count__gt=0).update(
                failure_count=0, failing_since=None
            )
        else:
            _record_failure(delivery, now)
        delivery.save()
    return delivery


def _record_failure(delivery, now):
    """Retry later (or give up), count the endpoint's failure, switch it off if it keeps
    failing."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    endpoint.failure_count += 1
    endpoint.failing_since = endpoint.failing_since or now
    if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = Status.FAILED
    else:
        delivery.status = Status.RETRYING
        delay = retry_delay(delivery.attempts)
        delivery.next_attempt_at = now + timedelta(seconds=delay)
        transaction.on_commit(lambda: publish_delivery(delivery.pk, countdown=delay))
    if endpoint.active and keeps_failing(endpoint, now):
        _disable(endpoint, delivery.last_error)
    endpoint.save(update_fields=["failure_count", "failing_since", "active", "disabled_reason"])


def keeps_failing(endpoint, now):
    return (
        endpoint.failure_count >= settings.WEBHOOK_DISABLE_AFTER_FAILURES
        and now - endpoint.failing_since
        >= timedelta(seconds=settings.WEBHOOK_DISABLE_AFTER_SECONDS)
    )


def _disable(endpoint, last_error):
    """Switch off a failing endpoint and tell the editors."""
    endpoint.active = False
    endpoint.disabled_reason = (
        f"Switched off after {endpoint.failure_count} failed attempts in a row "
        f"(the last: {last_error or 'no answer'})"
    )[:300]
    text = (
        f"The webhook endpoint {endpoint.url} was switched off: {endpoint.disabled_reason}. "
        "Fix the receiver, send a test event, then switch it on again."
    )
    editors = get_user_model().objects.filter(
        Q(groups__name=EDITORS) | Q(is_superuser=True), is_active=True
    )
    for editor in editors.distinct():
        notify(editor, None, Notification.Kind.WEBHOOK_DISABLED, text=text, webhook=endpoint)
    log.warning("Webhook endpoint %s disabled: %s", endpoint.pk, endpoint.disabled_reason)


def resend(delivery, *, actor):
    """Send a failed delivery again, as a fresh series of attempts (same message id)."""
    require(actor, "manage_webhooks", "Only editors can resend deliveries.")
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
        if delivery.status != Status.FAILED:
            raise WorkflowError("Only a failed delivery can be sent again.")
        delivery.status = Status.PENDING
        delivery.attempts = 0
        delivery.next_attempt_at = timezone.now()
        delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
        transaction.on_commit(lambda: publish_delivery(delivery.pk))
    return delivery


# --- The sweeper ----------------------------------------------------------------------------------


def stale_deliveries():
    """Deliveries whose message is most likely lost: due for a while and not taken (the broker
    was down, or a worker holding the retry died), or sending with no sign of life."""
    overdue = timezone.now() - timedelta(seconds=settings.WEBHOOK_STALE_SECONDS)
    waiting = Q(status__in=(Status.PENDING, Status.RETRYING), next_attempt_at__lt=overdue)
    silent = Q(status=Status.SENDING, last_attempt_at__lt=_stale_cutoff())
    return WebhookDelivery.objects.filter(waiting | silent)


def requeue_stale_deliveries(limit=1000):
    """Send again the deliveries whose message was lost; a copy of one still alive does nothing
    (take_delivery). Returns how many were sent."""
    ids = list(stale_deliveries().order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    return sum(publish_delivery(pk) for pk in ids)


def delivery_log(endpoint, limit=100):
    return list(endpoint.deliveries.order_by("-created_at", "-id")[:limit])
