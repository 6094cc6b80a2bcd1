"""The form renderer: Django's, with the plainest widget templates written in Python.

Django renders every widget through templates, and a select menu through one template include
per option (and another for each option's attributes). The claim page has ten menus with about
120 options and twenty inputs: that was about 300 includes and 10 ms of its 42 ms (profile_pages,
100k archive); its radio buttons (a claim's kind, three) took 0.29 ms, 0.04 ms now. The
functions below write the same bytes as Django's templates (select, its options, radio buttons,
inputs, textarea: tests/test_form_renderer.py compares them); any other template, and any of
these overridden by a project template, is rendered by Django as before.
"""

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
_CONTEXT = Context(autoescape=True)  # how `{{ value }}` prints a value: localised and escaped


def _value(value):
    """`{{ value }}`: a plain str is only escaped (no time zone or format applies to it)."""
    if type(value) is str:
        return escape(value)
    return render_value_in_context(value, _CONTEXT)


def _formatted(value):
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe string safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs):
    """django/forms/widgets/attrs.html."""
    out = []
    for name, value in attrs.items():
        if value is not False:
            out.append(" " + conditional_escape(name))
            if value is not True:
                out.append('="' + _formatted(value) + '"')
    return "".join(out)


def _input(widget):
    value = widget["value"]
    value = "" if value is None else ' value="' + _formatted(value) + '"'
    return (
        f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


def _option(option):
    # Included per option, the template's closing newline stays in the page.
    return (
        f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_value(option['label'])}</option>\n"
    )


def _select(widget):
    out = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{_value(group_name)}">')
        for option in options:
            if option["template_name"] != WIDGETS + "select_option.html":
                return None  # a widget with its own option template: Django renders it
            out.append("\n  " + _option(option))
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


def _radio_option(option):
    # input.html's, input_option.html's and radio_option.html's closing newlines stay in the page.
    label_for = f' for="{_value(option["attrs"]["id"])}"' if option["attrs"].get("id") else ""
    return f"<label{label_for}>{_input(option)}\n {_value(option['label'])}</label>\n\n"


def _radio(widget):
    """radio.html, through multiple_input.html and radio_option.html."""
    attrs = widget["attrs"]
    out = ["<div"]
    if attrs.get("id"):
        out.append(f' id="{_value(attrs["id"])}"')
    if attrs.get("class"):
        out.append(f' class="{_value(attrs["class"])}"')
    out.append(">")
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            out.append(f"\n  <div><label>{_value(group_name)}</label>")
        for option in options:
            if option["template_name"] != WIDGETS + "radio_option.html" or not option["wrap_label"]:
                return None  # a widget with its own option template: Django renders it
            out.append("<div>\n    " + _radio_option(option) + "</div>")
        if group_name:
            out.append("\n  </div>")
    out.append("\n</div>")
    return "".join(out)


def _textarea(widget):
    value = _value(widget["value"]) if widget["value"] else ""
    name = _value(widget["name"])
    return f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


FAST = {
    WIDGETS + "select.html": _select,
    WIDGETS + "textarea.html": _textarea,
    WIDGETS + "radio.html": _radio,
    **{
        f"{WIDGETS}{name}.html": _input
        for name in ("input", "text", "hidden", "number", "email", "url", "search", "date")
    },
}


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        fast = FAST.get(template_name)
        html = fast(context["widget"]) if fast and set(context) == {"widget"} else None
        if html is None:
            return super().render(template_name, context, request)
        return html
