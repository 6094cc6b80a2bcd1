"""Read-side queries for lists and pages: the select_related/prefetch decisions live here."""

from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils import timezone

from claims import pagination
from claims.extraction import EXTRACTOR_VERSION
from claims.ids import parse_id
from claims.models import (
    Article,
    Claim,
    ClaimEvent,
    ClaimEvidence,
    ExtractionScore,
    FactCheck,
    SavedView,
    Source,
    Verdict,
    detail_url,
)
from claims.pagination import count_many, keyset_page
from claims.permissions import FACT_CHECKER, role_of
from claims.search import claim_search, look_up, many

TABS = {
    "mine": "Mine",
    "unassigned": "Unassigned",
    "in_review": "In review",
    "overdue": "Overdue",
    "all": "All",
}
OPEN_STATES = Claim.OPEN_STATES
APPROVED_STATES = Claim.APPROVED_STATES
UNDISMISSED_STATES = [state for state in Claim.State.values if state != Claim.State.DISMISSED]
SORTS = {
    "score": ("-score", "id"),
    "created": ("-created_at", "-id"),
    "article": ("article__headline", "ordinal"),
    "state": ("state", "-score", "id"),
    "assignee": ("assignee__username", "-score", "id"),
    "kind": ("kind", "-score", "id"),
    "source": ("source__name", "-score", "id"),
    "due": ("due_date", "-priority", "-score", "id"),
    "priority": ("-priority", "due_date", "-score", "id"),
}
# The sorts offered in the claim column's header (the others head their own columns).
CLAIM_SORTS = [
    ("source", "speaker"),
    ("article", "article"),
    ("kind", "kind"),
    ("created", "newest"),
]
FILTER_KEYS = ("state", "assignee", "verdict", "kind", "article", "source", "junk", "matched")


@dataclass
class QueueQuery:
    """The queue's filters, parsed from the URL (the URL is the truth). Bad values are ignored."""

    tab: str = "all"
    q: str = ""
    sort: str = "score"
    descending: bool = False
    filters: dict = field(default_factory=dict)
    page: str = "1"

    @classmethod
    def from_params(cls, params, default_tab="all"):
        query = cls(tab=default_tab)
        if params.get("tab") in TABS:
            query.tab = params["tab"]
        # NUL characters are dropped: PostgreSQL refuses them in a query parameter.
        query.q = params.get("q", "").replace("\x00", "").strip()[:200]
        sort = params.get("o", "score")
        query.descending = sort.startswith("-")
        if sort.lstrip("-") in SORTS:
            query.sort = sort.lstrip("-")
        for key in FILTER_KEYS:
            value = _filter_value(key, params.get(key, "").replace("\x00", "").strip())
            if value:
                query.filters[key] = value
        query.page = params.get("page", "1")
        return query

    def params(self, **changes):
        """URL parameters for this query with some changed (None removes one)."""
        values = {"tab": self.tab, "q": self.q, **self.filters}
        values["o"] = ("-" if self.descending else "") + self.sort
        values.update(changes)
        # A queue page builds about 60 of these links from the same few pairs: each pair is
        # encoded once (_param). A QueryDict took three times as long as urlencode() of a dict.
        return "&".join(
            _param(key, value) for key, value in values.items() if value not in (None, "")
        )


def _param(key, value):
    """One URL parameter, "key=value", encoded as urlencode() does; a short one is encoded once
    and remembered (a page repeats the same few pairs), a long one (a crafted URL) is not."""
    value = str(value)
    return _short_param(key, value) if len(value) <= 200 else urlencode({key: value})


@lru_cache(maxsize=2048)
def _short_param(key, value):
    return urlencode({key: value})


# Filters that take one of a few words; the others take a state, a kind, "none" or an id.
WORD_FILTERS = {
    "junk": ("1",),  # the claims people marked "not a claim" (hidden otherwise)
    "matched": ("yes", "no"),  # claims with a "checked before" match, or without
}


def _filter_value(key, value):
    """The value of one queue filter as kept, or None when it is not a valid one."""
    if key in WORD_FILTERS:
        return value if value in WORD_FILTERS[key] else None
    if key in ("state", "kind") or value == "none":
        return value or None
    pk = parse_id(value)
    return str(pk) if pk is not None else None


def default_tab(user):
    """Where the queue opens: fact-checkers on their own work, everyone else on all claims."""
    return "mine" if role_of(user) == FACT_CHECKER else "all"


def tab_filter(tab, user, junk=False):
    """The rows one of the fixed tabs shows: claims, or with `junk` what people marked "not a
    claim" (never shown otherwise)."""
    rows = ~Q(rejection="") if junk else Q(rejection="")
    if tab == "mine":  # open work only: what was published or dismissed is under All
        return rows & Q(assignee=user, state__in=OPEN_STATES)
    if tab == "unassigned":
        # Listed, not "state != dismissed": the count then seeks these states in its index
        # instead of filtering out the dismissed rows it reads (1.3 → 0.3 ms at 100k claims).
        return rows & Q(assignee__isnull=True, state__in=UNDISMISSED_STATES)
    if tab == "in_review":
        return rows & Q(state=Claim.State.IN_REVIEW)
    if tab == "overdue":
        return rows & Q(due_date__lt=timezone.localdate(), state__in=OPEN_STATES)
    return rows


def queue_filter(user, query, found=None):
    """The rows a queue query shows (tab, filters, search), as one Q for lists and counts;
    `found`: search.look_up()'s answer for several queries' searches at once."""
    condition = tab_filter(query.tab, user, junk="junk" in query.filters)
    for key, value in query.filters.items():
        if key == "junk":
            continue
        if key in ("state", "kind"):
            condition &= Q(**{key: value})
        elif key == "matched":
            condition &= Q(open_matches__gt=0) if value == "yes" else Q(open_matches=0)
        elif value == "none":
            condition &= Q(**{f"{key}__isnull": True})
        else:
            condition &= Q(**{f"{key}_id": int(value)})
    if query.q:
        condition &= claim_search(query.q, found)
    return condition


def queue_rows_key(user, query):
    """A string that names the rows queue_filter() selects for `user` and `query`: the count
    caches' key for them (pagination.count_many), read without compiling their SQL."""
    who = user.pk if query.tab == "mine" else None
    day = timezone.localdate().isoformat() if query.tab == "overdue" else None
    return repr(("queue", query.tab, who, day, sorted(query.filters.items()), query.q))


def queue_claims(user, query, found=None):
    # Not the articles' text: a page of 50 claims read up to 50 article bodies it never shows.
    claims = (
        Claim.objects.select_related("article", "source", "assignee", "verdict")
        .defer("article__body")
        .filter(queue_filter(user, query, found))
    )
    return pagination.order_by(claims, queue_order(query))


def queue_order(query):
    """The queue's order_by() for a query, always ending in a unique column (for keyset pages)."""
    order = SORTS[query.sort]
    if order[-1].lstrip("-") != "id":
        order = (*order, "id")
    if query.descending:
        order = tuple(o[1:] if o.startswith("-") else f"-{o}" for o in order)
    return order


def by_id_when_few(user, query, count=None):
    """(claims, count): a search's or a filter's claims by id when there are at most
    COUNT_THRESHOLD of them.

    Asked in queue order, PostgreSQL scans the claims in the sort's index until it has a page:
    all of them when few match (at 100k claims a misspelt word took 184 ms in the queue and
    221 ms in the API, the "checked before?" filter with no match 135 ms; 6-17 ms now). The ids
    are read in place of the count. A search reads them through a probe that has its headlines
    and speakers looked up first (search.look_up, one query on PostgreSQL), unless it is known
    to match more. A single filter that has its own index in score order (claims/models.py) is
    read from that index.
    """
    if not (query.q or query.filters) or count is not None or _indexed(query):
        return queue_claims(user, query), count

    @cache
    def claims():  # built only when needed: a search known to be large reads none of it
        return queue_claims(user, query)

    def probe():  # a search's headlines and speakers as lists here, as subqueries for a page
        found = look_up([query.q])
        return queue_claims(user, query, found) if found else claims()

    ids, count = pagination.ids_if_few(claims, probe, key=queue_rows_key(user, query))
    if ids is None:
        return (queue_claims(user, query, many(query.q)) if query.q else claims()), count
    return claims().filter(pk__in=ids), count


# Filters with an index of their own in score order ("source", "-score", "id"): a page of one of
# them sorted by score is an index seek, quicker than its claims read by id (a source's 408
# claims: 3.4 ms to read and sort them by id, against about 1 ms).
INDEXED_FILTERS = frozenset(("state", "kind", "assignee", "verdict", "source"))


def _indexed(query):
    """Whether the query is one indexed filter, sorted by score, with no search."""
    return (
        not query.q
        and query.sort == "score"
        and len(query.filters) == 1
        and next(iter(query.filters)) in INDEXED_FILTERS
    )


# What a queue row shows (claims/templatetags/queue_rows.py) and what its sorts and cursors read.
# Not the rest of the claim: its embedding alone is 1.5 KB a row, and its JSON fields are decoded
# row by row.
QUEUE_ROW_FIELDS = (
    "article_id", "ordinal", "text", "kind", "source_id", "score", "state", "verdict_id",
    "assignee_id", "due_date", "priority", "version", "open_matches", "created_at",
    "article__headline", "source__name",
)  # fmt: skip


@dataclass(frozen=True)
class DeskLookups:
    """The desk's verdicts and the people who can be assigned, read once for a queue page: its
    filter menus list them and its rows show them, so the rows need not join them. Planning the
    five-table join cost PostgreSQL 1.2 ms a page, the three-table one 0.3 ms (100k claims)."""

    verdicts: dict
    people: dict

    @classmethod
    def read(cls):
        from claims.services import assignable_users

        return cls(
            verdicts={verdict.pk: verdict for verdict in Verdict.objects.all()},
            people={person.pk: person for person in assignable_users()},
        )

    def people_named(self, ids):
        """{pk: user} holding the users with these ids: the desk's people, and anyone else (no
        longer assignable, or never was) read at once."""
        missing = set(ids) - self.people.keys() - {None}
        if not missing:
            return self.people
        return {**self.people, **get_user_model().objects.in_bulk(missing)}

    def attach(self, claims):
        """Give each claim its verdict and assignee from these (anyone else is read at once)."""
        people = self.people_named(claim.assignee_id for claim in claims)
        for claim in claims:
            claim.verdict = self.verdicts.get(claim.verdict_id)
            claim.assignee = people.get(claim.assignee_id)
        return claims


def queue_page(user, query, params=None, count=None, lookups=None):
    """One keyset page of the queue (cursors in `params`; see claims/pagination.py). With
    `lookups` (DeskLookups) its rows take their verdicts and assignees from there."""
    params = params if params is not None else {"page": query.page}
    claims, count = by_id_when_few(user, query, count)
    if lookups is not None:
        claims = claims.select_related(None).select_related("article", "source")
        claims = claims.only(*QUEUE_ROW_FIELDS)
    page = keyset_page(claims, queue_order(query), params, settings.QUEUE_PAGE_SIZE, count)
    if lookups is not None:
        lookups.attach(page.rows)
    return page


def tab_counts(user, saved_views=()):
    """How many claims each fixed tab and each saved view holds, in one query.

    Returns ({tab: count}, {saved view id: count}).
    """
    # Exact up to a threshold, estimated past it: never a scan of the whole table per page.
    counts = {f"tab_{tab}": partial(_tab_claims, tab, user) for tab in TABS}
    keys = {f"tab_{tab}": queue_rows_key(user, QueueQuery(tab=tab)) for tab in TABS}
    queries = {view.pk: QueueQuery.from_params(QueryDict(view.params)) for view in saved_views}
    found = look_up([query.q for query in queries.values()])
    for pk, query in queries.items():
        counts[f"view_{pk}"] = Claim.objects.filter(queue_filter(user, query, found))
        keys[f"view_{pk}"] = queue_rows_key(user, query)
    totals = count_many(counts, keys)
    return (
        {tab: totals[f"tab_{tab}"] for tab in TABS},
        {view.pk: totals[f"view_{view.pk}"] for view in saved_views},
    )


def _tab_claims(tab, user):
    return Claim.objects.filter(tab_filter(tab, user))


def saved_views_for(user):
    """The user's own saved views and those shared with the desk."""
    return list(SavedView.objects.filter(Q(owner=user) | Q(shared=True)).select_related("owner"))


def queue_neighbours(user, query, claim_pk):
    """The previous and next claim around `claim_pk` on its queue page, as (prev, next) ids."""
    ids = [claim.pk for claim in queue_page(user, query)]
    if claim_pk not in ids:
        return None
    at = ids.index(claim_pk)
    return {
        "prev": ids[at - 1] if at > 0 else None,
        "next": ids[at + 1] if at + 1 < len(ids) else None,
        "position": at + 1,
        "count": len(ids),
    }


# A person's own queue: what is due first, then the most urgent, then the most check-worthy.
MY_QUEUE_ORDER = ("due_date", "-priority", "-score", "id")


def next_claim_for(user, after_pk=None):
    """The open claim assigned to `user` that follows `after_pk` in their queue's order; after
    the last one, the first again (so each is reached in turn); None if no other is waiting."""
    claims = Claim.objects.filter(assignee=user, state__in=OPEN_STATES)
    current = claims.filter(pk=after_pk).first() if after_pk is not None else None
    if current is not None:
        following = pagination.rows_after(claims, MY_QUEUE_ORDER, current).first()
        if following is not None:
            return following
    return pagination.order_by(claims.exclude(pk=after_pk), MY_QUEUE_ORDER).first()


def events_since(claim_pk, moment):
    """What happened to a claim after `moment` (shown when someone else saved first)."""
    return list(
        ClaimEvent.objects.filter(claim_id=claim_pk, created_at__gt=moment).select_related("actor")
    )


def filter_choices(lookups):
    """Options for the queue's filter sidebar (`lookups`: DeskLookups)."""
    return {
        "state": list(Claim.State.choices),
        "kind": list(Claim.Kind.choices),
        "verdict": [(str(pk), verdict.label) for pk, verdict in lookups.verdicts.items()],
        "assignee": [("none", "Nobody")]
        + [(str(pk), person.get_username()) for pk, person in lookups.people.items()],
        "matched": [("yes", "Checked before?"), ("no", "No match")],
    }


def filter_links(query, choices):
    """The filter sidebar's links, [(key, [(label, URL parameters, chosen?)])], each key's "All"
    first: built here, as the queue's template spent about 1 ms a page on 50 links' tags."""
    menu = []
    for key, options in choices.items():
        chosen = query.filters.get(key)
        links = [("All", query.params(**{key: None}), chosen is None)]
        links += [
            (label, query.params(**{key: value}), value == chosen) for value, label in options
        ]
        menu.append((key, links))
    return menu


ARTICLE_CLAIMS_PAGE = 100


# What the article page's list shows of a claim (article_text.article_claims), not its embedding
# (1.5 KB a row) or its JSON fields decoded row by row: the bench's 5,000-word article, its list
# of 100 claims, the highlights and the count read in 7.3 ms before, 4.8 ms now (100k claims).
ARTICLE_LIST_FIELDS = (
    "article_id", "start", "detached", "state", "kind", "text", "source_id", "source_text",
    "cue", "score", "verdict_id", "assignee_id", "verdict__label", "verdict__colour",
    "source__name", "assignee__username",
)  # fmt: skip


def article_page_claims(article, number=None):
    """One page of the article's claim list (ListedClaim rows), and the claims to highlight in
    its text: both bounded, so the page renders in bounded time however many claims an article
    has."""
    claims = article.claims.order_by("start", "id").values_list("id", *ARTICLE_LIST_FIELDS)
    page = page_of(claims, number, ARTICLE_CLAIMS_PAGE)
    page.object_list = [ListedClaim.of(row) for row in page.object_list]
    marks = article.claims.order_by("start", "id").values_list(*Mark.COLUMNS)
    highlighted = [Mark(*row) for row in marks[: settings.ARTICLE_MAX_CLAIMS]]
    return page, highlighted


@dataclass(frozen=True)
class Named:
    """A claim's speaker, verdict or assignee as the article's list shows it."""

    name: str = ""
    label: str = ""
    colour: str = ""

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class ListedClaim:
    """What the article page's list shows of a claim (article_text.article_claims), read as a
    row, not as four models (claim, speaker, verdict, assignee): the bench's 5,000-word article's
    100 listed claims took 9,100 Python calls to read as models, 2,500 as rows."""

    id: int
    article_id: int
    start: int
    detached: bool
    state: str
    kind: str
    text: str
    source_id: int | None
    source_text: str
    cue: str
    score: float
    verdict_id: int | None
    assignee_id: int | None
    source: Named | None
    verdict: Named | None
    assignee: Named | None

    @classmethod
    def of(cls, row):
        """From a row of ("id", *ARTICLE_LIST_FIELDS)."""
        *fields, label, colour, source_name, username = row
        claim = dict(zip(("id", *ARTICLE_LIST_FIELDS[:-4]), fields, strict=True))
        return cls(
            **claim,
            source=Named(name=source_name) if claim["source_id"] is not None else None,
            verdict=Named(label=label, colour=colour) if claim["verdict_id"] is not None else None,
            assignee=Named(name=username) if claim["assignee_id"] is not None else None,
        )

    @property
    def pk(self):
        return self.id

    def get_absolute_url(self):
        return detail_url("claim_detail", self.id)


@dataclass(frozen=True)
class Mark:
    """What a highlight in the article's text shows of a claim (article_text.py): read as rows,
    not models, 275 claims cost 0.7 ms instead of 3.7 (CPU, the bench's 5,000-word article)."""

    COLUMNS = ("id", "start", "end", "state", "kind", "detached", "source__name")

    id: int
    start: int
    end: int
    state: str
    kind: str
    detached: bool
    source_name: str | None

    @property
    def pk(self):
        return self.id

    def get_absolute_url(self):
        return detail_url("claim_detail", self.id)


def sentence_choices(article):
    """[(start, end, preview)] of the article's sentences, for choosing one from the keyboard."""
    from claims.extraction.sentences import split_sentences

    body = article.body
    return [(start, end, body[start:end][:140]) for start, end in split_sentences(body)]


@dataclass(frozen=True)
class Segment:
    text: str
    claim: Mark | None = None


def article_segments(body, claims):
    """The article text cut into plain and highlighted pieces, in order (overlaps skipped)."""
    segments, position = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, c.id)):
        if claim.detached or claim.start < position or claim.end > len(body):
            continue
        if claim.start > position:
            segments.append(Segment(body[position : claim.start]))
        segments.append(Segment(body[claim.start : claim.end], claim))
        position = claim.end
    if position < len(body):
        segments.append(Segment(body[position:]))
    return segments


def published_claims():
    """Published claims with what their ClaimReview needs (its dates come from the state
    changes, its citations from the evidence), for the public feed."""
    return (
        Claim.objects.filter(state=Claim.State.PUBLISHED)
        .select_related("article", "source", "verdict")
        .prefetch_related(
            Prefetch("events", queryset=ClaimEvent.objects.filter(action=ClaimEvent.Action.STATE)),
            Prefetch("evidence_links", queryset=ClaimEvidence.objects.select_related("evidence")),
        )
    )


def claim_for_page(pk, lookups=None, history=None):
    """The claim with its article, speaker, verdict, evidence, history and the people they name.

    With `lookups` and `history` (a number; the claim page), its evidence links are read as rows
    (claim.page_links, see links_read), and only the newest `history` events of its history are
    read, and every approval or publication before them (its ClaimReview is dated by those),
    into claim.history_events (oldest first; see page_history, events_read); claim.events is
    then not read. The bench's claim page shows 30 of its 100 events: reading only those (and
    its approvals) took its request from 64,200 Python calls to 57,200.

    With `lookups` (DeskLookups, which the claim page reads for its menus) the verdict and the
    people come from there instead of from joins. The bench's claim (100k claims): the claim,
    its 100 events and 20 pieces of evidence read in 4.1 + 3.3 + 1.4 ms with their users and
    verdict joined (the seven-table join alone took PostgreSQL 1.3 ms to plan), 1.5 + 1.7 +
    1.2 ms without; 10.1 ms in all before, 7.4 now with the lookups, which also stand for the
    page's verdict query and its assign menu's.
    """
    if lookups is None:
        claim = (
            Claim.objects.select_related(
                "article", "source", "assignee", "verdict", "proposed_by", "added_by"
            )
            .prefetch_related(
                Prefetch(
                    "evidence_links",
                    queryset=ClaimEvidence.objects.select_related("evidence", "added_by"),
                ),
                Prefetch(
                    "events", queryset=ClaimEvent.objects.select_related("actor", "resolved_by")
                ),
            )
            .get(pk=pk)
        )
    elif history is not None:  # the claim page: its evidence as rows, its newest events
        claim = Claim.objects.select_related("article", "source").get(pk=pk)
        claim.page_links = _page_links(claim.pk)
        claim.history_events = _history_events(claim.pk, history)
        _attach_lookups(claim, lookups)
    else:
        claim = (
            Claim.objects.select_related("article", "source")
            .prefetch_related(
                Prefetch(
                    "evidence_links", queryset=ClaimEvidence.objects.select_related("evidence")
                ),
                "events",
            )
            .get(pk=pk)
        )
        _attach_lookups(claim, lookups)
    # Earlier texts of edited comments: a query only when some comment was edited.
    edited = [event for event in events_read(claim) if event.edited_at]
    prefetch_related_objects(edited, "revisions")
    return claim


def _history_events(pk, history):
    """The claim's newest `history` events and its approvals and publications before them
    (claims.exports.claimreview.review_date), oldest first, each with its rank from the newest
    (`newest`) and the history's length (`total`): one statement with window functions, written
    out (the ORM's subquery for a filter on a window took 4,500 Python calls to build, more than
    the 70 unread events saved)."""
    meta, quote = ClaimEvent._meta, connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in meta.concrete_fields)
    newest_first = f"{quote('created_at')} DESC, {quote('id')} DESC"
    sql = (
        f"SELECT * FROM (SELECT {columns}, "
        f"ROW_NUMBER() OVER (ORDER BY {newest_first}) AS newest, COUNT(*) OVER () AS total "
        f"FROM {quote(meta.db_table)} WHERE {quote('claim_id')} = %s) AS history "
        f"WHERE newest <= %s OR ({quote('action')} = %s AND {quote('to_value')} IN (%s, %s)) "
        f"ORDER BY {quote('created_at')}, {quote('id')}"
    )
    params = [pk, history, ClaimEvent.Action.STATE, Claim.State.VERIFIED, Claim.State.PUBLISHED]
    return list(ClaimEvent.objects.raw(sql, params))


@dataclass
class PageEvidence:
    """What the claim page shows of a piece of evidence (claim_page.evidence_item) and cites in
    its ClaimReview (claimreview._citation)."""

    id: int
    title: str
    url: str
    excerpt: str
    publisher: str
    public: bool

    @property
    def pk(self):
        return self.id


@dataclass
class PageLink:
    """A piece of evidence linked to the claim, as the claim page reads it (page_links): read as
    rows, not as two models each, the bench's claim's 20 links took 1,300 Python calls instead
    of 4,900."""

    id: int
    evidence_id: int
    stance: str
    added_by_id: int | None
    created_at: object
    evidence: PageEvidence
    added_by: object = None

    @property
    def pk(self):
        return self.id


# What the claim page reads of its evidence links (PageLink, then PageEvidence's fields).
PAGE_LINK_FIELDS = (
    "id", "evidence_id", "stance", "added_by_id", "created_at",
    "evidence__title", "evidence__url", "evidence__excerpt", "evidence__publisher",
    "evidence__public",
)  # fmt: skip


def _page_links(claim_pk):
    rows = (
        ClaimEvidence.objects.filter(claim_id=claim_pk)
        .order_by("created_at", "id")
        .values_list(*PAGE_LINK_FIELDS)
    )
    return [PageLink(*row[:5], PageEvidence(row[1], *row[5:])) for row in rows]


def links_read(claim):
    """The claim's evidence links as claim_for_page read them: the page's rows (page_links), or
    the prefetched links."""
    read = getattr(claim, "page_links", None)
    return claim.evidence_links.all() if read is None else read


def events_read(claim):
    """The events claim_for_page read: all of them, or those of claim.history_events."""
    read = getattr(claim, "history_events", None)
    return claim.events.all() if read is None else read


def page_history(claim, history=None):
    """(the newest `history` events, newest first; how many the history has in all), from what
    claim_for_page read (with the same `history`, or None for all)."""
    read = getattr(claim, "history_events", None)
    if read is None:
        events = list(claim.events.all())[::-1]
        return (events if history is None else events[:history]), len(events)
    shown = [event for event in reversed(read) if event.newest <= history]
    return shown, read[0].total if read else 0


def _attach_lookups(claim, lookups):
    """Give the claim its verdict, and it, its evidence links and its events their people."""
    links, events = links_read(claim), events_read(claim)
    people = lookups.people_named(
        [claim.assignee_id, claim.proposed_by_id, claim.added_by_id]
        + [link.added_by_id for link in links]
        + [pk for event in events for pk in (event.actor_id, event.resolved_by_id)]
    )
    claim.verdict = lookups.verdicts.get(claim.verdict_id)
    for name in ("assignee", "proposed_by", "added_by"):
        setattr(claim, name, people.get(getattr(claim, f"{name}_id")))
    for link in links:
        link.added_by = people.get(link.added_by_id)
    for event in events:
        event.actor = people.get(event.actor_id)
        event.resolved_by = people.get(event.resolved_by_id)


def claim_context(claim):
    """The claim's sentence split around the claim itself, plus a paragraph of context.

    `base` is where `before` starts in the article's text (a selection in the context shown
    becomes offsets in the text); `lead` and `tail` say whether the text goes on either side.
    """
    body = claim.article.body
    base = max(0, claim.sentence_start - 300)
    after_end = min(len(body), claim.sentence_end + 300)
    return {
        "base": base,
        "lead": "…" if base > 0 else "",
        "before": body[base : claim.start],
        "text": body[claim.start : claim.end],
        "after": body[claim.end : after_end],
        "tail": "…" if after_end < len(body) else "",
    }


def _with_bars(rows):
    """Append a bar width (percent of the largest count) to each (…, count) row."""
    rows = list(rows)
    top = max((row[-1] for row in rows), default=0) or 1
    return [(*row, round(100 * row[-1] / top)) for row in rows]


def dashboard(user):
    from claims.services import desk_figures

    figures = desk_figures()
    states = _with_bars(
        (value, label, figures.states.get(value, 0)) for value, label in Claim.State.choices
    )
    verdicts = _with_bars(
        (pk, label, colour, figures.verdicts.get(str(pk), 0))
        for pk, label, colour in Verdict.objects.order_by("order", "id").values_list(
            "pk", "label", "colour"
        )
    )
    return {
        "states": states,
        "state_total": sum(row[2] for row in states),
        "verdicts": verdicts,
        "verdict_total": sum(row[3] for row in verdicts),
        "figures_at": figures.computed_at,
        "my_claims": list(
            Claim.objects.filter(assignee=user)
            .exclude(state__in=[Claim.State.PUBLISHED, Claim.State.DISMISSED])
            .select_related("article", "source")
            .order_by("-score")[:10]
        ),
        "time_to_verdict": figures.time_to_verdict,
        "extraction_score": ExtractionScore.objects.first(),
        "extractor_version": EXTRACTOR_VERSION,
        **processing_articles(),
    }


def processing_articles(limit=10):
    """Articles waiting, being processed or failed; `active` says whether to keep polling."""
    articles = list(
        Article.objects.filter(
            status__in=[Article.Status.QUEUED, Article.Status.PROCESSING, Article.Status.FAILED]
        )
        .defer("body")
        .order_by("-created_at", "-id")[:limit]
    )
    return {"processing": articles, "active": any(not a.is_finished for a in articles)}


def time_to_verdict(limit=500):
    """Median time from a claim's first event to its approval, over the last `limit` approvals.

    One query, bounded: the latest approvals come from the index on created_at and each start
    from the claim's own events, so it stays fast however many claims there are.
    """
    from statistics import median

    from django.db.models import OuterRef, Subquery

    first_event = (
        ClaimEvent.objects.filter(claim=OuterRef("claim_id"))
        .order_by("created_at", "id")
        .values("created_at")[:1]
    )
    rows = (
        ClaimEvent.objects.filter(action=ClaimEvent.Action.STATE, to_value=Claim.State.VERIFIED)
        .order_by("-created_at", "-id")
        .annotate(started=Subquery(first_event))
        .values_list("claim_id", "started", "created_at")[:limit]
    )
    durations = {}
    for claim_id, started, verified in reversed(list(rows)):  # oldest first: first approval wins
        if started is not None and claim_id not in durations:
            durations[claim_id] = (verified - started).total_seconds()
    if not durations:
        return None
    return {"median_seconds": median(durations.values()), "claims": len(durations)}


# The source page lists the latest claims; the queue, filtered by the source, has them all.
SOURCE_PAGE_CLAIMS = 50


def source_page(source):
    # The source's claims counted by verdict and state in one pass over its own index entries
    # (claim_source_recent holds both): asked for approved claims by verdict, PostgreSQL also
    # read the state index's 10,000 approved claims of the whole desk (1.8 ms of 2.2 at 100k,
    # with the count beside it).
    tally = list(source.claims.values_list("verdict_id", "state").annotate(n=Count("*")).order_by())
    approved = Counter()
    for verdict_id, state, n in tally:
        if verdict_id is not None and state in APPROVED_STATES:
            approved[verdict_id] += n
    return {
        "claims": list(
            source.claims.select_related("article", "verdict")
            .defer("article__body")
            .order_by("-article_id", "start")[:SOURCE_PAGE_CLAIMS]
        ),
        "verdicts": _with_bars(
            (verdict.pk, verdict.label, verdict.colour, approved[verdict.pk])
            for verdict in Verdict.objects.filter(pk__in=approved).order_by("order", "id")
        ),
        "claim_total": sum(n for _, _, n in tally),
    }


def page_of(queryset, number, size=50):
    return Paginator(queryset, size).get_page(number)


def set_claim_counts(rows, field):
    """Attach `claim_count` to each row (articles or sources): one grouped query over those rows
    only (an annotation over the whole table would group every claim on every page)."""
    rows = list(rows)
    counts = dict(
        Claim.objects.filter(**{f"{field}__in": rows})
        .values_list(field)
        .annotate(n=Count("id"))
        .values_list(field, "n")
    )
    for row in rows:
        row.claim_count = counts.get(row.pk, 0)
    return rows


def with_claim_counts(page, field):
    """The page with `claim_count` on each of its objects."""
    page.object_list = set_claim_counts(page.object_list, field)
    return page


def articles_page(number):
    # Not their text, which the list does not show.
    articles = (
        Article.objects.select_related("uploaded_by").defer("body").order_by("-created_at", "-id")
    )
    return with_claim_counts(page_of(articles, number), "article")


# The sources list counts each speaker's claims up to this many and shows more as "100+" (a
# speaker's page has the exact figure). Counting every claim of a page of 100 speakers read
# 560,000 index entries at 1M claims (make bench: 35 ms), at most 10,000 this way (1.3 ms);
# capped at 1,000, 12.7 ms.
SOURCE_LIST_COUNT_CAP = 100


def sources_page(number):
    page = page_of(Source.objects.order_by("name", "id"), number, 100)
    capped = RawSQL(
        "SELECT count(*) FROM (SELECT 1 FROM claims_claim "
        "WHERE claims_claim.source_id = claims_source.id LIMIT %s) AS capped",
        [SOURCE_LIST_COUNT_CAP + 1],
    )
    counts = dict(
        Source.objects.filter(pk__in=[source.pk for source in page])
        .annotate(n=capped)
        .values_list("pk", "n")
    )
    for source in page:
        n = counts.get(source.pk, 0)
        source.claim_count_capped = n > SOURCE_LIST_COUNT_CAP
        source.claim_count = f"{SOURCE_LIST_COUNT_CAP:,}+" if source.claim_count_capped else n
    return page


def fact_checks_page(number):
    return page_of(FactCheck.objects.all(), number)


def people_matching(prefix, limit=8):
    """Desk members whose username, first or last name starts with `prefix` (for @mentions)."""
    from claims.services import assignable_users

    prefix = prefix.strip().lstrip("@")
    if not prefix:
        return []
    starts = (
        Q(username__istartswith=prefix)
        | Q(first_name__istartswith=prefix)
        | Q(last_name__istartswith=prefix)
    )
    return list(assignable_users().filter(starts)[:limit])
