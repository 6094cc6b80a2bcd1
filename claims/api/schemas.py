"""What the API reads and writes: typed schemas, from which the OpenAPI document is generated."""

import datetime
from typing import Literal

from django.urls import reverse
from ninja import Field, Schema

from claims.models import Article, Claim, ClaimEvidence, Evidence, Source
from claims.services import TRANSITIONS, allowed_actions, can_propose


def one_of(choices):
    """A model's choices as a literal type: the OpenAPI document lists the values (the enums'
    own class names clash: Source.Kind, Claim.Kind and Evidence.Kind are all "Kind")."""
    return Literal[tuple(choices.values)]


SourceKind = one_of(Source.Kind)
ClaimKind = one_of(Claim.Kind)
ClaimState = one_of(Claim.State)
EvidenceKind = one_of(Evidence.Kind)
Stance = one_of(ClaimEvidence.Stance)
ArticleStatus = one_of(Article.Status)
ArticleFormat = one_of(Article.Format)


def claim_etag(claim):
    """The claim's version and the last event it had (events prefetched): a later If-Match
    says exactly which events the caller has not seen."""
    last = max((event.pk for event in claim.events.all()), default=0)
    return f'"{claim.version}-{last}"'


# --- Errors ---------------------------------------------------------------------------------------


class Error(Schema):
    detail: str = Field(description="What went wrong, in a sentence for a person.")
    code: str = Field(
        description="not_authenticated, not_allowed, not_found, refused, invalid, stale, "
        "duplicate, conflict or rate_limited."
    )


class FormError(Error):
    errors: dict[str, list[str]] = Field(description="Messages by field, as the upload form.")


class ArticleRef(Schema):
    id: int
    headline: str
    url: str
    external_id: str


class DuplicateError(Error):
    existing: ArticleRef


# --- People, verdicts, sources --------------------------------------------------------------------


class Me(Schema):
    username: str
    role: Literal["editor", "fact_checker", "viewer"]
    token: str | None = Field(None, description="The token's name, when one was used.")


class VerdictOut(Schema):
    id: int
    slug: str
    label: str
    rating_value: int
    description: str


class SourceRef(Schema):
    id: int
    name: str
    kind: SourceKind


class SourceOut(SourceRef):
    aliases: list[str]
    claims: int = Field(description="Claims attributed to it.")
    created_at: datetime.datetime

    @staticmethod
    def resolve_claims(obj):
        return obj.claim_count


class VerdictCount(Schema):
    verdict: str
    label: str
    claims: int


class SourceDetail(SourceOut):
    verdicts: list[VerdictCount] = Field(description="Its verdict record.")


# --- Articles -------------------------------------------------------------------------------------


class ArticleIn(Schema):
    """A pasted article, checked as the desk's upload form checks it."""

    text: str = Field(description="The article's text (plain text or Markdown).")
    headline: str = ""
    standfirst: str = ""
    outlet: str = ""
    author: str = ""
    url: str = Field("", description="Where it was published (http or https).")
    published_on: str = Field("", description="YYYY-MM-DD")
    external_id: str = Field(
        "",
        max_length=200,
        description="The CMS's own id for the article: sending it again returns this article.",
    )
    allow_duplicate: bool = Field(False, description="Keep it even if the same text is here.")


class ArticleOut(Schema):
    id: int
    external_id: str
    headline: str
    standfirst: str
    outlet: str
    author: str
    url: str
    published_on: datetime.date | None
    language: str
    format: ArticleFormat
    status: ArticleStatus
    progress: int = Field(description="0–100 while it is read and extracted.")
    error_message: str = Field(description="Why it failed, or a note about its processing.")
    extractor_version: str
    revision: int
    claims: int = Field(description="How many claims it has.")
    created_at: datetime.datetime
    updated_at: datetime.datetime
    processed_at: datetime.datetime | None

    @staticmethod
    def resolve_claims(obj):
        return obj.claim_count


# --- Claims ---------------------------------------------------------------------------------------


class ClaimOut(Schema):
    id: int
    article_id: int
    ordinal: int
    text: str = Field(description="The claim as it stands in the article.")
    claim_reviewed: str = Field(description="The wording reviewed and published.")
    kind: ClaimKind
    start: int
    end: int
    source: SourceRef | None
    source_text: str
    cue: str
    score: float = Field(description="Check-worthiness, 0..1.")
    state: ClaimState
    verdict: str | None = Field(description="The verdict's slug (GET /verdicts).")
    verdict_summary: str
    assignee: str | None = Field(description="Username.")
    due_date: datetime.date | None
    priority: int = Field(description="0 low, 1 normal, 2 high, 3 urgent.")
    not_a_claim: str = Field(description="Why a person marked it not a claim; empty if not.")
    detached: bool = Field(description="Its text is no longer in the article.")
    version: int = Field(description="Send it back with a change (optimistic locking).")
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_claim_reviewed(obj):
        return obj.reviewed_text

    @staticmethod
    def resolve_verdict(obj):
        return obj.verdict.slug if obj.verdict_id else None

    @staticmethod
    def resolve_assignee(obj):
        return obj.assignee.get_username() if obj.assignee_id else None

    @staticmethod
    def resolve_not_a_claim(obj):
        return obj.rejection


class EvidenceOut(Schema):
    id: int
    kind: EvidenceKind
    title: str
    url: str
    excerpt: str
    publisher: str
    published_on: datetime.date | None
    public: bool = Field(description="Listed on the public page and in the ClaimReview.")


class EvidenceLinkOut(Schema):
    id: int = Field(description="The link's id (to unlink it).")
    stance: Stance
    note: str
    evidence: EvidenceOut
    added_by: str | None
    created_at: datetime.datetime

    @staticmethod
    def resolve_added_by(obj):
        return obj.added_by.get_username() if obj.added_by_id else None


class EventOut(Schema):
    id: int
    action: str
    actor: str | None
    from_value: str
    to_value: str
    text: str
    changes: dict
    created_at: datetime.datetime

    @staticmethod
    def resolve_actor(obj):
        return obj.actor.get_username() if obj.actor_id else None


class ClaimDetail(ClaimOut):
    article: ArticleRef
    sentence: str = Field(description="The sentence it is in.")
    reasons: list[str] = Field(description="Why it scored as it did.")
    proposed_by: str | None
    evidence: list[EvidenceLinkOut]
    history: list[EventOut] = Field(description="Every change and comment, oldest first.")
    actions: list[str] = Field(description="The workflow actions you may take now.")
    etag: str = Field(description="Its ETag: send it as If-Match with a change.")
    public_url: str | None = Field(description="Its public page, once published.")

    @staticmethod
    def resolve_sentence(obj):
        return obj.article.body[obj.sentence_start : obj.sentence_end]

    @staticmethod
    def resolve_proposed_by(obj):
        return obj.proposed_by.get_username() if obj.proposed_by_id else None

    @staticmethod
    def resolve_evidence(obj):
        return obj.evidence_links.all()

    @staticmethod
    def resolve_history(obj):
        return obj.events.all()

    @staticmethod
    def resolve_actions(obj, context):
        user = context["request"].auth
        actions = [action for action, _, _ in allowed_actions(obj, user)]
        return actions + (["propose"] if can_propose(obj, user) else [])

    @staticmethod
    def resolve_etag(obj):
        return claim_etag(obj)

    @staticmethod
    def resolve_public_url(obj, context):
        if obj.state != Claim.State.PUBLISHED:
            return None
        return context["request"].build_absolute_uri(reverse("public_claim", args=[obj.pk]))


class StaleError(Error):
    current: ClaimDetail = Field(description="The claim as it is now.")
    changes: list[EventOut] = Field(
        description="What happened since your copy: exact with If-Match; with a bare version, "
        "the latest changes."
    )


class CountOut(Schema):
    value: int
    exact: bool = Field(description="False past 1,000 rows: an estimate.")


class PageOut(Schema):
    count: CountOut
    next_cursor: str | None = Field(description="Pass as `after` for the next page.")
    previous_cursor: str | None = Field(description="Pass as `before` for the page before.")


class ClaimPage(PageOut):
    items: list[ClaimOut]


class ArticlePage(PageOut):
    items: list[ArticleOut]


class SourcePage(PageOut):
    items: list[SourceOut]


# --- Claim actions --------------------------------------------------------------------------------


class Versioned(Schema):
    version: int | None = Field(
        None,
        description="The version you read; a stale one is refused (409). Or send If-Match.",
    )


class AssignIn(Versioned):
    assignee: str | None = Field(description="A username, or null to unassign.")


class TransitionIn(Versioned):
    action: Literal[tuple(TRANSITIONS)]  # type: ignore[valid-type]
    reason: str = Field("", description="Needed to send back, reopen or dismiss.")


class ProposeIn(Versioned):
    verdict: str = Field(description="A verdict's slug (GET /verdicts).")
    summary: str


class EvidenceIn(Schema):
    title: str = ""
    url: str = ""
    excerpt: str = ""
    kind: EvidenceKind = Evidence.Kind.WEB.value
    publisher: str = ""
    stance: Stance = ClaimEvidence.Stance.CONTEXT.value
    note: str = ""
    public: bool | None = Field(None, description="Default: public unless interview or note.")


class LinkIn(Schema):
    evidence: int = Field(description="The id of a piece of evidence already on the desk.")
    stance: Stance = ClaimEvidence.Stance.CONTEXT.value
    note: str = ""


class CommentIn(Schema):
    text: str
