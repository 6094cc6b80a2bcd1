"""Every business rule of the desk: submitting articles, applying extractions, the claim workflow.

Views, admin actions, tasks and management commands call these functions; they never change
models directly. A refused operation raises WorkflowError with a message for the journalist.
"""

import hashlib
import logging
import re
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article, Claim, ClaimEvent, ClaimEvidence, Evidence, Source
from claims.permissions import EDITOR, FACT_CHECKER, role_of, user_can

log = logging.getLogger(__name__)

State = Claim.State


class WorkflowError(Exception):
    """An operation the desk's rules refuse; str(exc) is shown to the user."""


class StaleClaimError(WorkflowError):
    """Someone else changed the claim since this user loaded it."""

    def __init__(self, claim):
        self.claim = claim
        who = claim.events.order_by("-created_at", "-id").select_related("actor").first()
        by = f" by {who.actor}" if who and who.actor else ""
        super().__init__(
            f"This claim was changed{by} while you were editing it. "
            "Your change was not saved: review the current version below and apply it again."
        )


class DuplicateArticleError(Exception):
    """The same text was uploaded before; the caller may offer to upload it anyway."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(f"This article was already uploaded as “{existing.headline}”.")


def fingerprint(text):
    """A stable key for a claim's text: case, spacing and punctuation do not matter."""
    normal = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    return hashlib.sha256(normal.encode()).hexdigest()


def content_hash(text):
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _require(user, action, message):
    if not user_can(user, action):
        raise WorkflowError(message)


# --- Articles -----------------------------------------------------------------------------------


def submit_article(
    *,
    user,
    body,
    headline,
    format=Article.Format.TEXT,
    standfirst="",
    outlet="",
    author="",
    url="",
    published_on=None,
    original=None,
    original_filename="",
    allow_duplicate=False,
):
    """Save an article as queued and enqueue its extraction once the transaction commits."""
    _require(user, "upload", "Only editors can upload articles.")
    if not body.strip():
        raise WorkflowError("The article is empty: paste its text or choose a file.")
    digest = content_hash(body)
    if not allow_duplicate:
        existing = Article.objects.filter(content_hash=digest).first()
        if existing:
            raise DuplicateArticleError(existing)
    with transaction.atomic():
        article = Article(
            headline=headline.strip()[:300] or "Untitled article",
            standfirst=standfirst,
            body=body,
            format=format,
            outlet=outlet,
            author=author,
            url=url,
            published_on=published_on,
            content_hash=digest,
            uploaded_by=user,
            original_filename=original_filename,
        )
        if original is not None:
            article.original_file.save(original_filename or "upload", original, save=False)
        article.save()
        enqueue_extraction(article)
    return article


def enqueue_extraction(article):
    """Publish the extraction task after commit; if the broker is down the sweeper retries."""
    transaction.on_commit(lambda: publish_extraction(article.pk))


def publish_extraction(article_id):
    """Send the task now. Returns False (and records why) when the broker cannot be reached."""
    from claims.tasks import extract_article

    try:
        extract_article.delay(article_id)
    except Exception:  # any broker or connection failure: the article stays queued
        log.warning("Could not enqueue article %s; the sweeper will retry", article_id)
        Article.objects.filter(pk=article_id).update(
            enqueued_at=None,
            error_message="Processing is delayed: the task queue is unreachable. "
            "It will start automatically when the queue is back.",
        )
        return False
    Article.objects.filter(pk=article_id).update(enqueued_at=timezone.now(), error_message="")
    return True


def reprocess_article(article, *, user):
    """Queue an article again (after a failure, or to re-extract with a newer extractor)."""
    _require(user, "retry_article", "Only editors can re-process an article.")
    if article.status in (Article.Status.QUEUED, Article.Status.PROCESSING):
        raise WorkflowError("This article is already waiting to be processed.")
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.QUEUED, progress=0, error_message="", attempts=0
        )
        enqueue_extraction(article)
    article.refresh_from_db()
    return article


def start_processing(article_id, *, attempt=1):
    """Mark an article as processing; None when it is gone or already done by this extractor."""
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return None
        if (
            article.status == Article.Status.READY
            and article.extractor_version == EXTRACTOR_VERSION
        ):
            return None  # a duplicate delivery of a task that already completed
        article.status = Article.Status.PROCESSING
        article.progress = 10
        article.attempts = attempt
        article.save(update_fields=["status", "progress", "attempts", "updated_at"])
    return article


def set_progress(article_id, percent):
    Article.objects.filter(pk=article_id).update(progress=percent)


def mark_failed(article_id, reason):
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, error_message=reason, progress=0
    )


def _normal_name(name):
    return " ".join(name.casefold().split())


def _source_for(name, kind, alias, cache):
    key = _normal_name(name)[:300]
    source = cache.get(key)
    if source is None:
        source, _ = Source.objects.get_or_create(
            normalized_name=key, defaults={"name": name[:300], "kind": kind or Source.Kind.PERSON}
        )
        cache[key] = source
    if alias and _normal_name(alias) != key and alias not in source.aliases:
        source.aliases = [*source.aliases, alias[:300]]
        source.save(update_fields=["aliases"])
    return source


def _has_human_work():
    """Claims someone has touched: assigned, evidence, verdict, comments, any state change."""
    comments = ClaimEvent.objects.filter(claim=OuterRef("pk"), action=ClaimEvent.Action.COMMENT)
    evidence = ClaimEvidence.objects.filter(claim=OuterRef("pk"))
    return (
        Q(assignee__isnull=False)
        | Q(verdict__isnull=False)
        | ~Q(state=State.NEW)
        | Q(Exists(evidence))
        | Q(Exists(comments))
    )


def apply_extraction(article, extracted, *, version=EXTRACTOR_VERSION):
    """Replace the article's untouched claims with `extracted`, in one transaction.

    Claims with human work are kept and re-anchored by fingerprint; those whose text is gone
    are marked detached. Running it twice with the same input gives the same claims.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        claims = Claim.objects.filter(article=article)
        claims.exclude(_has_human_work()).delete()
        kept = {claim.fingerprint: claim for claim in claims.all()}
        sources = {}
        new_claims = []
        for ordinal, item in enumerate(extracted, start=1):
            source = None
            if item.source_name or item.source:
                name = item.source_name or item.source
                source = _source_for(name, item.source_kind, item.source, sources)
            fields = {
                "ordinal": ordinal,
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "sentence_start": item.sentence_start,
                "sentence_end": item.sentence_end,
                "kind": item.kind,
                "source": source,
                "source_text": (item.source or "")[:300],
                "source_start": item.source_start,
                "source_end": item.source_end,
                "cue": (item.cue or "")[:100],
                "cue_start": item.cue_start,
                "cue_end": item.cue_end,
                "score": item.score,
                "reasons": list(item.reasons),
                "numbers": [
                    {"text": n.text, "start": n.start, "end": n.end, "kind": n.kind}
                    for n in item.numbers
                ],
                "detached": False,
            }
            fp = fingerprint(item.text)
            existing = kept.pop(fp, None)
            if existing is not None:
                moved = existing.start != item.start
                for name, value in fields.items():
                    setattr(existing, name, value)
                existing.save()
                if moved:
                    ClaimEvent.objects.create(
                        claim=existing,
                        action=ClaimEvent.Action.REEXTRACTED,
                        text=f"Re-anchored by extractor {version}.",
                    )
            else:
                new_claims.append(Claim(article=article, fingerprint=fp, **fields))
        Claim.objects.bulk_create(new_claims)
        for orphan in kept.values():
            orphan.detached = True
            orphan.save(update_fields=["detached", "updated_at"])
        article.status = Article.Status.READY
        article.progress = 100
        article.error_message = ""
        article.extractor_version = version
        article.processed_at = timezone.now()
        article.save()
    return article


def stale_queued_articles():
    cutoff = timezone.now() - timedelta(seconds=settings.STALE_QUEUED_SECONDS)
    return Article.objects.filter(status=Article.Status.QUEUED).filter(
        Q(enqueued_at__isnull=True, created_at__lt=timezone.now() - timedelta(seconds=10))
        | Q(enqueued_at__lt=cutoff)
    )


def requeue_stale_articles():
    """Re-enqueue articles that waited too long (broker was down). Safe on many machines."""
    count = 0
    with transaction.atomic():
        ids = list(
            stale_queued_articles().select_for_update(skip_locked=True).values_list("pk", flat=True)
        )
        # Claim them first, so another sweeper running at the same time skips them.
        Article.objects.filter(pk__in=ids).update(enqueued_at=timezone.now())
    for article_id in ids:
        count += publish_extraction(article_id)
    return count


# --- Claims -------------------------------------------------------------------------------------


def _lock(claim, expected_version):
    """Re-read the claim under a row lock; refuse if it changed since the user loaded it."""
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if expected_version is not None and int(expected_version) != locked.version:
        raise StaleClaimError(locked)
    return locked


def _record(claim, actor, action, from_value="", to_value="", text=""):
    return ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        action=action,
        from_value=str(from_value)[:300],
        to_value=str(to_value)[:300],
        text=text,
    )


def _save(claim, *fields):
    claim.version += 1
    claim.save(update_fields=[*fields, "version", "updated_at"])


def _require_worker(claim, actor, what):
    """Fact-checkers work only claims assigned to them; editors may act on any."""
    if role_of(actor) == FACT_CHECKER and claim.assignee_id != actor.pk:
        raise WorkflowError(f"Only the assigned fact-checker or an editor can {what}.")


def assignable_users():
    from django.contrib.auth import get_user_model

    from claims.permissions import EDITORS, FACT_CHECKERS

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=[EDITORS, FACT_CHECKERS]) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
    )


def assign_claim(claim, assignee, *, actor, expected_version=None):
    """Give a claim to a fact-checker (editors), or take an unassigned one (fact-checkers)."""
    if assignee is not None and assignee != actor:
        _require(actor, "assign", "Only editors can assign claims to other people.")
    else:
        _require(actor, "take", "Viewers cannot take claims.")
    if assignee is not None and role_of(assignee) not in (EDITOR, FACT_CHECKER):
        raise WorkflowError(f"{assignee} cannot be assigned claims: they are not a fact-checker.")
    with transaction.atomic():
        claim = _lock(claim, expected_version)
        if claim.state in (State.VERIFIED, State.PUBLISHED, State.DISMISSED):
            raise WorkflowError(
                f"A {claim.get_state_display().lower()} claim cannot be reassigned."
            )
        if role_of(actor) == FACT_CHECKER and claim.assignee_id not in (None, actor.pk):
            raise WorkflowError(f"This claim is already assigned to {claim.assignee}.")
        if claim.assignee_id == (assignee.pk if assignee else None):
            return claim
        before = claim.assignee
        claim.assignee = assignee
        fields = ["assignee"]
        if claim.state == State.NEW and assignee is not None:
            claim.state = State.ASSIGNED
            fields.append("state")
            _record(claim, actor, ClaimEvent.Action.STATE, State.NEW, State.ASSIGNED)
        elif claim.state == State.ASSIGNED and assignee is None:
            claim.state = State.NEW
            fields.append("state")
            _record(claim, actor, ClaimEvent.Action.STATE, State.ASSIGNED, State.NEW)
        _save(claim, *fields)
        _record(claim, actor, ClaimEvent.Action.ASSIGNED, before or "", assignee or "")
    return claim


class Transition(NamedTuple):
    sources: set
    target: str
    label: str  # the button
    needs_reason: bool
    does: str  # for refusals: "Your role cannot <does>."


TRANSITIONS = {
    "start": Transition({State.ASSIGNED}, State.IN_PROGRESS, "Start work", False,
                        "start work on claims"),
    "approve": Transition({State.IN_REVIEW}, State.VERIFIED, "Approve verdict", False,
                          "approve verdicts"),
    "send_back": Transition({State.IN_REVIEW}, State.IN_PROGRESS, "Send back", True,
                            "send claims back"),
    "publish": Transition({State.VERIFIED}, State.PUBLISHED, "Publish", False, "publish claims"),
    "reopen": Transition({State.VERIFIED, State.PUBLISHED}, State.IN_PROGRESS, "Reopen", True,
                         "reopen claims"),
    "dismiss": Transition({State.NEW, State.ASSIGNED, State.IN_PROGRESS}, State.DISMISSED,
                          "Dismiss", False, "dismiss claims"),
    "restore": Transition({State.DISMISSED}, State.NEW, "Restore", False,
                          "restore dismissed claims"),
}  # fmt: skip


def check_transition(claim, action, actor, reason=""):
    """Raise WorkflowError when `actor` may not apply `action` to `claim` now."""
    if action not in TRANSITIONS:
        raise WorkflowError("Unknown action.")
    rule = TRANSITIONS[action]
    _require(actor, action, f"Your role cannot {rule.does}.")
    if claim.state not in rule.sources:
        raise WorkflowError(
            f"A claim that is {claim.get_state_display().lower()} cannot be moved to "
            f"{State(rule.target).label.lower()}."
        )
    if action == "start":
        _require_worker(claim, actor, "start work on this claim")
    if action == "approve" and claim.proposed_by_id == actor.pk:
        raise WorkflowError("You proposed this verdict: another editor must approve it.")
    if rule.needs_reason and not reason.strip():
        raise WorkflowError(f"Give a reason to {rule.label.lower()} this claim.")


def transition(claim, action, *, actor, reason="", expected_version=None):
    """Move a claim along the workflow (start, approve, send back, publish, reopen, dismiss)."""
    with transaction.atomic():
        claim = _lock(claim, expected_version)
        check_transition(claim, action, actor, reason)
        before, target = claim.state, TRANSITIONS[action].target
        claim.state = target
        fields = ["state"]
        if action == "restore":
            claim.assignee = None
            fields.append("assignee")
        _save(claim, *fields)
        _record(claim, actor, ClaimEvent.Action.STATE, before, target, reason.strip())
    return claim


def allowed_actions(claim, user):
    """The transitions `user` may make on `claim` now, for buttons: [(action, label, reason?)]."""
    allowed = []
    for action, rule in TRANSITIONS.items():
        try:
            check_transition(claim, action, user, reason="-")
        except WorkflowError:
            continue
        allowed.append((action, rule.label, rule.needs_reason))
    return allowed


def can_propose(claim, user):
    return (
        user_can(user, "propose")
        and claim.state in (State.ASSIGNED, State.IN_PROGRESS)
        and (role_of(user) == EDITOR or claim.assignee_id == user.pk)
    )


def propose_verdict(claim, *, actor, verdict, summary, expected_version=None):
    """Put a verdict with its summary up for an editor's approval (state: in review)."""
    _require(actor, "propose", "Your role cannot propose verdicts.")
    with transaction.atomic():
        claim = _lock(claim, expected_version)
        _require_worker(claim, actor, "propose a verdict")
        if claim.state not in (State.ASSIGNED, State.IN_PROGRESS):
            raise WorkflowError(
                f"A verdict can be proposed only for a claim in progress, "
                f"not one that is {claim.get_state_display().lower()}."
            )
        if verdict is None:
            raise WorkflowError("Choose a verdict.")
        if not summary.strip():
            raise WorkflowError("Write a summary explaining the verdict.")
        if not claim.evidence_links.exists():
            raise WorkflowError("Link at least one piece of evidence before proposing a verdict.")
        before_state = claim.state
        claim.verdict = verdict
        claim.verdict_summary = summary.strip()
        claim.proposed_by = actor
        claim.state = State.IN_REVIEW
        _save(claim, "verdict", "verdict_summary", "proposed_by", "state")
        _record(claim, actor, ClaimEvent.Action.VERDICT, "", verdict.label, summary.strip())
        _record(claim, actor, ClaimEvent.Action.STATE, before_state, State.IN_REVIEW)
    return claim


EVIDENCE_LOCKED_STATES = (State.VERIFIED, State.PUBLISHED, State.DISMISSED)


def _check_evidence_change(claim, actor):
    _require(actor, "add_evidence", "Your role cannot change evidence.")
    _require_worker(claim, actor, "change this claim's evidence")
    if claim.state in EVIDENCE_LOCKED_STATES:
        raise WorkflowError(
            f"The claim is {claim.get_state_display().lower()}: reopen it to change its evidence."
        )


def link_evidence(claim, evidence, *, actor, stance=ClaimEvidence.Stance.CONTEXT, note=""):
    """Link an existing piece of evidence to a claim (once)."""
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        _check_evidence_change(claim, actor)
        link, created = ClaimEvidence.objects.get_or_create(
            claim=claim,
            evidence=evidence,
            defaults={"stance": stance, "note": note, "added_by": actor},
        )
        if not created:
            raise WorkflowError("This evidence is already linked to the claim.")
        _record(claim, actor, ClaimEvent.Action.EVIDENCE_LINKED, "", evidence.title, stance)
    return link


def add_evidence(claim, *, actor, title, url="", excerpt="", kind=Evidence.Kind.WEB,
                 publisher="", stance=ClaimEvidence.Stance.CONTEXT, note=""):  # fmt: skip
    """Create a new piece of evidence and link it to the claim, in one transaction."""
    if not title.strip() and not url.strip():
        raise WorkflowError("Give the evidence a title or a URL.")
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        _check_evidence_change(locked, actor)
        evidence = Evidence.objects.create(
            title=(title.strip() or url.strip())[:300],
            url=url.strip(),
            excerpt=excerpt.strip(),
            kind=kind,
            publisher=publisher.strip(),
            added_by=actor,
        )
        return link_evidence(locked, evidence, actor=actor, stance=stance, note=note)


def unlink_evidence(link, *, actor):
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=link.claim_id)
        _check_evidence_change(claim, actor)
        _record(claim, actor, ClaimEvent.Action.EVIDENCE_UNLINKED, link.evidence.title, "")
        link.delete()


def add_comment(claim, *, actor, text):
    _require(actor, "comment", "Viewers cannot comment.")
    if not text.strip():
        raise WorkflowError("The comment is empty.")
    return _record(claim, actor, ClaimEvent.Action.COMMENT, text=text.strip())


def bulk_apply(claims, operation):
    """Apply `operation(claim)` to each claim; returns (done, [refusal messages])."""
    done, refused = 0, []
    for claim in claims:
        try:
            operation(claim)
        except WorkflowError as exc:
            refused.append(f"Claim {claim.pk}: {exc}")
        else:
            done += 1
    return done, refused
