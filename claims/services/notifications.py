"""In-app notifications (and e-mail when NOTIFY_BY_EMAIL is on) for work that reaches a person.

Services call `notify` where the event happens: assigning (the assignee), proposing a verdict
(every editor: it waits for their review), sending back, approving and publishing (the
fact-checker), a comment naming someone with @username (that person). The top bar counts what
the user has not read; following a notification to its claim reads it, and "Mark all read"
reads them all.
"""

import functools
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone

from claims.models import Notification
from claims.people import display_name

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


def notify_editors(claim, kind, *, actor=None, text=""):
    """Tell every active editor (but the actor) about `claim`."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from claims.permissions import EDITORS

    editors = (
        get_user_model()
        .objects.filter(Q(groups__name=EDITORS) | Q(is_superuser=True), is_active=True)
        .distinct()
    )
    return [n for n in (notify(e, claim, kind, actor=actor, text=text) for e in editors) if n]


def notify_workers(claim, kind, *, actor=None, text=""):
    """Tell the people who worked the claim (who proposed its verdict, its assignee)."""
    people = {p.pk: p for p in (claim.proposed_by, claim.assignee) if p is not None}
    return [notify(p, claim, kind, actor=actor, text=text) for p in people.values()]


SENTENCES = {
    Kind.ASSIGNED: "{who} assigned {claim} to you",
    Kind.SENT_BACK: "{who} sent {claim} back to you",
    Kind.APPROVED: "{who} approved your verdict on {claim}",
    Kind.REVIEW: "{who}'s verdict on {claim} waits for your review",
    Kind.PUBLISHED: "{who} published your verdict on {claim}",
    Kind.MENTIONED: "{who} mentioned you on {claim}",
    Kind.SET_ASIDE: "{who} set {claim}, assigned to you, aside: not a claim to check",
}


def describe(notification):
    """One line for the list and the e-mail subject."""
    if notification.kind == Kind.WEBHOOK_DISABLED:
        return "A webhook endpoint that kept failing was switched off"
    who = display_name(notification.actor) if notification.actor else "Someone"
    return SENTENCES[notification.kind].format(who=who, claim=f"claim {notification.claim_id}")


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
    """For the top bar: one COUNT over an index on (recipient, seen_at), written out. Every desk
    page shows it: the ORM's count() took about 1,000 Python calls to build its statement, this
    about 60 (the search page's view besides its search makes some 9,000)."""
    with connection.cursor() as cursor:
        cursor.execute(_unseen_count_sql(), [user.pk])
        return cursor.fetchone()[0]


@functools.cache
def _unseen_count_sql():
    quote, meta = connection.ops.quote_name, Notification._meta
    recipient, seen_at = meta.get_field("recipient").column, meta.get_field("seen_at").column
    return (
        f"SELECT COUNT(*) FROM {quote(meta.db_table)} "
        f"WHERE {quote(recipient)} = %s AND {quote(seen_at)} IS NULL"
    )


def recent_notifications(user, limit=50):
    return list(
        Notification.objects.filter(recipient=user)
        .select_related("actor", "claim", "claim__article", "webhook")
        .order_by("-created_at", "-id")[:limit]
    )


def mark_seen(user, pk=None, *, upto=None):
    """Everything the user has been told about so far (or notification `pk`) counts as read;
    returns how many were unread. `upto`: the newest notification on the list the user saw;
    the ones that arrived after it stay unread, as nobody has seen them yet."""
    unread = Notification.objects.filter(recipient=user, seen_at__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    if upto is not None:
        unread = unread.filter(pk__lte=upto)
    return unread.update(seen_at=timezone.now())
