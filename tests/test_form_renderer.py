"""The form renderer writes the same HTML as Django's widget templates, faster."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from claims.forms import (
    AssignForm,
    CorrectClaimForm,
    EvidenceForm,
    LinkEvidenceForm,
    RejectForm,
    ScheduleForm,
    VerdictForm,
)
from newsroom.form_renderer import FAST, FormRenderer


class Everything(forms.Form):
    text = forms.CharField(
        initial='a "quoted" <b>value</b> & more',
        widget=forms.TextInput(attrs={"placeholder": 'Say <it> & "so"', "autofocus": True}),
    )
    hidden = forms.IntegerField(initial=0, widget=forms.HiddenInput)
    empty = forms.CharField(required=False)
    number = forms.IntegerField(initial=12345, required=False)
    url = forms.URLField(
        initial="https://example.org/?a=1&b=<2>", required=False, assume_scheme="https"
    )
    email = forms.EmailField(required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search"}), required=False)
    date = forms.DateField(initial=datetime.date(2026, 12, 6), required=False)
    notes = forms.CharField(
        initial="line 1\n<line 2> & 3", widget=forms.Textarea(attrs={"rows": 2})
    )
    blank_notes = forms.CharField(required=False, widget=forms.Textarea)
    menu = forms.ChoiceField(
        initial="b&c",
        choices=[("", "Choose…"), ("a", "A <1>"), ("b&c", mark_safe("<em>B</em>")), (3, 3)],
        widget=forms.Select(attrs={"data-x": mark_safe("<safe>"), "disabled": False}),
    )
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("x", "X & Y")],
        required=False,
    )
    many = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two")], initial=[2])
    radio = forms.ChoiceField(
        choices=[("a", "A <1>"), ("b", mark_safe("<em>B</em>"))],
        initial="b",
        widget=forms.RadioSelect(attrs={"class": "kinds"}),
    )
    grouped_radio = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("x", "X & Y")],
        required=False,
        widget=forms.RadioSelect,
    )
    boxes = forms.MultipleChoiceField(
        choices=[(1, "one"), (2, "two")], widget=forms.CheckboxSelectMultiple
    )


def _django_html(form):
    form.renderer = DjangoTemplates()
    return [str(field) for field in form]


def _our_html(form):
    form.renderer = FormRenderer()
    return [str(field) for field in form]


@pytest.mark.parametrize("auto_id", ["id_%s", False])
@pytest.mark.parametrize("bound", [False, True])
def test_it_writes_what_django_writes(bound, auto_id):
    data = {"text": "typed <x>", "menu": "a", "many": ["1", "2"], "notes": ""} if bound else None
    ours, django = Everything(data, auto_id=auto_id), Everything(data, auto_id=auto_id)
    assert _our_html(ours) == _django_html(django)


@pytest.mark.django_db
def test_the_claim_page_forms_come_out_the_same(claim):
    version = {"version": 3, "seen": datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)}
    forms_ = [
        AssignForm(initial=version),
        VerdictForm(initial=version),
        ScheduleForm(initial={**version, "priority": 2}),
        EvidenceForm(),
        LinkEvidenceForm(claim=claim),
        CorrectClaimForm(initial={**version, "kind": claim.kind}),
        RejectForm(initial=version),
    ]
    for form in forms_:
        assert _our_html(form) == _django_html(form)


def test_it_leaves_other_templates_to_django(monkeypatch):
    rendered = []

    def django_render(self, template_name, context, request=None):
        rendered.append(template_name)
        return ""

    monkeypatch.setattr(DjangoTemplates, "render", django_render)
    _our_html(Everything())
    assert rendered == ["django/forms/widgets/checkbox_select.html"]
    assert not set(rendered) & set(FAST)


def test_it_is_the_forms_renderer():
    assert isinstance(Everything().renderer, FormRenderer)
