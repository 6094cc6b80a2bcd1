"""The fact-check archive: importing other organisations' published fact-checks.

Reads schema.org ClaimReview JSON-LD (one object, a list, an `@graph`, or a DataFeed of items)
and the lab's JSONL format (one fact-check a line: {"id", "text", "title", "date", "url",
"verdict", "speaker"}). Each item is validated; the URL identifies a fact-check, so importing the
same file twice updates, never doubles. What was skipped is reported with the reason.
"""

import json
import logging
import re
import urllib.request
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from claims.models import ArchiveImport, FactCheck
from claims.services.errors import WorkflowError, require
from claims.services.matching import count_terms, fact_check_terms

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT = 30
BATCH = 500  # rows a statement writes or reads
FIELDS = (
    "claim_reviewed", "verdict", "rating_value", "best_rating", "worst_rating", "claimant",
    "claim_date", "title", "publisher", "published_on", "language",
)  # fmt: skip


class ArchiveImportError(WorkflowError):
    """The file as a whole cannot be read (not JSON, too large, unreachable)."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # [(where, reason)]
    fact_checks: list = field(default_factory=list)  # the created or updated records

    def summary(self):
        parts = [f"{self.created} new", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        summary = "Fact-checks imported: " + ", ".join(parts) + "."
        if self.fact_checks:
            summary += " The desk's claims that may repeat them are being checked against them."
        return summary


class Skip(Exception):
    """One item cannot be imported; the message says why."""


def read_source(source):
    """The bytes of a path or an http(s) URL, with a clear error when it cannot be read."""
    if re.match(r"https?://", source):
        try:
            with urllib.request.urlopen(source, timeout=FETCH_TIMEOUT) as response:
                data = response.read(MAX_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise ArchiveImportError(f"Could not download {source}: {exc}") from None
    else:
        try:
            with open(source, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ArchiveImportError(f"Could not read {source}: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise ArchiveImportError(f"The file is larger than {MAX_BYTES // 1024 // 1024} MB.")
    return data


def parse_items(data):
    """[(where, item dict)] of a ClaimReview JSON-LD document or a JSONL file."""
    try:
        return _parse_items(data)
    except RecursionError:  # "[[[[…" thousands deep: no feed looks like that
        raise ArchiveImportError(
            "The file's JSON is nested too deeply to be a ClaimReview feed."
        ) from None


def _parse_items(data):
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise ArchiveImportError("The file is not UTF-8 text: export it as JSON.") from None
    if not text.strip():
        raise ArchiveImportError("The file is empty.")
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None
    if document is not None:
        return list(_flatten(document, "item"))
    items = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            raise ArchiveImportError(
                "The file is neither JSON nor JSON lines "
                f"(line {lineno} is not JSON): export ClaimReview JSON-LD or the JSONL format."
            ) from None
        items.extend(_flatten(value, f"line {lineno}"))
    return items


def _types(node):
    kind = node.get("@type", "")
    return set(kind) if isinstance(kind, list) else {kind}


def _flatten(node, where):
    """The fact-check objects in a JSON-LD tree (lists, @graph, DataFeed elements, items)."""
    if isinstance(node, list):
        for i, child in enumerate(node, 1):
            yield from _flatten(child, f"{where} {i}" if where != "item" else f"item {i}")
        return
    if not isinstance(node, dict):
        yield where, node
        return
    types = _types(node)
    if "@graph" in node:
        yield from _flatten(node["@graph"], where)
    elif "DataFeed" in types or "dataFeedElement" in node:
        yield from _flatten(node.get("dataFeedElement") or [], where)
    elif "DataFeedItem" in types:
        yield from _flatten(node.get("item") or [], where)
    else:
        yield where, node


def _text(value):
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _number(value):
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


_MONTH_DATE = re.compile(r"([A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})|(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")


def _date(value):
    """An ISO date (or date-time), or "October 22, 2019" / "22 October 2019" inside a phrase."""
    value = _text(value)
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    found = _MONTH_DATE.search(value)
    if found:
        for pattern in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y"):
            try:
                return datetime.strptime(found.group(0), pattern).date()
            except ValueError:
                continue
    return None


def _url(value):
    url = _text(value)
    if not url:
        raise Skip("it has no URL (the fact-check's address identifies it)")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Skip(f"its URL is not a web address: {url[:80]}")
    if len(url) > 1000:
        raise Skip("its URL is longer than 1000 characters")
    return url


def fields_of(item):
    """(url, {field: value}) of one ClaimReview or lab line; Skip with the reason if unusable."""
    if not isinstance(item, dict):
        raise Skip("it is not an object")
    types = _types(item)
    if "ClaimReview" in types:
        return _claim_review_fields(item)
    if not types - {""} and "text" in item and "url" in item:
        return _lab_fields(item)
    kind = ", ".join(sorted(t for t in types if t)) or "no @type"
    raise Skip(f"it is not a ClaimReview ({kind})")


def _claim_review_fields(item):
    claim = _text(item.get("claimReviewed"))
    if not claim:
        raise Skip("it has no claimReviewed (the claim that was checked)")
    rating = item.get("reviewRating") or {}
    rating = rating[0] if isinstance(rating, list) and rating else rating
    rating = rating if isinstance(rating, dict) else {}
    reviewed = item.get("itemReviewed") or {}
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    author = item.get("author") or {}
    publisher = _text(author) or _text(item.get("publisher"))
    values = {
        "claim_reviewed": claim,
        "verdict": _text(rating.get("alternateName") or rating.get("name")),
        "rating_value": _number(rating.get("ratingValue")),
        "best_rating": _number(rating.get("bestRating")),
        "worst_rating": _number(rating.get("worstRating")),
        "claimant": _text(reviewed.get("author")),
        "claim_date": _date(reviewed.get("datePublished")),
        "title": _text(item.get("headline") or item.get("name")),
        "publisher": publisher,
        "published_on": _date(item.get("datePublished")),
        "language": _text(item.get("inLanguage"))[:10],
    }
    return _url(item.get("url")), values


def _lab_fields(item):
    claim = _text(item.get("text"))
    if not claim:
        raise Skip("its text (the claim that was checked) is empty")
    url = _url(item.get("url"))
    values = {
        "claim_reviewed": claim,
        "verdict": _text(item.get("verdict")),
        "claimant": _text(item.get("speaker")),
        "claim_date": _date(item.get("date")),
        "title": _text(item.get("title")),
        "publisher": _text(item.get("publisher")) or urlsplit(url).netloc.removeprefix("www."),
    }
    return url, values


def _clip(values):
    limits = {f.name: f.max_length for f in FactCheck._meta.fields if f.max_length}
    return {
        k: (v[: limits[k]] if isinstance(v, str) and k in limits else v) for k, v in values.items()
    }


def _by_url(urls):
    """The archived fact-checks of these URLs, by URL."""
    found = {}
    for start in range(0, len(urls), BATCH):  # SQLite takes at most 32,766 parameters
        found.update(
            (fc.url, fc) for fc in FactCheck.objects.filter(url__in=urls[start : start + BATCH])
        )
    return found


def import_fact_checks(data, *, user=None):
    """Import every fact-check of `data` (bytes or str); return an ImportReport."""
    if user is not None:
        require(user, "upload", "Only editors can import fact-checks.")
    report = ImportReport()
    by_url = {}
    for where, item in parse_items(data):
        try:
            url, values = fields_of(item)
        except Skip as exc:
            report.skipped.append((where, f"skipped because {exc}"))
            continue
        if url in by_url:
            report.skipped.append((by_url[url][0], f"replaced by {where}, which has the same URL"))
        by_url[url] = (where, _clip(values))
    with transaction.atomic():
        existing = _by_url(list(by_url))
        added, removed = [], []  # terms, for the matcher's statistics
        new, changed = [], []
        for url, (_where, values) in by_url.items():
            record = existing.get(url)
            if record is None:
                record = FactCheck(url=url, imported_by=user, **values)
                new.append(record)
            elif any(getattr(record, k) != v for k, v in values.items()):
                removed.append(record.match_terms.split())
                for k, v in values.items():
                    setattr(record, k, v)
                record.embedding = None  # computed again when the matcher next needs it
                record.updated_at = timezone.now()
                changed.append(record)
            else:
                report.unchanged += 1
                continue
            words = fact_check_terms(record)
            record.match_terms = " ".join(words)
            added.append(words)
        FactCheck.objects.bulk_create(new, batch_size=BATCH)
        FactCheck.objects.bulk_update(
            changed, [*FIELDS, "match_terms", "embedding", "updated_at"], batch_size=BATCH
        )
        report.created, report.updated = len(new), len(changed)
        report.fact_checks = new + changed
        count_terms(added)
        count_terms(removed, sign=-1)
        if report.fact_checks:
            _recheck_claims_later([record.pk for record in report.fact_checks])
    return report


def _recheck_claims_later(fact_check_ids):
    """Once the import is committed, the desk's claims that may repeat these fact-checks look
    for their "checked before" again (a task on the background queue)."""
    from claims.tasks import enqueue_recheck

    transaction.on_commit(lambda: enqueue_recheck(fact_check_ids))


# --- Files uploaded in the desk: imported by a worker ------------------------------------------

SKIPPED_KEPT = 100  # reasons kept with an import's report (the count is kept whole)
IMPORT_ATTEMPTS = 3  # runs of one import (a worker lost mid-way) before it is marked failed
# Waiting this long means its message was lost (the broker was down); running this long, that
# its worker died (a 50 MB feed takes a few minutes).
STALE_QUEUED = timedelta(minutes=2)
STALE_RUNNING = timedelta(minutes=30)


def queue_import(upload, *, user):
    """Keep an uploaded file of fact-checks and have a worker import it; returns the
    ArchiveImport, whose report the archive page shows when it is done."""
    require(user, "upload", "Only editors can import fact-checks.")
    if upload.size > MAX_BYTES:
        raise ArchiveImportError("The file is larger than 50 MB: split the feed.")
    if not upload.size:
        raise ArchiveImportError("The file is empty.")
    record = ArchiveImport.objects.create(
        file=upload, name=upload.name[:255], size=upload.size, imported_by=user
    )
    transaction.on_commit(lambda: publish_import(record.pk))
    return record


def publish_import(pk):
    """Send the import task now; if the broker cannot be reached, the sweeper sends it later."""
    from claims.tasks import import_archive

    try:
        import_archive.delay(pk)
    except Exception:  # noqa: BLE001 - any broker failure: the import waits for the sweeper
        log.warning("Could not enqueue archive import %s; the sweeper will retry", pk)
        return False
    return True


def _finish(record, status, summary, skipped=()):
    record.status, record.summary = status, summary
    record.skipped = [list(item) for item in skipped[:SKIPPED_KEPT]]
    record.skipped_count = len(skipped)
    record.save(update_fields=["status", "summary", "skipped", "skipped_count", "updated_at"])
    return record


def run_import(pk):
    """Import an uploaded file (the worker's side of queue_import). Safe to run twice: a finished
    import is left alone, and importing the same fact-checks again changes nothing."""
    with transaction.atomic():
        record = ArchiveImport.objects.select_for_update().filter(pk=pk).first()
        if record is None or record.is_finished:
            return record
        if record.attempts >= IMPORT_ATTEMPTS:
            return _finish(
                record, ArchiveImport.Status.FAILED,
                f"The import was interrupted {record.attempts} times (the worker may have run out "
                "of memory on this file). Nothing was imported: split the file and try again.",
            )  # fmt: skip
        record.status = ArchiveImport.Status.RUNNING
        record.attempts += 1
        record.save(update_fields=["status", "attempts", "updated_at"])
    try:
        with record.file.open("rb") as stored:
            data = stored.read()
        report = import_fact_checks(data, user=record.imported_by)
    except WorkflowError as exc:
        return _finish(record, ArchiveImport.Status.FAILED, f"{exc} Nothing was imported.")
    except DatabaseError:
        raise  # the task tries again
    except Exception:
        log.exception("Archive import %s failed", pk)
        return _finish(
            record, ArchiveImport.Status.FAILED,
            "The import stopped on an unexpected error (the worker's log has it). Nothing was "
            "imported.",
        )  # fmt: skip
    return _finish(record, ArchiveImport.Status.DONE, report.summary(), report.skipped)


def requeue_stale_imports():
    """Send again the imports whose message was lost or whose worker died; returns how many."""
    now = timezone.now()
    stale = ArchiveImport.objects.filter(
        Q(status=ArchiveImport.Status.QUEUED, updated_at__lt=now - STALE_QUEUED)
        | Q(status=ArchiveImport.Status.RUNNING, updated_at__lt=now - STALE_RUNNING)
    )
    ids = list(stale.values_list("pk", flat=True))
    ArchiveImport.objects.filter(pk__in=ids).update(updated_at=now)  # not sent twice in a row
    return sum(publish_import(pk) for pk in ids)


def recent_imports(limit=5):
    return ArchiveImport.objects.select_related("imported_by")[:limit]
