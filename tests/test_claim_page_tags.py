"""The claim page's evidence list, written by {% evidence_item %}, says what the template said."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone

from claims.models import Claim, ClaimEvidence, Evidence

# The list item as the claim page's template wrote it before the tag.
TEMPLATE_ITEM = (
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
    "{{ link.created_at|timesince }} ago</small>\n"
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
