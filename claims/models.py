"""The domain: articles, the claims extracted from them, who said them, and the checking work."""

import functools

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


@functools.cache
def _around_pk(name, count=1):
    """The fixed text around the ids of a URL (its <pk>, and the <pk> of an item of it: a
    claim's piece of evidence, a comment), found with one reverse()."""
    markers = [str(987654321 + n) for n in range(count)]
    rest = reverse(name, args=markers)
    pieces = []
    for marker in markers:
        before, rest = rest.split(marker)
        pieces.append(before)
    return (*pieces, rest)


def detail_url(name, *pks):
    """reverse(name, args=pks) without its cost (about 0.1 ms a call): list pages build
    hundreds of these links per request, the claim page one or two for each piece of evidence
    and comment."""
    pieces = _around_pk(name, len(pks))
    if len(pks) == 1:
        return f"{pieces[0]}{pks[0]}{pieces[1]}"
    return pieces[0] + "".join(f"{pk}{piece}" for pk, piece in zip(pks, pieces[1:], strict=True))


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    class Queue(models.TextChoices):
        """Where the extraction message went: fresh work, or re-extraction of the archive."""

        MAIN = "main", "Main (uploads and retries)"
        BACKGROUND = "background", "Background (re-extraction after an extractor upgrade)"

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        MARKDOWN = "markdown", "Markdown"
        HTML = "html", "HTML"
        DOCX = "docx", "Word (.docx)"
        PDF = "pdf", "PDF"

    headline = models.CharField(max_length=300)
    standfirst = models.TextField(blank=True)
    body = models.TextField(help_text="Normalised plain text; every claim offset refers to it.")
    original_file = models.FileField(upload_to="originals/%Y/%m/", blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.TEXT)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=10, default="en")
    content_hash = models.CharField(max_length=64, db_index=True)
    upload_hash = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="SHA-256 of the uploaded bytes."
    )
    parsed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the worker read the text out of the upload."
    )
    allow_duplicate = models.BooleanField(
        default=False, help_text="Keep it even if the same text is already here."
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(default=0)
    error_message = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=20, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # The run that holds the article (its task id) and when it last showed it is alive: the
    # sweeper re-enqueues only articles whose heartbeat stopped, and one run works at a time.
    lease = models.CharField(max_length=64, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    queue = models.CharField(
        max_length=10,
        choices=Queue.choices,
        default=Queue.MAIN,
        help_text="The task queue its latest extraction was sent to.",
    )
    processed_at = models.DateTimeField(null=True, blank=True)
    # An editor checked every claim (right ones kept, missed ones added, junk removed): the
    # article's claims are then gold data that measure the extractor.
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.PositiveIntegerField(
        default=1, help_text="Each new text of the article (uploaded as a new version) counts one."
    )
    # Sent through the API: the CMS's own id for the article, and the Idempotency-Key of the
    # request that created it. Either makes a retried request return this article, not a second.
    external_id = models.CharField(
        max_length=200, blank=True, help_text="The article's id in the newsroom's CMS."
    )
    idempotency_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~models.Q(external_id=""),
                name="unique_article_external_id",
            ),
            models.UniqueConstraint(
                fields=["uploaded_by", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="unique_article_idempotency_key",
            ),
        ]
        # The articles list, newest first: 17 → 0.1 ms at 10,000 articles (a sort of them all).
        indexes = [models.Index(fields=["-created_at", "-id"], name="article_recent")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return detail_url("article_detail", self.pk)

    @property
    def title(self):
        """The headline; until the worker has read the upload, its file name."""
        return self.headline or self.original_filename or "Pasted article"

    @property
    def is_read(self):
        """Its text is known: the worker read the upload (or the text was given as such)."""
        return self.parsed_at is not None or not self.original_file

    @property
    def is_finished(self):
        return self.status in (self.Status.READY, self.Status.FAILED)


class ArticleRevision(models.Model):
    """An earlier text of an article, kept when a new version was uploaded."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    original_file = models.FileField(upload_to="originals/%Y/%m/", blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_article_revision")
        ]

    def __str__(self):
        return f"{self.article} (version {self.number})"


class Source(models.Model):
    """A speaker, one record per distinct name across articles; aliases are other spellings."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        GROUP = "group", "Group of people"
        ORGANISATION = "organisation", "Organisation"
        MEDIA = "media", "Media outlet"
        GOVERNMENT = "government", "Government body"
        ANONYMOUS = "anonymous", "Anonymous / unnamed"
        DOCUMENT = "document", "Document"

    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=14, choices=Kind.choices, default=Kind.PERSON)
    aliases = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_url("source_detail", self.pk)


class Verdict(models.Model):
    """One step of the rating scale; its rating_value maps to ClaimReview's reviewRating."""

    label = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)
    rating_value = models.SmallIntegerField()
    colour = models.CharField(max_length=7, default="#777777", help_text="A CSS hex colour.")
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.label


class Claim(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Reported speech"
        UNATTRIBUTED = "unattributed", "Unattributed"

    class State(models.TextChoices):
        NEW = "new", "New"
        ASSIGNED = "assigned", "Assigned"
        IN_PROGRESS = "in_progress", "In progress"
        IN_REVIEW = "in_review", "In review"
        VERIFIED = "verified", "Verified"
        PUBLISHED = "published", "Published"
        DISMISSED = "dismissed", "Dismissed"

    # Work still to do: a claim in one of these states can be overdue.
    OPEN_STATES = (State.NEW, State.ASSIGNED, State.IN_PROGRESS, State.IN_REVIEW)
    # An editor approved its verdict: only these count as the desk's verdicts.
    APPROVED_STATES = (State.VERIFIED, State.PUBLISHED)

    class Rejection(models.TextChoices):
        """Why a person marked it "not a claim" (junk, unlike a dismissed real claim)."""

        NOT_CHECKABLE = "not_checkable", "Not checkable"
        FRAGMENT = "fragment", "A fragment, not a statement"
        MARKUP = "markup", "Markup or embed code"
        DUPLICATE = "duplicate", "Duplicate of another claim"
        OTHER = "other", "Other"

    class Priority(models.IntegerChoices):
        LOW = 0, "Low"
        NORMAL = 1, "Normal"
        HIGH = 2, "High"
        URGENT = 3, "Urgent"

    # The foreign keys and columns below that a Meta index starts with get no index of their own
    # (db_index=False): fewer indexes to keep up on every insert, and to weigh in every plan.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="claims", db_index=False
    )
    ordinal = models.PositiveIntegerField()
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        db_index=False,
    )
    source_text = models.CharField(max_length=300, blank=True)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    cue = models.CharField(max_length=100, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    numbers = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.NEW)
    verdict = models.ForeignKey(
        Verdict,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
        db_index=False,
    )
    verdict_summary = models.TextField(blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
        db_index=False,
    )
    due_date = models.DateField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    detached = models.BooleanField(
        default=False, help_text="The text this claim came from is no longer in the article."
    )
    # Corrections: the journalist is the final authority over every claim.
    claim_reviewed = models.TextField(
        blank=True, help_text="The wording reviewed and published; the exact text when empty."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who added it (empty: the extractor found it).",
    )
    corrected = models.BooleanField(
        default=False,
        help_text="A person set its span, kind, cue or speaker: re-extraction leaves them so.",
    )
    rejection = models.CharField(
        max_length=14, choices=Rejection.choices, blank=True, help_text="Not a claim: why."
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    version = models.PositiveIntegerField(default=1)
    # What was put up for review and what an editor approved (claims.services.review): a claim
    # is published only as it was approved.
    proposal = models.JSONField(null=True, blank=True)
    approval = models.JSONField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64)
    family = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_members",
        help_text="The first claim of the family of claims confirmed to say the same thing.",
    )
    open_matches = models.PositiveSmallIntegerField(
        default=0, help_text="Matches found for it that nobody has rejected (the queue's mark)."
    )
    matched_at = models.DateTimeField(null=True, blank=True)
    embedding = models.BinaryField(
        null=True, blank=True, editable=False,
        help_text="Its text's sentence embedding when last matched (claims.matching.embedding).",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score", "id"]
        indexes = [
            models.Index(fields=["article", "start"]),
            # The queue's tab counts (Mine, In review) read only these indexes (index-only scans):
            # the In review count went from about 2-6 ms to 0.3 ms at 100k claims.
            models.Index(
                fields=["assignee", "state", "rejection", "id"], name="claim_assignee_state_count"
            ),
            # With the due date, the Overdue count too (it read the table: 1.9 → 0.3 ms).
            models.Index(
                fields=["state", "rejection", "due_date", "id"], name="claim_state_due_count"
            ),
            models.Index(fields=["fingerprint"], name="claim_fingerprint"),
            # The "checked before?" filter: few claims match, and without it their count read
            # the table (135 → 14 ms for the filter's page at 100k claims).
            models.Index(
                fields=["-score", "id"],
                condition=models.Q(open_matches__gt=0),
                name="claim_matched",
            ),
            # One per queue sort, and per filter + the default sort, so a page is an index seek
            # (keyset pagination, claims/pagination.py). Trigram search indexes: migration 0003.
            models.Index(fields=["-score", "id"], name="claim_score_order"),
            models.Index(fields=["-created_at", "-id"], name="claim_created_order"),
            models.Index(fields=["state", "-score", "id"], name="claim_state_order"),
            models.Index(fields=["kind", "-score", "id"], name="claim_kind_order"),
            models.Index(fields=["assignee", "-score", "id"], name="claim_assignee_order"),
            models.Index(fields=["verdict", "-score", "id"], name="claim_verdict_order"),
            models.Index(fields=["source", "-score", "id"], name="claim_source_order"),
            # A speaker's page: their claims of the newest articles first (the articles' ids
            # follow their upload), and their tally by state and verdict from the index alone.
            # At 1M claims (make bench), for a speaker's 3,800 claims: sorting them by their
            # articles' dates took 31 ms, the tally 5.9 ms reading the table.
            models.Index(
                fields=["source", "-article", "start"],
                include=["state", "verdict"],
                name="claim_source_recent",
            ),
            models.Index(fields=["due_date", "-priority", "-score", "id"], name="claim_due_order"),
            models.Index(
                fields=["-priority", "due_date", "-score", "id"], name="claim_priority_order"
            ),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return detail_url("claim_detail", self.pk)

    @property
    def reviewed_text(self):
        """What is reviewed and published: the journalist's wording, else the exact text."""
        return self.claim_reviewed.strip() or self.text

    @property
    def is_overdue(self):
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and self.state in self.OPEN_STATES
        )


class Evidence(models.Model):
    class Kind(models.TextChoices):
        WEB = "web", "Web page"
        DOCUMENT = "document", "Document"
        DATASET = "dataset", "Dataset"
        INTERVIEW = "interview", "Interview"
        STATEMENT = "statement", "Official statement"
        NOTE = "note", "Note"

    # Kept off the public page unless someone decides otherwise: they may name people who spoke
    # in confidence, or be the desk's own working notes.
    PRIVATE_KINDS = (Kind.INTERVIEW, Kind.NOTE)

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WEB)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=1000, blank=True)
    excerpt = models.TextField(blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    public = models.BooleanField(
        default=True,
        help_text="Listed on the public page and in the ClaimReview of the claims it serves "
        "(off by default for interviews and notes).",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "evidence"
        # The claim page's menu of the latest evidence to link: 3.3 → 0.2 ms at 15,000 pieces.
        indexes = [models.Index(fields=["-created_at", "-id"], name="evidence_recent")]

    def __str__(self):
        return self.title


class ClaimEvidence(models.Model):
    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence_links")
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="claim_links")
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.CONTEXT)
    note = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "evidence"], name="unique_claim_evidence")
        ]
        verbose_name = "claim evidence link"

    def __str__(self):
        return f"{self.get_stance_display()}: {self.evidence}"


class ClaimEvent(models.Model):
    """The append-only audit trail of a claim; comments are events with text."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        ASSIGNED = "assigned", "Assigned"
        STATE = "state", "State changed"
        VERDICT = "verdict", "Verdict proposed"
        EVIDENCE_LINKED = "evidence_linked", "Evidence linked"
        EVIDENCE_UNLINKED = "evidence_unlinked", "Evidence unlinked"
        EVIDENCE_VISIBILITY = "evidence_public", "Evidence shown or hidden on the public page"
        COMMENT = "comment", "Comment"
        REEXTRACTED = "reextracted", "Re-extracted"
        SCHEDULED = "scheduled", "Due date or priority changed"
        UNDONE = "undone", "Bulk change undone"
        SOURCE_MERGED = "source_merged", "Source merged"
        ADDED = "added", "Added by hand"
        CORRECTED = "corrected", "Corrected"
        SPLIT = "split", "Split"
        MERGED = "merged", "Merged"
        REJECTED = "rejected", "Marked not a claim"
        ACCEPTED = "accepted", "Marked a claim again"
        MATCH = "match", "Match confirmed or rejected"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    from_value = models.CharField(max_length=300, blank=True)
    to_value = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    # A correction's before and after values, field by field: {"source": ["Band", "Douglas Band"]}.
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Comments only: their author may edit them (each earlier text is a CommentRevision), and
    # anyone on the desk may mark them resolved.
    edited_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_action_display()} by {self.actor or 'system'}"


class CommentRevision(models.Model):
    """A comment's earlier text, kept when its author edited it."""

    comment = models.ForeignKey(ClaimEvent, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, help_text="When it was replaced.")

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Earlier text of comment {self.comment_id}"


class SavedView(models.Model):
    """A named queue filter (the query string), personal or shared with the desk."""

    name = models.CharField(max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    shared = models.BooleanField(default=False, help_text="Everyone on the desk sees it.")
    params = models.CharField(max_length=1000, help_text="The queue's query string.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("claim_queue") + "?" + self.params


class BulkAction(models.Model):
    """One bulk change, with each claim's state before it, so its author can undo it."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bulk_actions"
    )
    action = models.CharField(max_length=20)
    description = models.CharField(max_length=200)
    # [{"claim": id, "state": ..., "assignee": id|None, "version": version after the change,
    #   "notifications": [ids of the notifications the change sent]}]
    changes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.description


class Notification(models.Model):
    """Something that happened to one user's work: shown in the top bar until they look."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Assigned to you"
        SENT_BACK = "sent_back", "Sent back to you"
        APPROVED = "approved", "Your verdict was approved"
        WEBHOOK_DISABLED = "webhook_off", "A webhook endpoint was disabled"
        REVIEW = "review", "Waiting for your review"
        PUBLISHED = "published", "Your verdict was published"
        MENTIONED = "mentioned", "Mentioned you"
        SET_ASIDE = "set_aside", "Your claim is not a claim to check"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # What it is about: a claim, or (for the desk's integrations) a webhook endpoint.
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    webhook = models.ForeignKey(
        "WebhookEndpoint", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "seen_at"])]

    def __str__(self):
        if self.claim_id is None:
            return f"{self.get_kind_display()}: webhook {self.webhook_id}"
        return f"{self.get_kind_display()}: claim {self.claim_id}"


class ExtractionScore(models.Model):
    """The extractor measured against the desk's reviewed articles (computed by a task)."""

    extractor_version = models.CharField(max_length=20)
    articles = models.PositiveIntegerField()
    gold_claims = models.PositiveIntegerField()
    predicted_claims = models.PositiveIntegerField()
    content_precision = models.FloatField()
    content_recall = models.FloatField()
    content_f1 = models.FloatField()
    speaker_accuracy = models.FloatField(null=True, blank=True)
    # Corrections made by hand on those articles, by type: missed, junk, boundary, speaker, kind.
    corrections = models.JSONField(default=dict)
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-computed_at", "-id"]
        get_latest_by = "computed_at"

    def __str__(self):
        return f"Extractor {self.extractor_version}: content F1 {self.content_f1:.3f}"


class DeskFigures(models.Model):
    """The dashboard's claim counts by state and by approved verdict and its time to verdict, one
    row, recomputed by a periodic task (services.refresh_desk_figures) so that no page request
    counts every claim."""

    states = models.JSONField(default=dict)  # {state: claims}
    verdicts = models.JSONField(default=dict)  # {verdict id, as text: approved claims}
    # {"median_seconds", "claims"} over the latest approvals (selectors.time_to_verdict), or null.
    time_to_verdict = models.JSONField(null=True, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "desk figures"

    def __str__(self):
        return f"Desk figures of {self.computed_at:%Y-%m-%d %H:%M:%S}"


# --- Integration: API tokens and webhooks ---------------------------------------------------------


class ApiToken(models.Model):
    """A personal key for the JSON API. It acts as its owner, with the owner's role; only a hash
    of it is stored (the key itself is shown once, when it is created)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What it is for, e.g. “CMS production”.")
    prefix = models.CharField(max_length=16, help_text="The key's first characters.")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The rate limit's current window (minutes since the epoch) and the requests made in it.
    rate_window = models.BigIntegerField(default=0)
    rate_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None


class WebhookEndpoint(models.Model):
    """A URL of the newsroom's systems that is told about events, signed with its secret
    (Standard Webhooks)."""

    class Event(models.TextChoices):
        ARTICLE_READY = "article.ready", "article.ready: an article's claims are extracted"
        ARTICLE_FAILED = "article.failed", "article.failed: an article could not be processed"
        CLAIM_STATE_CHANGED = "claim.state_changed", "claim.state_changed: a claim moved on"
        CLAIM_PUBLISHED = "claim.published", "claim.published: a fact-check was published"

    # Sent by "Send test event" only, whatever the endpoint subscribed to.
    TEST_EVENT = "webhook.test"

    url = models.URLField(max_length=1000)
    description = models.CharField(max_length=200, blank=True)
    # Kept as it is (not hashed): every delivery is signed with it.
    secret = models.CharField(max_length=100)
    events = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=300, blank=True)
    # Failed attempts in a row and since when: an endpoint that keeps failing is disabled.
    failure_count = models.PositiveIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "webhook endpoint"

    def __str__(self):
        return self.url

    def get_absolute_url(self):
        return detail_url("webhook_detail", self.pk)


class WebhookDelivery(models.Model):
    """One event sent to one endpoint: the exact body, and how its attempts went."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENDING = "sending", "Sending"
        RETRYING = "retrying", "Failed, will retry"
        SUCCEEDED = "succeeded", "Delivered"
        FAILED = "failed", "Failed"

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40)
    # The webhook-id header: the same on every attempt, so the receiver can drop a repeat.
    message_id = models.CharField(max_length=40, unique=True)
    body = models.TextField(help_text="The JSON sent, byte for byte the same on every attempt.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # The task run sending it now (its id): a redelivered message of the same run may resume.
    lease = models.CharField(max_length=64, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    last_duration_ms = models.PositiveIntegerField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [
            models.Index(fields=["endpoint", "-created_at", "-id"], name="delivery_log_order"),
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due"),
        ]

    def __str__(self):
        return f"{self.event} to {self.endpoint_id} ({self.status})"


class FactCheck(models.Model):
    """A fact-check published by another organisation, imported from its ClaimReview."""

    claim_reviewed = models.TextField()
    verdict = models.CharField(max_length=300, blank=True, help_text="The rating as written.")
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    claimant = models.CharField(max_length=300, blank=True)
    claim_date = models.DateField(null=True, blank=True, help_text="When the claim was made.")
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True, help_text="When it was checked.")
    url = models.URLField(max_length=1000, unique=True)
    language = models.CharField(max_length=10, blank=True)
    match_terms = models.TextField(
        blank=True, help_text="Its words as the matcher reads them (claims.matching.terms)."
    )
    embedding = models.BinaryField(
        null=True, blank=True, editable=False,
        help_text="Its claim's sentence embedding (claims.matching.embedding); computed when "
        "first needed, cleared when the claim reviewed changes.",
    )  # fmt: skip
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "archived fact-check"

    def __str__(self):
        return self.claim_reviewed[:80]


class ArchiveImport(models.Model):
    """A file of fact-checks an editor uploaded, imported by a worker (a 50 MB feed takes longer
    than a web request may), with its report."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"

    file = models.FileField(upload_to="imports/%Y/%m/")
    name = models.CharField(max_length=255, help_text="The file's name on the editor's computer.")
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    summary = models.TextField(blank=True, help_text="What was imported, or why it failed.")
    skipped = models.JSONField(default=list, blank=True, help_text="The first [where, reason].")
    skipped_count = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def skipped_more(self):
        """Items skipped beyond the reasons kept."""
        return self.skipped_count - len(self.skipped)


class ClaimMatch(models.Model):
    """A fact-check or an earlier desk claim that may say the same as a claim; a person's
    confirmation or rejection makes it a labelled pair for the matcher's evaluation."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Same claim"
        REJECTED = "rejected", "Not the same"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches")
    fact_check = models.ForeignKey(
        FactCheck, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    other_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="matched_by"
    )
    score = models.FloatField()
    features = models.JSONField(default=dict, blank=True)
    matcher_version = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "fact_check"], name="unique_fact_check_match"),
            models.UniqueConstraint(fields=["claim", "other_claim"], name="unique_claim_match"),
            models.CheckConstraint(
                condition=models.Q(fact_check__isnull=False, other_claim__isnull=True)
                | models.Q(fact_check__isnull=True, other_claim__isnull=False),
                name="match_has_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.claim_id} ~ {self.fact_check_id or self.other_claim_id} ({self.score:.2f})"


class MatchTerm(models.Model):
    """How many archive entries (fact-checks and claims) hold a term: the matcher's IDF.

    Two reserved rows, whose names no term can take, hold the number of entries counted and
    their total length in terms (see claims/services/matching.py).
    """

    term = models.CharField(max_length=100, primary_key=True)
    documents = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.term}: {self.documents}"
