"""Keyset pages for the API: the desk's own cursors (claims/pagination.py), never page numbers."""

from django.conf import settings

from claims.pagination import keyset_page


def page_size(limit):
    return max(1, min(limit or settings.API_PAGE_SIZE, settings.API_MAX_PAGE_SIZE))


def cursor_page(queryset, ordering, *, after=None, before=None, limit=None, count=None):
    """{"items", "count", "next_cursor", "previous_cursor"} of the page the cursors ask for."""
    page = keyset_page(
        queryset, ordering, {"after": after, "before": before}, page_size(limit), count
    )
    return {
        "items": page.rows,
        "count": {"value": page.count.value, "exact": page.count.exact},
        "next_cursor": page.next_cursor,
        "previous_cursor": page.previous_cursor,
    }
