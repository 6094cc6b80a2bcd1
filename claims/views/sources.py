"""Sources (speakers): the list and one speaker's record."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims import selectors
from claims.models import Source


@require_GET
def source_list(request):
    page = selectors.page_of(selectors.sources_list(), request.GET.get("page"), 100)
    return render(request, "claims/source_list.html", {"page": page})


@require_GET
def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    return render(
        request, "claims/source_detail.html", {"source": source, **selectors.source_page(source)}
    )
