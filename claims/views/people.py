"""The people of the desk, for the comment box's @mention menu."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from claims import selectors
from claims.people import display_name


@require_GET
def people_search(request):
    """Desk members whose username or name starts with `q`: [{"username", "name"}]."""
    people = selectors.people_matching(request.GET.get("q", "")[:50])
    return JsonResponse(
        {"people": [{"username": p.get_username(), "name": display_name(p)} for p in people]}
    )
