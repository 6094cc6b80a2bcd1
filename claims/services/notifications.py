"""In-app notifications (and e-mail when NOTIFY_BY_EMAIL is on) for work that reaches a person.

Services call `notify` where the event happens (assigning, sending back, approving); the top bar
counts what the user has not seen yet and the notifications page marks it seen.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from claims.models import Notification

log = logging.getLogger(__name__)

Kind = Notification.Kind


def notify(recipient, claim, kind, *, actor=None, text="", webhook=None):
    """Tell `recipient` about `claim` (or a `webhook` endpoint); nobody is told about what they
    did themselves."""
    if recipient is None or (actor is not None and recipient.pk == actor.pk):
        return None
    if not recipient.is_active:
        return None
    notification = Notification.objects.create(
        recipient=recipient, claim=claim, webhook=webhook, actor=actor, kind=kind, text=text[:2000]
    )
    if getattr(settings, "NOTIFY_BY_EMAIL", False) and recipient.email:
        # After commit: a refused or rolled-back change must not send mail.
        transaction.on_commit(lambda: send_notification_email(notification))
    return notification


def describe(notification):
    """One line for the list and the e-mail subject."""
    who = notification.actor or "Someone"
    claim = f"claim {notification.claim_id}"
    if notification.kind == Kind.WEBHOOK_DISABLED:
        return "A webhook endpoint that kept failing was switched off"
    if notification.kind == Kind.ASSIGNED:
        return f"{who} assigned {claim} to you"
    if notification.kind == Kind.SENT_BACK:
        return f"{who} sent {claim} back to you"
    return f"{who} approved your verdict on {claim}"


def send_notification_email(notification):
    """Send one notification by mail; a mail failure is logged, never raised into a request."""
    about = notification.claim.text[:500] if notification.claim_id else ""
    body = [describe(notification) + ".", "", about]
    if notification.text:
        body += ["", notification.text]
    try:
        send_mail(
            subject=f"[Fact-check desk] {describe(notification)}",
            message="\n".join(body),
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
    except Exception:  # SMTP down, bad address: the in-app notification is there anyway
        log.exception("Could not e-mail notification %s", notification.pk)


def unseen_count(user):
    """For the top bar: one COUNT over an index on (recipient, seen_at)."""
    return Notification.objects.filter(recipient=user, seen_at__isnull=True).count()


def recent_notifications(user, limit=50):
    return list(
        Notification.objects.filter(recipient=user)
        .select_related("actor", "claim", "claim__article", "webhook")
        .order_by("-created_at", "-id")[:limit]
    )


def mark_seen(user):
    """Everything the user has been told about so far counts as seen."""
    return Notification.objects.filter(recipient=user, seen_at__isnull=True).update(
        seen_at=timezone.now()
    )
