"""{% queue_row claim params selectable %}: one row of the claim queue.

The queue renders 50 of these per request, each written as one string with its values escaped by
html.escape (the same five characters and entities as Django's escape): through template variable
lookups a row cost nearly 1 ms, through format_html's lazy-aware escaping of every value 0.05 ms,
this way about 0.02 ms.
"""

from html import escape

from django import template
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe

from claims.models import Claim
from claims.templatetags.desk_format import clip

register = template.Library()

NONE = '<span class="muted">—</span>'
CHECKED_BEFORE = (
    '<span class="badge checked-before" title="Matches a fact-check or an earlier claim">'
    "checked before?</span> "
)
UNATTRIBUTED = '<span class="unattributed">unattributed</span>'
CHECK = (
    '<td class="check"><input type="checkbox" name="claims" value="{pk}" '
    'aria-label="Select claim {pk}"></td>'
)
SPEAKER = '<a class="speaker" href="{}">{}</a>'
VERDICT = '<span class="swatch" style="background: {}"></span>{}'
# get_FOO_display() rebuilds its choices dict on every call; these are built once.
KINDS = dict(Claim.Kind.choices)
STATES = dict(Claim.State.choices)
PRIORITIES = dict(Claim.Priority.choices)
# Each known kind's, state's and priority's value and label, escaped once (a row escaped five of
# them: 1,500 of the queue page's Python calls); a value outside the choices is escaped as before.
ESCAPED = {
    "kind": {k: escape(str(label)) for k, label in KINDS.items()},
    "state": {k: (escape(k), escape(str(label))) for k, label in STATES.items()},
    "priority": {k: (escape(str(k)), escape(str(label))) for k, label in PRIORITIES.items()},
}


def _escaped(what, value, labels):
    known = ESCAPED[what].get(value)
    if known is not None:
        return known
    label = escape(str(labels.get(value, value)))
    return label if what == "kind" else (escape(str(value)), label)


# The claim is the widest column, its speaker, article and kind on a line under its text.
# Every value is escaped before it is put in, except the fragments above (built here, escaped).
ROW = (
    '<tr class="row{overdue}" data-url="{url}" data-version="{version}" data-claim="{pk}">'
    "{check}"
    '<td class="claim-cell"><a class="claim-text" href="{url}">{text}</a>'
    '<span class="claim-meta">{checked_before}{source} · '
    '<a href="{article_url}#c{pk}">{headline}</a> · {kind}</span></td>'
    '<td class="num">{score}</td>'
    '<td><span class="badge state-{state}">{state_label}</span></td>'
    '<td class="verdict">{verdict}</td>'
    '<td class="assignee">{assignee}</td>'
    '<td class="due">{due}</td>'
    '<td class="priority"><span class="priority priority-{priority}">{priority_label}</span></td>'
    "</tr>"
)


@register.simple_tag
def queue_row(claim, params, selectable):
    url = escape(f"{claim.get_absolute_url()}?{params}")
    source, verdict, pk = claim.source, claim.verdict, claim.pk
    state, state_label = _escaped("state", claim.state, STATES)
    priority, priority_label = _escaped("priority", claim.priority, PRIORITIES)
    return mark_safe(
        ROW.format(
            overdue=" overdue" if claim.is_overdue else "",
            url=url,
            version=claim.version,
            pk=pk,
            check=CHECK.format(pk=pk) if selectable else "",
            score=f"{claim.score:.2f}",
            text=escape(clip(claim.text, 300)),  # two lines shown; the peek shows it all
            checked_before=CHECKED_BEFORE if claim.open_matches else "",
            source=SPEAKER.format(escape(source.get_absolute_url()), escape(source.name))
            if source
            else UNATTRIBUTED,
            kind=_escaped("kind", claim.kind, KINDS),
            state=state,
            state_label=state_label,
            verdict=VERDICT.format(escape(verdict.colour), escape(verdict.label))
            if verdict
            else NONE,
            assignee=escape(str(claim.assignee)) if claim.assignee else "—",
            due=format_date(claim.due_date, "j M") if claim.due_date else "—",
            priority=priority,
            priority_label=priority_label,
            article_url=escape(claim.article.get_absolute_url()),
            headline=escape(clip(claim.article.headline, 90)),
        )
    )
