"""Small display filters for the desk's pages."""

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def duration(seconds):
    """A length of time as a journalist says it: "45 min", "3 h 20 min", "2 d 4 h"."""
    if seconds is None or seconds == "":
        return "—"
    minutes = max(0, round(float(seconds) / 60))
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


@register.filter
def ago(moment):
    """How long ago `moment` was, as a journalist says it: "just now", "3 min ago"."""
    if moment is None:
        return "never"
    seconds = (timezone.now() - moment).total_seconds()
    return "just now" if seconds < 60 else f"{duration(seconds)} ago"


@register.filter(is_safe=True)
def clip(text, length):
    """Cut text to `length` characters with an ellipsis: truncatechars without its cost, for
    long lists (the queue renders hundreds of these per page)."""
    text = str(text)
    length = int(length)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@register.filter
def notification_sentence(notification):
    """What happened, as a sentence: "alice assigned claim 12 to you"."""
    from claims.services.notifications import describe

    return describe(notification)


@register.filter(needs_autoescape=True)
def comment_html(text, autoescape=True):
    """A comment's text, escaped, with its @mentions marked and its line breaks kept."""
    from claims.services.comments import MENTION

    escaped = conditional_escape(text) if autoescape else str(text)
    marked = MENTION.sub(r'<span class="mention">@\1</span>', escaped)
    return mark_safe(marked.replace("\r\n", "\n").replace("\n", "<br>"))
