"""The claim queue: tabs, filters, search, sorting, pagination and bulk actions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from claims import selectors, services
from claims.forms import (
    BulkActionForm,
)


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def claim_queue(request):
    query = selectors.QueueQuery.from_params(request.GET)
    context = {
        "query": query,
        "page": selectors.queue_page(request.user, query),
        "tabs": [
            (key, label, count)
            for (key, label), count in zip(
                selectors.TABS.items(), selectors.tab_counts(request.user).values(), strict=True
            )
        ],
        "choices": selectors.filter_choices(),
        "bulk_form": BulkActionForm(),
        "sorts": selectors.SORTS,
    }
    template = "claims/claim_queue.html"
    if request.htmx and request.htmx.target == "queue-results":
        template += "#queue-results"
    return render(request, template, context)


@require_POST
def claim_bulk(request):
    form = BulkActionForm(request.POST)
    back = request.POST.get("next") or reverse("claim_queue")
    # Only a path on this site: "//evil.example/" starts with "/" but leaves it.
    if not url_has_allowed_host_and_scheme(back, allowed_hosts=None) or not back.startswith("/"):
        back = reverse("claim_queue")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    claims, action = form.cleaned_data["claims"], form.cleaned_data["action"]
    if action == "assign":
        assignee = form.cleaned_data["assignee"]
        done, refused = services.bulk_apply(
            claims, lambda c: services.assign_claim(c, assignee, actor=request.user)
        )
        verb = f"Assigned to {assignee}"
    else:
        done, refused = services.bulk_apply(
            claims, lambda c: services.transition(c, "dismiss", actor=request.user)
        )
        verb = "Dismissed"
    if done:
        messages.success(request, f"{verb}: {done} claim{'s' if done != 1 else ''}.")
    for message in refused[:10]:
        messages.error(request, message)
    if len(refused) > 10:
        messages.error(request, f"…and {len(refused) - 10} more refused.")
    return redirect(back)
