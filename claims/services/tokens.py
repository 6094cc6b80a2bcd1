"""Personal API tokens: created, named, listed and revoked by their owner; stored as a hash.

A key is 256 random bits, so a plain SHA-256 of it is as good as a slow password hash (nothing to
guess) and lets a request find its token with one indexed lookup. The key is shown once, when it
is made; the desk keeps only its hash and its first characters (to tell tokens apart in the list).
"""

import hashlib
import math
import secrets

from django.conf import settings
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from claims.models import ApiToken
from claims.services.errors import NotAllowed, WorkflowError

KEY_PREFIX = "fcd_"
SHOWN_CHARACTERS = 12  # of the key, in the list: "fcd_AbCdEfGh…"
MAX_TOKENS = 20  # per person: enough for every system, few enough to keep track of


def hash_key(key):
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(user, name):
    """A new token for `user`: (ApiToken, key). The key is never stored or shown again."""
    name = name.strip()
    if not name:
        raise WorkflowError("Give the token a name that says what uses it, e.g. “CMS”.")
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_TOKENS:
        raise WorkflowError(f"You have {MAX_TOKENS} tokens already: revoke one you no longer use.")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=key[:SHOWN_CHARACTERS], key_hash=hash_key(key)
    )
    return token, key


def tokens_of(user):
    """The user's tokens, live ones first."""
    return list(
        ApiToken.objects.filter(user=user).order_by(
            F("revoked_at").desc(nulls_first=True), "-created_at"
        )
    )


def revoke_token(token, *, actor):
    """Revoke a token: requests with it are refused from now on (only its owner may)."""
    if token.user_id != actor.pk:
        raise NotAllowed("Only the token's owner can revoke it.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def authenticate(key):
    """The live token whose key this is (with its user), or None."""
    if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def take_request(token, now=None):
    """Count one request against the token's limit (API_RATE_LIMIT a minute).

    Returns 0 when the request may go on, else the seconds until the next minute starts. One
    conditional UPDATE does it: the count and the check are one statement, so concurrent
    requests cannot slip past the limit together, and every worker process shares it.
    """
    now = now or timezone.now()
    seconds = now.timestamp()
    window = int(seconds // 60)
    taken = (
        ApiToken.objects.filter(pk=token.pk)
        .filter(~Q(rate_window=window) | Q(rate_count__lt=settings.API_RATE_LIMIT))
        .update(
            rate_count=Case(When(rate_window=window, then=F("rate_count") + 1), default=Value(1)),
            rate_window=window,
            last_used_at=now,
        )
    )
    if taken:
        return 0
    return max(1, math.ceil((window + 1) * 60 - seconds))
