"""Dashboard and articles: upload, the article page with its live progress, re-processing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from claims import selectors, services
from claims.forms import ArticleDetailsForm, ArticleUploadForm, NewVersionForm
from claims.models import Article
from claims.permissions import user_can
from claims.services import WorkflowError
from newsroom.request_size import takes_uploads


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


@takes_uploads
def article_upload(request):
    _require(request, "upload")
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        created, duplicates = services.submit_uploads(
            user=request.user,
            text=form.cleaned_data["text"],
            files=form.cleaned_data["files"],
            details=form.article_details(),
            allow_duplicate=form.cleaned_data["allow_duplicate"],
        )
        if duplicates and not created:
            form.add_error(
                None,
                "This text is already here: "
                + "; ".join(f"“{a.title}”" for a in duplicates)
                + ". Tick “Upload anyway” to add it again.",
            )
        else:
            for article in duplicates:
                messages.warning(request, f"Skipped a duplicate of “{article.title}”.")
            for article in created:
                article.refresh_from_db()
                if article.error_message:
                    messages.warning(request, f"“{article.title}”: {article.error_message}")
            messages.success(
                request,
                f"Uploaded {len(created)} article{'s' if len(created) != 1 else ''}; "
                "claims appear as soon as they are extracted.",
                extra_tags="draft-sent-upload",  # static/js/drafts.js forgets the typed text
            )
            target = created[0] if len(created) == 1 else None
            return redirect(target.get_absolute_url() if target else reverse("article_list"))
    # "Upload anyway" is offered only for a duplicate (not beside "choose at least one file").
    return render(request, "claims/article_upload.html", {"form": form, "duplicates": duplicates})


def article_context(request, article):
    page, highlighted = selectors.article_page_claims(article, request.GET.get("page"))
    context = {
        "article": article,
        "page": page,
        "segments": selectors.article_segments(article.body, highlighted),
        "can_correct": user_can(request.user, "correct") and article.status == "ready",
        "can_edit_article": user_can(request.user, "edit_article"),
    }
    if context["can_correct"]:
        context["sentences"] = selectors.sentence_choices(article)
    if context["can_edit_article"]:
        context["details_form"] = ArticleDetailsForm(instance=article)
        context["version_form"] = NewVersionForm()
    return context


@require_GET
def article_detail(request, pk):
    article = get_object_or_404(
        Article.objects.select_related("uploaded_by", "duplicate_of", "reviewed_by"), pk=pk
    )
    return render(request, "claims/article_detail.html", article_context(request, article))


@require_GET
def article_status(request, pk):
    """Polled by htmx while an article is processed; the finished state has no poller left."""
    article = get_object_or_404(
        Article.objects.select_related("duplicate_of", "reviewed_by"), pk=pk
    )
    context = article_context(request, article)
    # Once finished, the page's heading is sent too (out of band): the worker fills in what the
    # upload left empty (headline, outlet, author, date), and the page shows the file's name
    # until then.
    context["refresh_head"] = True
    return render(request, "claims/article_detail.html#article-live", context)


@require_POST
def article_reprocess(request, pk):
    article = get_object_or_404(Article, pk=pk)
    try:
        services.reprocess_article(
            article, user=request.user, allow_duplicate=request.POST.get("anyway") == "1"
        )
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
