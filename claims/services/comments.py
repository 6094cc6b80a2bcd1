"""Comments on a claim: events with text, and @username mentions that notify that person."""

import re
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Q

from claims.models import ClaimEvent, Notification
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
