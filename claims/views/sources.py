"""Sources (speakers): the list, one speaker's record, and merging two records into one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from claims import selectors, services
from claims.forms import SourceMergeForm
from claims.models import Claim, Source
from claims.permissions import user_can
from claims.services import WorkflowError


@require_GET
def source_list(request):
    page = selectors.sources_page(request.GET.get("page"))
    return render(request, "claims/source_list.html", {"page": page})


@require_GET
def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    context = {"source": source, **selectors.source_page(source)}
    if user_can(request.user, "merge_sources"):
        context["merge_form"] = SourceMergeForm(source=source)
    return render(request, "claims/source_detail.html", context)


@require_http_methods(["GET", "POST"])
def source_merge(request, pk):
    """GET: confirm folding the chosen source into this one. POST: do it (editors)."""
    if not user_can(request.user, "merge_sources"):
        raise PermissionDenied("Only editors can merge sources.")
    keep = get_object_or_404(Source, pk=pk)
    form = SourceMergeForm(request.POST or request.GET, source=keep)
    if not form.is_valid():
        messages.error(request, "Choose the source to merge into this one.")
        return redirect(keep)
    other = form.cleaned_data["other"]
    if request.method == "POST":
        try:
            moved = services.merge_sources(keep, other, actor=request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                f"Merged “{other.name}” into “{keep.name}”: "
                f"{moved} claim{'s' if moved != 1 else ''} moved.",
            )
        return redirect(keep)
    return render(
        request,
        "claims/source_merge.html",
        {
            "keep": keep,
            "other": other,
            "aliases": services.merged_aliases(keep, other),
            "claim_count": other.claims.count(),
            # An editor approved their speaker with their verdict: the merge changes it.
            "approved_count": other.claims.filter(state__in=Claim.APPROVED_STATES).count(),
        },
    )
