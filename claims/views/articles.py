"""Dashboard and articles: upload, the article page with its live progress, re-processing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from claims import selectors, services
from claims.forms import (
    ArticleUploadForm,
)
from claims.models import Article
from claims.permissions import user_can
from claims.services import DuplicateArticleError, WorkflowError


def _require(request, action):
    if not user_can(request.user, action):
        raise PermissionDenied("Your role does not allow this.")


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def dashboard(request):
    if request.htmx and request.htmx.target == "processing":
        # The live "articles in progress" card polls only its own two queries.
        context = selectors.processing_articles()
        return render(request, "claims/dashboard.html#processing", context)
    return render(request, "claims/dashboard.html", selectors.dashboard(request.user))


@require_GET
def article_list(request):
    page = selectors.articles_page(request.GET.get("page"))
    return render(request, "claims/article_list.html", {"page": page})


def article_upload(request):
    _require(request, "upload")
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        created, duplicates = _submit_documents(request, form.cleaned_data)
        if duplicates and not created:
            form.add_error(
                None,
                "This text is already here: "
                + "; ".join(f"“{a.headline}”" for a in duplicates)
                + ". Tick “Upload anyway” to add it again.",
            )
        else:
            for article in duplicates:
                messages.warning(request, f"Skipped a duplicate of “{article.headline}”.")
            for article in created:
                article.refresh_from_db()
                if article.error_message:
                    messages.warning(request, f"“{article.headline}”: {article.error_message}")
            messages.success(
                request,
                f"Uploaded {len(created)} article{'s' if len(created) != 1 else ''}; "
                "claims appear as soon as they are extracted.",
            )
            target = created[0] if len(created) == 1 else None
            return redirect(target.get_absolute_url() if target else reverse("article_list"))
    return render(request, "claims/article_upload.html", {"form": form})


def _submit_documents(request, data):
    created, duplicates = [], []
    for document, filename, raw in data["documents"]:
        headline = data["headline"] or document.title or filename or document.text[:80]
        try:
            created.append(
                services.submit_article(
                    user=request.user,
                    body=document.text,
                    headline=headline,
                    format=document.format,
                    standfirst=data["standfirst"],
                    outlet=data["outlet"],
                    author=data["author"],
                    url=data["url"],
                    published_on=data["published_on"],
                    original=ContentFile(raw) if raw is not None else None,
                    original_filename=filename,
                    allow_duplicate=data["allow_duplicate"],
                )
            )
        except DuplicateArticleError as exc:
            duplicates.append(exc.existing)
    return created, duplicates


def _article_context(article):
    claims = selectors.article_page_claims(article)
    return {
        "article": article,
        "claims": claims,
        "segments": selectors.article_segments(article.body, claims),
    }


@require_GET
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.select_related("uploaded_by"), pk=pk)
    return render(request, "claims/article_detail.html", _article_context(article))


@require_GET
def article_status(request, pk):
    """Polled by htmx while an article is processed; the finished state has no poller left."""
    article = get_object_or_404(Article, pk=pk)
    return render(request, "claims/article_detail.html#article-live", _article_context(article))


@require_POST
def article_reprocess(request, pk):
    article = get_object_or_404(Article, pk=pk)
    try:
        services.reprocess_article(article, user=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "The article is queued for processing again.")
    if request.htmx:
        return HttpResponseClientRedirect(article.get_absolute_url())
    return redirect(article)


@require_GET
def article_original(request, pk):
    """The uploaded file, only to signed-in users, always as a download (never rendered)."""
    article = get_object_or_404(Article, pk=pk)
    if not article.original_file:
        raise Http404("No file was uploaded for this article.")
    return FileResponse(
        article.original_file.open("rb"),
        as_attachment=True,
        filename=article.original_filename or "article",
    )
