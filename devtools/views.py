"""The bench's floor: the cheapest page the desk could serve for the queue's first page."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from claims import pagination, selectors
from claims.models import Claim


def floor(request):
    """The queue's first page of claims with their source, article and assignee, in one query,
    in a plain table: the same middleware and login as every page, nothing else. `make bench`
    divides every page's time by this one's."""
    query = selectors.QueueQuery()
    claims = Claim.objects.filter(selectors.tab_filter(query.tab, request.user)).select_related(
        "source", "article", "assignee"
    )
    rows = pagination.order_by(claims, selectors.queue_order(query))[: settings.QUEUE_PAGE_SIZE]
    # No request in the context, so no context processors: the floor pays for none of the desk's.
    return HttpResponse(render_to_string("devtools/floor.html", {"claims": rows}))
