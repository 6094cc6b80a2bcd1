"""The claim page's evidence list and history, written by {% evidence_item %} and
{% history_entry %}, say what their templates said."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, ClaimEvent, ClaimEvidence, CommentRevision, Evidence, detail_url

# The list item as the claim page's template wrote it before the tag.
TEMPLATE_ITEM = (
    "{% load desk_format %}"
    '<li><span class="badge stance-{{ link.stance }}">{{ link.get_stance_display }}</span>\n'
    '        {% if link.evidence.url %}<a href="{{ link.evidence.url }}" '
    'rel="noopener noreferrer" target="_blank">{{ link.evidence.title }}</a>'
    "{% else %}{{ link.evidence.title }}{% endif %}\n"
    '        <span class="badge visibility{% if not link.evidence.public %} private{% endif %}" '
    'title="{% if link.evidence.public %}Listed on the public page and in the ClaimReview'
    '{% else %}Not listed on the public page or in the ClaimReview{% endif %}">'
    "{% if link.evidence.public %}public{% else %}desk only{% endif %}</span>\n"
    '        {% if link.evidence.publisher %}<span class="muted">· {{ link.evidence.publisher }}'
    "</span>{% endif %}\n"
    "        {% if can_edit_evidence %}"
    "{% url 'claim_evidence_public' claim.pk link.pk as post_url %}"
    '<form method="post" action="{{ post_url }}" hx-post="{{ post_url }}" hx-target="#claim-panel"'
    ' hx-swap="outerHTML" class="inline">{% csrf_token %}<input type="hidden" name="public" '
    'value="{{ link.evidence.public|yesno:\'0,1\' }}"><button class="link small">'
    "{% if link.evidence.public %}Keep on the desk{% else %}Show publicly{% endif %}</button>"
    "</form>{% endif %}\n"
    "        {% if link.evidence.excerpt %}<blockquote>{{ link.evidence.excerpt|linebreaksbr }}"
    "</blockquote>{% endif %}\n"
    '        <small class="muted">added by {{ link.added_by|default:"—" }} '
    "{{ link.created_at|ago }}</small>\n"
    "        {% if can_edit_evidence %}"
    "{% url 'claim_unlink_evidence' claim.pk link.pk as post_url %}"
    '<form method="post" action="{{ post_url }}" hx-post="{{ post_url }}" hx-target="#claim-panel"'
    ' hx-swap="outerHTML" hx-confirm="Unlink this evidence from the claim?" class="inline">'
    '{% csrf_token %}<button class="link small">Unlink</button></form>{% endif %}\n'
    "      </li>"
)


def _link(alice, **evidence):
    created = timezone.now() - datetime.timedelta(days=3, hours=2)
    return ClaimEvidence(
        pk=7,
        stance=ClaimEvidence.Stance.REFUTES,
        evidence=Evidence(pk=3, **evidence),
        added_by=alice,
        created_at=created,
    )


CASES = {
    "public, with everything": {
        "title": 'Budget <2026> & "notes"',
        "url": "https://example.org/a?b=1&c=<2>",
        "publisher": "City & Co",
        "excerpt": "Line one <b>\nLine two & three",
        "public": True,
    },
    "desk only, bare": {
        "title": "A call",
        "url": "",
        "publisher": "",
        "excerpt": "",
        "public": False,
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("can_edit", [True, False])
@pytest.mark.parametrize("by_someone", [True, False])
def test_evidence_item_writes_what_the_template_wrote(alice, case, can_edit, by_someone):
    link = _link(alice if by_someone else None, **CASES[case])
    context = {
        "link": link,
        "claim": Claim(pk=42),
        "can_edit_evidence": can_edit,
        "csrf_token": "tok<en>",
    }

    ours = Template("{% load claim_page %}{% evidence_item link %}").render(Context(context))

    assert ours == Template(TEMPLATE_ITEM).render(Context(context))


@pytest.mark.django_db
def test_evidence_added_a_moment_ago_says_just_now_not_0_minutes_ago(alice):
    link = _link(alice, title="A call", url="", publisher="", excerpt="", public=False)
    link.created_at = timezone.now()
    context = {"link": link, "claim": Claim(pk=42), "can_edit_evidence": False}

    item = Template("{% load claim_page %}{% evidence_item link %}").render(Context(context))

    assert "added by alice just now</small>" in item
    assert "0\xa0minutes" not in item


# One entry of claims/claim_history.html as the template wrote it before the tag.
TEMPLATE_ENTRY = (
    '<li class="event-{{ event.action }}"><strong>{{ event.actor|default:"system"'
    " }}</strong>\n"
    '    {% if event.action == "comment" %}commented{% if event.edited_at %} <span'
    ' class="muted">(edited)</span>{% endif %}{% if event.resolved_at %} <span'
    ' class="badge resolved">resolved by {{ event.resolved_by|default:"someone"'
    " }}</span>{% endif %}:\n"
    '    <div class="comment{% if event.resolved_at %} resolved{% endif %}">{{'
    " event.text|comment_html }}</div>\n"
    "    {% if event.edited_at %}{% with revisions=event.revisions.all %}{% if revisions"
    ' %}<details class="revisions"><summary>Earlier versions ({{ revisions|length'
    ' }})</summary><ol class="plain">{% for revision in revisions %}<li><div'
    ' class="comment">{{ revision.text|comment_html }}</div><small'
    ' class="muted">replaced {{ revision.created_at|date:"j M Y H:i" }}</small></li>{%'
    " endfor %}</ol></details>{% endif %}{% endwith %}{% endif %}\n"
    '    {% if can_comment %}<div class="comment-actions">\n'
    "      {% if event.actor_id == user.pk %}<details"
    ' class="edit-comment"><summary>Edit</summary>\n'
    "        {% url 'claim_comment_edit' claim.pk event.pk as post_url %}<form"
    ' method="post" action="{{ post_url }}" hx-post="{{ post_url }}" hx-target="{{ panel'
    ' }}" hx-swap="outerHTML" class="form">\n'
    '          {% csrf_token %}<label class="visually-hidden" for="edit-comment-{{'
    ' event.pk }}">Comment</label><textarea name="text" id="edit-comment-{{ event.pk }}"'
    ' rows="2" required data-mentions="{% url \'people_search\' %}">{{ event.text }}</textarea>\n'
    '          <button class="button small">Save</button>\n'
    "        </form></details>{% endif %}\n"
    "      {% url 'claim_comment_resolve' claim.pk event.pk as post_url %}<form"
    ' method="post" action="{{ post_url }}" hx-post="{{ post_url }}" hx-target="{{ panel'
    ' }}" hx-swap="outerHTML" class="inline">{% csrf_token %}<input type="hidden"'
    ' name="resolved" value="{{ event.resolved_at|yesno:\'0,1\' }}"><button class="link'
    ' small">{% if event.resolved_at %}Reopen{% else %}Resolve{% endif'
    " %}</button></form>\n"
    "    </div>{% endif %}\n"
    "    {% else %}{% event_sentence event %}{% endif %}\n"
    "    {% event_time event.created_at %}</li>"
)

Action = ClaimEvent.Action
EVENTS = {
    "a comment": {"action": Action.COMMENT, "text": 'Line <one> & "two"\n@bob see this'},
    "an edited comment": {"action": Action.COMMENT, "text": "Now", "edited": True},
    "a resolved comment": {"action": Action.COMMENT, "text": "Done", "resolved_by": "carol"},
    "resolved by someone gone": {"action": Action.COMMENT, "text": "Done", "resolved_by": None},
    "a state change": {
        "action": Action.STATE, "from_value": "new", "to_value": "dismissed", "text": "Junk <b>",
    },
    "an assignment": {"action": Action.ASSIGNED, "from_value": "", "to_value": "bob & co"},
    "found by the system": {"action": Action.CREATED, "actor": None},
}  # fmt: skip


def _event(claim, people, action, actor="alice", edited=False, resolved_by="", **fields):
    moment = timezone.now() - datetime.timedelta(days=2, minutes=7)
    event = ClaimEvent.objects.create(claim=claim, action=action, actor=people.get(actor), **fields)
    if edited:
        event.edited_at = moment
        CommentRevision.objects.create(comment=event, text="First <draft>")
        CommentRevision.objects.create(comment=event, text="Second\ndraft")
    if resolved_by != "":
        event.resolved_at = moment
        event.resolved_by = people.get(resolved_by)
    event.save()
    return ClaimEvent.objects.prefetch_related("revisions").get(pk=event.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("case", EVENTS)
@pytest.mark.parametrize("can_comment", [True, False])
@pytest.mark.parametrize("viewer", ["alice", "bob"])
def test_history_entry_writes_what_the_template_wrote(
    settings, claim, alice, bob, carol, case, can_comment, viewer
):
    settings.TIME_ZONE = "America/New_York"  # times are the desk's, not UTC
    people = {"alice": alice, "bob": bob, "carol": carol}
    context = {
        "event": _event(claim, people, **EVENTS[case]),
        "claim": claim,
        "user": people[viewer],
        "can_comment": can_comment,
        "panel": "#claim-panel",
        "csrf_token": "tok<en>",
    }

    ours = Template("{% load history %}{% history_entry event %}").render(Context(context))

    theirs = Template("{% load desk_format history %}" + TEMPLATE_ENTRY).render(Context(context))
    assert ours == theirs


def test_detail_urls_are_the_reversed_paths():
    for pks in [(42,), (7,), (42, 7), (42, 9), (99, 99999), (7, 42), (10**18, 1)]:
        names = (
            ["claim_detail"]
            if len(pks) == 1
            else ["claim_comment_resolve", "claim_unlink_evidence"]
        )
        for name in names:
            assert detail_url(name, *pks) == reverse(name, args=pks)
