"""The ranking of candidates for one claim: lexical features, weighed by hand-set weights.

A query is a claim with its context (speaker, sentences around it); a candidate is a fact-check or
an earlier claim. `rank` scores every candidate it is given, so whoever chose the candidates (the
in-memory `Index` of the command line, or a database pre-filter in the desk) gets the same order.

Features, each absolute (not relative to the other candidates), so a score means the same thing
in every query and a threshold on it is meaningful:
- text: BM25 of the claim's words in the candidate, over the best BM25 the claim could score;
- context: the same for the words of the sentences around the claim (not in the claim itself);
- covered: the share of the candidate's information (IDF mass) found in the claim;
- context_covered: the share found only in the context;
- speaker: the claim's speaker is the candidate's (a surname match; the same people repeat);
- meaning: the cosine of the claim's and the candidate's sentence embeddings (claims/matching/
  embedding.py), when both have one: it finds the same claim in other words.
Without embeddings (the model package is not installed) the ranking is the lexical one, with the
lexical weights (`WEIGHTS`); with them, every candidate must have its vector, and `MEANING_WEIGHTS`
apply. The weights were chosen on the training splits of the CheckThat! 2021 2A and 2B data by
coordinate ascent (`python -m claims.matching.tune`); no text of that data is shipped.
"""

import math
from collections import Counter
from dataclasses import dataclass, field, replace

from .text import name_words, terms

K1 = 1.2
B = 0.75
CONTEXT_SENTENCES = 3  # on each side of the claim

WEIGHTS = {
    "text": 1.0,
    "context": 2.0,
    "covered": 2.0,
    "context_covered": 0.5,
    "speaker": 0.5,
}
MEANING_WEIGHTS = {  # chosen the same way, with the embeddings
    "text": 1.0,
    "context": 3.0,
    "covered": 1.5,
    "context_covered": 0.25,
    "speaker": 0.5,
    "meaning": 2.0,
}


@dataclass(frozen=True)
class Query:
    """A claim to match: its text and, when known, who said it and the sentences around it."""

    text: str
    speaker: str = ""
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    vector: object = field(default=None, compare=False, repr=False)  # its text's embedding

    @property
    def context_text(self):
        return " ".join(self.before[-CONTEXT_SENTENCES:] + self.after[:CONTEXT_SENTENCES])


@dataclass(frozen=True)
class Candidate:
    """A fact-check or a claim that may say the same thing; `id` is the caller's."""

    id: object
    text: str
    title: str = ""
    speaker: str = ""
    vector: object = field(default=None, compare=False, repr=False)  # its text's embedding


@dataclass(frozen=True)
class Match:
    id: object
    score: float
    features: dict = field(default_factory=dict, compare=False)


class Statistics:
    """Document frequencies of terms in the archive: the IDF and average length of BM25."""

    def __init__(self, documents, frequencies, average_length):
        self.documents = max(documents, 1)
        self.frequencies = frequencies  # a mapping term -> number of documents holding it
        self.average_length = average_length or 1.0

    def idf(self, term):
        n = self.frequencies.get(term, 0)
        return math.log(1 + (self.documents - n + 0.5) / (n + 0.5))


def candidate_terms(candidate):
    """The terms a candidate is indexed and scored by (its text and title)."""
    return terms(f"{candidate.text} {candidate.title}")


class PreparedQuery:
    """A query's terms and their weights, computed once for all its candidates."""

    def __init__(self, query, stats):
        self.query = query
        self.stats = stats
        self.text_terms = Counter(terms(query.text))
        context = Counter(terms(query.context_text))
        self.context_terms = Counter({t: n for t, n in context.items() if t not in self.text_terms})
        self.idf = {t: stats.idf(t) for t in self.text_terms | self.context_terms}
        self.text_mass = sum(self.idf[t] for t in self.text_terms) or 1.0
        self.context_mass = sum(self.idf[t] for t in self.context_terms) or 1.0
        self.speaker = name_words(query.speaker)

    def bm25(self, query_terms, counts, length):
        norm = K1 * (1 - B + B * length / self.stats.average_length)
        total = 0.0
        for term in query_terms:
            tf = counts.get(term)
            if tf:
                total += self.idf[term] * tf * (K1 + 1) / (tf + norm)
        return total

    def features(self, candidate, candidate_terms_=None):
        words = candidate_terms_ if candidate_terms_ is not None else candidate_terms(candidate)
        counts = Counter(words)
        length = len(words)
        unique = counts.keys()
        mass = sum(self._idf(t) for t in unique) or 1.0
        # Coverage counts for a claim read in its passage (an article, a transcript): there the
        # sentence is a fragment of a longer argument and a fact-check sums it up. For a claim on
        # its own (a post) it misleads: one shared rare word covers half of a short fact-check.
        covered = (
            sum(self.idf[t] for t in unique if t in self.text_terms) if self.context_terms else 0.0
        )
        context_covered = sum(self.idf[t] for t in unique if t in self.context_terms)
        speaker = 1.0 if self.speaker and self.speaker & name_words(candidate.speaker) else 0.0
        found = {
            "text": self.bm25(self.text_terms, counts, length) / self.text_mass,
            "context": self.bm25(self.context_terms, counts, length) / self.context_mass,
            "covered": covered / mass,
            "context_covered": context_covered / mass,
            "speaker": speaker,
        }
        if self.query.vector is not None and candidate.vector is not None:
            found["meaning"] = float(self.query.vector @ candidate.vector)
        return found

    def _idf(self, term):
        idf = self.idf.get(term)
        return idf if idf is not None else self.stats.idf(term)


def score(features, weights=None):
    weights = weights or (MEANING_WEIGHTS if "meaning" in features else WEIGHTS)
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def rank(query, candidates, stats, *, limit=10, weights=None, min_score=0.0, terms_of=None):
    """The best `limit` candidates for `query` (None: all), best first, each with its score and
    features.

    `terms_of(candidate)` may give a candidate's terms computed earlier (an index keeps them).
    Embeddings count only when the query and every candidate have one, so that all candidates
    are scored alike.
    """
    candidates = list(candidates)
    if query.vector is not None and any(c.vector is None for c in candidates):
        query = replace(query, vector=None)
    prepared = PreparedQuery(query, stats)
    matches = []
    for candidate in candidates:
        features = prepared.features(candidate, terms_of(candidate) if terms_of else None)
        value = score(features, weights)
        if value > min_score:
            matches.append(Match(candidate.id, round(value, 4), features))
    matches.sort(key=lambda m: -m.score)
    return matches[:limit] if limit is not None else matches


# What the desk stores and flags "checked before": the matches at or above one of these floors
# (`worth_showing`). Calibrated for claims that have no fact-check in the archive, most of a
# newsroom's, with `python -m claims.matching.calibrate`: for each CheckThat! 2021 query, the
# right first answer against the best candidate left once its fact-checks are taken out. With
# the embeddings, the cosine of the claim's own text and the fact-check's (0 to 1; the context
# does not count) separates them best; its quantiles 10/50/90% on train, right first vs best
# wrong: 2A (tweets) .51/.67/.82 vs .37/.48/.60, 2B (debates) .47/.69/.87 vs .35/.54/.71. At 0.6
# it keeps 71% of right first answers on both train splits and shows a wrong match for 12% (2A)
# and 42% (2B) of the claims without one; on dev 75% and 65% kept, 10% and 30% shown, MAP@5 of
# the stored matches 0.703 (2A) and 0.304 (2B). The rule before (score above 0.8, and text at
# least 0.25 or meaning at least 0.5) kept 99.5% and 92% on dev but showed a wrong match for 81%
# and 98% of those claims (MAP@5 0.934, 0.448): QA's "unrelated matches". No score floor: the
# score's scale depends on the context (2B queries have one, 2A's do not), a cosine's does not.
# The two datasets agree on 0.6 for what is kept; 2B shows more "wrong" matches, but many are the
# same claim checked again by PolitiFact (in a sample of 8 of them on dev, 5 were), which a
# journalist would want to see.
# Words alone separate them less well (the lexical ranking, without the model package): the
# claim's words found in the fact-check (`text`, BM25 over the claim's best) at least 0.5 keep 48%
# (2A) and 77% (2B) of right first answers on train and show a wrong match for 9% and 51%; on dev
# 76% and 60% kept, 17% and 49% shown, MAP@5 0.680 and 0.271 (before: 35% and 92% kept, 1% and
# 89% shown, MAP@5 0.312 and 0.420; the score floor of 0.8 dropped most tweets).
SHOW = {"text": 0.5}
MEANING_SHOW = {"meaning": 0.6}


def worth_showing(features, rule=None):
    """Whether a match is stored and shown: one of the rule's features (by default, with the
    embeddings the claim's meaning, else its words) reaches its floor. Both read the claim itself,
    so its context alone never makes a match."""
    rule = rule or (MEANING_SHOW if "meaning" in features else SHOW)
    return any(features.get(name, 0.0) >= floor for name, floor in rule.items())
