"""Build a realistic archive for benchmarks: N articles of ~10 claims each, with the desk's work.

Claims come from two pools: sentences the real extractor finds in seeds/, and templated
sentences of our own (quotes, reported speech, unattributed figures). Everything else (sources,
assignees, states, verdicts, due dates, evidence, events, dates spread over years) is drawn from
a seeded random generator, so the same arguments build the same archive. Bulk inserts only.

Also built, for the page benchmarks: one 5,000-word article (extracted for real) and one claim
with 20 evidence links and 100 events. Generated rows are marked (content hash "gen-…"), and
--reset removes them.
"""

import random
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from claims import extraction
from claims.models import Article, Claim, ClaimEvent, ClaimEvidence, Evidence, Source, Verdict
from claims.permissions import EDITORS, FACT_CHECKERS
from claims.services import fingerprint

MARK = "gen-"
OUTLET = "Archive generator"
LONG_ARTICLE_HEADLINE = "Generated long read: 5,000 words"
BUSY_CLAIM_TEXT = "generated busy claim with twenty evidence links and a long history"
BATCH = 5000

FIRST = "Anna Boris Chen Dana Elif Farid Grace Hugo Ines Jonas Kemal Lena Marta Nadia".split()  # noqa: SIM905
LAST = "Adler Brandt Costa Duarte Engel Fischer Garcia Haddad Ivanova Jensen Kowalski Lund".split()  # noqa: SIM905
ORGS = [
    "Ministry of Finance",
    "Central Bank",
    "City Council",
    "Transport Department",
    "World Health Organization",
    "National Statistics Office",
    "Port Authority",
    "Energy Regulator",
    "Teachers' Union",
    "Chamber of Commerce",
]
TOPICS = [
    "the budget",
    "bus ridership",
    "unemployment",
    "rents",
    "hospital waiting times",
    "the new tram line",
    "carbon emissions",
    "school results",
    "the port expansion",
    "crime figures",
    "the minimum wage",
    "energy prices",
    "housing permits",
]
MOVES = [
    "rose by {n} percent",
    "fell by {n} percent",
    "doubled since {y}",
    "reached {n} million",
    "was cut by {n} percent",
    "hit a record {n} thousand",
    "stayed flat since {y}",
]
CUES = ["said", "told reporters", "claimed", "according to", "told Reuters", "insisted"]
HEADLINES = [
    "Council row over {t}",
    "Figures on {t} questioned",
    "{s} defends record on {t}",
    "What we know about {t}",
    "Debate heats up over {t}",
]

STATES = [
    ("new", 55),
    ("assigned", 10),
    ("in_progress", 10),
    ("in_review", 5),
    ("verified", 5),
    ("published", 5),
    ("dismissed", 10),
]


@contextmanager
def keep_given_timestamps(*models):
    """Let bulk_create store the dates we give instead of 'now' (auto_now / auto_now_add)."""
    saved = []
    for model in models:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                saved.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class Command(BaseCommand):
    help = "Generate a seeded archive of articles, claims and desk work for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--claims-per-article", type=int, default=10)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--reset", action="store_true", help="Remove generated rows first.")

    def handle(self, articles, claims_per_article, seed, reset, **options):
        if reset:
            self.stdout.write(f"Removed {remove_generated()} generated articles.")
        rng = random.Random(seed)
        started = datetime.now()
        with transaction.atomic(), keep_given_timestamps(Article, Claim, ClaimEvent, Evidence):
            built = Archive(rng).build(articles, claims_per_article)
        seconds = (datetime.now() - started).total_seconds()
        self.stdout.write(
            f"Generated {built['articles']:,} articles and {built['claims']:,} claims "
            f"in {seconds:.1f} s (seed {seed})."
        )


def remove_generated():
    with transaction.atomic():
        generated = Article.objects.filter(content_hash__startswith=MARK)
        n = generated.count()
        Evidence.objects.filter(publisher=OUTLET).delete()
        generated.delete()
    return n


class Archive:
    """The random draws, kept in one place so the archive is repeatable from the seed."""

    def __init__(self, rng):
        self.rng = rng
        self.now = datetime(2026, 1, 1, tzinfo=UTC)
        self.users = self._users()
        self.sources = self._sources()
        self.verdicts = list(Verdict.objects.all())
        self.seed_claims = self._seed_claims()
        self.states = [s for s, weight in STATES for _ in range(weight)]

    def _users(self):
        User = get_user_model()
        checkers = Group.objects.get_or_create(name=FACT_CHECKERS)[0]
        editors = Group.objects.get_or_create(name=EDITORS)[0]
        users = []
        for i in range(1, 21):
            user, created = User.objects.get_or_create(username=f"gen-checker-{i:02}")
            if created:
                user.set_unusable_password()
                user.save()
                user.groups.add(editors if i <= 4 else checkers)
            users.append(user)
        demo = list(User.objects.filter(username__in=["editor", "checker", "checker2"]))
        return users + demo

    def _sources(self):
        names = [(f"{f} {last}", Source.Kind.PERSON) for f in FIRST for last in LAST]
        names += [(org, Source.Kind.ORGANISATION) for org in ORGS]
        Source.objects.bulk_create(
            [Source(name=n, normalized_name=n.casefold(), kind=k) for n, k in names],
            ignore_conflicts=True,
        )
        return list(Source.objects.filter(normalized_name__in=[n.casefold() for n, _ in names]))

    def _seed_claims(self):
        """(text, kind, source as written, cue, score) found by the real extractor in seeds/."""
        pool = []
        for path in sorted((settings.BASE_DIR / "seeds").glob("*.txt")):
            for c in extraction.extract(path.read_text()):
                pool.append((c.text, c.kind, c.source or "", c.cue or "", c.score))
        return pool

    def sentence(self, source):
        """One claim and the sentence around it: (sentence, claim start, end, kind, cue, score)."""
        rng = self.rng
        if self.seed_claims and rng.random() < 0.3:
            text, kind, written, cue, score = rng.choice(self.seed_claims)
            said = f" {written} {cue}." if written else "."
            return text + said, 0, len(text), kind, cue, score
        figure = rng.choice(MOVES).format(n=rng.randint(2, 90), y=rng.randint(2010, 2024))
        text = f"{rng.choice(TOPICS).capitalize()} {figure} last year"
        kind = rng.choice(["direct", "indirect", "unattributed"])
        score = round(rng.betavariate(2, 3), 3)
        if kind == "direct":
            sentence = f"“{text},” {source.name} said."
            return sentence, 1, 1 + len(text), kind, "said", score
        if kind == "indirect":
            cue = rng.choice(CUES)
            prefix = f"{source.name} {cue} that " if cue != "according to" else ""
            body = text[0].lower() + text[1:] if prefix else text
            if cue == "according to":
                return f"{body}, according to {source.name}.", 0, len(body), kind, cue, score
            return f"{prefix}{body}.", len(prefix), len(prefix) + len(body), kind, cue, score
        return f"{text}.", 0, len(text), kind, "", score

    def build(self, n_articles, per_article):
        total = self.add_articles(0, n_articles, per_article)
        long_claims = self._long_article()
        self._busy_claim()
        return {"articles": n_articles + 1, "claims": total + long_claims}

    def add_articles(self, first, n_articles, per_article):
        """Articles numbered from `first`, with their claims and work; returns the claim count."""
        total = 0
        for start in range(first, first + n_articles, BATCH // per_article):
            count = min(BATCH // per_article, first + n_articles - start)
            total += self._batch(start, count, per_article)
        return total

    def _when(self):
        return self.now - timedelta(minutes=self.rng.randint(0, 3 * 365 * 24 * 60))

    def _batch(self, first, count, per_article):
        rng = self.rng
        articles, drafts = [], []
        for i in range(first, first + count):
            sentences = []
            speakers = rng.sample(self.sources, 3)
            for _ in range(per_article + rng.randint(-3, 3)):
                source = rng.choice(speakers)
                sentences.append((source, *self.sentence(source)))
            created = self._when()
            topic = rng.choice(TOPICS)
            headline = rng.choice(HEADLINES).format(t=topic, s=speakers[0].name)
            body, offset, spans = [], 0, []
            for source, sentence, start, end, kind, cue, score in sentences:
                spans.append((source, sentence, offset, start, end, kind, cue, score))
                body.append(sentence)
                offset += len(sentence) + 2
            articles.append(
                Article(
                    headline=headline[0].upper() + headline[1:],
                    body="\n\n".join(body),
                    outlet=OUTLET,
                    content_hash=f"{MARK}{i}",
                    status=Article.Status.READY,
                    progress=100,
                    extractor_version=extraction.EXTRACTOR_VERSION,
                    published_on=created.date(),
                    created_at=created,
                    updated_at=created,
                    processed_at=created,
                )
            )
            drafts.append(spans)
        Article.objects.bulk_create(articles)
        claims = []
        for article, spans in zip(articles, drafts, strict=True):
            for ordinal, (source, sentence, at, start, end, kind, cue, score) in enumerate(
                spans, 1
            ):
                claims.append(
                    self._claim(
                        article, ordinal, source, sentence, at, start, end, kind, cue, score
                    )
                )
        Claim.objects.bulk_create(claims, batch_size=BATCH)
        self._work(claims)
        return len(claims)

    def _claim(self, article, ordinal, source, sentence, at, start, end, kind, cue, score):
        rng = self.rng
        state = rng.choice(self.states)
        assignee = None if state in ("new", "dismissed") else rng.choice(self.users)
        if state == "new" and rng.random() < 0.1:
            state, assignee = "assigned", rng.choice(self.users)
        verdict = (
            rng.choice(self.verdicts) if state in ("in_review", "verified", "published") else None
        )
        text = sentence[start:end]
        attributed = kind != "unattributed"
        return Claim(
            article=article,
            ordinal=ordinal,
            text=text,
            start=at + start,
            end=at + end,
            sentence_start=at,
            sentence_end=at + len(sentence),
            kind=kind,
            source=source if attributed else None,
            source_text=source.name if attributed else "",
            cue=cue if attributed else "",
            score=score,
            state=state,
            assignee=assignee,
            verdict=verdict,
            verdict_summary="Checked against the published figures." if verdict else "",
            proposed_by=assignee if verdict else None,
            due_date=(article.created_at + timedelta(days=rng.randint(1, 14))).date()
            if assignee
            else None,
            priority=rng.choice([0, 1, 1, 1, 2, 3]),
            fingerprint=fingerprint(text),
            created_at=article.created_at,
            updated_at=article.created_at,
        )

    def _work(self, claims):
        """Events for every claim, evidence for the worked ones."""
        rng = self.rng
        events, links, evidence = [], [], []
        for claim in claims:
            at = claim.created_at
            events.append(ClaimEvent(claim=claim, action="created", created_at=at))
            if claim.assignee_id:
                at += timedelta(hours=rng.randint(1, 48))
                events.append(
                    ClaimEvent(
                        claim=claim,
                        actor=claim.assignee,
                        action="assigned",
                        to_value=str(claim.assignee),
                        created_at=at,
                    )
                )
            if claim.state != "new":
                events.append(
                    ClaimEvent(
                        claim=claim,
                        actor=claim.assignee,
                        action="state",
                        from_value="new",
                        to_value=claim.state,
                        created_at=at + timedelta(hours=1),
                    )
                )
            if claim.verdict_id:
                evidence.append(self._evidence(claim.created_at))
                links.append((claim, evidence[-1]))
        ClaimEvent.objects.bulk_create(events, batch_size=BATCH)
        Evidence.objects.bulk_create(evidence, batch_size=BATCH)
        ClaimEvidence.objects.bulk_create(
            [
                ClaimEvidence(
                    claim=c,
                    evidence=e,
                    stance=rng.choice(["supports", "refutes", "context"]),
                    created_at=e.created_at,
                )
                for c, e in links
            ],
            batch_size=BATCH,
        )

    def _evidence(self, when):
        n = self.rng.randint(1, 10**6)
        return Evidence(
            title=f"Official statistics release {n}",
            url=f"https://stats.example.org/r/{n}",
            publisher=OUTLET,
            published_on=when.date(),
            created_at=when,
        )

    def _long_article(self):
        """A 5,000-word article built from the seed text, extracted by the real extractor."""
        Article.objects.filter(content_hash=f"{MARK}long").delete()
        seed = "\n\n".join(
            p.read_text() for p in sorted((settings.BASE_DIR / "seeds").glob("*.txt"))
        )
        words, parts = 0, []
        while words < 5000:
            parts.append(seed)
            words += len(seed.split())
        body = "\n\n".join(parts)
        article = Article.objects.create(
            headline=LONG_ARTICLE_HEADLINE,
            body=body,
            outlet=OUTLET,
            content_hash=f"{MARK}long",
            status=Article.Status.READY,
            progress=100,
            created_at=self.now,
            updated_at=self.now,
        )
        found = extraction.extract(body)
        Claim.objects.bulk_create(
            [
                Claim(
                    article=article,
                    ordinal=i,
                    text=c.text,
                    start=c.start,
                    end=c.end,
                    sentence_start=c.sentence_start,
                    sentence_end=c.sentence_end,
                    kind=c.kind,
                    source_text=(c.source or "")[:300],
                    cue=(c.cue or "")[:100],
                    score=c.score,
                    fingerprint=fingerprint(c.text),
                    created_at=self.now,
                    updated_at=self.now,
                )
                for i, c in enumerate(found, 1)
            ]
        )
        return len(found)

    def _busy_claim(self):
        """One claim with 20 evidence links and 100 events (the claim page benchmark)."""
        article = Article.objects.get(content_hash=f"{MARK}long")
        claim = article.claims.order_by("ordinal").first()
        claim.state, claim.assignee = Claim.State.IN_PROGRESS, self.users[0]
        claim.verdict_summary = BUSY_CLAIM_TEXT
        claim.save()
        evidence = Evidence.objects.bulk_create([self._evidence(self.now) for _ in range(20)])
        ClaimEvidence.objects.bulk_create(
            [ClaimEvidence(claim=claim, evidence=e, created_at=self.now) for e in evidence]
        )
        ClaimEvent.objects.bulk_create(
            [
                ClaimEvent(
                    claim=claim,
                    actor=self.rng.choice(self.users),
                    action="comment",
                    text=f"Note {i}: checked another source.",
                    created_at=self.now + timedelta(minutes=i),
                )
                for i in range(100)
            ]
        )


def busy_claim():
    return Claim.objects.get(article__content_hash=f"{MARK}long", verdict_summary=BUSY_CLAIM_TEXT)


def long_article():
    return Article.objects.get(content_hash=f"{MARK}long")
