"""The queue's rows and filter links, written in Python, say what they said before: a row with
every value escaped where it is written, and the links as the template's loop wrote them."""

import datetime
from html import escape

from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils.safestring import mark_safe

from claims.models import Article, Claim, Source, Verdict
from claims.templatetags import queue_rows

ODD = ["", "a<b", 'say "no" & go']


def row_values_before(claim):
    """What the row wrote for a claim's kind, state and priority before they were escaped once."""
    return (
        escape(queue_rows.KINDS.get(claim.kind, claim.kind)),
        escape(claim.state),
        escape(queue_rows.STATES.get(claim.state, claim.state)),
        escape(str(claim.priority)),
        escape(str(queue_rows.PRIORITIES.get(claim.priority, claim.priority))),
    )


def test_a_row_escapes_kinds_states_and_priorities_as_before():
    article = Article(pk=5, headline="Budget <day> & more")
    people = [None, get_user_model()(pk=4, username="o'brien")]
    for n, (kind, state, priority) in enumerate(
        (k, s, p)
        for k in [*queue_rows.KINDS, *ODD]
        for s in [*queue_rows.STATES, *ODD]
        for p in [*queue_rows.PRIORITIES, 7, *ODD]
    ):
        claim = Claim(
            pk=n + 1, kind=kind, state=state, priority=priority, text="A <claim>", score=0.5
        )
        claim.article = article
        claim.source = Source(pk=3, name="Dr <Who>") if n % 2 else None
        claim.verdict = Verdict(pk=2, label="Half", colour="#abc") if n % 3 else None
        claim.assignee = people[n % 2]
        claim.due_date = datetime.date(2026, 12, 20) if n % 4 else None
        row = queue_rows.queue_row(claim, "tab=all&q=x", n % 2)
        kind_label, state_value, state_label, priority_value, priority_label = row_values_before(
            claim
        )
        assert f"· {kind_label}</span></td>" in row
        assert f'<span class="badge state-{state_value}">{state_label}</span>' in row
        assert f'<span class="priority priority-{priority_value}">{priority_label}</span>' in row


LOOP = (
    "{% for label, params, chosen in links %}"
    '<li><a href="?{{ params }}"{% if chosen %} aria-current="true"{% endif %}>{{ label }}</a>'
    "</li>\n      {% endfor %}"
)


def test_filter_links_are_written_as_the_template_wrote_them():
    links = [
        ("All", "tab=all&q=a<b", True),
        ('Mayor "Diaz" & co', "tab=all&source=3", False),
        (mark_safe("<b>safe</b>"), mark_safe("a=1&amp;b=2"), False),
        (1234567, "tab=mine", True),
        (datetime.date(2026, 12, 20), "x='y'", False),
    ]
    context = Context({"links": links})

    ours = Template("{% load queue_links %}{% filter_link_items links %}").render(context)

    assert ours == Template(LOOP).render(context)
