"""Read-side queries for lists and pages: the select_related/prefetch decisions live here."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict

from claims.models import Article, Claim, ClaimEvent, ClaimEvidence, Source, Verdict

TABS = {
    "mine": "Mine",
    "unassigned": "Unassigned",
    "in_review": "In review",
    "all": "All",
}
SORTS = {
    "score": ("-score", "id"),
    "created": ("-created_at", "-id"),
    "article": ("article__headline", "ordinal"),
    "state": ("state", "-score", "id"),
    "assignee": ("assignee__username", "-score", "id"),
    "kind": ("kind", "-score", "id"),
    "source": ("source__name", "-score", "id"),
}
FILTER_KEYS = ("state", "assignee", "verdict", "kind", "article", "source")


@dataclass
class QueueQuery:
    """The queue's filters, parsed from the URL (the URL is the truth). Bad values are ignored."""

    tab: str = "all"
    q: str = ""
    sort: str = "score"
    descending: bool = False
    filters: dict = field(default_factory=dict)
    page: str = "1"

    @classmethod
    def from_params(cls, params):
        query = cls()
        if params.get("tab") in TABS:
            query.tab = params["tab"]
        # NUL characters are dropped: PostgreSQL refuses them in a query parameter.
        query.q = params.get("q", "").replace("\x00", "").strip()[:200]
        sort = params.get("o", "score")
        query.descending = sort.startswith("-")
        if sort.lstrip("-") in SORTS:
            query.sort = sort.lstrip("-")
        for key in FILTER_KEYS:
            value = params.get(key, "").replace("\x00", "").strip()
            if value and (key in ("state", "kind") or value == "none" or value.isdigit()):
                query.filters[key] = value
        query.page = params.get("page", "1")
        return query

    def params(self, **changes):
        """URL parameters for this query with some changed (None removes one)."""
        values = {"tab": self.tab, "q": self.q, **self.filters}
        values["o"] = ("-" if self.descending else "") + self.sort
        values.update(changes)
        out = QueryDict(mutable=True)
        for key, value in values.items():
            if value not in (None, ""):
                out[key] = value
        return out.urlencode()


def queue_claims(user, query):
    claims = Claim.objects.select_related("article", "source", "assignee", "verdict")
    if query.tab == "mine":
        claims = claims.filter(assignee=user)
    elif query.tab == "unassigned":
        claims = claims.filter(assignee__isnull=True).exclude(state=Claim.State.DISMISSED)
    elif query.tab == "in_review":
        claims = claims.filter(state=Claim.State.IN_REVIEW)
    for key, value in query.filters.items():
        if key in ("state", "kind"):
            claims = claims.filter(**{key: value})
        elif value == "none":
            claims = claims.filter(**{f"{key}__isnull": True})
        else:
            claims = claims.filter(**{f"{key}_id": int(value)})
    if query.q:
        claims = claims.filter(
            Q(text__icontains=query.q)
            | Q(source_text__icontains=query.q)
            | Q(article__headline__icontains=query.q)
        )
    order = SORTS[query.sort]
    if query.descending:
        order = tuple(o[1:] if o.startswith("-") else f"-{o}" for o in order)
    return claims.order_by(*order)


def queue_page(user, query):
    return page_of(queue_claims(user, query), query.page, settings.QUEUE_PAGE_SIZE)


def tab_counts(user):
    """How many claims each fixed tab holds, in one query."""
    not_dismissed = ~Q(state=Claim.State.DISMISSED)
    return Claim.objects.aggregate(
        mine=Count("id", filter=Q(assignee=user)),
        unassigned=Count("id", filter=Q(assignee__isnull=True) & not_dismissed),
        in_review=Count("id", filter=Q(state=Claim.State.IN_REVIEW)),
        all=Count("id"),
    )


def filter_choices():
    """Options for the queue's filter sidebar."""
    from claims.services import assignable_users

    return {
        "state": list(Claim.State.choices),
        "kind": list(Claim.Kind.choices),
        "verdict": [(str(v.pk), v.label) for v in Verdict.objects.all()],
        "assignee": [("none", "Nobody")]
        + [(str(u.pk), u.get_username()) for u in assignable_users()],
    }


def article_page_claims(article):
    return list(
        article.claims.select_related("source", "assignee", "verdict").order_by("start", "id")
    )


@dataclass(frozen=True)
class Segment:
    text: str
    claim: Claim | None = None


def article_segments(body, claims):
    """The article text cut into plain and highlighted pieces, in order (overlaps skipped)."""
    segments, position = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, c.id)):
        if claim.detached or claim.start < position or claim.end > len(body):
            continue
        if claim.start > position:
            segments.append(Segment(body[position : claim.start]))
        segments.append(Segment(body[claim.start : claim.end], claim))
        position = claim.end
    if position < len(body):
        segments.append(Segment(body[position:]))
    return segments


def claim_for_page(pk):
    return (
        Claim.objects.select_related("article", "source", "assignee", "verdict", "proposed_by")
        .prefetch_related(
            Prefetch(
                "evidence_links",
                queryset=ClaimEvidence.objects.select_related("evidence", "added_by"),
            ),
            Prefetch("events", queryset=ClaimEvent.objects.select_related("actor")),
        )
        .get(pk=pk)
    )


def claim_context(claim):
    """The claim's sentence split around the claim itself, plus a paragraph of context."""
    body = claim.article.body
    before = body[max(0, claim.sentence_start - 300) : claim.start]
    after = body[claim.end : min(len(body), claim.sentence_end + 300)]
    return {
        "before": ("…" if claim.sentence_start > 300 else "") + before,
        "text": body[claim.start : claim.end],
        "after": after + ("…" if claim.sentence_end + 300 < len(body) else ""),
    }


def _with_bars(rows):
    """Append a bar width (percent of the largest count) to each (…, count) row."""
    rows = list(rows)
    top = max((row[-1] for row in rows), default=0) or 1
    return [(*row, round(100 * row[-1] / top)) for row in rows]


def dashboard(user):
    state_counts = dict(
        Claim.objects.values_list("state").annotate(n=Count("id")).values_list("state", "n")
    )
    verdict_counts = Verdict.objects.annotate(n=Count("claims")).values_list("label", "colour", "n")
    return {
        "states": _with_bars(
            (value, label, state_counts.get(value, 0)) for value, label in Claim.State.choices
        ),
        "verdicts": _with_bars(verdict_counts),
        "my_claims": list(
            Claim.objects.filter(assignee=user)
            .exclude(state__in=[Claim.State.PUBLISHED, Claim.State.DISMISSED])
            .select_related("article", "source")
            .order_by("-score")[:10]
        ),
        "processing": list(
            Article.objects.filter(
                status__in=[Article.Status.QUEUED, Article.Status.PROCESSING, Article.Status.FAILED]
            )[:10]
        ),
    }


def source_page(source):
    return {
        "claims": list(
            source.claims.select_related("article", "verdict", "assignee").order_by(
                "-article__created_at", "start"
            )[:500]
        ),
        "verdicts": _with_bars(
            Verdict.objects.filter(claims__source=source)
            .annotate(n=Count("claims"))
            .values_list("label", "colour", "n")
        ),
    }


def page_of(queryset, number, size=50):
    return Paginator(queryset, size).get_page(number)


def articles_list():
    # Explicit order: Meta.ordering is not applied to a query with an aggregate (GROUP BY).
    return (
        Article.objects.select_related("uploaded_by")
        .annotate(claim_count=Count("claims"))
        .order_by("-created_at", "-id")
    )


def sources_list():
    return Source.objects.annotate(claim_count=Count("claims")).order_by("-claim_count", "name")
