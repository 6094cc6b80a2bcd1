"""The fact-check archive (list, import) and the site-wide search page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from claims import search, selectors, services
from claims.forms import ArchiveImportForm
from claims.permissions import user_can
from claims.search.suggestions import FEW, did_you_mean
from newsroom.request_size import takes_file


def _imports():
    imports = list(services.recent_imports())
    return {"imports": imports, "importing": any(not i.is_finished for i in imports)}


def _archive_page(request):
    context = {
        "page": selectors.fact_checks_page(request.GET.get("page")),
        "form": ArchiveImportForm() if user_can(request.user, "upload") else None,
        **_imports(),
    }
    return render(request, "claims/archive_list.html", context)


@require_GET
def archive_list(request):
    return _archive_page(request)


@require_GET
def archive_imports(request):
    """Polled by htmx while an import waits or runs; a finished list has no poller left."""
    return render(request, "claims/archive_list.html#archive-imports", _imports())


@require_POST
@takes_file(services.archive.MAX_BYTES)
def archive_import(request):
    if not user_can(request.user, "upload"):
        raise PermissionDenied("Only editors can import fact-checks.")
    form = ArchiveImportForm(request.POST, request.FILES)
    if not form.is_valid():  # said on the archive page: a reload there sends nothing again
        for error in form.errors.get("file", []) or form.non_field_errors():
            messages.error(request, f"Nothing was imported: {error}")
        return redirect("archive_list")
    upload = form.cleaned_data["file"]
    try:
        services.queue_import(upload, user=request.user)
    except services.WorkflowError as exc:
        messages.error(request, f"{upload.name}: {exc}")
        return redirect("archive_list")
    messages.success(request, f"“{upload.name}” is being imported: its report appears below.")
    return redirect("archive_list")


@require_GET
def site_search(request):
    q = search.normalise(request.GET.get("q", ""))
    results = search.site_search(q) if q else None
    # "-budget" alone only leaves words out: say what to add rather than "Nothing matches".
    only_excluded = bool(q) and search.fts5_query(q) is None
    context = {"q": q, "results": results, "only_excluded": only_excluded}
    if results is not None and sum(map(len, results.values())) < FEW:
        context["suggestion"] = did_you_mean(q)
    return render(request, "claims/search.html", context)
