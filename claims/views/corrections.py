"""Corrections in the desk: adding a claim from the article's text, correcting one on its page
(span, kind, cue, speaker, wording), split, merge, "not a claim", and an article's details and
new versions. Views parse and render; claims.services.corrections holds the rules."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from claims import selectors, services
from claims.forms import (
    AddClaimForm,
    ArticleDetailsForm,
    CorrectClaimForm,
    MergeForm,
    NewVersionForm,
    RejectForm,
    SpanForm,
    SplitForm,
)
from claims.models import Article, Claim
from claims.permissions import user_can
from claims.services import WorkflowError, corrections
from claims.services.spans import from_utf16
from claims.views.claim import claim_response


def _offset(request, body, name, base=0):
    """A Python offset into `body` from the request: `u16<name>` is a browser's (UTF-16, counted
    from `base`), `<name>` a Python one. None when absent or not a number."""
    raw = request.GET.get(f"u16{name}", request.POST.get(f"u16{name}"))
    if raw is not None:
        try:
            return base + from_utf16(body[base:], max(0, int(raw)))
        except ValueError:
            return None
    raw = request.GET.get(name, request.POST.get(name))
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


# --- Adding a claim from the article page --------------------------------------------------------


def _add_claim_form(article, start, end):
    """The add-claim form prefilled with what the extractor makes of the selection."""
    suggestion = corrections.suggest(article, start, end)
    source = suggestion["source"]
    form = AddClaimForm(
        initial={
            "start": suggestion["start"],
            "end": suggestion["end"],
            "kind": suggestion["kind"],
            "cue": suggestion["cue"],
            "speaker": source.pk if source else ("new" if suggestion["source_name"] else ""),
            "source_name": "" if source else suggestion["source_name"],
            "source_kind": suggestion["source_kind"],
        }
    )
    return form, suggestion


def _panel(request, article, form, suggestion, status=200):
    context = {
        "article": article,
        "form": form,
        "suggestion": suggestion,
        "sentences": selectors.sentence_choices(article),
    }
    return render(request, "claims/article_detail.html#add-claim", context, status=status)


@require_GET
def add_claim_panel(request, pk):
    """The add-claim panel for a selection (u16start/u16end) or a sentence (start/end)."""
    if not user_can(request.user, "correct"):
        raise PermissionDenied("Your role cannot add claims.")
    article = get_object_or_404(Article, pk=pk)
    start, end = _offset(request, article.body, "start"), _offset(request, article.body, "end")
    start_text, _, end_text = request.GET.get("sentence", "").partition("-")
    if _digits(start_text, end_text):  # a sentence chosen from the keyboard's list
        start, end = int(start_text), int(end_text)
    if start is None or end is None:
        return _panel(request, article, None, None)
    form, suggestion = _add_claim_form(article, start, end)
    if not suggestion["text"].strip():
        messages.error(request, "The selection is empty: select the words of the claim.")
        return _panel(request, article, None, None)
    if not request.htmx:  # no script: the article page with the form open
        return _article_page(request, article, form=form, suggestion=suggestion)
    return _panel(request, article, form, suggestion)


@require_POST
def add_claim(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = AddClaimForm(request.POST)
    error = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim = corrections.add_claim(
                article,
                actor=request.user,
                start=data["start"],
                end=data["end"],
                kind=data["kind"],
                cue=data["cue"],
                claim_reviewed=data["claim_reviewed"],
                **form.speaker_changes(),
            )
        except WorkflowError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Claim {claim.pk} added.")
            # A query string, so that the browser loads the page (a new #fragment alone would
            # only scroll the page it is on) and shows the new claim highlighted.
            url = f"{article.get_absolute_url()}?added={claim.pk}#c{claim.pk}"
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    else:
        error = "The claim could not be added: see the form."
    messages.error(request, error)
    start, end = form.data.get("start", "0"), form.data.get("end", "0")
    suggestion = {"text": article.body[int(start) : int(end)] if _digits(start, end) else ""}
    response = _panel(request, article, form, suggestion)
    return reswap(retarget(response, "#add-claim"), "outerHTML") if request.htmx else response


def _digits(*values):
    return all(str(value).isascii() and str(value).isdigit() and value != "" for value in values)


@require_GET
def source_search(request):
    """Speakers whose name or alias matches, as choices for a claim's speaker."""
    sources = corrections.search_sources(request.GET.get("q", "")[:100])
    return render(request, "claims/source_choices.html", {"sources": sources})


# --- Correcting a claim on its page ------------------------------------------------------------


@require_POST
def claim_correct(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = CorrectClaimForm(request.POST)
    if not form.is_valid():
        return claim_response(request, pk, "The correction is incomplete: see the form.",
                              correct_form=form)  # fmt: skip
    data = form.cleaned_data
    changes = {"kind": data["kind"], "cue": data["cue"], "claim_reviewed": data["claim_reviewed"]}
    changes.update(form.speaker_changes())
    try:
        corrections.edit_claim(
            claim, actor=request.user, expected_version=data["version"], **changes
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc, correct_form=form)
    messages.success(request, "Correction saved.")
    return claim_response(request, pk)


@require_POST
def claim_span(request, pk):
    """Move a claim's start or end (the word buttons), or re-select it in the context shown."""
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    body = claim.article.body
    base = _offset(request, body, "base") or 0
    data = request.POST.copy()
    for name in ("start", "end"):
        value = _offset(request, body, name, base=base) if f"u16{name}" in data else None
        if value is not None:
            data[name] = value
    form = SpanForm(data)
    if not form.is_valid():
        return claim_response(request, pk, "Select the words of the claim in the text shown.")
    try:
        corrections.edit_claim(
            claim,
            actor=request.user,
            expected_version=form.cleaned_data["version"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    return claim_response(request, pk)


@require_POST
def claim_split(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = SplitForm(request.POST)
    if not form.is_valid():
        return claim_response(request, pk, "Choose the word to split the claim at.")
    try:
        first, second = corrections.split_claim(
            claim, actor=request.user, at=form.cleaned_data["at"],
            expected_version=form.cleaned_data["version"],
        )  # fmt: skip
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    messages.success(request, f"Split: the rest is now claim {second.pk}.")
    return claim_response(request, pk)


@require_GET
def claim_merge_choices(request, pk):
    """The other claims of the article, loaded when the merge section is opened."""
    claim = get_object_or_404(Claim, pk=pk)
    others = MergeForm(claim=claim).fields["others"].queryset.values_list("pk", "text")[:500]
    return render(request, "claims/claim_merge.html", {"claim": claim, "choices": list(others)})


@require_POST
def claim_merge(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = MergeForm(request.POST, claim=claim)
    if not form.is_valid():
        return claim_response(request, pk, "Choose the claims to merge into this one.")
    try:
        corrections.merge_claims(claim, list(form.cleaned_data["others"]), actor=request.user)
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    count = len(form.cleaned_data["others"])
    messages.success(request, f"Merged {count} claim{'s' if count != 1 else ''} into this one.")
    return claim_response(request, pk)


@require_POST
def claim_reject(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return claim_response(request, pk, "Choose why this is not a claim.", reject_form=form)
    try:
        corrections.reject_claim(
            claim, actor=request.user, reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"], expected_version=form.cleaned_data["version"],
        )  # fmt: skip
    except WorkflowError as exc:
        return claim_response(request, pk, exc, reject_form=form)
    messages.success(request, "Marked as not a claim: the queue no longer shows it.")
    return claim_response(request, pk)


@require_POST
def claim_accept(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    try:
        corrections.accept_claim(claim, actor=request.user)
    except WorkflowError as exc:
        return claim_response(request, pk, exc)
    messages.success(request, "It is a claim again.")
    return claim_response(request, pk)


# --- An article's details and new versions ------------------------------------------------------


def _article_page(request, article, **forms):
    from claims.views.articles import article_context

    context = {**article_context(request, article), **forms}
    return render(request, "claims/article_detail.html", context)


@require_POST
def article_details(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = ArticleDetailsForm(request.POST, instance=Article.objects.get(pk=pk))
    if not form.is_valid():
        messages.error(request, "The details were not saved: see the form.")
        return _article_page(request, article, details_form=form)
    try:
        services.update_article_details(
            article, actor=request.user, **{k: form.cleaned_data[k] for k in form.fields}
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return _article_page(request, article, details_form=form)
    messages.success(
        request, "The article's details are saved.", extra_tags=f"draft-sent-details-{pk}"
    )
    return redirect(article)


@require_POST
def article_new_version(request, pk):
    article = get_object_or_404(Article, pk=pk)
    form = NewVersionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "The new version was not uploaded: see the form.")
        return _article_page(request, article, version_form=form)
    data = form.cleaned_data
    try:
        services.submit_new_version(
            article, actor=request.user, text=data["text"] if data["text"].strip() else "",
            upload=data["file"], filename=data.get("name", ""),
        )  # fmt: skip
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return _article_page(request, article, version_form=form)
    messages.success(
        request,
        "The new version is being read: claims people worked on are kept and found again in it.",
        extra_tags=f"draft-sent-version-{pk}",  # static/js/drafts.js forgets the typed text
    )
    return redirect(article)
