"""The desk's side of its integrations: personal API tokens, webhook endpoints with their
delivery log, and the public ClaimReview feed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import condition, require_GET, require_http_methods, require_POST

from claims import selectors
from claims.exports import claimreview
from claims.exports.claimreview import review_for_request
from claims.forms import ApiTokenForm, WebhookForm
from claims.models import ApiToken, Claim, WebhookDelivery, WebhookEndpoint
from claims.pagination import keyset_page
from claims.permissions import user_can
from claims.services import WorkflowError, tokens, webhooks

# --- API tokens -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """The user's tokens; a new one's key is shown on this response only, never again."""
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            token, new_key = tokens.create_token(request.user, form.cleaned_data["name"])
        except WorkflowError as exc:
            form.add_error("name", str(exc))
        else:
            form = ApiTokenForm()
            messages.success(request, f"Token “{token.name}” created: copy its key now.")
    response = render(
        request,
        "claims/api_tokens.html",
        {"form": form, "tokens": tokens.tokens_of(request.user), "new_key": new_key},
    )
    patch_cache_control(response, no_store=True)  # the key must not stay in any cache
    return response


@require_POST
def api_token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.revoke_token(token, actor=request.user)
    messages.success(request, f"Token “{token.name}” revoked: requests with it are refused.")
    return redirect("api_tokens")


# --- Webhooks -------------------------------------------------------------------------------------


def _require_webhooks(request):
    if not user_can(request.user, "manage_webhooks"):
        raise PermissionDenied("Only editors manage webhooks.")


@require_http_methods(["GET", "POST"])
def webhook_list(request):
    _require_webhooks(request)
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = webhooks.register_endpoint(actor=request.user, **form.cleaned_data)
        except WorkflowError as exc:
            form.add_error("url", str(exc))
        else:
            messages.success(request, "Endpoint registered: configure its secret in the receiver.")
            return redirect(endpoint)
    endpoints = WebhookEndpoint.objects.select_related("created_by")
    return render(request, "claims/webhook_list.html", {"form": form, "endpoints": endpoints})


@require_http_methods(["GET", "POST"])
def webhook_detail(request, pk):
    """The endpoint (its secret, events, state), a form to change it, and its delivery log."""
    _require_webhooks(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    initial = {"url": endpoint.url, "description": endpoint.description, "events": endpoint.events}
    form = WebhookForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            webhooks.update_endpoint(endpoint, actor=request.user, **form.cleaned_data)
        except WorkflowError as exc:
            form.add_error("url", str(exc))
        else:
            messages.success(request, "Endpoint saved.")
            return redirect(endpoint)
    deliveries = keyset_page(endpoint.deliveries.all(), ("-created_at", "-id"), request.GET, 50)
    return render(
        request,
        "claims/webhook_detail.html",
        {
            "endpoint": endpoint,
            "form": form,
            "page": deliveries,
            "statuses": WebhookDelivery.Status,
        },
    )


@require_POST
def webhook_test(request, pk):
    _require_webhooks(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    webhooks.send_test_event(endpoint, actor=request.user)
    messages.success(request, "Test event queued: it appears in the log below.")
    return redirect(endpoint)


@require_POST
def webhook_toggle(request, pk):
    _require_webhooks(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    active = request.POST.get("active") == "1"
    webhooks.set_endpoint_active(endpoint, active, actor=request.user)
    messages.success(request, "Endpoint switched on." if active else "Endpoint switched off.")
    return redirect(endpoint)


@require_POST
def webhook_delete(request, pk):
    _require_webhooks(request)
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    webhooks.delete_endpoint(endpoint, actor=request.user)
    messages.success(request, f"Endpoint {endpoint.url} deleted with its delivery log.")
    return redirect("webhook_list")


@require_POST
def webhook_resend(request, pk, delivery_pk):
    _require_webhooks(request)
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_pk, endpoint_id=pk)
    try:
        webhooks.resend(delivery, actor=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Delivery queued again.")
    return redirect("webhook_detail", pk=pk)


# --- The public ClaimReview feed ------------------------------------------------------------------

FEED_ORDER = ("-updated_at", "-id")


def _feed_modified(request):
    return Claim.objects.filter(state=Claim.State.PUBLISHED).aggregate(m=Max("updated_at"))["m"]


@login_not_required
@require_GET
@condition(last_modified_func=_feed_modified)
def claimreview_feed(request):
    """Every published claim's ClaimReview (the same JSON-LD as its public page) in a DataFeed,
    newest change first, FEED_PAGE_SIZE a page: the next page is in the Link header
    (rel="next"); `since` (ISO 8601) keeps what changed after that moment."""
    claims = selectors.published_claims()
    since = parse_datetime(request.GET.get("since", "")[:40])
    if since is not None and since.tzinfo is not None:
        claims = claims.filter(updated_at__gt=since)
    page = keyset_page(claims, FEED_ORDER, request.GET, settings.FEED_PAGE_SIZE)
    scale = claimreview.rating_scale()
    modified = _feed_modified(request)
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.ORGANISATION_NAME}: fact-checks",
        "url": request.build_absolute_uri(reverse("claimreview_feed")),
        "dateModified": modified.isoformat() if modified else None,
        "dataFeedElement": [
            {
                "@type": "DataFeedItem",
                "dateModified": claim.updated_at.isoformat(),
                "item": review_for_request(request, claim, scale)["data"],
            }
            for claim in page.rows
        ],
    }
    response = JsonResponse(feed, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    if page.next_cursor and not page.is_last:
        params = request.GET.copy()
        params.pop("before", None)
        params["after"] = page.next_cursor
        next_url = request.build_absolute_uri(f"{reverse('claimreview_feed')}?{params.urlencode()}")
        response["Link"] = f'<{next_url}>; rel="next"'
    patch_cache_control(response, public=True, max_age=300)
    return response
