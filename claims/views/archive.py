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

SKIPPED_SHOWN = 20


@require_GET
def archive_list(request):
    page = selectors.fact_checks_page(request.GET.get("page"))
    form = ArchiveImportForm() if user_can(request.user, "upload") else None
    return render(request, "claims/archive_list.html", {"page": page, "form": form})


@require_POST
@takes_file(services.archive.MAX_BYTES)
def archive_import(request):
    if not user_can(request.user, "upload"):
        raise PermissionDenied("Only editors can import fact-checks.")
    form = ArchiveImportForm(request.POST, request.FILES)
    if not form.is_valid():
        page = selectors.fact_checks_page(None)
        return render(request, "claims/archive_list.html", {"page": page, "form": form})
    upload = form.cleaned_data["file"]
    if upload.size > services.archive.MAX_BYTES:
        messages.error(request, "The file is larger than 50 MB: split the feed.")
        return redirect("archive_list")
    try:
        report = services.import_fact_checks(upload.read(), user=request.user)
    except services.WorkflowError as exc:
        messages.error(request, f"{upload.name}: {exc}")
        return redirect("archive_list")
    messages.success(request, f"{upload.name}: {report.summary()}")
    for where, reason in report.skipped[:SKIPPED_SHOWN]:
        messages.warning(request, f"{where.capitalize()}: {reason}.")
    if len(report.skipped) > SKIPPED_SHOWN:
        messages.warning(request, f"… and {len(report.skipped) - SKIPPED_SHOWN} more skipped.")
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
