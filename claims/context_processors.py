import functools

from claims.permissions import EDITOR, FACT_CHECKER, user_can


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "notification_count": _lazy_count(user),
        "is_editor": user_can(user, "approve"),
        "is_fact_checker": user_can(user, "propose") and not user_can(user, "approve"),
        "can_upload": user_can(user, "upload"),
        "can_review_article": user_can(user, "review_article"),
        "ROLE_EDITOR": EDITOR,
        "ROLE_FACT_CHECKER": FACT_CHECKER,
    }


def _lazy_count(user):
    """The top bar's unseen-notification count: one query, and only if a template shows it."""
    from claims.services.notifications import unseen_count

    return functools.cache(lambda: unseen_count(user))
