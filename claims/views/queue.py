"""The claim queue: tabs, saved views, filters, search, sorting, pagination and bulk actions."""

import time

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from claims import selectors, services
from claims.forms import BulkActionForm, SavedViewForm
from claims.ids import parse_id
from claims.models import BulkAction, SavedView
from claims.search.suggestions import did_you_mean
from claims.services import WorkflowError
from claims.views.claim import page_claim, peek_context


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def claim_queue(request):
    query = selectors.QueueQuery.from_params(request.GET, selectors.default_tab(request.user))
    saved = selectors.saved_views_for(request.user)
    tab_counts, view_counts = selectors.tab_counts(request.user, saved)
    lookups = selectors.DeskLookups.read()
    choices = selectors.filter_choices(lookups)
    context = {
        "query": query,
        # Without filters or search the list is the tab itself: its count is already known.
        "page": selectors.queue_page(
            request.user,
            query,
            request.GET,
            count=None if query.q or query.filters else tab_counts[query.tab],
            lookups=lookups,
        ),
        "tabs": [(key, label, tab_counts[key]) for key, label in selectors.TABS.items()],
        "saved_views": [(view, view_counts[view.pk]) for view in saved],
        "deletable_views": [view for view in saved if services.can_delete_view(view, request.user)],
        "current_params": query.params(),
        "active_view": next((v for v in saved if v.params == query.params()), None),
        "choices": choices,
        "filter_links": selectors.filter_links(query, choices),
        "claim_sorts": selectors.CLAIM_SORTS,
        "bulk_form": BulkActionForm(user=request.user),
        "save_form": SavedViewForm(initial={"params": query.params()}),
        "undoable": _undoable(request),
    }
    context.update(_suggestion(query, context["page"]))
    template = "claims/claim_queue.html"
    if request.htmx and request.htmx.target == "queue-results":
        template += "#queue-results"
    else:
        context.update(_peek(request, query))
    return render(request, template, context)


def _suggestion(query, page):
    """ "Did you mean …?" for a search that finds no claims (a search that finds some keeps
    its query count: the queue's pages are pinned to it)."""
    if not query.q or page.rows:
        return {}
    suggestion = did_you_mean(query.q)
    if suggestion is None:
        return {}
    return {"suggestion": suggestion, "suggestion_params": query.params(q=suggestion.q)}


def _peek(request, query):
    """The claim open in the side panel (`peek` in the URL), so a reload or a shared link shows
    it again; nothing when there is none or it does not exist."""
    pk = parse_id(request.GET.get("peek"))
    if pk is None:
        return {}
    try:
        claim = page_claim(pk)
    except Http404:
        return {}
    return peek_context(request, claim, query.params())


def _undoable(request):
    """The user's last bulk change, kept in the session so the queue needs no query for it."""
    last = request.session.get("last_bulk")
    if last and time.time() - last["at"] < services.UNDO_WINDOW_SECONDS:
        return last
    return None


def _back(request):
    """Where to return after a POST from the queue: a path on this site, else the queue."""
    back = request.POST.get("next") or reverse("claim_queue")
    # "//evil.example/" starts with "/" but leaves the site.
    if not url_has_allowed_host_and_scheme(back, allowed_hosts=None) or not back.startswith("/"):
        back = reverse("claim_queue")
    return back


def _report(request, done_message, refused):
    if done_message:
        messages.success(request, done_message)
    for message in refused[:10]:
        messages.error(request, message)
    if len(refused) > 10:
        messages.error(request, f"…and {len(refused) - 10} more refused.")


@require_POST
def claim_bulk(request):
    """A bulk change: first a confirmation that states the count, then the change itself."""
    form = BulkActionForm(request.POST, user=request.user)
    back = _back(request)
    if not form.is_valid():
        _report(request, None, [error for errors in form.errors.values() for error in errors])
        return redirect(back)
    data = form.cleaned_data
    if not data["confirmed"]:
        claims, left = [], []
        for claim in data["claims"].select_related("source", "article", "verdict", "assignee"):
            refusal = services.bulk_refusal(
                claim, data["action"], actor=request.user, assignee=data["assignee"],
                reason=data["reason"],
            )  # fmt: skip
            if refusal:
                left.append((claim, refusal))
            else:
                claims.append(claim)
        return render(
            request,
            "claims/bulk_confirm.html",
            {
                "form": form,
                "claims": claims,
                "left": left,
                "selected": len(claims) + len(left),
                "question": services.bulk_question(data["action"], len(claims), data["assignee"]),
                "back": back,
            },
        )
    try:
        bulk, done, refused = services.bulk_change(
            data["claims"],
            data["action"],
            actor=request.user,
            assignee=data["assignee"],
            reason=data["reason"],
            versions=data["versions"],
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    _report(request, bulk.description + "." if bulk else None, refused)
    if bulk:
        request.session["last_bulk"] = {
            "id": bulk.pk,
            "description": bulk.description,
            "at": time.time(),
        }
    if not bulk and not refused:
        messages.info(request, "Nothing changed: the selected claims were already like that.")
    return redirect(back)


@require_POST
def bulk_undo(request, pk):
    bulk = get_object_or_404(BulkAction, pk=pk)
    request.session.pop("last_bulk", None)
    try:
        done, kept = services.undo_bulk(bulk, actor=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        kept_note = f" {kept} changed by someone since were left as they are." if kept else ""
        messages.success(request, f"Undone “{bulk.description}”: {done} restored.{kept_note}")
    return redirect(_back(request))


@require_POST
def saved_view_create(request):
    form = SavedViewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the view a name (up to 100 characters).")
        return redirect(_back(request))
    try:
        view = services.save_view(user=request.user, **form.cleaned_data)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect(_back(request))
    if view.replaced is not None:
        earlier = reverse("claim_queue") + (f"?{view.replaced}" if view.replaced else "")
        messages.warning(
            request,
            f"Replaced your view “{view.name}”: it showed {earlier}, now it shows these filters.",
        )
    else:
        messages.success(request, f"Saved the view “{view.name}”.")
    return redirect(view.get_absolute_url())


@require_POST
def saved_view_delete(request, pk):
    view = get_object_or_404(SavedView, pk=pk)
    try:
        services.delete_view(view, user=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Deleted the view “{view.name}”.")
    return redirect("claim_queue")
