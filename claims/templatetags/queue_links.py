"""Links within the queue: each URL names each parameter once.

{% query_params query "tab" key %}     this query with the tab changed
{% query_params query key "" %}        ... with a filter removed
{% sort_params query "score" %}        ... sorted by score (again: the other way)
{% sort_link query "score" "Score" %}   the link to that, marked when the queue is sorted so
{% sort_header query "score" "Score" %} that link in its column's header
{% filter_link_items links %}          a filter's links in the sidebar (selectors.filter_links)
"""

from html import escape

from django import template
from django.template.base import render_value_in_context
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def query_params(query, *pairs):
    """The query's URL parameters with the (name, value) pairs changed; "" removes one."""
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("query_params takes names and values in pairs.")
    names, values = pairs[::2], pairs[1::2]
    changes = {str(n): (v if v != "" else None) for n, v in zip(names, values, strict=True)}
    return query.params(**changes)


@register.simple_tag
def sort_params(query, key):
    """The query sorted by `key`; when it already is, the other way round."""
    descending = query.sort == key and not query.descending
    return query.params(o=("-" if descending else "") + key)


@register.simple_tag
def sort_link(query, key, label):
    """A sort link; the one in use is marked current, with its direction's arrow. A tag, not
    an included template: the queue has nine, and including them took about 1 ms."""
    if query.sort != key:
        return format_html('<a href="?{}">{}</a>', sort_params(query, key), label)
    arrow = "▲" if query.descending else "▼"
    return format_html(
        '<a href="?{}" aria-current="true">{} {}</a>', sort_params(query, key), label, arrow
    )


@register.simple_tag
def sort_header(query, key, label):
    """A column's header with its sort link; the sorted column says which way (aria-sort)."""
    direction = ""
    if query.sort == key:
        direction = format_html(
            ' aria-sort="{}"', "descending" if query.descending else "ascending"
        )
    return format_html(
        '<th class="sort-{}"{}>{}</th>', key, direction, sort_link(query, key, label)
    )


def _printed(value, context):
    """`{{ value }}`: a plain str is only escaped (as Django's escape does); anything else goes
    through the template's own printing."""
    return escape(value) if type(value) is str else render_value_in_context(value, context)


@register.simple_tag(takes_context=True)
def filter_link_items(context, links):
    """The <li>s of one filter's links, as the template's loop wrote them: its 100 links took the
    queue page some 5,000 Python calls through template lookups, 1,300 this way."""
    return mark_safe(
        "".join(
            LINK_ITEM.format(
                _printed(params, context), CURRENT if chosen else "", _printed(label, context)
            )
            for label, params, chosen in links
        )
    )


LINK_ITEM = '<li><a href="?{}"{}>{}</a></li>\n      '
CURRENT = ' aria-current="true"'
