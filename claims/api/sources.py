"""Sources (speakers): the list, and one with its verdict record. Also the verdict scale."""

from django.db.models import Count
from ninja import Query, Router, Schema

from claims import selectors
from claims.api.errors import get_or_404
from claims.api.pages import cursor_page
from claims.api.schemas import Error, SourceDetail, SourceKind, SourcePage, VerdictOut
from claims.models import Source, Verdict

router = Router(tags=["sources"])
verdicts_router = Router(tags=["verdicts"])

SOURCE_ORDER = ("name", "id")


class SourceFilters(Schema):
    q: str | None = None
    kind: SourceKind | None = None
    after: str | None = None
    before: str | None = None
    limit: int | None = None


@router.get("", response=SourcePage, url_name="source_list", summary="List sources")
def list_sources(request, filters: Query[SourceFilters]):
    """By name; `q` finds a name or an alias."""
    sources = Source.objects.all()
    if filters.q:
        sources = sources.filter(name__icontains=filters.q.replace("\x00", "")[:200])
    if filters.kind:
        sources = sources.filter(kind=filters.kind)
    page = cursor_page(
        sources, SOURCE_ORDER, after=filters.after, before=filters.before, limit=filters.limit
    )
    page["items"] = selectors.set_claim_counts(page["items"], "source")
    return page


@router.get("/{int:source_id}", response={200: SourceDetail, 404: Error}, url_name="source_read")
def read_source(request, source_id: int):
    """One speaker, with the verdicts of the claims attributed to it."""
    source = get_or_404(Source.objects.all(), source_id, "source")
    selectors.set_claim_counts([source], "source")
    counts = (
        Verdict.objects.filter(claims__source=source)
        .annotate(n=Count("claims"))
        .order_by("order", "id")
    )
    source.verdicts = [{"verdict": v.slug, "label": v.label, "claims": v.n} for v in counts]
    return source


@verdicts_router.get("", response=list[VerdictOut], url_name="verdict_list")
def list_verdicts(request):
    """The rating scale: propose a verdict by its slug."""
    return Verdict.objects.all()
