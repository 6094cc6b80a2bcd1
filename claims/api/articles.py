"""Articles: create (pasted text or a file, checked as the upload form checks it, idempotent),
read with status and progress, list with filters, re-extract."""

from django.utils.datastructures import MultiValueDict
from ninja import File, Form, Header, Query, Router, Schema, Status
from ninja.files import UploadedFile

from claims import selectors, services
from claims.api.errors import FormInvalid, get_or_404
from claims.api.pages import cursor_page
from claims.api.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlePage,
    ArticleStatus,
    DuplicateError,
    Error,
    FormError,
)
from claims.forms import ArticleUploadForm
from claims.models import Article

router = Router(tags=["articles"])

IDEMPOTENCY_HELP = (
    "Any unique string of yours (a UUID): a retried request with the same key returns the "
    "article the first one made."
)
IDEMPOTENCY_KEY = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_HELP)
ARTICLE_FILE = File(description=".txt, .md, .html, .docx or .pdf")
CREATE_RESPONSES = {
    200: ArticleOut,
    201: ArticleOut,
    401: Error,
    403: Error,
    409: DuplicateError,
    422: FormError,
    429: Error,
}


def _article(pk):
    article = get_or_404(Article.objects.all(), pk, "article")
    return selectors.set_claim_counts([article], "article")[0]


def _create(request, data, files, idempotency_key):
    """Check the input with the upload form, then store the article once (services)."""
    form = ArticleUploadForm(data, files)
    if not form.is_valid():
        raise FormInvalid(form)
    uploads = form.cleaned_data["files"]
    article, created = services.submit_once(
        user=request.auth,
        text=form.cleaned_data["text"],
        upload=uploads[0] if uploads else None,
        details=form.article_details(),
        allow_duplicate=form.cleaned_data["allow_duplicate"],
        external_id=data.get("external_id", ""),
        idempotency_key=idempotency_key or "",
    )
    return Status(201 if created else 200, _article(article.pk))


@router.post(
    "",
    response=CREATE_RESPONSES,
    url_name="article_create",
    summary="Create an article from its text",
)
def create_article(
    request,
    payload: ArticleIn,
    idempotency_key: str | None = IDEMPOTENCY_KEY,
):
    """Store the text as a queued article; a worker extracts its claims (poll the article, or
    listen for `article.ready`). 201 when it was made now, 200 when an earlier request with the
    same `external_id` or `Idempotency-Key` made it."""
    data = payload.dict()
    data["allow_duplicate"] = "on" if payload.allow_duplicate else ""
    return _create(request, data, None, idempotency_key)


class UploadFields(Schema):
    headline: str = ""
    standfirst: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published_on: str = ""
    external_id: str = ""
    allow_duplicate: bool = False


@router.post(
    "/upload",
    response=CREATE_RESPONSES,
    url_name="article_upload",
    summary="Create an article from a file",
)
def upload_article(
    request,
    fields: Form[UploadFields],
    file: UploadedFile = ARTICLE_FILE,
    idempotency_key: str | None = IDEMPOTENCY_KEY,
):
    """A file as multipart/form-data (field `file`), with the same details as a pasted text."""
    data = fields.dict()
    data["allow_duplicate"] = "on" if data["allow_duplicate"] else ""
    return _create(request, data, MultiValueDict({"files": [file]}), idempotency_key)


class ArticleFilters(Schema):
    status: ArticleStatus | None = None
    external_id: str | None = None
    outlet: str | None = None
    after: str | None = None
    before: str | None = None
    limit: int | None = None


ARTICLE_ORDER = ("-created_at", "-id")


@router.get("", response=ArticlePage, url_name="article_list", summary="List articles")
def list_articles(request, filters: Query[ArticleFilters]):
    """Newest first, with keyset cursors."""
    articles = Article.objects.all()
    for name in ("status", "external_id", "outlet"):
        value = getattr(filters, name)
        if value:
            articles = articles.filter(**{name: value})
    page = cursor_page(
        articles, ARTICLE_ORDER, after=filters.after, before=filters.before, limit=filters.limit
    )
    page["items"] = selectors.set_claim_counts(page["items"], "article")
    return page


@router.get("/{int:article_id}", response={200: ArticleOut, 404: Error}, url_name="article_read")
def read_article(request, article_id: int):
    """Status and progress while it is processed; its claims: GET /claims?article=<id>."""
    return _article(article_id)


@router.post(
    "/{int:article_id}/reextract",
    response={202: ArticleOut, 403: Error, 404: Error, 422: Error},
    url_name="article_reextract",
)
def reextract_article(request, article_id: int):
    """Queue the article again (after a failure, or for a newer extractor); claims people worked
    on are kept."""
    article = get_or_404(Article.objects.all(), article_id, "article")
    services.reprocess_article(article, user=request.auth)
    return Status(202, _article(article_id))
