"""Articles: submitting them, reading the text out of an upload, and applying an extraction."""

import hashlib
import json
import logging
import re
from collections import defaultdict
from typing import NamedTuple

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from claims import extraction, ingest
from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article, ArticleRevision, Claim, ClaimEvent, ClaimEvidence, Source
from claims.services import webhooks
from claims.services.errors import (
    DuplicateArticleError,
    RequestConflict,
    WorkflowError,
    require,
)
from claims.services.processing import (
    ProcessingTimeout,
    enqueue_extraction,
    heartbeat,
    holds_lease,
    mark_failed,
    set_progress,
    start_processing,
    time_budget,
)
from claims.services.spans import find_again, sentence_around

log = logging.getLogger(__name__)


def fingerprint(text):
    """A stable key for a claim's text: case, spacing and punctuation do not matter."""
    normal = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    return hashlib.sha256(normal.encode()).hexdigest()


def content_hash(text):
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


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
    """Save an article whose text is already read (seeds, benchmarks) as queued, and enqueue its
    extraction once the transaction commits. Uploads from the desk go through submit_uploads."""
    require(user, "upload", "Only editors can upload articles.")
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
            parsed_at=timezone.now(),
        )
        if original is not None:
            article.original_file.save(original_filename or "upload", original, save=False)
        article.save()
        enqueue_extraction(article)
    return article


def _digest(content):
    """SHA-256 of an uploaded file, read in chunks (never whole into memory)."""
    sha = hashlib.sha256()
    content.seek(0)
    for chunk in iter(lambda: content.read(1024 * 1024), b""):
        sha.update(chunk)
    content.seek(0)
    return sha.hexdigest()


PASTED_NAME = "pasted.txt"


def submit_uploads(*, user, text="", files=(), details=None, allow_duplicate=False):
    """Store pasted text and uploaded files as queued articles, all or none, and enqueue them.

    Nothing is read here beyond what the form checked (type, size): the worker reads each
    upload's text (read_upload), so a slow or hostile file never holds a web request. `files` are
    (safe file name, file object, format); `details` the article fields the form gave (headline,
    outlet, ...). Returns (articles created, earlier articles that had the same upload).
    """
    require(user, "upload", "Only editors can upload articles.")
    details = dict(details or {})
    uploads = [(name, content, fmt) for name, content, fmt in files]
    if text:
        pasted = ContentFile(text.encode("utf-8", "surrogatepass"), name=PASTED_NAME)
        uploads.insert(0, ("", pasted, Article.Format.TEXT))
    if len(uploads) > 1:
        details["headline"] = ""  # one headline cannot name several articles: each finds its own
    hashes = [_digest(content) for _, content, _ in uploads]
    earlier = {}
    if not allow_duplicate:
        for article in Article.objects.filter(upload_hash__in=hashes).order_by("pk"):
            earlier.setdefault(article.upload_hash, article)
    created, stored = [], []
    try:
        with transaction.atomic():
            for (name, content, fmt), digest in zip(uploads, hashes, strict=True):
                if digest in earlier:
                    continue
                article = Article(
                    **details,
                    format=fmt,
                    uploaded_by=user,
                    original_filename=name,
                    upload_hash=digest,
                    allow_duplicate=allow_duplicate,
                )
                article.original_file.save(name or PASTED_NAME, content, save=False)
                stored.append(article.original_file.name)
                article.save()
                enqueue_extraction(article)
                created.append(article)
    except BaseException:
        # The rows are rolled back; the files already written must not outlive them.
        for path in stored:
            Article.original_file.field.storage.delete(path)
        raise
    return created, list(earlier.values())


def _earlier_request(user, external_id, idempotency_key):
    """The article an earlier request with this CMS id or Idempotency-Key made, if any."""
    if external_id:
        found = Article.objects.filter(external_id=external_id).first()
        if found:
            return found
    if idempotency_key:
        return Article.objects.filter(uploaded_by=user, idempotency_key=idempotency_key).first()
    return None


def _same_request(article, digest, external_id, idempotency_key):
    """The article a retried request made; RequestConflict when its upload was another."""
    if article.upload_hash == digest:
        return article
    if external_id and article.external_id == external_id:
        raise RequestConflict(
            f"An article with the CMS id “{external_id}” is already here (article "
            f"{article.pk}) with another text: send a new text as a new version of it.",
            article,
        )
    raise RequestConflict(
        f"This Idempotency-Key was already used for another article (article {article.pk}): "
        "use a new key for each new article.",
        article,
    )


def submit_once(*, user, text="", upload=None, details=None, allow_duplicate=False,
                external_id="", idempotency_key=""):  # fmt: skip
    """Store one article (pasted `text`, or `upload` = (name, file, format)) for a client that
    may send the same request again (the API): a request with the CMS id or Idempotency-Key of
    an earlier one returns the article that one made, never a second. Returns (article,
    created). A different text under the same id or key is refused (RequestConflict); a text
    already here under no such id is refused as in the desk (DuplicateArticleError) unless
    `allow_duplicate`."""
    require(user, "upload", "Only editors can upload articles.")
    external_id, idempotency_key = external_id.strip()[:200], idempotency_key.strip()[:200]
    files = [upload] if upload else []
    content = upload[1] if upload else ContentFile(text.encode("utf-8", "surrogatepass"))
    digest = _digest(content)
    earlier = _earlier_request(user, external_id, idempotency_key)
    if earlier is not None:
        return _same_request(earlier, digest, external_id, idempotency_key), False
    details = {**(details or {}), "external_id": external_id, "idempotency_key": idempotency_key}
    try:
        created, duplicates = submit_uploads(
            user=user, text=text, files=files, details=details, allow_duplicate=allow_duplicate
        )
    except IntegrityError:
        # The same request, sent twice at once: the other one made the article.
        earlier = _earlier_request(user, external_id, idempotency_key)
        if earlier is None:
            raise
        return _same_request(earlier, digest, external_id, idempotency_key), False
    if not created:
        raise DuplicateArticleError(duplicates[0])
    return created[0], True


ARTICLE_DETAILS = ("headline", "standfirst", "outlet", "author", "url", "published_on")


def update_article_details(article, *, actor, **details):
    """Correct an article's headline, standfirst, outlet, author, URL or date (editors). The
    text is never edited in place: a changed text is a new version (submit_new_version)."""
    require(actor, "edit_article", "Only editors can edit an article's details.")
    unknown = details.keys() - set(ARTICLE_DETAILS)
    if unknown:
        raise WorkflowError(f"These cannot be edited here: {', '.join(sorted(unknown))}.")
    url = (details.get("url") or "").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise WorkflowError("The article's URL must start with http:// or https://.")
    if "headline" in details and not (details["headline"] or "").strip():
        raise WorkflowError("The headline cannot be empty.")
    for name, value in details.items():
        setattr(article, name, value.strip() if isinstance(value, str) else value)
    article.save(update_fields=[*details, "updated_at"])
    return article


def submit_new_version(article, *, actor, text="", upload=None, filename=""):
    """A changed text of the article, pasted or as a file: the current text is kept as a
    revision, the new one is read and extracted by the worker, and the claims people worked on
    are found again in it (apply_extraction)."""
    require(actor, "upload", "Only editors can upload a new version of an article.")
    if article.status in (Article.Status.QUEUED, Article.Status.PROCESSING):
        raise WorkflowError("This article is being processed: upload the new version after.")
    if text:
        upload, filename = ContentFile(text.encode("utf-8", "surrogatepass")), ""
    if upload is None:
        raise WorkflowError("Paste the new text or choose a file.")
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        ArticleRevision.objects.create(
            article=article,
            number=article.revision,
            body=article.body,
            original_file=article.original_file.name or "",
            original_filename=article.original_filename,
            replaced_by=actor,
        )
        digest = _digest(upload)
        article.original_file.save(filename or PASTED_NAME, upload, save=False)
        article.original_filename = filename
        article.upload_hash = digest
        article.revision += 1
        article.parsed_at = None
        article.allow_duplicate = True  # the same article, whatever else is in the archive
        article.reviewed_at = article.reviewed_by = None  # a new text needs a new review
        article.status = Article.Status.QUEUED
        article.progress = 0
        article.error_message = ""
        article.attempts = 0
        article.lease = ""
        article.save()
        enqueue_extraction(article)
    return article


def read_upload(article):
    """The text of an article's upload: ingest.IngestedText, or IngestError with the message
    for the journalist. Pure reading, no database write (the time budget can interrupt it)."""
    with article.original_file.open("rb") as upload:
        data = upload.read()
    limits = {"max_bytes": settings.ARTICLE_MAX_BYTES, "max_chars": settings.ARTICLE_MAX_CHARS}
    if not article.original_filename:  # pasted into the form
        return ingest.ingest_text(data.decode("utf-8", "surrogatepass"), **limits)
    return ingest.ingest_file(article.original_filename, data, **limits)


def store_text(article, document, *, lease):
    """Save the text read from the upload; a duplicate of an earlier article stops here.

    Returns the article ready for extraction, or None when it stopped (failed with a reason, or
    another run holds it now).
    """
    digest = content_hash(document.text)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not holds_lease(article, lease):
            return None
        twin = None
        if not article.allow_duplicate:
            twin = (
                Article.objects.filter(content_hash=digest)
                .exclude(pk=article.pk)
                .order_by("pk")
                .first()
            )
        article.body = document.text
        article.content_hash = digest
        article.format = document.format
        article.parsed_at = timezone.now()
        article.progress = 30
        # What the document says about itself fills only what the editor left empty; the
        # headline falls back to the first line, never to the file's name.
        if not article.headline:
            first_line = document.text.split("\n", 1)[0]
            article.headline = (document.title or first_line).strip()[:300]
        found = {
            "outlet": document.outlet,
            "author": document.author,
            "url": document.url,
            "published_on": document.published,
        }
        for field, value in found.items():
            if value and not getattr(article, field):
                setattr(article, field, value)
        if twin is not None:
            article.status = Article.Status.FAILED
            article.duplicate_of = twin
            article.lease = ""
            article.error_message = (
                f"The same text is already here as “{twin.title}”. "
                "Use “Process anyway” to keep both."
            )
        article.save()
        if twin is not None:
            webhooks.article_failed(article.pk)
    return article if twin is None else None


# Worth retrying (the task does, with backoff); anything else is reported on the article.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def process_article(article_id, *, lease):
    """The worker's whole job for one article: read the upload's text (once), extract the claims
    and apply them. Any failure ends with the article `failed` and a reason a journalist reads;
    database and broker errors propagate, for the task to retry."""
    article = start_processing(article_id, lease=lease)
    if article is None:
        return None
    limit = settings.ARTICLE_TIME_LIMIT
    with heartbeat(article_id, lease):
        try:
            if not article.is_read:
                with time_budget(limit):
                    document = read_upload(article)
                article = store_text(article, document, lease=lease)
                if article is None:
                    return None
            with time_budget(limit):
                result = extraction.extract(article.body)
        except ingest.IngestError as exc:
            mark_failed(article_id, str(exc))
            return None
        except ProcessingTimeout:
            log.warning("Article %s ran out of time", article_id)
            mark_failed(
                article_id,
                f"Processing took longer than {limit} seconds and was stopped. "
                "Upload a shorter text, or split it into several articles.",
            )
            return None
        except TRANSIENT_ERRORS:
            raise
        except Exception as exc:  # a bug in a reader or the extractor: report, do not retry
            log.exception("Processing failed for article %s", article_id)
            mark_failed(
                article_id,
                f"The text could not be processed ({type(exc).__name__}). "
                "Use “Retry” after the text has been checked, or tell the developers.",
            )
            return None
        set_progress(article_id, 70)
        return apply_extraction(article, result, lease=lease)


def reprocess_article(article, *, user, allow_duplicate=False):
    """Queue an article again (after a failure, or to re-extract with a newer extractor).

    `allow_duplicate` keeps an article that was stopped as a duplicate of an earlier one.
    """
    require(user, "retry_article", "Only editors can re-process an article.")
    if article.status in (Article.Status.QUEUED, Article.Status.PROCESSING):
        raise WorkflowError("This article is already waiting to be processed.")
    with transaction.atomic():
        changes = {"status": Article.Status.QUEUED, "progress": 0, "error_message": ""}
        if allow_duplicate:
            changes.update(allow_duplicate=True, duplicate_of=None)
        Article.objects.filter(pk=article.pk).update(attempts=0, lease="", **changes)
        enqueue_extraction(article)
    article.refresh_from_db()
    return article


def _normal_name(name):
    return " ".join(name.casefold().split())


def _source_by_alias(key):
    """A source that has `key` among its aliases (e.g. the name of a source merged into it)."""
    # The database narrows by text (JSON may store non-ASCII escaped); Python decides.
    needle = key.split()[-1] if key.split() else key
    escaped = json.dumps(needle)[1:-1]
    candidates = Source.objects.filter(
        Q(aliases__icontains=needle) | Q(aliases__icontains=escaped)
    ).only("pk", "name", "aliases", "normalized_name", "kind")
    for source in candidates[:50]:
        if any(_normal_name(alias) == key for alias in source.aliases):
            return source
    return None


def existing_source(name):
    """The Source called `name`, by its name or one of its aliases; None when there is none."""
    key = _normal_name(name)[:300]
    return Source.objects.filter(normalized_name=key).first() or _source_by_alias(key)


def source_for_name(name, kind):
    """The Source called `name`, created (with `kind`) when there is none."""
    source = existing_source(name)
    if source is None:
        source, _ = Source.objects.get_or_create(
            normalized_name=_normal_name(name)[:300],
            defaults={"name": name[:300], "kind": kind or Source.Kind.PERSON},
        )
    return source


def _source_for(name, kind, alias, cache):
    key = _normal_name(name)[:300]
    source = cache.get(key)
    if source is None:
        source = source_for_name(name, kind)
    cache[key] = source
    if alias and _normal_name(alias) != key and alias not in source.aliases:
        source.aliases = [*source.aliases, alias[:300]]
        source.save(update_fields=["aliases"])
    return source


def has_human_work():
    """A condition on claims: someone has worked on it. Any change a person made counts (an
    event with an actor: assignment, schedule, state, verdict, evidence, comment, correction),
    and so do the fields themselves, whoever set them (the admin, an import)."""
    by_a_person = ClaimEvent.objects.filter(claim=OuterRef("pk"), actor__isnull=False)
    evidence = ClaimEvidence.objects.filter(claim=OuterRef("pk"))
    return (
        Q(assignee__isnull=False)
        | Q(verdict__isnull=False)
        | ~Q(state=Claim.State.NEW)
        | Q(due_date__isnull=False)
        | ~Q(priority=Claim.Priority.NORMAL)
        | Q(Exists(evidence))
        | Q(Exists(by_a_person))
    )


# What an extraction sets on a claim (everything else is the desk's), and what finding a claim
# again in a new text of the article changes.
EXTRACTION_FIELDS = [
    "ordinal", "text", "start", "end", "sentence_start", "sentence_end", "kind", "source",
    "source_text", "source_start", "source_end", "cue", "cue_start", "cue_end", "score",
    "reasons", "numbers", "detached",
]  # fmt: skip
REANCHOR_FIELDS = ["start", "end", "sentence_start", "sentence_end", "detached"]


def _claim_fields(item, ordinal, sources):
    # A speaker the extractor could not resolve ("they" with no agreeing name before it) gets no
    # Source record: the claim keeps the words as written and the desk shows it unresolved.
    source = None
    if item.source_name:
        source = _source_for(item.source_name, item.source_kind, item.source, sources)
    return {
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
            {"text": n.text, "start": n.start, "end": n.end, "kind": n.kind} for n in item.numbers
        ],
        "detached": False,
    }


def _capped(extracted):
    """At most ARTICLE_MAX_CLAIMS claims, the most check-worthy, in text order; and a note."""
    limit = settings.ARTICLE_MAX_CLAIMS
    if len(extracted) <= limit:
        return list(extracted), ""
    kept = sorted(extracted, key=lambda item: (-item.score, item.start))[:limit]
    note = (
        f"The extractor found {len(extracted):,} claims; only the {limit:,} most check-worthy "
        "were kept. A text this long is easier to check in parts."
    )
    return sorted(kept, key=lambda item: (item.start, item.end)), note


def _nearest(candidates, start):
    """Take from `candidates` the claim closest to `start` (a sentence can occur twice)."""
    best = min(candidates, key=lambda claim: abs(claim.start - start))
    candidates.remove(best)
    return best


def decided_by_a_person(claim):
    """A person added it, corrected it or marked it not a claim: the extractor never changes it."""
    return bool(claim.added_by_id or claim.corrected or claim.rejection)


def _reanchor(claim, body):
    """Find a claim a person decided in the (possibly new) text; False when nothing changed."""
    if body[claim.start : claim.end] == claim.text and not claim.detached:
        return False
    found = find_again(body, claim.text, claim.start)
    if found is None:
        if claim.detached:
            return False
        claim.detached = True
        return True
    claim.start, claim.end = found
    claim.sentence_start, claim.sentence_end = sentence_around(body, *found)
    claim.detached = False
    return True


def apply_extraction(article, extracted, *, version=EXTRACTOR_VERSION, lease=None):
    """Make the article's claims those of `extracted`, in one transaction.

    A claim whose text is extracted again keeps its id (links to it stay valid) and is updated
    in place; claims with human work whose text is gone are kept and marked detached; untouched
    claims whose text is gone are deleted. A claim a person added, corrected or marked "not a
    claim" is never changed, dropped or re-created: it is only found again in the text, and no
    machine claim is made over it; on a reviewed article every claim is treated so, and none is
    added. Running it twice gives the same claims. With `lease`, nothing is written unless that
    run still holds the article. Returns the article, or None.
    """
    extracted, note = _capped(extracted)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if lease is not None and not holds_lease(article, lease):
            log.info("Article %s was taken over by another run; result dropped", article.pk)
            return None
        if article.reviewed_at is not None:
            # A person checked every claim (gold data, services.gold): the extractor neither
            # changes nor adds one; the claims are only found again in the text.
            extracted, note = [], ""
        plan = _plan(article, extracted)
        Claim.objects.bulk_update(plan.updated, EXTRACTION_FIELDS, batch_size=500)
        Claim.objects.bulk_update(plan.reanchored, REANCHOR_FIELDS, batch_size=500)
        Claim.objects.bulk_create(plan.new, batch_size=500)
        Claim.objects.filter(pk__in=plan.gone).exclude(pk__in=plan.worked).delete()
        Claim.objects.filter(pk__in=plan.gone & plan.worked).update(
            detached=True, updated_at=timezone.now()
        )
        ClaimEvent.objects.bulk_create(
            ClaimEvent(
                claim=claim,
                action=ClaimEvent.Action.REEXTRACTED,
                text=f"Re-anchored by extractor {version}.",
            )
            for claim in plan.moved
        )
        article.status = Article.Status.READY
        article.progress = 100
        article.error_message = note
        article.extractor_version = version
        article.processed_at = timezone.now()
        article.lease = ""
        article.save()
        webhooks.article_ready(article)
    return article


class _Plan(NamedTuple):
    """What applying an extraction does to an article's claims."""

    updated: list  # machine claims found again: updated in place
    reanchored: list  # claims a person decided, found again in a changed text
    new: list  # claims to create
    moved: list  # claims with human work whose place in the text changed (an event each)
    gone: set  # ids of machine claims not found again
    worked: set  # ids of claims with human work (kept, detached, when gone)


def _plan(article, extracted):
    claims = list(Claim.objects.filter(article=article).order_by("start", "id"))
    worked = set(
        Claim.objects.filter(article=article).filter(has_human_work()).values_list("pk", flat=True)
    )
    decided = [claim for claim in claims if article.reviewed_at or decided_by_a_person(claim)]
    reanchored = [claim for claim in decided if _reanchor(claim, article.body)]
    human_spans = [(c.start, c.end) for c in decided if not (c.detached or c.rejection)]
    existing = defaultdict(list)
    for claim in claims:
        existing[claim.fingerprint].append(claim)
    sources, updated, new = {}, [], []
    moved = [claim for claim in reanchored if not claim.detached]
    for ordinal, item in enumerate(extracted, start=1):
        fp = fingerprint(item.text)
        if existing.get(fp):
            claim = _nearest(existing[fp], item.start)
            if decided_by_a_person(claim):
                continue  # the person's version stands
            if claim.pk in worked and claim.start != item.start:
                moved.append(claim)
            for name, value in _claim_fields(item, ordinal, sources).items():
                setattr(claim, name, value)
            updated.append(claim)
        elif not any(item.start < end and start < item.end for start, end in human_spans):
            fields = _claim_fields(item, ordinal, sources)
            new.append(Claim(article=article, fingerprint=fp, **fields))
    kept = {claim.pk for claim in decided}
    gone = {claim.pk for group in existing.values() for claim in group} - kept
    return _Plan(updated, reanchored, new, moved, gone, worked)
