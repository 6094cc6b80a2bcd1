"""{% form_field %} writes what the project's field.html template wrote, for every kind of field."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from claims.forms import CommentForm, CorrectClaimForm, EvidenceForm, VerdictForm

# templates/field.html as it was (every form field of the desk was included through it).
FIELD_HTML = (
    '<div class="field{% if field.errors %} has-errors{% endif %}">\n'
    '  {% if field.field.widget.input_type == "checkbox" %}<label>{{ field }} {{ field.label'
    " }}</label>{% else %}\n"
    '  <label for="{{ field.id_for_label }}">{{ field.label }}{% if field.field.required %}'
    " *{% endif %}</label>\n"
    "  {{ field }}{% endif %}\n"
    '  {% if field.help_text %}<small class="help">{{ field.help_text }}</small>{% endif %}\n'
    '  {% for error in field.errors %}<p class="error" role="alert">{{ error }}</p>{% endfor'
    " %}\n"
    "</div>\n"
)


class Kinds(forms.Form):
    name = forms.CharField(label='Name <& "quotes">', help_text="Help & <b>more</b>")
    lazy = forms.CharField(label=gettext_lazy("Summary"), required=False)
    safe = forms.CharField(label=mark_safe("<em>Safe</em>"), help_text=mark_safe("<i>ok</i>"))
    notes = forms.CharField(widget=forms.Textarea, required=False)
    menu = forms.ChoiceField(choices=[("", "Choose…"), ("a", "A")])
    agree = forms.BooleanField(label="I agree <now>", help_text="Tick it")
    optional_box = forms.BooleanField(required=False)
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)


def both(field):
    ours = Template("{% load form_fields %}{% form_field field %}").render(
        Context({"field": field})
    )
    theirs = Template(FIELD_HTML).render(Context({"field": field}))
    return ours, theirs


@pytest.mark.parametrize("auto_id", ["id_%s", False])
@pytest.mark.parametrize("data", [None, {}, {"name": "x", "menu": "zz", "agree": "on"}])
def test_form_field_writes_what_field_html_wrote(data, auto_id):
    form = Kinds(data, auto_id=auto_id)
    for field in form:
        ours, theirs = both(field)
        assert ours == theirs, field.name


@pytest.mark.django_db
def test_the_claim_page_fields_come_out_the_same():
    for form in (
        CommentForm(),
        EvidenceForm(),
        VerdictForm(),
        CorrectClaimForm(),
        EvidenceForm({}),
    ):
        for field in form:
            ours, theirs = both(field)
            assert ours == theirs, field.name


@pytest.mark.parametrize("form_class", ["ArticleUploadForm", "ArticleDetailsForm", "EvidenceForm"])
def test_a_web_address_without_https_is_not_refused_by_the_browser(form_class):
    """The fields add https:// themselves (assume_scheme), but type="url" made the browser refuse
    "news.example.org/budget" with "Please enter a URL" before the form was sent."""
    from claims import forms as desk_forms

    field = getattr(desk_forms, form_class)()["url"]

    assert 'type="text"' in str(field) and 'inputmode="url"' in str(field)
    assert field.field.clean("news.example.org/budget") == "https://news.example.org/budget"
