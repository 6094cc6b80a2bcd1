"""What reached me: claims assigned to me, waiting for my review, sent back to me, my verdicts
approved or published; for editors, webhook endpoints switched off."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from claims.ids import parse_id
from claims.models import Notification
from claims.services import notifications


@require_GET
def notification_list(request):
    """The latest notifications, the unread ones marked; reading them is following them."""
    items = notifications.recent_notifications(request.user)
    return render(request, "claims/notification_list.html", {"notifications": items})


@require_GET
def notification_open(request, pk):
    """Follow a notification to what it is about (a claim, a webhook endpoint); it is read
    from then on."""
    notification = (
        Notification.objects.filter(pk=pk, recipient=request.user).select_related("webhook").first()
    )
    if notification is None:
        raise Http404("No such notification.")
    notifications.mark_seen(request.user, pk)
    if notification.claim_id is None:
        return redirect(notification.webhook.get_absolute_url())
    return redirect("claim_detail", pk=notification.claim_id)


@require_POST
def notification_read_all(request):
    """Mark read what the list showed (up to its newest notification, `upto`)."""
    count = notifications.mark_seen(request.user, upto=parse_id(request.POST.get("upto")))
    left = notifications.unseen_count(request.user)
    since = ""
    if left:
        since = f"; {left} arrived since and {'is' if left == 1 else 'are'} still unread"
    messages.success(
        request, f"Marked {count} notification{'s' if count != 1 else ''} read{since}."
    )
    return redirect("notification_list")
