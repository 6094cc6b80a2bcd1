"""An in-memory archive with an inverted index: the candidates for a claim, then their ranking.

The command line and the evaluation use it over a JSONL archive; the desk chooses candidates with
its database instead (claims/services/matching.py) and ranks them with the same `rank`.
"""

from collections import Counter, defaultdict
from dataclasses import replace

from .embedding import encode_cached
from .ranking import K1, B, Candidate, PreparedQuery, Statistics, candidate_terms, rank
from .text import name_words

# How many candidates the first stage hands to the ranking: the best by the claim and its context,
# and the best among the speaker's own fact-checks (people repeat their claims).
FIRST_STAGE = 30
SPEAKER_STAGE = 30
CONTEXT_WEIGHT = 0.6


class Index:
    """`model`: an embedding.Encoder, to rank by meaning too (the candidates' vectors are computed
    here, or read from the disk cache); None ranks by words alone."""

    def __init__(self, candidates, model=None):
        self.candidates = list(candidates)
        self.model = model
        if model is not None:
            vectors = encode_cached(model, [meaning_text(c) for c in self.candidates])
            self.candidates = [
                replace(c, vector=v) for c, v in zip(self.candidates, vectors, strict=True)
            ]
        self.terms = [candidate_terms(c) for c in self.candidates]
        self.postings = defaultdict(list)  # term -> [(position, term frequency)]
        for position, words in enumerate(self.terms):
            for term, count in Counter(words).items():
                self.postings[term].append((position, count))
        self.by_speaker = defaultdict(set)
        for position, candidate in enumerate(self.candidates):
            for word in name_words(candidate.speaker):
                self.by_speaker[word].add(position)
        lengths = [len(t) for t in self.terms]
        self.lengths = lengths
        frequencies = {term: len(posting) for term, posting in self.postings.items()}
        average = sum(lengths) / len(lengths) if lengths else 1.0
        self.stats = Statistics(len(self.candidates), frequencies, average)

    def _scores(self, prepared, query_terms, weight, scores):
        stats = self.stats
        for term in query_terms:
            idf = prepared.idf[term] * weight
            for position, tf in self.postings.get(term, ()):
                norm = K1 * (1 - B + B * self.lengths[position] / stats.average_length)
                scores[position] += idf * tf * (K1 + 1) / (tf + norm)

    def search(self, query, limit=FIRST_STAGE):
        """The first stage: positions of the likeliest candidates, by BM25 of claim and context."""
        prepared = PreparedQuery(query, self.stats)
        scores = defaultdict(float)
        self._scores(prepared, prepared.text_terms, 1.0, scores)
        self._scores(prepared, prepared.context_terms, CONTEXT_WEIGHT, scores)
        ordered = sorted(scores, key=lambda p: (-scores[p], p))
        chosen = ordered[:limit]
        own = set()
        for word in prepared.speaker:
            own |= self.by_speaker.get(word, set())
        if own:
            seen = set(chosen)
            chosen += [p for p in ordered if p in own and p not in seen][:SPEAKER_STAGE]
        return chosen

    def match(self, query, limit=10, weights=None):
        """The best `limit` candidates for `query`, ranked by `rank`."""
        if self.model is not None and query.vector is None:
            query = replace(query, vector=self.model.encode([query.text])[0])
        positions = self.search(query)
        terms_by_id = {id(self.candidates[p]): self.terms[p] for p in positions}
        return rank(
            query,
            [self.candidates[p] for p in positions],
            self.stats,
            limit=limit,
            weights=weights,
            terms_of=lambda c: terms_by_id[id(c)],
        )


def meaning_text(candidate):
    """What a candidate's vector is computed from."""
    return candidate.text


__all__ = ["Candidate", "Index", "meaning_text"]
