"""{% event_sentence event %}: what someone did to a claim, as the end of a sentence whose
subject is that person, with the values: "moved it from *In progress* to *In review*", "set the
due date to *20 Dec* (was *none*)". Every value is escaped (format_html)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from claims.models import Claim, ClaimEvent

register = template.Library()
Action = ClaimEvent.Action

STATES = dict(Claim.State.choices)
KINDS = dict(Claim.Kind.choices)
REJECTIONS = dict(Claim.Rejection.choices)
STANCES = {"supports": "which supports the claim", "refutes": "which refutes the claim",
           "context": "as context"}  # fmt: skip
NONE = mark_safe("<em>none</em>")


def _value(text):
    return format_html("<em>{}</em>", text) if text not in (None, "") else NONE


def _state(value):
    return _value(STATES.get(value, value))


def _day(iso):
    """A due date as people say it: "20 Dec" this year, "20 Dec 2027" another."""
    if not iso:
        return NONE
    day = datetime.date.fromisoformat(iso)
    year = "" if day.year == timezone.localdate().year else f" {day.year}"
    return _value(f"{day.day} {day.strftime('%b')}{year}")


def _quoted(text):
    return format_html(": “{}”", text) if text else ""


def _moved(event):
    return format_html(
        "moved it from {} to {}{}",
        _state(event.from_value),
        _state(event.to_value),
        _quoted(event.text),
    )


def _assigned(event):
    before, after = event.from_value, event.to_value
    if before and after:
        return format_html("reassigned it from {} to {}", _value(before), _value(after))
    if after:
        return format_html("assigned it to {}", _value(after))
    return format_html("unassigned {}", _value(before))


def _scheduled(event):
    changes = event.changes or {}
    parts = []
    if "due_date" in changes:
        before, after = changes["due_date"]
        if after:
            parts.append(format_html("set the due date to {} (was {})", _day(after), _day(before)))
        else:
            parts.append(format_html("removed the due date (was {})", _day(before)))
    if "priority" in changes:
        before, after = changes["priority"]
        parts.append(format_html("set the priority to {} (was {})", _value(after), _value(before)))
    if not parts:  # recorded before the changes were kept field by field
        return format_html(
            "changed the schedule from {} to {}", _value(event.from_value), _value(event.to_value)
        )
    return format_html_join(" and ", "{}", ((part,) for part in parts))


def _undone(event):
    changes = event.changes or {}
    what = event.text.removeprefix("Undo of ").rstrip(".")
    if "state" not in changes:
        return format_html("undid the bulk change {}", what)
    return format_html(
        "undid the bulk change {}: back to {}, assigned to {}",
        what,
        _state(changes["state"][1]),
        _value(changes["assignee"][1] or "nobody"),
    )


CORRECTED_FIELDS = {
    "kind": ("the kind", lambda v: KINDS.get(v, v)),
    "cue": ("the cue", str),
    "source": ("the speaker", str),
}


# The order corrections are told in (PostgreSQL's jsonb keeps no order of its own).
CORRECTED_ORDER = ("span", "kind", "cue", "source", "claim_reviewed")


def _corrected(event):
    parts = []
    changes = event.changes or {}
    for name in sorted(changes, key=lambda n: (CORRECTED_ORDER + (n,)).index(n)):
        before, after = changes[name]
        if name == "span":
            parts.append(format_html("changed its text to “{}”", after[2]))
        elif name == "claim_reviewed":
            parts.append(format_html("changed the wording to review to “{}”", after or "its text"))
        elif name in CORRECTED_FIELDS:
            what, show = CORRECTED_FIELDS[name]
            parts.append(
                format_html(
                    "changed {} from {} to {}", what, _value(show(before)), _value(show(after))
                )
            )
    if not parts:
        return format_html("corrected it: {}", event.to_value)
    return format_html_join("; ", "{}", ((part,) for part in parts))


def _merged(event):
    if event.to_value:
        return format_html("merged it into {}", event.to_value)
    return format_html("merged {} into it", event.from_value)


def _rejected(event):
    return format_html(
        "marked it not a claim ({}){}",
        _value(REJECTIONS.get(event.to_value, event.to_value)),
        _quoted(event.text),
    )


def _accepted(event):
    return format_html(
        "marked it a claim again (it was {})",
        _value(REJECTIONS.get(event.from_value, event.from_value)),
    )


def _visibility(event):
    if event.to_value == "public":
        return format_html("listed the evidence {} on the public page", _value(event.from_value))
    return format_html("kept the evidence {} off the public page", _value(event.from_value))


SENTENCES = {
    Action.CREATED: lambda e: "found it in the article",
    Action.STATE: _moved,
    Action.ASSIGNED: _assigned,
    Action.VERDICT: lambda e: format_html(
        "proposed the verdict {}{}", _value(e.to_value), _quoted(e.text)
    ),
    Action.EVIDENCE_LINKED: lambda e: format_html(
        "linked the evidence {}, {}", _value(e.to_value), STANCES.get(e.text, e.text)
    ),
    Action.EVIDENCE_UNLINKED: lambda e: format_html(
        "unlinked the evidence {}", _value(e.from_value)
    ),
    Action.EVIDENCE_VISIBILITY: _visibility,
    Action.SCHEDULED: _scheduled,
    Action.UNDONE: _undone,
    Action.SOURCE_MERGED: lambda e: format_html(
        "merged its speaker {} into {}", _value(e.from_value), _value(e.to_value)
    ),
    Action.ADDED: lambda e: "added it by hand",
    Action.CORRECTED: _corrected,
    Action.SPLIT: lambda e: format_html(
        "split it{}", format_html(" ({})", e.text.rstrip(".")) if e.text else ""
    ),
    Action.MERGED: _merged,
    Action.REJECTED: _rejected,
    Action.ACCEPTED: _accepted,
    Action.REEXTRACTED: lambda e: format_html(
        "found its text again after the article was re-extracted{}",
        format_html(" ({})", e.text.rstrip(".")) if e.text else "",
    ),
}


@register.simple_tag
def event_sentence(event):
    """What the event's actor did, as the rest of a sentence (the comment text aside)."""
    describe = SENTENCES.get(event.action)
    if describe is None:
        return format_html("{}{}", event.get_action_display().lower(), _quoted(event.text))
    return describe(event)


@register.simple_tag
def event_time(moment):
    """<time> of an event, "6 Dec 2026 10:07" in the desk's time zone: the history of a claim
    with 100 events spent a quarter of its time in the two date filters this replaces."""
    local = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}" class="muted">{} {}</time>',
        local.isoformat(),
        local.day,
        local.strftime("%b %Y %H:%M"),
    )
