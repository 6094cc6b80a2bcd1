"""Marking an article's claims reviewed (gold data that measures the extractor), and undoing it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims import services
from claims.models import Article
from claims.services import WorkflowError


@require_POST
def article_review(request, pk):
    """POST reviewed=1 marks the article reviewed, reviewed=0 takes the mark away. htmx gets the
    small panel of the article page back (with the refusal in it), a plain form a redirect."""
    article = get_object_or_404(Article.objects.select_related("reviewed_by"), pk=pk)
    marking = request.POST.get("reviewed") == "1"
    error = None
    try:
        if marking:
            article = services.mark_reviewed(article, actor=request.user)
        else:
            article = services.unmark_reviewed(article, actor=request.user)
    except WorkflowError as exc:
        error = str(exc)
    if request.htmx:
        context = {"article": article, "review_error": error}
        return render(request, "claims/article_review.html", context)
    if error:
        messages.error(request, error)
    elif marking:
        messages.success(request, "Marked reviewed: its claims now measure the extractor.")
    else:
        messages.success(request, "No longer marked reviewed.")
    return redirect(article)
