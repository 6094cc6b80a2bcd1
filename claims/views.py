"""Thin views: parse the request, call a service or a selector, render a page or an htmx partial."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from claims import selectors, services
from claims.forms import (
    ArticleUploadForm,
    AssignForm,
    BulkActionForm,
    CommentForm,
    EvidenceForm,
    LinkEvidenceForm,
    TransitionForm,
    VerdictForm,
)
from claims.models import Article, Claim, ClaimEvidence, Source
from claims.permissions import user_can
from claims.services import DuplicateArticleError, StaleClaimError, WorkflowError


def _require(request, action):
    if not user_can(request.user, action):
        raise PermissionDenied("Your role does not allow this.")


# --- Dashboard and articles ---------------------------------------------------------------------


@require_GET
def dashboard(request):
    return render(request, "claims/dashboard.html", selectors.dashboard(request.user))


@require_GET
def article_list(request):
    page = selectors.page_of(selectors.articles_list(), request.GET.get("page"))
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


# --- The claim queue ----------------------------------------------------------------------------


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def claim_queue(request):
    query = selectors.QueueQuery.from_params(request.GET)
    context = {
        "query": query,
        "page": selectors.queue_page(request.user, query),
        "tabs": [
            (key, label, count)
            for (key, label), count in zip(
                selectors.TABS.items(), selectors.tab_counts(request.user).values(), strict=True
            )
        ],
        "choices": selectors.filter_choices(),
        "bulk_form": BulkActionForm(),
        "sorts": selectors.SORTS,
    }
    template = "claims/claim_queue.html"
    if request.htmx and request.htmx.target == "queue-results":
        template += "#queue-results"
    return render(request, template, context)


@require_POST
def claim_bulk(request):
    form = BulkActionForm(request.POST)
    back = request.POST.get("next") or reverse("claim_queue")
    # Only a path on this site: "//evil.example/" starts with "/" but leaves it.
    if not url_has_allowed_host_and_scheme(back, allowed_hosts=None) or not back.startswith("/"):
        back = reverse("claim_queue")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    claims, action = form.cleaned_data["claims"], form.cleaned_data["action"]
    if action == "assign":
        assignee = form.cleaned_data["assignee"]
        done, refused = services.bulk_apply(
            claims, lambda c: services.assign_claim(c, assignee, actor=request.user)
        )
        verb = f"Assigned to {assignee}"
    else:
        done, refused = services.bulk_apply(
            claims, lambda c: services.transition(c, "dismiss", actor=request.user)
        )
        verb = "Dismissed"
    if done:
        messages.success(request, f"{verb}: {done} claim{'s' if done != 1 else ''}.")
    for message in refused[:10]:
        messages.error(request, message)
    if len(refused) > 10:
        messages.error(request, f"…and {len(refused) - 10} more refused.")
    return redirect(back)


# --- One claim ----------------------------------------------------------------------------------


def _claim_panel_context(request, claim, **forms):
    user = request.user
    version = {"version": claim.version}
    context = {
        "claim": claim,
        "context": selectors.claim_context(claim),
        "actions": services.allowed_actions(claim, user),
        "can_propose": services.can_propose(claim, user),
        "can_assign": user_can(user, "assign"),
        "can_take": user_can(user, "take")
        and claim.assignee_id is None
        and claim.state in (Claim.State.NEW, Claim.State.ASSIGNED),
        "can_edit_evidence": user_can(user, "add_evidence")
        and claim.state not in services.EVIDENCE_LOCKED_STATES
        and (user_can(user, "assign") or claim.assignee_id == user.pk),
        "can_comment": user_can(user, "comment"),
        "assign_form": AssignForm(initial={**version, "assignee": claim.assignee_id}),
        "verdict_form": VerdictForm(
            initial={**version, "verdict": claim.verdict_id, "summary": claim.verdict_summary}
        ),
        "evidence_form": EvidenceForm(),
        "link_form": LinkEvidenceForm(claim=claim),
        "comment_form": CommentForm(),
        "transition_version": claim.version,
    }
    context.update(forms)
    return context


@require_GET
def claim_detail(request, pk):
    try:
        claim = selectors.claim_for_page(pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None
    return render(request, "claims/claim_detail.html", _claim_panel_context(request, claim))


def _claim_response(request, pk, error=None, **forms):
    """After a POST: the refreshed panel for htmx, or a redirect back to the claim page."""
    if error:
        messages.error(request, error)
    if request.htmx or error:
        # A refusal re-renders the page with the user's input in the forms: nothing typed is lost.
        claim = selectors.claim_for_page(pk)
        context = _claim_panel_context(request, claim, **forms)
        template = "claims/claim_detail.html" + ("#claim-panel" if request.htmx else "")
        return render(request, template, context)
    return redirect("claim_detail", pk=pk)


def _with_current_version(form, claim_pk):
    """A bound copy of `form` whose version is the current one, so the user can reapply."""
    data = form.data.copy()
    data["version"] = Claim.objects.values_list("version", flat=True).get(pk=claim_pk)
    return type(form)(data)


@require_POST
def claim_transition(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _claim_response(request, pk, "The form was incomplete; reload the page.")
    try:
        services.transition(
            claim,
            form.cleaned_data["action"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc))
    return _claim_response(request, pk)


@require_POST
def claim_assign(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = AssignForm(request.POST)
    if "take" in request.POST:
        assignee = request.user
        form.is_valid()
    elif form.is_valid():
        assignee = form.cleaned_data["assignee"]
    else:
        return _claim_response(request, pk, "Choose someone to assign the claim to.")
    try:
        services.assign_claim(
            claim, assignee, actor=request.user, expected_version=form.cleaned_data.get("version")
        )
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc))
    return _claim_response(request, pk)


@require_POST
def claim_propose(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return _claim_response(
            request, pk, "Choose a verdict and write a summary.", verdict_form=form
        )
    try:
        services.propose_verdict(
            claim,
            actor=request.user,
            verdict=form.cleaned_data["verdict"],
            summary=form.cleaned_data["summary"],
            expected_version=form.cleaned_data["version"],
        )
    except StaleClaimError as exc:
        return _claim_response(request, pk, str(exc), verdict_form=_with_current_version(form, pk))
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc), verdict_form=form)
    messages.success(request, "Verdict proposed: an editor will review it.")
    return _claim_response(request, pk)


@require_POST
def claim_add_evidence(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _claim_response(
            request, pk, "The evidence could not be added: see the form.", evidence_form=form
        )
    try:
        services.add_evidence(claim, actor=request.user, **form.cleaned_data)
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc), evidence_form=form)
    return _claim_response(request, pk)


@require_POST
def claim_link_evidence(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = LinkEvidenceForm(request.POST, claim=claim)
    if not form.is_valid():
        return _claim_response(request, pk, "Choose the evidence to link.")
    try:
        services.link_evidence(
            claim,
            form.cleaned_data["evidence"],
            actor=request.user,
            stance=form.cleaned_data["stance"],
        )
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc))
    return _claim_response(request, pk)


@require_POST
def claim_unlink_evidence(request, pk, link_pk):
    link = get_object_or_404(
        ClaimEvidence.objects.select_related("evidence"), pk=link_pk, claim_id=pk
    )
    try:
        services.unlink_evidence(link, actor=request.user)
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc))
    return _claim_response(request, pk)


@require_POST
def claim_comment(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _claim_response(request, pk, "The comment is empty.", comment_form=form)
    try:
        services.add_comment(claim, actor=request.user, text=form.cleaned_data["text"])
    except WorkflowError as exc:
        return _claim_response(request, pk, str(exc), comment_form=form)
    return _claim_response(request, pk)


# --- Sources ------------------------------------------------------------------------------------


@require_GET
def source_list(request):
    page = selectors.page_of(selectors.sources_list(), request.GET.get("page"), 100)
    return render(request, "claims/source_list.html", {"page": page})


@require_GET
def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    return render(
        request, "claims/source_detail.html", {"source": source, **selectors.source_page(source)}
    )
