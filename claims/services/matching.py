"""Has this claim been checked before? Matching claims against the archive and earlier claims.

For one claim: the database chooses candidates (full-text search over archived fact-checks and
the desk's claims in other articles, claims/search), `claims.matching.rank` orders them with the
claim's text and context (speaker, sentences around it), and the best are stored as ClaimMatch
rows. A person confirms ("same claim") or rejects each; decided matches are kept as labelled pairs
(`manage.py export_match_pairs`), and a confirmed match to a desk claim joins the two claims'
families, so one verdict can be reused through the normal approval.

The matcher's IDF comes from MatchTerm: the number of archive entries holding each term, counted
when a fact-check is imported or changed and when a claim is first matched. Entries deleted later
are not subtracted: the figures are statistics, and a few stale counts barely move an IDF.

With the embedding model installed (claims/matching/embedding.py) the ranking also weighs the
cosine of sentence embeddings. Vectors are kept with the rows (FactCheck.embedding,
Claim.embedding): a claim's is stored when it is matched, a fact-check's or an older claim's is
computed the first time it is a candidate (`with_vectors`), so imports stay fast and the
pre-filter's choice costs one batch of encodings at most once per row.
"""

import json
import logging
import time
from collections import Counter
from dataclasses import replace

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims import search
from claims.extraction.sentences import split_sentences
from claims.matching import (
    MATCHER_VERSION,
    Candidate,
    Query,
    Statistics,
    embedding,
    rank,
    terms,
    worth_showing,
)
from claims.matching.index import meaning_text
from claims.matching.ranking import CONTEXT_SENTENCES, candidate_terms
from claims.matching.stemmer import stem
from claims.matching.text import STOPWORDS, words
from claims.models import Claim, ClaimEvent, ClaimMatch, FactCheck, MatchTerm
from claims.services.errors import WorkflowError, require
from claims.services.workflow import link_evidence, propose_verdict

log = logging.getLogger(__name__)

MATCHES_KEPT = 5
# Which ranked candidates are stored and flagged "checked before" (ClaimMatch rows, open_matches):
# claims.matching.worth_showing, with the embeddings the claim's meaning at least 0.6 (cosine),
# else its words at least 0.5 of the best it could score. Calibrated for claims with no
# fact-check in the archive (claims/matching/calibrate.py); the train/dev figures are in
# claims/matching/ranking.py beside the floors (SHOW, MEANING_SHOW).
FACT_CHECK_CANDIDATES = 100
CLAIM_CANDIDATES = 20
QUERY_WORDS = 12  # the rarest words of the claim, and half as many of its context, search
PREFILTER_BUDGET = 2_500
DOCUMENTS = "#documents"  # reserved MatchTerm rows: no term has a "#"
LENGTH = "#length"


def fact_check_terms(fact_check):
    """The words of a fact-check as the matcher reads them (kept in FactCheck.match_terms)."""
    return candidate_terms(Candidate(None, fact_check.claim_reviewed, fact_check.title))


def count_terms(term_lists, sign=1):
    """Add (or with sign=-1 remove) archive entries, given by their terms, to the matcher's
    statistics."""
    frequencies = Counter()
    documents = length = 0
    for found in term_lists:
        frequencies.update(set(found))
        documents += 1
        length += len(found)
    if not documents:
        return
    frequencies[DOCUMENTS] = documents
    frequencies[LENGTH] = length
    rows = [(term[:100], sign * n) for term, n in frequencies.items()]
    table = MatchTerm._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            cursor.execute(
                f"INSERT INTO {table} (term, documents) VALUES "
                + ", ".join(["(%s, %s)"] * len(chunk))
                + f" ON CONFLICT (term) DO UPDATE SET documents = {table}.documents"
                " + excluded.documents",
                [value for row in chunk for value in row],
            )
    term_cache.clear()


class _TermCache:
    """Term counts read from MatchTerm, kept in the process for a few minutes: a worker matches
    claim after claim with the same common words, and an IDF a few minutes old is as good."""

    SECONDS = 300
    MAX_TERMS = 500_000

    def __init__(self):
        self.clear()

    def clear(self):
        self.counts, self.started = {}, time.monotonic()

    def get(self, terms_):
        if time.monotonic() - self.started > self.SECONDS or len(self.counts) > self.MAX_TERMS:
            self.clear()
        missing = [t for t in {*terms_, DOCUMENTS, LENGTH} if t not in self.counts]
        if missing:
            with connection.cursor() as cursor:  # one array parameter, not a thousand
                cursor.execute(
                    f"SELECT term, documents FROM {MatchTerm._meta.db_table} "
                    + ("WHERE term = ANY(%s)" if connection.vendor == "postgresql" else
                       "WHERE term IN (SELECT value FROM json_each(%s))"),
                    [missing if connection.vendor == "postgresql" else json.dumps(missing)],
                )  # fmt: skip
                found = dict(cursor.fetchall())
            self.counts.update({t: found.get(t, 0) for t in missing})
        return self.counts


term_cache = _TermCache()


def statistics(words):
    """The matcher's Statistics for these terms (MatchTerm, through the process's cache)."""
    counts = term_cache.get(words)
    documents = max(counts[DOCUMENTS], 1)
    return Statistics(documents, counts, counts[LENGTH] / documents)


def query_for(claim):
    """The claim as the matcher reads it: text, speaker, and the sentences around it."""
    body = claim.article.body
    spans = split_sentences(body)
    here = [
        i for i, (s, e) in enumerate(spans) if s < claim.sentence_end and e > claim.sentence_start
    ]
    first, last = (here[0], here[-1]) if here else (0, -1)
    before = tuple(body[s:e] for s, e in spans[max(0, first - CONTEXT_SENTENCES) : first])
    after = tuple(body[s:e] for s, e in spans[last + 1 : last + 1 + CONTEXT_SENTENCES])
    speaker = claim.source.name if claim.source_id else claim.source_text
    return Query(text=claim.text, speaker=speaker or "", before=before, after=after)


def _search_words(query, stats):
    """What the database pre-filter looks for, and whether it can rank them: the claim's rarest
    words, then its context's, while the entries holding them add up to at most PREFILTER_BUDGET
    (the rows it ranks). When even the rarest word is in more entries than that, the pre-filter
    takes the latest entries holding it, unranked, rather than rank them all."""
    chosen, total = [], 0
    for text, n in ((query.text, QUERY_WORDS), (query.context_text, QUERY_WORDS // 2)):
        for term, word in _rarest(text, stats, n):
            documents = stats.frequencies.get(term, 0)
            if word in chosen or (chosen and total + documents > PREFILTER_BUDGET):
                continue
            chosen.append(word)
            total += documents
    return chosen, total <= PREFILTER_BUDGET


def _rarest(text, stats, n):
    """(term, word as written) of the `n` rarest content words of `text`, rarest first."""
    by_term = {}
    for word in words(text):
        if word not in STOPWORDS and len(word) > 1:
            by_term.setdefault(stem(word), word)
    ranked = sorted(by_term, key=lambda t: (-stats.idf(t), t))
    return [(t, by_term[t]) for t in ranked[:n]]


def candidates_for(claim, query, stats):
    """[(Candidate, its terms)]: fact-checks and other articles' claims that share the claim's
    rarest words."""
    words, ranked = _search_words(query, stats)
    if not words:
        return []
    fact_checks = FactCheck.objects.filter(
        pk__in=search.best_ids(FactCheck, words, FACT_CHECK_CANDIDATES, ranked=ranked)
    )
    claims = (
        Claim.objects.filter(
            pk__in=search.best_ids(Claim, words, CLAIM_CANDIDATES + 20, ranked=ranked)
        )
        .exclude(article_id=claim.article_id)
        .exclude(state=Claim.State.DISMISSED)
        .filter(rejection="")
        .select_related("source")
    )
    vector = embedding.from_bytes
    found = [
        (
            Candidate(
                ("fact_check", fc.pk),
                fc.claim_reviewed,
                fc.title,
                fc.claimant,
                vector=vector(fc.embedding),
            ),
            fc.match_terms.split(),
        )  # fmt: skip
        for fc in fact_checks.only(
            "claim_reviewed", "title", "claimant", "match_terms", "embedding"
        )
    ]
    for c in claims[:CLAIM_CANDIDATES]:
        speaker = c.source.name if c.source_id else c.source_text
        candidate = Candidate(("claim", c.pk), c.text, "", speaker, vector=vector(c.embedding))
        found.append((candidate, candidate_terms(candidate)))
    return found


def with_vectors(candidates, model):
    """The candidates, each with its vector: those without one (imported or changed since they
    were last needed) are encoded now, in one batch, and their vectors stored."""
    missing = [i for i, c in enumerate(candidates) if c.vector is None]
    if not missing:
        return candidates
    vectors = model.encode([meaning_text(candidates[i]) for i in missing])
    candidates = list(candidates)
    rows = {FactCheck: [], Claim: []}
    for i, vector in zip(missing, vectors, strict=True):
        candidates[i] = replace(candidates[i], vector=vector)
        kind, pk = candidates[i].id
        model_class = FactCheck if kind == "fact_check" else Claim
        rows[model_class].append(model_class(pk=pk, embedding=embedding.to_bytes(vector)))
    for model_class, objects in rows.items():
        model_class.objects.bulk_update(objects, ["embedding"], batch_size=500)
    return candidates


def claim_vector(claim):
    """The claim's text embedded (a unit vector), or None without the embedding model."""
    model = embedding.encoder()
    return model.encode([claim.text])[0] if model is not None else None


def find_matches(claim, vector=None):
    """The ranked matches of a claim (not stored): [claims.matching.Match]. `vector`: the
    claim's embedding, when computed already (else computed here, if the model is installed)."""
    model = embedding.encoder()
    if vector is None and model is not None:
        vector = claim_vector(claim)
    query = replace(query_for(claim), vector=vector if model is not None else None)
    query_terms = terms(f"{query.text} {query.context_text}")
    stats = statistics(query_terms)
    found = candidates_for(claim, query, stats)
    candidates = [candidate for candidate, _ in found]
    if query.vector is not None:
        candidates = with_vectors(candidates, model)
    words_of = {candidate.id: found_terms for candidate, found_terms in found}
    stats = statistics({*query_terms, *(t for found in words_of.values() for t in found)})
    ranked = rank(query, candidates, stats, limit=None, terms_of=lambda c: words_of[c.id])
    return [m for m in ranked if worth_showing(m.features)][:MATCHES_KEPT]


def match_claim(claim_id):
    """Find and store the matches of one claim; decided matches are kept. Safe to run twice."""
    try:
        claim = Claim.objects.select_related("article", "source").get(pk=claim_id)
    except Claim.DoesNotExist:
        return None
    if claim.matched_at is None:
        count_terms([terms(claim.text)])
    started = timezone.now()  # matched_at: the archive as it stood then (recheck_for_fact_checks)
    vector = claim_vector(claim)
    found = find_matches(claim, vector)
    version = MATCHER_VERSION if vector is not None else f"{MATCHER_VERSION}-lexical"
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim_id)
        decided = claim.matches.exclude(status=ClaimMatch.Status.SUGGESTED)
        known = {(m.fact_check_id, m.other_claim_id) for m in decided}
        claim.matches.filter(status=ClaimMatch.Status.SUGGESTED).delete()
        new = []
        for match in found:
            kind, pk = match.id
            target = (pk, None) if kind == "fact_check" else (None, pk)
            if target in known:
                continue
            new.append(
                ClaimMatch(
                    claim=claim,
                    fact_check_id=target[0],
                    other_claim_id=target[1],
                    score=match.score,
                    features={k: round(v, 4) for k, v in match.features.items()},
                    matcher_version=version,
                )
            )
        ClaimMatch.objects.bulk_create(new)
        claim.matched_at = started
        claim.open_matches = _open_count(claim)
        claim.embedding = embedding.to_bytes(vector) if vector is not None else None
        claim.save(update_fields=["matched_at", "open_matches", "embedding"])
    return claim


def match_article(article_id, after=0, seconds=None):
    """Match an article's claims after its extraction, in the order of their ids from `after`;
    with `seconds`, stop once that time is spent and return the last claim matched (the caller
    goes on from there later), else None when every claim is matched."""
    ids = list(
        Claim.objects.filter(article_id=article_id, pk__gt=after)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    done = _in_turn(ids, match_claim, seconds)
    return ids[done - 1] if done < len(ids) else None


def _in_turn(items, work, seconds=None):
    """Do `work` on each item in order; with `seconds`, stop once that time is spent. Returns
    how many were done."""
    started = time.monotonic()
    for done, item in enumerate(items, start=1):
        work(item)
        if seconds is not None and time.monotonic() - started >= seconds:
            return done
    return len(items)


# After an import, the desk's claims that share a new or changed fact-check's rarest words (as a
# claim's own pre-filter finds fact-checks) look for their "checked before" again: up to this
# many claims a fact-check, those sharing the most.
CLAIMS_PER_FACT_CHECK = 20


def claims_sharing_words_with(fact_check, not_matched_since=None):
    """Ids of the desk's claims (not dismissed, not "not a claim") that may repeat `fact_check`;
    with `not_matched_since`, only those not matched against the archive since then."""
    query = Query(fact_check.claim_reviewed)
    found, ranked = _search_words(query, statistics(terms(query.text)))
    if not found:
        return []
    ids = search.best_ids(Claim, found, CLAIMS_PER_FACT_CHECK, ranked=ranked)
    claims = Claim.objects.filter(pk__in=ids, rejection="").exclude(state=Claim.State.DISMISSED)
    if not_matched_since is not None:
        claims = claims.exclude(matched_at__gte=not_matched_since)
    return sorted(claims.values_list("pk", flat=True))


def recheck_for_fact_checks(fact_check_ids, seconds=None, imported_at=None):
    """Match again the claims that may repeat these fact-checks, one fact-check at a time; with
    `seconds`, stop once that time is spent and return the fact-check ids left, else [].

    A claim matched since `imported_at` (when the fact-checks were saved) has seen them all
    already, in this run's earlier slices or by any other path, and is not matched again."""
    fact_checks = FactCheck.objects.in_bulk(fact_check_ids)
    since = imported_at or timezone.now()  # without it: not twice within this call

    def recheck(pk):
        fact_check = fact_checks.get(pk)
        if fact_check is None:  # deleted since the import
            return
        for claim_id in claims_sharing_words_with(fact_check, not_matched_since=since):
            match_claim(claim_id)

    done = _in_turn(list(fact_check_ids), recheck, seconds)
    return list(fact_check_ids[done:])


def unmatched_claims():
    """Claims never matched, and claims whose suggestions an older matcher stored (after a new
    MATCHER_VERSION they are matched again, the periodic task a batch at a time: a journalist
    does not meet the old suggestions for long)."""
    current = [MATCHER_VERSION, f"{MATCHER_VERSION}-lexical"]
    outdated = ClaimMatch.objects.filter(status=ClaimMatch.Status.SUGGESTED).exclude(
        matcher_version__in=current
    )
    return Claim.objects.filter(
        Q(matched_at__isnull=True) | Q(pk__in=outdated.values("claim_id"))
    ).order_by("pk")


def match_unmatched_claims(limit=200):
    """Match up to `limit` claims never matched (or matched by an older matcher), oldest first;
    returns how many."""
    ids = list(unmatched_claims().values_list("pk", flat=True)[:limit])
    for claim_id in ids:
        match_claim(claim_id)
    return len(ids)


def _open_count(claim):
    return claim.matches.exclude(status=ClaimMatch.Status.REJECTED).count()


def decide_match(match, *, actor, same):
    """A person's answer for one match: the same claim (confirmed) or not (rejected)."""
    require(actor, "decide_match", "Your role cannot confirm or reject matches.")
    status = ClaimMatch.Status.CONFIRMED if same else ClaimMatch.Status.REJECTED
    with transaction.atomic():
        match = ClaimMatch.objects.select_for_update().select_related("claim").get(pk=match.pk)
        before = match.status
        match.status = status
        match.decided_by = actor
        match.decided_at = timezone.now()
        match.save(update_fields=["status", "decided_by", "decided_at"])
        claim = match.claim
        if same and match.other_claim_id:
            _join_families(claim, match.other_claim)
        claim.open_matches = _open_count(claim)
        claim.save(update_fields=["open_matches"])
        ClaimEvent.objects.create(
            claim=claim,
            actor=actor,
            action=ClaimEvent.Action.MATCH,
            from_value=before,
            to_value=status,
            text=f"{match.get_status_display()}: {_target_label(match)}"[:2000],
        )
    return match


def _target_label(match):
    if match.fact_check_id:
        fc = match.fact_check
        return f"{fc.publisher or 'fact-check'} — {fc.claim_reviewed[:200]} ({fc.url})"
    return f"claim #{match.other_claim_id} — {match.other_claim.text[:200]}"


def _join_families(claim, other):
    """Put both claims, with everyone already in either family, into one family, named by its
    first claim (whose own family is itself: a claim without a family has none)."""
    roots = {c.family_id or c.pk for c in (claim, other)}
    Claim.objects.filter(Q(pk__in=roots) | Q(family_id__in=roots)).update(family_id=min(roots))
    claim.refresh_from_db(fields=["family"])


def family_of(claim):
    """The other claims confirmed to say the same thing as `claim` (as loaded: a claim fresh
    from the database), as a list. No query for a claim without a family, nor the work of
    compiling one: an empty queryset cost the claim page 2,600 Python calls (4% of them)."""
    if claim.family_id is None:
        return []
    return list(
        Claim.objects.filter(family_id=claim.family_id)
        .exclude(pk=claim.pk)
        .select_related("article", "verdict")
    )


def reuse_verdict(claim, source_claim, *, actor, expected_version=None):
    """Propose the verdict of an approved claim of the same family, with its evidence, for the
    usual approval by an editor."""
    claim.refresh_from_db(fields=["family"])
    source_claim = {c.pk: c for c in family_of(claim)}.get(source_claim.pk)
    if source_claim is None:
        raise WorkflowError("Only a verdict of a claim confirmed to be the same can be reused.")
    if source_claim.state not in (Claim.State.VERIFIED, Claim.State.PUBLISHED):
        raise WorkflowError("That claim's verdict has not been approved yet.")
    with transaction.atomic():
        have = set(claim.evidence_links.values_list("evidence_id", flat=True))
        for link in source_claim.evidence_links.select_related("evidence"):
            if link.evidence_id not in have:
                link_evidence(claim, link.evidence, actor=actor, stance=link.stance, note=link.note)
        claim.refresh_from_db()
        summary = f"{source_claim.verdict_summary}\n\n(Verdict of claim #{source_claim.pk}.)"
        return propose_verdict(
            claim,
            actor=actor,
            verdict=source_claim.verdict,
            summary=summary.strip(),
            expected_version=expected_version,
        )


def matches_for_page(claim):
    """The claim's matches for its page, fact-check or claim loaded, undecided first (no query
    when it has none)."""
    if not claim.open_matches:
        return []
    return list(
        claim.matches.exclude(status=ClaimMatch.Status.REJECTED)
        .select_related("fact_check", "other_claim__verdict", "other_claim__article")
        .order_by(F("decided_at").desc(nulls_first=True), "-score", "id")
    )
