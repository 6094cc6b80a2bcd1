"""Refusals: the exceptions services raise, with messages for the journalist."""

from claims.permissions import user_can


class WorkflowError(Exception):
    """An operation the desk's rules refuse; str(exc) is shown to the user."""


class NotAllowed(WorkflowError):
    """The user's role (or their relation to the claim) does not allow the operation."""


class StaleClaimError(WorkflowError):
    """Someone else changed the claim since this user loaded it."""

    def __init__(self, claim):
        self.claim = claim
        who = claim.events.order_by("-created_at", "-id").select_related("actor").first()
        by = f" by {who.actor}" if who and who.actor else ""
        super().__init__(
            f"This claim was changed{by} while you were editing it. "
            "Your change was not saved: review the current version below and apply it again."
        )


class RequestConflict(WorkflowError):
    """A retried request does not match the one that made the article it names."""

    def __init__(self, message, existing):
        self.existing = existing
        super().__init__(message)


class DuplicateArticleError(Exception):
    """The same text was uploaded before; the caller may offer to upload it anyway."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(f"This article was already uploaded as “{existing.headline}”.")


def require(user, action, message):
    if not user_can(user, action):
        raise NotAllowed(message)
