"""Fill the fact-check archive for benchmarks: ``manage.py generate_fact_checks --count N``.

Fact-checks are built from a seeded vocabulary of made-up words drawn with Zipf's law (a few
words everywhere, most words rare), as real archives are: the pre-filter's and the IDF's work
depend on that shape, not on the words themselves. Claimants are the generator's people. Rows are
marked by their URL (GENERATED_URL) and --reset removes them; the matcher's term statistics are
updated as by an import. They are not embedded (their words are made up, and a million
encodings would take hours): each carries the same stand-in vector (`stand_in_vector`), so that
matching against them reads and scores stored vectors as it does in a real archive.
"""

import bisect
import itertools
import random

from django.core.management.base import BaseCommand
from django.db import transaction

from claims.matching import embedding
from claims.models import FactCheck
from claims.services.matching import count_terms, fact_check_terms
from devtools.management.commands.generate_archive import FIRST, LAST, ORGS

GENERATED_URL = "https://generated.example/fact-checks/"
VOCABULARY = 60_000
SYLLABLES = "ba ko ri ten mal su vor det lin par gos ne fi ru tam el dro kan mis ol".split()  # noqa: SIM905
VERDICTS = ["False", "Mostly false", "Half true", "Mostly true", "True", "Misleading"]
BATCH = 5000


class Vocabulary:
    """Made-up words with Zipf-distributed frequencies, from a seed."""

    def __init__(self, rng, size=VOCABULARY):
        words = set()
        while len(words) < size:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.words = sorted(words)
        rng.shuffle(self.words)
        weights = [1 / (rank + 1) for rank in range(size)]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def draw(self, n):
        top = self.cumulative[-1]
        return [
            self.words[bisect.bisect(self.cumulative, self.rng.random() * top)] for _ in range(n)
        ]


class FactChecks:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.vocabulary = Vocabulary(self.rng)
        self.people = [f"{f} {last}" for f in FIRST for last in LAST] + ORGS

    def claim(self):
        rng = self.rng
        words = self.vocabulary.draw(rng.randint(10, 18))
        figure = (
            f"{rng.randint(2, 95)} percent" if rng.random() < 0.5 else str(rng.randint(1990, 2025))
        )
        return " ".join(words[:6]) + f" {figure} " + " ".join(words[6:])

    def paraphrase(self, text):
        """Another way of saying `text`: most of its words, reordered a little, some new ones."""
        rng = self.rng
        words = [w for w in text.split() if rng.random() < 0.7]
        for _ in range(3):
            words.insert(rng.randint(0, len(words)), self.vocabulary.draw(1)[0])
        return " ".join(words)

    def fact_check(self, number):
        rng = self.rng
        return FactCheck(
            url=f"{GENERATED_URL}{number}",
            claim_reviewed=self.claim(),
            verdict=rng.choice(VERDICTS),
            claimant=rng.choice(self.people),
            publisher="Generated Checkers",
        )


class Command(BaseCommand):
    help = "Generate N archived fact-checks with a realistic vocabulary (benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--reset", action="store_true", help="Remove generated ones first.")

    def handle(self, count, seed, reset, **options):
        if reset:
            removed, _ = FactCheck.objects.filter(url__startswith=GENERATED_URL).delete()
            self.stdout.write(f"Removed {removed:,} generated fact-checks.")
        made = generate(count, seed)
        self.stdout.write(f"Generated {made:,} fact-checks.")


def stand_in_vector():
    """The stored vector of every generated fact-check: a fixed unit vector."""
    vector = [1.0 if i % 2 else -1.0 for i in range(embedding.DIMENSIONS)]
    return embedding.to_bytes([v / embedding.DIMENSIONS**0.5 for v in vector])


def generate(count, seed=7, first=0):
    """Add `count` generated fact-checks numbered from `first`; returns how many were added."""
    maker = FactChecks(seed + first)
    counted = []  # counted once at the end: an update per batch would bloat MatchTerm
    stand_in = stand_in_vector()
    with transaction.atomic():
        for start in range(first, first + count, BATCH):
            batch = [maker.fact_check(n) for n in range(start, min(start + BATCH, first + count))]
            for fc in batch:
                fc.match_terms = " ".join(fact_check_terms(fc))
                fc.embedding = stand_in
                counted.append(fc.match_terms.split())
            FactCheck.objects.bulk_create(batch)
        count_terms(counted)
    return count
