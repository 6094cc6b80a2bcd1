"""What reached me: claims assigned to me, sent back to me, my verdicts approved."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.services import notifications


@require_GET
def notification_list(request):
    """The latest notifications; opening the page marks them seen (the badge goes)."""
    items = notifications.recent_notifications(request.user)
    unseen = {n.pk for n in items if n.seen_at is None}
    if unseen:
        notifications.mark_seen(request.user)
    return render(
        request,
        "claims/notification_list.html",
        {"notifications": items, "unseen": unseen, "notification_count": 0},
    )
