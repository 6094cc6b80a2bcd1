"""Comments on a claim: events with text that their author may edit (the earlier text is kept)
and anyone on the desk may resolve; @username mentions notify that person."""

import re
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.models import ClaimEvent, CommentRevision, Notification
from claims.services.errors import WorkflowError, require
from claims.services.notifications import notify
from claims.services.workflow import record_event

# "@bob", "@chris.checker": a username (Django's characters) not glued to a word before it, so
# "alice@example.org" mentions nobody. A full stop or hyphen at its end ends the sentence.
MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]+)")
MAX_MENTIONS = 20


def mentioned_users(text):
    """The active users a text mentions (@username, in any case)."""
    names = {name.rstrip(".-@+") for name in MENTION.findall(text)} - {""}
    if not names:
        return []
    named = reduce(or_, (Q(username__iexact=name) for name in sorted(names)[:MAX_MENTIONS]))
    return list(get_user_model().objects.filter(named, is_active=True))


def notify_mentions(claim, text, *, actor, already=()):
    """Tell each person `text` mentions (but the author, and those in `already`)."""
    skip = {user.pk for user in already}
    for user in mentioned_users(text):
        if user.pk not in skip:
            notify(user, claim, Notification.Kind.MENTIONED, actor=actor, text=text)


def add_comment(claim, *, actor, text):
    """Comment on a claim; everyone it mentions with @username is notified."""
    require(actor, "comment", "Viewers cannot comment.")
    if not text.strip():
        raise WorkflowError("The comment is empty.")
    comment = record_event(claim, actor, ClaimEvent.Action.COMMENT, text=text.strip())
    notify_mentions(claim, comment.text, actor=actor)
    return comment


def _comment(event):
    if event.action != ClaimEvent.Action.COMMENT:
        raise WorkflowError("Only comments can be edited or resolved.")


def edit_comment(comment, *, actor, text):
    """Change a comment's text (its author only). The earlier text is kept as a revision, and
    people the new text mentions for the first time are notified."""
    _comment(comment)
    if comment.actor_id != actor.pk or not comment.actor_id:
        raise WorkflowError("Only the person who wrote a comment can edit it.")
    require(actor, "comment", "Viewers cannot comment.")
    text = text.strip()
    if not text:
        raise WorkflowError("The comment is empty.")
    with transaction.atomic():
        comment = ClaimEvent.objects.select_for_update().select_related("claim").get(pk=comment.pk)
        if text == comment.text:
            return comment
        mentioned_before = mentioned_users(comment.text)
        CommentRevision.objects.create(comment=comment, text=comment.text)
        comment.text, comment.edited_at = text, timezone.now()
        comment.save(update_fields=["text", "edited_at"])
        notify_mentions(comment.claim, text, actor=actor, already=mentioned_before)
    return comment


def resolve_comment(comment, *, actor, resolved=True):
    """Mark a comment resolved (dealt with), or open it again."""
    _comment(comment)
    require(actor, "comment", "Viewers cannot resolve comments.")
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = actor if resolved else None
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
