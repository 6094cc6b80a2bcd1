from django.contrib import admin
from django.db import models

from claims.models import (
    ApiToken,
    Article,
    Claim,
    ClaimEvent,
    ClaimEvidence,
    Evidence,
    Notification,
    SavedView,
    Source,
    Verdict,
    WebhookDelivery,
    WebhookEndpoint,
)


class DeskAdmin(admin.ModelAdmin):
    """The admin's pages of the desk's models: a URL typed without a scheme is https, as in
    the desk's own forms."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Article)
class ArticleAdmin(DeskAdmin):
    list_display = [
        "headline",
        "outlet",
        "format",
        "status",
        "progress",
        "uploaded_by",
        "created_at",
    ]
    list_filter = ["status", "format", "outlet"]
    search_fields = ["headline", "outlet", "author", "url", "external_id"]
    date_hierarchy = "created_at"
    # The text is never edited in place (every claim's offsets refer to it, and a browser's
    # textarea would store it with CRLF line endings): a changed text is a new version,
    # uploaded on the article's page. The processing fields belong to the worker.
    readonly_fields = [
        "body",
        "content_hash",
        "upload_hash",
        "status",
        "progress",
        "extractor_version",
        "parsed_at",
        "lease",
        "heartbeat_at",
        "revision",
        "created_at",
        "updated_at",
        "processed_at",
        "enqueued_at",
        "queue",
    ]
    raw_id_fields = ["uploaded_by", "duplicate_of", "reviewed_by"]


@admin.register(Source)
class SourceAdmin(DeskAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "normalized_name"]


@admin.register(Verdict)
class VerdictAdmin(DeskAdmin):
    list_display = ["label", "slug", "rating_value", "colour", "order"]
    list_editable = ["rating_value", "colour", "order"]
    prepopulated_fields = {"slug": ["label"]}


class ClaimEvidenceInline(admin.TabularInline):
    model = ClaimEvidence
    extra = 0
    raw_id_fields = ["evidence", "added_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Claim)
class ClaimAdmin(DeskAdmin):
    """Claims are read here, not changed: a claim's state, assignee, verdict, evidence, spans and
    wording change in the desk, where the workflow checks each change and records it as an
    event (a state set here would skip both). Claims come from extraction or the desk."""

    list_display = ["text", "kind", "source", "state", "verdict", "assignee", "score", "article"]
    list_filter = ["state", "kind", "verdict", "assignee"]
    search_fields = ["text", "source_text", "article__headline"]
    list_select_related = ["source", "verdict", "assignee", "article"]
    raw_id_fields = ["article", "source", "assignee", "proposed_by"]
    inlines = [ClaimEvidenceInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Evidence)
class EvidenceAdmin(DeskAdmin):
    list_display = ["title", "kind", "public", "publisher", "url", "added_by", "created_at"]
    list_filter = ["kind", "public"]
    search_fields = ["title", "url", "excerpt", "publisher"]
    raw_id_fields = ["added_by"]
    # Shown on the public page or kept on the desk: switched on the claim page, which refuses
    # while a claim it serves is verified or published (what was approved is what is published).
    readonly_fields = ["public"]


@admin.register(ClaimEvent)
class ClaimEventAdmin(DeskAdmin):
    """The audit trail is append-only: it can be read here, not changed."""

    list_display = ["created_at", "claim", "actor", "action", "from_value", "to_value"]
    list_filter = ["action"]
    search_fields = ["text", "claim__text"]
    list_select_related = ["claim", "actor"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(DeskAdmin):
    list_display = ["created_at", "recipient", "kind", "claim", "actor", "seen_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient", "claim", "actor"]
    raw_id_fields = ["recipient", "claim", "actor"]


@admin.register(SavedView)
class SavedViewAdmin(DeskAdmin):
    """Queue views; a shared one whose filters no longer suit the desk can be deleted here."""

    list_display = ["name", "owner", "shared", "params", "created_at"]
    list_filter = ["shared"]
    search_fields = ["name", "params", "owner__username"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]


@admin.register(ApiToken)
class ApiTokenAdmin(DeskAdmin):
    """Tokens are made by their owners in the desk (the key is shown to them alone); here an
    administrator sees them and may revoke one (set "revoked at")."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at"]
    exclude = ["rate_window", "rate_count"]

    def has_add_permission(self, request):
        return False


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(DeskAdmin):
    list_display = ["url", "active", "failure_count", "created_by", "created_at"]
    list_filter = ["active"]
    raw_id_fields = ["created_by"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(DeskAdmin):
    list_display = ["created_at", "endpoint", "event", "status", "attempts", "last_status_code"]
    list_filter = ["status", "event"]
    list_select_related = ["endpoint"]
    raw_id_fields = ["endpoint"]
