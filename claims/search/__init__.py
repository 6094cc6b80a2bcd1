"""Full-text search: the queue's search, the site-wide search page, and the matcher's pre-filter.

Queries use web-search syntax: words (all must match, stemmed: "tax" finds "taxes"), "quoted
phrases", -excluded words, and `or` between alternatives. Hyphens inside words are
spaces, so "Coca Cola" and "Coca-Cola" find the same. On PostgreSQL this is
`websearch_to_tsquery` over the generated `search_vector` columns (schema.py), ranked with
`ts_rank` and highlighted with `ts_headline`; on SQLite the same query is translated to FTS5,
ranked with `bm25()` and highlighted with `snippet()`. Names are also matched by trigram
similarity (pg_trgm's strict word similarity; difflib on SQLite, where the desk is
laptop-sized), so "Holoway" finds "Jane Holloway". Common words ("the", "of") are not indexed
on PostgreSQL: a search for them alone finds nothing.

The queue's headline match stays a substring match on a trigram index (migration 0003), written
as `article_id = ANY(ARRAY(subquery))` so the planner can OR the indexes together.
"""

import difflib
import html
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Subquery
from django.db.models.expressions import Expression, RawSQL
from django.utils.safestring import mark_safe

from claims.models import Article, Claim, Evidence, FactCheck, Source

MAX_QUERY = 200
_INNER_PUNCTUATION = re.compile(r"(?<=\w)[-‐‑](?=\w)")
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")
START, STOP = "\x01", "\x02"  # highlight sentinels, replaced by <mark> after escaping
SIMILAR_NAME = 0.8  # difflib ratio of a query word and a name word (SQLite's trigram stand-in)
FEW_IDS = 1000  # headlines or speakers a search finds that are passed to the claims as a list


class InArray(Func):
    """`field IN (subquery)`, written on PostgreSQL as `field = ANY(ARRAY(subquery))`.

    PostgreSQL runs ARRAY(subquery) once, before the scan (an InitPlan), so an index on the
    field serves it even inside an OR; a plain IN (subquery) inside an OR is checked row by row.
    """

    template = "%(expressions)s"
    arg_joiner = " IN "
    output_field = BooleanField()
    conditional = True

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="%(expressions)s)", arg_joiner=" = ANY(ARRAY", **extra
        )


def normalise(q):
    """The query as searched: no NUL, at most 200 characters, "Coca-Cola" as "Coca Cola"."""
    q = q.replace("\x00", "").replace(START, "").replace(STOP, "").strip()[:MAX_QUERY]
    return _INNER_PUNCTUATION.sub(" ", q)


def fts5_query(q):
    """Web-search syntax as an FTS5 query; None when nothing positive is left to look for."""
    groups = [[]]  # alternatives separated by `or`, each a list of required items
    excluded = []
    for token in _TOKEN.findall(q):
        negated = token.startswith("-") and len(token) > 1
        body = token[1:] if negated else token
        if body.lower() == "or" and not negated:
            if groups[-1]:
                groups.append([])
            continue
        words = _WORD.findall(body)
        if not words:
            continue
        item = '"' + " ".join(words) + '"'  # one word or a phrase, quoted: no FTS5 operators
        (excluded if negated else groups[-1]).append(item)
    alternatives = [" AND ".join(g) for g in groups if g]
    if not alternatives:
        return None
    expression = " OR ".join(f"({a})" for a in alternatives)
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(excluded)})"
    return expression


def _table(model):
    return model._meta.db_table


def _matching_sql(model, q):
    """(sql, params) selecting the ids of `model` rows that match the query `q`, or None when
    `q` has nothing to look for (only excluded words: PostgreSQL would match every row)."""
    table = _table(model)
    expression = fts5_query(q)
    if expression is None:
        return None
    if connection.vendor == "postgresql":
        return (
            f"SELECT id FROM {table} WHERE search_vector @@ websearch_to_tsquery('english', %s)",
            [q],
        )
    return f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s", [expression]


class TextMatches(Expression):
    """The row's own `search_vector` matches the query (PostgreSQL).

    Tested on the row itself rather than as `id = ANY(ARRAY(ids that match))`: a broad query
    matches thousands of rows, and that array is searched element by element for every row the
    queue scans in its order. At 100k claims (make bench, PostgreSQL) the queue's "tram line"
    search went from 57 to 33 ms p50, its "Haddad" search from 50 to 30 ms, the API's from 36 to
    17 ms; its count from 12 to 5 ms, as the text index now joins the others in one bitmap.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, q):
        super().__init__()
        self.q = q

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_vector @@ websearch_to_tsquery('english', %s)", [self.q]


def text_match(model, q):
    """A Q for `model` rows whose indexed text matches `q` (nothing when `q` finds nothing)."""
    q = normalise(q)
    sql = _matching_sql(model, q)
    if sql is None:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        return Q(TextMatches(q))
    return Q(InArray(F("pk"), RawSQL(*sql)))


def _similar_names_sql(q):
    """(sql, params) selecting the ids of sources with a name like `q` (typos allowed)."""
    if connection.vendor == "postgresql":
        return "SELECT id FROM claims_source WHERE lower(%s) <<%% lower(name)", [q]
    return "SELECT id FROM claims_source WHERE name_like(%s, name)", [q]


def name_like(q, name):
    """Every word of `q` (3 letters or more) is close to a word of `name` (SQLite's stand-in for
    pg_trgm's word similarity; registered as the SQL function name_like in claims/apps.py)."""
    wanted = [w.lower() for w in _WORD.findall(q or "") if len(w) >= 3]
    words = [w.lower() for w in _WORD.findall(name or "")]
    return bool(wanted) and all(
        any(difflib.SequenceMatcher(None, w, n).ratio() >= SIMILAR_NAME for n in words)
        for w in wanted
    )


def as_name(q):
    """`q` as a name that may be misspelt, or "" when it uses the search syntax (a "quoted
    phrase", a -excluded word, `or`): those ask for words as written, and a name matched with
    typos would widen the search they narrow."""
    for token in _TOKEN.findall(q):
        if (
            token.startswith('"')
            or token.lower() == "or"
            or token.startswith("-")
            and len(token) > 1
        ):
            return ""
    return q


def similar_names(q, limit=50):
    """Sources whose name is like the query (typos allowed), most similar first: their ids."""
    q = as_name(normalise(q))
    if len(q) < 3:
        return []
    sql, params = _similar_names_sql(q)
    if connection.vendor == "postgresql":
        sql += " ORDER BY strict_word_similarity(lower(%s), lower(name)) DESC"
        params = [*params, q]
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} LIMIT %s", [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def claim_search(q, found=None):
    """Claims whose text or speaker matches `q`, whose speaker's name is like it (typos
    allowed), or whose article headline contains it. With `found` (look_up()'s answer, or
    many()'s) the headlines and speakers it lists are given as lists, else as subqueries (see
    look_up)."""
    articles, sources = (found or {}).get(q, (None, None))
    names = _names_sql(q)
    condition = text_match(Claim, q)
    if articles is EACH:
        condition |= Q(article__headline__icontains=q)
    elif articles is None:
        condition |= Q(InArray(F("article_id"), Subquery(_headlines(q))))
    elif articles:
        condition |= Q(article_id__in=articles)
    if sources is None and names is not None:
        condition |= Q(InArray(F("source_id"), RawSQL(*names)))
    elif sources:
        condition |= Q(source_id__in=sources)
    return condition


def look_up(qs):
    """{q: (ids of the articles whose headline contains q, ids of the sources named like it)}
    for each search, a list when there are at most FEW_IDS (else None): one query for all.

    On PostgreSQL only, for the queries that look for a search's first 1,001 claims (are they
    few?) and count them: there the claims' query gets these as lists instead of
    ARRAY(subquery), whose size the planner cannot know. At 1M claims it guessed a quarter of
    the table (a speaker has thousands) and read all of it for a word nobody wrote (800 ms;
    with the lists, an index lookup, 2 ms). A page of a search with more claims keeps the
    subqueries: guessing many, the planner walks the sort's index to the first 50 matches,
    where with the lists it gathered every match of a common word to sort them (58 -> 366 ms).
    SQLite, at a laptop's scale, keeps the subqueries."""
    qs = list(dict.fromkeys(q for q in qs if q))
    if connection.vendor != "postgresql" or not qs:
        return {}
    statements = []
    for q in qs:
        statements += [_headlines(q).query.sql_with_params(), _names_sql(q)]
    ids = _few_ids(*statements)
    return {q: (ids[2 * k], ids[2 * k + 1]) for k, q in enumerate(qs)}


# many()'s answer: each claim's headline is tested as the claim is read.
EACH = "each"


def many(q):
    """For a search known to match many claims (more than COUNT_THRESHOLD, counted before), an
    answer like look_up()'s in which its headlines are tested claim by claim, on the article
    the page joins anyway: the page walks its sort's index until it has 50 claims. As a list
    of every headline that contains the words, gathered first and searched for each claim
    read, "tram line" cost 20 ms at 1M claims (7,601 headlines; 2.4 ms at 100k)."""
    return {q: (EACH, None)}


def _headlines(q):
    return Article.objects.filter(headline__icontains=q).order_by().values("id")


def _names_sql(q):
    """The sources named like `q` (typos allowed), for a name of three letters or more."""
    name = as_name(normalise(q))
    return _similar_names_sql(name) if len(name) >= 3 else None


def _few_ids(*statements):
    """For each (sql, params) selecting ids (or None), the ids when there are at most
    FEW_IDS of them, else None: one query for all."""
    parts, params = [], []
    for k, statement in enumerate(statements):
        if statement is not None:
            parts.append(f"SELECT {k}, id FROM ({statement[0]} LIMIT {FEW_IDS + 1}) AS s{k}")
            params.extend(statement[1])
    found = [[] for _ in statements]
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for k, pk in cursor.fetchall():
                found[k].append(pk)
    return [ids if len(ids) <= FEW_IDS else None for ids in found]


def best_ids(model, words, limit, ranked=True):
    """Ids of the `limit` rows best matching any of `words`, best first (the matcher's
    pre-filter: which candidates its ranking sees); `ranked=False`: the latest rows instead."""
    words = [w for w in words if _WORD.fullmatch(w)]
    if not words:
        return []
    table = _table(model)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            query = " || ".join(["plainto_tsquery('english', %s)"] * len(words))
            cursor.execute(
                f"SELECT id FROM {table}, ({'SELECT ' + query}) AS q(query) "
                "WHERE search_vector @@ q.query "
                + (
                    "ORDER BY ts_rank(search_vector, q.query) DESC, id "
                    if ranked
                    else "ORDER BY id DESC "
                )
                + "LIMIT %s",
                [*words, limit],
            )
        else:
            expression = " OR ".join(f'"{w}"' for w in words)
            cursor.execute(
                f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s "
                + (f"ORDER BY bm25({table}_fts), rowid " if ranked else "ORDER BY rowid DESC ")
                + "LIMIT %s",
                [expression, limit],
            )
        return [row[0] for row in cursor.fetchall()]


@dataclass
class Hit:
    """One search result: the object, its relevance and a highlighted snippet (safe HTML)."""

    obj: object
    rank: float
    snippet: str


class Hits(list):
    """One section's hits, best first; `narrowed`: as more rows matched, how many of the newest
    were ranked (0: every match was)."""

    narrowed = 0


# A broad word matches a large part of the archive, and ranking reads every match's index entry
# from the table: PostgreSQL ranks the newest RANKED_NEWEST matches of each section (the page
# says so). At 100k claims, where "tram line" matches half of the 10,000 articles, the article
# section took 33 ms, 5 ms now (ranking and snippets included).
RANKED_NEWEST = 500
# An article's index entry is long, and reading it to rank it is most of the article section's
# time: it ranks its newest 200 matches. At 100k claims (10,000 articles) ranking 500 took
# 3.4 ms, finding the newest 500 matches of "bus ridership" 4.3 ms (200: 2.5 and 1.6 ms).
RANKED_NEWEST_OF = {"articles": 200}

# Those newest matches are looked for window by window, newest rows first: the newest WINDOW
# rows, then four times as many before them, and so on until enough are found. Rows outside a
# window are not read: the text index and the primary key's range are combined before the table
# is (a bitmap AND). At 100k claims, where "tram line" matches 5,407 claims and "bus ridership"
# 4,667, finding their newest 500 read every match from the table (11 ms each); in the newest
# 10,000 claims (and 6 more before them for the phrase) 1.5 and 2.5 ms. The newest id is
# remembered for NEWEST_ID_SECONDS: a stale one only widens the first window.
WINDOW = 20 * RANKED_NEWEST
# The first window is also at least this share of the table: each window scans the text index
# again, at a cost that grows with the table. At 1M claims "bus ridership" had 494 of its 500 in
# the newest 10,000 rows, and the second window's scan took 15 ms; in 20,000 there is one scan.
WINDOW_SHARE = 1 / 50
NEWEST_ID_SECONDS = 60
# A section whose windows have found at least this share of the matches it ranks stops looking:
# the next window, four times larger, is scanned for the few left. At 100k claims the first
# window held 448 of the phrase "bus ridership" -fell's 500, and finding the other 52 in the next
# 40,000 claims read all 4,660 matches from the table (the planner, guessing 361, combined no
# index range): the database's time for the page went from 31 to 19 ms of CPU (busy
# machine). The page says how many of the newest it ranked.
ENOUGH = 1 / 2

# What the site-wide search shows of each kind: (model, column snippets come from, its place
# among the indexed columns in schema.SEARCHED, select_related, the fields its list shows).
# Only those fields are read: the claims' hits with every column of the claim, its article
# (the text too), its speaker and its verdict took 4.0 ms to read (20 hits, 100k claims), 2.1 ms
# this way.
SECTIONS = {
    "fact_checks": (
        FactCheck, "claim_reviewed", 0, (), ("url", "verdict", "publisher", "published_on")
    ),
    "claims": (
        Claim, "text", 0, ("article", "source", "verdict"),
        ("state", "source__name", "verdict__label", "article__headline"),
    ),
    "articles": (Article, "body", 2, (), ("headline",)),
    "evidence": (Evidence, "excerpt", 1, (), ("url", "title")),
    "sources": (Source, "name", 0, (), ("name", "kind")),
}  # fmt: skip


def highlight(raw):
    """Escape `raw` and turn the highlight sentinels into <mark> elements."""
    escaped = html.escape(raw or "")
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def ranked_hits(section, q, limit=20):
    """The best `limit` rows of one section for `q`, with snippets, best first (Hits)."""
    return ranked_sections([section], q, limit)[section]


def ranked_sections(sections, q, limit=20):
    """{section: its best `limit` rows for `q`, with snippets, best first (Hits)}.

    On PostgreSQL every section is looked for in the same statements (each window of newest
    rows, then the ranking), not one after another: at 100k claims the search page's five
    sections took 15 queries for a phrase, 9 this way."""
    q = normalise(q)
    results = {section: Hits() for section in sections}
    expression = fts5_query(q)
    if expression is None:
        return results
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            found, narrowed = _newest_matches(cursor, sections, q)
            rows = _ranked(cursor, found, q, limit)
        for section in narrowed:
            results[section].narrowed = len(found[section])
    else:
        rows = {section: _ranked_fts5(section, expression, limit) for section in sections}
    for section, section_rows in rows.items():
        if not section_rows:
            continue
        model, _, _, related, shown = SECTIONS[section]
        objects = (
            model.objects.select_related(*related)
            .only(*shown)
            .in_bulk([row[0] for row in section_rows])
        )
        results[section].extend(
            Hit(objects[pk], rank, highlight(snippet))
            for pk, rank, snippet in section_rows
            if pk in objects
        )
    return results


def _wanted(section):
    """How many of a section's newest matches PostgreSQL ranks."""
    return RANKED_NEWEST_OF.get(section, RANKED_NEWEST)


def _ranked_fts5(section, expression, limit):
    """(id, rank, snippet) of a section's best `limit` rows for an FTS5 `expression` (SQLite)."""
    model, _, position, _, _ = SECTIONS[section]
    fts = f"{_table(model)}_fts"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -bm25({fts}), snippet({fts}, %s, %s, %s, '…', 24) "
            f"FROM {fts} WHERE {fts} MATCH %s ORDER BY 2 DESC, rowid LIMIT %s",
            [position, START, STOP, expression, limit],
        )
        return cursor.fetchall()


def _newest_matches(cursor, sections, q):
    """({section: ids of its newest `wanted` rows matching `q`, newest first}, {the sections
    that left matches out}), looked for window by window until a section has `wanted` (or
    ENOUGH of them) or has read its whole table, every section still looking in one statement
    (PostgreSQL; the ids are written into the statement so that the planner sees each window's
    range)."""
    tables = {section: _table(SECTIONS[section][0]) for section in sections}
    newest = newest_ids(list(tables.values()))
    ids, windows, narrowed = {}, {}, set()
    for section, table in tables.items():
        size = max(WINDOW, int(newest[table] * WINDOW_SHARE))
        low = newest[table] - size
        if low < size:  # what is left is smaller than the window: read it too
            low = 0
        ids[section], windows[section] = [], (low, None, size)
    while windows:
        parts, params = [], []
        for k, (section, (low, high, _)) in enumerate(windows.items()):
            below = "" if high is None else f" AND id <= {int(high)}"
            wanted = _wanted(section) - len(ids[section])
            parts.append(
                f"(SELECT {k}, id FROM {tables[section]} "
                "WHERE search_vector @@ websearch_to_tsquery('english', %s) "
                f"AND id > {int(max(low, 0))}{below} ORDER BY id DESC LIMIT {int(wanted)})"
            )
            params.append(q)
        cursor.execute(" UNION ALL ".join(parts), params)
        looking = list(windows)
        for k, pk in cursor.fetchall():
            ids[looking[k]].append(pk)
        for section, (low, _, size) in list(windows.items()):
            wanted = _wanted(section)
            if len(ids[section]) >= wanted or low > 0 and len(ids[section]) >= wanted * ENOUGH:
                narrowed.add(section)  # older rows, or matches past the limit, were not read
            elif low > 0:
                windows[section] = (low - size * 4, low, size * 4)
                continue
            del windows[section]
    return ids, narrowed


def _ranked(cursor, found, q, limit):
    """{section: (id, rank, snippet) of its best `limit` rows among the ids `found` for it, best
    first}, in one statement. The ids are sent as array literals: psycopg adapting 500 integers
    one by one took 0.3 ms more."""
    options = f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=12, MaxFragments=2"
    sections = [section for section, ids in found.items() if ids]
    if not sections:
        return {}
    parts, params = [], []
    for k, section in enumerate(sections):
        model, column, _, _, _ = SECTIONS[section]
        parts.append(
            f"(SELECT {k}, t.id, ts_rank(t.search_vector, q.query), "
            f"ts_headline('english', left(coalesce(t.{column}, ''), 100000), q.query, %s) "
            f"FROM {_table(model)} AS t CROSS JOIN websearch_to_tsquery('english', %s) AS q(query) "
            "WHERE t.id = ANY(%s::bigint[]) ORDER BY 3 DESC, 2 LIMIT %s)"
        )
        params += [options, q, "{" + ",".join(map(str, found[section])) + "}", limit]
    cursor.execute(" UNION ALL ".join(parts), params)
    rows = {section: [] for section in sections}
    for k, pk, rank, snippet in cursor.fetchall():
        rows[sections[k]].append((pk, rank, snippet))
    for section_rows in rows.values():
        section_rows.sort(key=lambda row: (-row[1], row[0]))
    return rows


def newest_ids(tables):
    """{table: its highest id (0 when empty)}, remembered for NEWEST_ID_SECONDS."""
    keys = {table: f"search:newest-id:{table}" for table in tables}
    known = cache.get_many(list(keys.values()))
    found = {table: known[key] for table, key in keys.items() if key in known}
    missing = [table for table in tables if table not in found]
    if missing:
        with connection.cursor() as cursor:
            columns = ", ".join(f"(SELECT max(id) FROM {table})" for table in missing)
            cursor.execute(f"SELECT {columns}")
            found.update(zip(missing, (pk or 0 for pk in cursor.fetchone()), strict=True))
        cache.set_many({keys[t]: found[t] for t in missing}, NEWEST_ID_SECONDS)
    return found


def site_search(q, limit=20):
    """Every section's best hits for `q`; sources also by similar names (typos allowed)."""
    results = ranked_sections(list(SECTIONS), q, limit)
    seen = {hit.obj.pk for hit in results["sources"]}
    extra = [pk for pk in similar_names(q, limit) if pk not in seen]
    if extra:  # an empty pk__in runs no query, but building it took 1,000 Python calls
        for source in Source.objects.filter(pk__in=extra)[: max(0, limit - len(seen))]:
            results["sources"].append(Hit(source, 0.0, highlight(source.name)))
    return results
