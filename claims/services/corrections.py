"""Corrections: the journalist is the final authority over every claim.

Add a claim the extractor missed, correct a claim's span, kind, cue and speaker, split and merge
claims, and mark junk "not a claim". Each correction is a ClaimEvent with its before and after
values (ClaimEvent.changes), under the same optimistic locking as the workflow; a claim a person
added or corrected is never overwritten by a later extraction (services.articles).
"""

from django.db import transaction
from django.db.models import Q

from claims import extraction
from claims.extraction.checkworthiness import score_claim
from claims.extraction.numbers import find_numbers
from claims.models import Claim, ClaimEvent, Notification, Source
from claims.permissions import FACT_CHECKER, role_of
from claims.services.articles import existing_source, fingerprint, source_for_name
from claims.services.errors import NotAllowed, WorkflowError, require
from claims.services.notifications import notify
from claims.services.spans import WORD, sentence_around, snap_to_words
from claims.services.workflow import lock_claim, record_event, save_claim

State = Claim.State
Kind = Claim.Kind
# Corrections change what a verdict is about: once one is proposed, the claim is sent back or
# reopened first.
CORRECTABLE_STATES = (State.NEW, State.ASSIGNED, State.IN_PROGRESS)


EMPTY_SELECTION = "The selection is empty: select the words of the claim."


def _check_span(article, start, end, *, ignore=()):
    """Refuse an empty span, one outside the text, or one across a claim a person made."""
    body = article.body
    if not (0 <= start <= end <= len(body)):
        raise WorkflowError("Select some words of the article's text.")
    if not body[start:end].strip():
        raise WorkflowError(EMPTY_SELECTION)
    human = (
        Claim.objects.filter(article=article, start__lt=end, end__gt=start, detached=False)
        .filter(Q(added_by__isnull=False) | Q(corrected=True))
        .exclude(rejection__gt="")
        .exclude(pk__in=ignore)
        .first()
    )
    if human is not None:
        raise WorkflowError(
            f"The selection runs across claim {human.pk} (“{human.text[:60]}”), which a person "
            "made: correct that claim instead."
        )


# --- Suggestions ---------------------------------------------------------------------------------

# How much text before the sentence the extractor sees when suggesting (for "he said" and the
# quotation a sentence continues).
_CONTEXT_CHARS = 2000


def suggest(article, start, end):
    """What the extractor makes of a selection: a dict for the add-claim form (kind, cue, speaker
    as written and the Source it resolves to). Runs on the selection's sentence, with a little
    text before it for context."""
    start, end = snap_to_words(article.body, start, end)
    sentence_start, sentence_end = sentence_around(article.body, start, end)
    window_start = article.body.rfind("\n", 0, max(0, sentence_start - _CONTEXT_CHARS)) + 1
    window = article.body[window_start:sentence_end]
    best, best_overlap = None, 0
    for item in extraction.extract(window):
        item_start, item_end = item.start + window_start, item.end + window_start
        overlap = min(end, item_end) - max(start, item_start)
        if overlap > best_overlap:
            best, best_overlap = item, overlap
    suggestion = {
        "start": start,
        "end": end,
        "text": article.body[start:end],
        "kind": Kind.UNATTRIBUTED,
        "cue": "",
        "source_text": "",
        "source_name": "",
        "source_kind": "",
        "source": None,
    }
    if best is not None and best.kind != extraction.UNATTRIBUTED:
        name = best.source_name or best.source or ""
        suggestion.update(
            kind=best.kind,
            cue=best.cue or "",
            source_text=best.source or "",
            source_name=name,
            source_kind=best.source_kind or "",
            source=find_source(name),
        )
    return suggestion


def find_source(name):
    """The Source record a name resolves to (its name or an alias), or None."""
    return existing_source(name) if name and name.strip() else None


def search_sources(term, limit=10):
    """Sources whose name or an alias contains `term`, best first, for the speaker picker."""
    term = " ".join(term.split())
    if not term:
        return []
    matches = Source.objects.filter(Q(name__icontains=term) | Q(aliases__icontains=term))
    ranked = sorted(
        matches[:200],
        key=lambda s: (not s.name.casefold().startswith(term.casefold()), len(s.name), s.pk),
    )
    return ranked[:limit]


# --- Who may correct ---------------------------------------------------------------------------


def may_correct(claim, user):
    """Whether `user` may correct `claim` now (for showing the corrections section)."""
    try:
        _require_corrector(claim, user)
    except WorkflowError:
        return False
    return True


def split_points(body, start, end):
    """Where a claim can be split: [(offset, the words from there)], one per word after its
    first, for a menu a keyboard can use."""
    points = []
    for match in WORD.finditer(body, start, end):
        # Not before the first word, even behind an opening quotation mark: the first part
        # would be the mark alone.
        if match.start() > start and WORD.search(body, start, match.start()):
            points.append((match.start(), body[match.start() : min(end, match.start() + 40)]))
    return points


def _require_corrector(claim, actor):
    """Editors, and the fact-checker the claim is assigned to."""
    require(actor, "correct", "Your role cannot correct claims.")
    if role_of(actor) == FACT_CHECKER and claim.assignee_id != actor.pk:
        raise NotAllowed("Only the assigned fact-checker or an editor can correct this claim.")
    if claim.state not in CORRECTABLE_STATES:
        raise WorkflowError(
            f"The claim is {claim.get_state_display().lower()}: "
            + (
                "an editor must send it back before it is corrected."
                if claim.state == State.IN_REVIEW
                else "reopen it to correct it."
            )
        )


def _speaker(source_id=None, source_name="", source_kind=""):
    """The Source for a correction: an existing one by id, or one found or created by name."""
    if source_id:
        source = Source.objects.filter(pk=source_id).first()
        if source is None:
            raise WorkflowError("That source no longer exists: search for the speaker again.")
        return source
    name = " ".join((source_name or "").split())
    if not name:
        return None
    if source_kind and source_kind not in Source.Kind.values:
        raise WorkflowError("Choose what kind of speaker this is.")
    return source_for_name(name, source_kind or Source.Kind.PERSON)


def _check_kind(kind, source):
    if kind not in Kind.values:
        raise WorkflowError("Choose whether the claim is a direct quote, reported or unattributed.")
    if kind != Kind.UNATTRIBUTED and source is None:
        raise WorkflowError("A quoted or reported claim needs its speaker: choose or add one.")


# --- Adding --------------------------------------------------------------------------------------


def add_claim(article, *, actor, start, end, kind, cue="", source_id=None, source_name="",
              source_kind="", claim_reviewed=""):  # fmt: skip
    """A claim the extractor missed, from a selection of the article's text (snapped to words).

    Untouched machine claims it overlaps become duplicates of it (they would otherwise come back
    and stand beside it); a selection across a claim a person made is refused.
    """
    require(actor, "correct", "Your role cannot add claims.")
    if article.body and not article.is_finished:
        raise WorkflowError("The article is still being processed: add claims once it is ready.")
    start, end = int(start), int(end)
    if start == end and 0 <= start <= len(article.body):
        raise WorkflowError(EMPTY_SELECTION)
    if not (start >= 0 and end <= len(article.body)):
        raise WorkflowError("Select some words of the article's text.")
    start, end = snap_to_words(article.body, start, end)
    source = _speaker(source_id, source_name, source_kind)
    _check_kind(kind, source)
    with transaction.atomic():
        _check_span(article, start, end)
        text = article.body[start:end]
        sentence_start, sentence_end = sentence_around(article.body, start, end)
        mentions = find_numbers(article.body, start, end)
        sentence = article.body[sentence_start:sentence_end]
        value, reasons = score_claim(text, sentence, kind, mentions)
        ordinal = (article.claims.order_by("-ordinal").values_list("ordinal", flat=True).first()
                   or 0) + 1  # fmt: skip
        claim = Claim.objects.create(
            article=article,
            ordinal=ordinal,
            text=text,
            start=start,
            end=end,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            kind=kind,
            source=source,
            source_text=source.name if source else "",
            cue=cue.strip()[:100],
            score=value,
            reasons=list(reasons),
            numbers=[
                {"text": n.text, "start": n.start, "end": n.end, "kind": n.kind} for n in mentions
            ],
            claim_reviewed=claim_reviewed.strip(),
            added_by=actor,
            corrected=True,
            fingerprint=fingerprint(text),
        )
        record_event(claim, actor, ClaimEvent.Action.ADDED, to_value=text[:300])
        overlapped = (
            Claim.objects.filter(article=article, start__lt=end, end__gt=start, rejection="")
            .exclude(pk=claim.pk)
            .filter(added_by__isnull=True, corrected=False, state=State.NEW)
        )
        for other in overlapped.select_for_update():
            other.rejection = Claim.Rejection.DUPLICATE
            other.duplicate_of = claim
            save_claim(other, "rejection", "duplicate_of")
            record_event(other, actor, ClaimEvent.Action.REJECTED, "", "duplicate",
                         text=f"Replaced by claim {claim.pk}, added by hand.",
                         changes={"replaced_by": claim.pk})  # fmt: skip
    return claim


# --- Editing -----------------------------------------------------------------------------------

# The fields a correction may change, as the event names them.
EDITABLE = ("span", "kind", "cue", "source", "claim_reviewed")


def edit_claim(claim, *, actor, expected_version=None, **changes):
    """Correct a claim: its span (start, end), kind, cue, speaker (source_id or source_name with
    source_kind) and the wording to review (claim_reviewed). Only what differs is recorded."""
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        _require_corrector(claim, actor)
        before = _values(claim)
        if "start" in changes or "end" in changes:
            start, end = snap_to_words(
                claim.article.body,
                int(changes.get("start", claim.start)),
                int(changes.get("end", claim.end)),
            )
            _check_span(claim.article, start, end, ignore=[claim.pk])
            claim.start, claim.end = start, end
            claim.text = claim.article.body[start:end]
            claim.sentence_start, claim.sentence_end = sentence_around(
                claim.article.body, start, end
            )
        if "kind" in changes:
            claim.kind = changes["kind"]
        if "cue" in changes:
            claim.cue = (changes["cue"] or "").strip()[:100]
        if {"source_id", "source_name"} & changes.keys():
            claim.source = _speaker(
                changes.get("source_id"), changes.get("source_name", ""),
                changes.get("source_kind", ""),
            )  # fmt: skip
            claim.source_text = claim.source.name if claim.source else ""
        if claim.kind == Kind.UNATTRIBUTED:
            claim.source, claim.source_text, claim.cue = None, "", ""
        _check_kind(claim.kind, claim.source)
        if "claim_reviewed" in changes:
            wording = (changes["claim_reviewed"] or "").strip()
            claim.claim_reviewed = "" if wording == claim.text else wording
        after = _values(claim)
        diff = {
            name: [before[name], after[name]] for name in EDITABLE if before[name] != after[name]
        }
        if not diff:
            return claim
        if diff.keys() - {"claim_reviewed"}:
            claim.corrected = True
        save_claim(claim, "start", "end", "text", "sentence_start", "sentence_end", "kind", "cue",
              "source", "source_text", "claim_reviewed", "corrected")  # fmt: skip
        ClaimEvent.objects.create(
            claim=claim,
            actor=actor,
            action=ClaimEvent.Action.CORRECTED,
            from_value=", ".join(diff)[:300],
            to_value=_describe(diff)[:300],
            changes=diff,
        )
    return claim


def _values(claim):
    return {
        "span": [claim.start, claim.end, claim.text],
        "kind": claim.kind,
        "cue": claim.cue,
        "source": claim.source.name if claim.source_id else "",
        "claim_reviewed": claim.claim_reviewed,
    }


def _describe(diff):
    parts = []
    for name, (old, new) in diff.items():
        if name == "span":
            parts.append(f"text now “{new[2][:80]}”")
        elif name == "claim_reviewed":
            parts.append("wording to review changed")
        else:
            parts.append(f"{name} {old or 'none'} → {new or 'none'}")
    return "; ".join(parts)


# --- Split, merge, not a claim -------------------------------------------------------------------


def split_claim(claim, *, actor, at, expected_version=None):
    """Cut a claim in two at a word: the first keeps its id, evidence, comments and history; the
    second starts as a new claim. Returns (first, second)."""
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        _require_corrector(claim, actor)
        body = claim.article.body
        at, _ = snap_to_words(body, int(at), int(at))
        first_end = at
        while first_end > claim.start and body[first_end - 1].isspace():
            first_end -= 1
        second_start = at
        while second_start < claim.end and body[second_start].isspace():
            second_start += 1
        if not (
            WORD.search(body, claim.start, first_end) and WORD.search(body, second_start, claim.end)
        ):  # each part needs a word: '"' alone is no claim
            raise WorkflowError("Split the claim at a word inside it, not at either end.")
        sentence = body[claim.sentence_start : claim.sentence_end]
        second = Claim.objects.create(
            article=claim.article,
            ordinal=claim.ordinal,
            text=body[second_start : claim.end],
            start=second_start,
            end=claim.end,
            sentence_start=claim.sentence_start,
            sentence_end=claim.sentence_end,
            kind=claim.kind,
            source=claim.source,
            source_text=claim.source_text,
            cue=claim.cue,
            score=score_claim(body[second_start : claim.end], sentence, claim.kind)[0],
            added_by=actor,
            corrected=True,
            fingerprint=fingerprint(body[second_start : claim.end]),
        )
        old = [claim.start, claim.end, claim.text]
        claim.end, claim.text = first_end, body[claim.start : first_end]
        claim.score = score_claim(claim.text, sentence, claim.kind)[0]
        claim.corrected = True
        save_claim(claim, "end", "text", "score", "corrected")
        record_event(
            claim, actor, ClaimEvent.Action.SPLIT, old[2], claim.text,
            text=f"Split; the rest is claim {second.pk}.",
            changes={"span": [old, [claim.start, claim.end, claim.text]]},
        )  # fmt: skip
        record_event(second, actor, ClaimEvent.Action.SPLIT, "", second.text,
                     text=f"Split from claim {claim.pk}.")  # fmt: skip
    return claim, second


def merge_claims(target, others, *, actor):
    """Merge claims of one article that say the same thing into `target`; the others end as its
    duplicates, with their evidence, comments and history kept."""
    others = [other for other in others if other.pk != target.pk]
    if not others:
        raise WorkflowError("Choose at least one other claim to merge into this one.")
    with transaction.atomic():
        target = lock_claim(target, None)
        _require_corrector(target, actor)
        for other in Claim.objects.select_for_update().filter(pk__in=[o.pk for o in others]):
            if other.article_id != target.article_id:
                raise WorkflowError("Only claims of the same article can be merged.")
            if other.state not in CORRECTABLE_STATES or other.rejection:
                raise WorkflowError(
                    f"Claim {other.pk} is {other.get_state_display().lower()}"
                    f"{' and not a claim' if other.rejection else ''}: it cannot be merged."
                )
            other.rejection = Claim.Rejection.DUPLICATE
            other.duplicate_of = target
            save_claim(other, "rejection", "duplicate_of")
            record_event(other, actor, ClaimEvent.Action.MERGED, "", f"claim {target.pk}",
                    text=f"Merged into claim {target.pk}.")  # fmt: skip
            _tell_assignee(other, actor, f"Merged into claim {target.pk}.")
            record_event(target, actor, ClaimEvent.Action.MERGED, f"claim {other.pk}", "",
                    text=f"Claim {other.pk} merged into this one.")  # fmt: skip
        save_claim(target)
    return target


def reject_claim(claim, *, actor, reason, note="", expected_version=None):
    """ "Not a claim": junk the extractor produced, with a reason (not a checking decision)."""
    if reason not in Claim.Rejection.values:
        raise WorkflowError("Choose why this is not a claim.")
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        _require_corrector(claim, actor)
        if claim.rejection:
            raise WorkflowError("This is already marked as not a claim.")
        claim.rejection = reason
        save_claim(claim, "rejection")
        record_event(claim, actor, ClaimEvent.Action.REJECTED, "", reason, text=note.strip())
        _tell_assignee(claim, actor, f"{claim.get_rejection_display()}. {note.strip()}".strip())
    return claim


def _tell_assignee(claim, actor, why):
    """The fact-checker working on a claim someone else set aside learns it from a
    notification, not from the claim vanishing from their list."""
    notify(claim.assignee, claim, Notification.Kind.SET_ASIDE, actor=actor, text=why)


def accept_claim(claim, *, actor, expected_version=None):
    """Undo "not a claim"."""
    with transaction.atomic():
        claim = lock_claim(claim, expected_version)
        _require_corrector(claim, actor)
        if not claim.rejection:
            raise WorkflowError("This is already a claim.")
        before = claim.rejection
        claim.rejection, claim.duplicate_of = "", None
        save_claim(claim, "rejection", "duplicate_of")
        record_event(claim, actor, ClaimEvent.Action.ACCEPTED, before, "")
    return claim
