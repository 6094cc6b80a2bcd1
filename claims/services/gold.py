"""Reviewed articles are gold data: an editor marks an article's claims reviewed (every claim right,
missed ones added, junk removed); its claims are then exported in the format of shared/eval and
measure the extractor (an ExtractionScore, computed by a task, shown on the dashboard)."""

import bisect
import logging
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from claims.extraction import EXTRACTOR_VERSION, extract, scoring
from claims.extraction.__main__ import claim_to_dict
from claims.extraction.sentences import split_sentences
from claims.models import Article, Claim, ClaimEvent, ExtractionScore, Source
from claims.services.errors import WorkflowError, require

log = logging.getLogger(__name__)

# --- Marking an article reviewed -----------------------------------------------------------------

_NOT_REVIEWABLE = {
    Article.Status.QUEUED: "The article is waiting to be processed: review its claims once they "
    "are extracted.",
    Article.Status.PROCESSING: "The article is being processed: review its claims once it is "
    "ready.",
    Article.Status.FAILED: "Processing failed for this article: retry it before reviewing its "
    "claims.",
}


def _locked(article):
    return (
        Article.objects.select_for_update(of=("self",))
        .select_related("reviewed_by")
        .get(pk=article.pk)
    )


def mark_reviewed(article, *, actor):
    """An editor says the article's claims are complete and right: they become gold data.

    Records who and when (marking again records the latest review) and measures the extractor
    again once the transaction commits. Refused while the article is being processed."""
    require(actor, "review_article", "Only editors can mark an article's claims reviewed.")
    with transaction.atomic():
        article = _locked(article)
        if article.status != Article.Status.READY:
            raise WorkflowError(_NOT_REVIEWABLE[article.status])
        article.reviewed_at = timezone.now()
        article.reviewed_by = actor
        article.save(update_fields=["reviewed_at", "reviewed_by", "updated_at"])
        enqueue_measurement()
    return article


def unmark_reviewed(article, *, actor):
    """Take an article out of the gold data (its claims need more work); measured again."""
    require(actor, "review_article", "Only editors can change whether an article is reviewed.")
    with transaction.atomic():
        article = _locked(article)
        if article.reviewed_at is None:
            raise WorkflowError("This article is not marked reviewed.")
        article.reviewed_at = article.reviewed_by = None
        article.save(update_fields=["reviewed_at", "reviewed_by", "updated_at"])
        enqueue_measurement()
    return article


# --- Gold data -----------------------------------------------------------------------------------

# Attributions only: an unattributed claim has no speaker and no cue, and the gold format (like
# PolNeAR) annotates what someone is reported to have said.
ATTRIBUTED = (Claim.Kind.DIRECT, Claim.Kind.INDIRECT)


def gold_claims():
    """The claims of a reviewed article that count as gold attributions: not marked "not a
    claim" (junk or a duplicate), still in the text, and attributed."""
    return (
        Claim.objects.filter(rejection="", detached=False, kind__in=ATTRIBUTED)
        .select_related("source")
        .order_by("start", "end", "id")
    )


def reviewed_articles(since=None):
    """Reviewed articles (on or after the date `since`), oldest review first, with their gold
    claims prefetched as `gold_claims`."""
    articles = Article.objects.filter(reviewed_at__isnull=False)
    if since is not None:
        articles = articles.filter(reviewed_at__date__gte=since)
    return articles.order_by("reviewed_at", "id").prefetch_related(
        Prefetch("claims", queryset=gold_claims(), to_attr="gold_claims")
    )


class _Sentences:
    """Where the sentences of a text start and end, to find the words around a claim."""

    def __init__(self, text):
        self.spans = split_sentences(text)
        self.starts = [start for start, _ in self.spans]

    def around(self, start, end):
        """From the start of the sentence holding `start` to the end of the one holding the
        claim's last character (a quotation may run over several sentences)."""
        if not self.spans:
            return start, end
        first = self.spans[max(bisect.bisect_right(self.starts, start) - 1, 0)]
        last = self.spans[max(bisect.bisect_right(self.starts, max(start, end - 1)) - 1, 0)]
        return min(first[0], start), max(last[1], end)


def _as_written(body, start, end, text, region):
    """The stored span, when it still reads `text` near the claim (a corrected cue or speaker
    leaves the extractor's span behind; a new text of the article moves the words)."""
    if start is None or end is None or not text:
        return None
    if region[0] <= start < end <= region[1] and body[start:end] == text:
        return start, end
    return None


def _mention(body, names, region, claim):
    """The nearest occurrence, in `region` and outside the claim's own words, of the longest of
    `names` that occurs there (whole words, any case); None when none does."""
    for name in sorted({name.strip() for name in names if name and name.strip()}, key=len)[::-1]:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        found = [
            match.span()
            for match in pattern.finditer(body, *region)
            if match.end() <= claim.start or match.start() >= claim.end
        ]
        if found:
            return min(found, key=lambda span: max(claim.start - span[1], span[0] - claim.end))
    return None


def speaker_names(claim):
    """How the claim's speaker may be written: its name, its aliases and, for a person, the
    surname ("Holloway" for Jane Holloway: news names people so after the first mention)."""
    source = claim.source
    if source is None:
        return [claim.source_text]
    names = [source.name, *source.aliases]
    if source.kind == Source.Kind.PERSON and len(source.name.split()) > 1:
        names.append(source.name.split()[-1])
    return names


def gold_attribution(body, sentences, claim):
    """One claim as a gold attribution: content, source and cue spans of the article's text.

    A span the extractor found is kept while the text there still reads the claim's speaker
    (cue). A speaker chosen by hand from the source list has no span: it is the nearest mention
    of the speaker (name, alias or a person's surname) in the claim's sentences, outside the
    claim's words, or no span when the sentences do not name it (e.g. "he said" after a
    correction): such a claim then counts in content F1 but not in source accuracy, and a
    prediction with a speaker counts as a wrong speaker in full F1. The cue likewise.
    """
    region = sentences.around(claim.start, claim.end)
    source = _as_written(
        body, claim.source_start, claim.source_end, claim.source_text, region
    ) or _mention(body, speaker_names(claim), region, claim)
    cue = _as_written(body, claim.cue_start, claim.cue_end, claim.cue, region) or _mention(
        body, [claim.cue], region, claim
    )
    return {
        "source": [list(source)] if source else [],
        "cue": [list(cue)] if cue else [],
        "content": [[claim.start, claim.end]],
    }


def gold_record(article):
    """A reviewed article as a line of the gold format of shared/eval (more keys may follow:
    title, publisher, url, reviewed_at). Needs `article.gold_claims` (reviewed_articles())."""
    sentences = _Sentences(article.body)
    return {
        "id": f"article-{article.pk}",
        "text": article.body,
        "attributions": [
            gold_attribution(article.body, sentences, claim) for claim in article.gold_claims
        ],
        "title": article.title,
        "publisher": article.outlet,
        "url": article.url,
        "reviewed_at": article.reviewed_at.isoformat(),
    }


# --- Measuring the extractor ---------------------------------------------------------------------


def enqueue_measurement():
    """Measure the extractor once the current transaction commits (never in the request)."""
    transaction.on_commit(publish_measurement)


def publish_measurement():
    """Send the measuring task to the background queue; False when the broker is unreachable
    (the dashboard keeps the previous score; the next review or deploy measures again)."""
    from claims.tasks import measure_extractor

    try:
        measure_extractor.apply_async(queue=settings.CELERY_BACKGROUND_QUEUE)
    except Exception:  # any broker or connection failure: nothing is lost, only delayed
        log.warning("Could not enqueue the extractor's measurement")
        return False
    return True


def measurement_outdated(version=EXTRACTOR_VERSION):
    """True when reviewed articles exist and the latest score is of another extractor."""
    latest = ExtractionScore.objects.values_list("extractor_version", flat=True).first()
    return latest != version and Article.objects.filter(reviewed_at__isnull=False).exists()


def correction_counts():
    """Corrections people made on reviewed articles, by type (one query). Missed: claims added
    by hand; junk: marked "not a claim" (and still so); boundary: a span moved, a claim split, or
    a machine claim replaced by one added by hand; speaker and kind: changed. One correction may
    change several things and count in each."""
    action = ClaimEvent.Action
    corrected = Q(action=action.CORRECTED)
    rejected = Q(action=action.REJECTED, claim__rejection__gt="")
    replaced = Q(action=action.REJECTED, changes__has_key="replaced_by")
    return ClaimEvent.objects.filter(claim__article__reviewed_at__isnull=False).aggregate(
        missed=Count("pk", filter=Q(action=action.ADDED)),
        junk=Count("pk", filter=rejected & ~Q(changes__has_key="replaced_by")),
        boundary=Count(
            "pk",
            filter=((corrected | Q(action=action.SPLIT)) & Q(changes__has_key="span")) | replaced,
        ),
        speaker=Count("pk", filter=corrected & Q(changes__has_key="source")),
        kind=Count("pk", filter=corrected & Q(changes__has_key="kind")),
    )


def measure_extractor():
    """Run the current extractor on every reviewed article's text, score it against the
    reviewed claims (claims.extraction.scoring, as `evaluate` scores an export) and store the
    figures with the corrections by type. Returns the ExtractionScore."""
    total = scoring.Counts()
    for article in reviewed_articles().iterator(chunk_size=50):
        record = gold_record(article)
        predicted = [claim_to_dict(item) for item in extract(record["text"])]
        total += scoring.count_document(
            scoring.gold_attributions(record),
            scoring.predicted_attributions(record["text"], predicted),
        )
    scores = scoring.Scores.of(total)
    precision, recall, f1 = scores.content
    return ExtractionScore.objects.create(
        extractor_version=EXTRACTOR_VERSION,
        articles=total.documents,
        gold_claims=total.gold,
        predicted_claims=total.predicted,
        content_precision=precision,
        content_recall=recall,
        content_f1=f1,
        speaker_accuracy=scores.source_accuracy,
        corrections=correction_counts(),
    )
