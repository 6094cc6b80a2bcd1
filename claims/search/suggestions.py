""" "Did you mean …?": the closest words of the desk's vocabulary to a query's misspelt words.

A query word is misspelt when no indexed text has its stem ("taxes" is known if "tax" was
written). For each such word the closest written words are looked up, and the nearest by edit
distance (a transposition counts one), then the most common, wins: "budgte" → "budget",
"Westhavn" → "Westhaven", "dreging" → "dredging". The corrected query keeps the query's syntax
("quoted phrases", `or`); -excluded words are left as they are (they never make a search find
nothing).

PostgreSQL: the vocabulary table (schema.VOCABULARY: the written words and their stems, kept
current by triggers) answers both questions in one statement, through its stem index and its
trigram index (pg_trgm's `%`), with PostgreSQL's statistics for how common a word is: the
searched tables are not read. SQLite: the FTS5 indexes' own terms (stems, read through
fts5vocab tables: those that begin with the same letter, or with the second) are compared with
the query words' stems (difflib; a stem the word begins with counts as close), and each close
stem is read back as written from a row that has it.
"""

import difflib
import re
from dataclasses import dataclass

from django.db import connection
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from claims.search import _TOKEN, MAX_QUERY, START, STOP
from claims.search.schema import SEARCHED, VOCABULARY, WORD_LENGTHS

FEW = 3  # a search that finds fewer results than this is offered a correction
MAX_WORDS = 8  # a query's first words that are checked (a 200-character query has many)
CANDIDATES = 8  # close words compared per misspelt word
SIMILAR_STEM = 0.75  # difflib ratio of a query word's stem and an indexed stem (SQLite)
CLOSE_STEMS = 5  # close stems read back as written per misspelt word (SQLite)
PLACES = 3  # rows a close stem is read back from (SQLite): its forms as written
_FTS_TOKEN = re.compile(r"[^\W_]+")  # FTS5's unicode61 tokens: runs of letters and digits


@dataclass
class Suggestion:
    """A corrected query: `q` to search, `marked` to show (safe HTML, corrected words in <b>)."""

    q: str
    marked: SafeString


def did_you_mean(q):
    """The query with its misspelt words corrected, or None when none has a close known word."""
    q = q.replace("\x00", "").replace(START, "").replace(STOP, "").strip()[:MAX_QUERY]
    words = list(dict.fromkeys(w.lower() for w in checked_words(q)))[:MAX_WORDS]
    if not words:
        return None
    candidates = _pg_candidates(words) if connection.vendor == "postgresql" else _candidates(words)
    fixes = {}
    for word, found in candidates.items():
        best = closest(word, found)
        if best:
            fixes[word] = best
    if not fixes:
        return None
    return _rewritten(q, fixes)


def checked_words(q):
    """The words of `q` that a correction may change: those it looks for (not after "-", not
    `or`), of letters only, between WORD_LENGTHS long."""
    low, high = WORD_LENGTHS
    words = []
    for token in _TOKEN.findall(q):
        if token.startswith("-") and len(token) > 1 or token.lower() == "or":
            continue
        words += [w for w in _FTS_TOKEN.findall(token) if w.isalpha() and low <= len(w) <= high]
    return words


def closest(word, found):
    """The word of `found` ({word: how common it is, 0 when unknown}) nearest to `word`: the
    fewest edits, then the most common ("electon": "election" before "elector"), then of the same
    length (a swap, "budgte": "budget" before "budge"), then difflib's ratio. None when even that
    is more than a slip of the keyboard away: one edit, two in a word of 7 letters or more."""
    found = found if isinstance(found, dict) else dict.fromkeys(found, 0)
    allowed = 1 if len(word) < 7 else 2
    ranked = sorted(
        (edits(word, other), -share, len(other) != len(word), -_ratio(word, other), other)
        for other, share in found.items()
        if other != word
    )
    if ranked and ranked[0][0] <= allowed:
        return ranked[0][-1]
    return None


def edits(a, b):
    """Edits from `a` to `b`: insertions, deletions, substitutions and swaps of neighbours."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


def _ratio(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def _rewritten(q, fixes):
    """`q` with each misspelt word replaced (in its case: "Westhavn" → "Westhaven"), and the
    same marked for display."""
    parts, marked, end = [], [], 0

    def fix(match):
        word = match.group()
        better = fixes.get(word.lower())
        if better is None:
            return word
        if word.isupper() and len(word) > 1:
            better = better.upper()
        elif word[0].isupper():
            better = better[0].upper() + better[1:]
        return better

    for token in _TOKEN.finditer(q):
        text = token.group()
        parts.append((q[end : token.start()], False))
        end = token.end()
        if text.startswith("-") and len(text) > 1 or text.lower() == "or":
            parts.append((text, False))
            continue
        at = 0
        for word in _FTS_TOKEN.finditer(text):
            parts.append((text[at : word.start()], False))
            better = fix(word) if word.group().isalpha() else word.group()
            parts.append((better, better != word.group()))
            at = word.end()
        parts.append((text[at:], False))
    parts.append((q[end:], False))
    corrected = "".join(text for text, _ in parts)
    marked = format_html_join(
        "",
        "{}",
        ((format_html("<b>{}</b>", text) if changed else text,) for text, changed in parts if text),
    )
    return Suggestion(corrected, marked)


# How common each stem is: the statistics PostgreSQL keeps on the claims' and articles' index
# (ANALYZE's most common elements of a tsvector column, up to 1,000, with the share of rows
# that have each; autovacuum keeps them current). Stems not among them count as rare.
_STATISTICS = (
    "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_stats AS s "
    "WHERE s.schemaname = current_schema() AND s.attname = 'search_vector' "
    "AND s.tablename IN ('claims_claim', 'claims_article') AND s.most_common_elems IS NOT NULL"
)


def _pg_candidates(words):
    """{misspelt word: {close word as written: how common}} (PostgreSQL): words whose stem is in
    the vocabulary, and stop words, are not misspelt. One statement, on the vocabulary and the
    statistics alone."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH stats (stems, shares) AS MATERIALIZED ({_STATISTICS}) "
            "SELECT q.w, c.word, coalesce(("
            "SELECT max(shares[array_position(stems, c.stem)]) FROM stats), 0) "
            "FROM unnest(%s::text[]) AS q(w) CROSS JOIN LATERAL ("
            f"SELECT word, stem FROM {VOCABULARY} WHERE word %% q.w AND stem <> '' "
            "ORDER BY similarity(word, q.w) DESC, word LIMIT %s) AS c "
            "WHERE ts_lexize('english_stem', q.w) <> '{}' AND NOT EXISTS ("
            f"SELECT 1 FROM {VOCABULARY} AS v WHERE v.stem = (ts_lexize('english_stem', q.w))[1])",
            [words, CANDIDATES],
        )
        found = {}
        for word, other, share in cursor.fetchall():
            found.setdefault(word, {})[other] = share
        return found


def _candidates(words):
    """{misspelt word: {close word as written: how common}} (SQLite): the query words' stems
    are compared with the FTS5 indexes' terms (how common: how many rows have the term), and
    each close term is read back from rows that have it."""
    with connection.cursor() as cursor:
        words = _unknown(cursor, words)
        if not words:
            return {}
        stems = _stems(cursor, words)
        tables = list(SEARCHED)
        found = {}
        for word in words:
            stem = stems.get(word, word)
            rows = _terms_like(cursor, tables, stem)  # term: how many rows have it
            close = difflib.get_close_matches(stem, rows, CLOSE_STEMS, SIMILAR_STEM)
            # The stemmer cuts some words short ("timetable" is "timet"), too short to be
            # close to a misspelt "timetabel": a stem the word begins with is a candidate too.
            close += [word[:n] for n in range(4, len(word)) if word[:n] in rows]
            for term in close:
                for written in _as_written(cursor, tables, term):
                    found.setdefault(word, {})[written] = rows[term]
        return found


def _unknown(cursor, words):
    """The words no FTS5 index has (SQLite), in one statement: most searches' words are known,
    and then this is the suggestion's only query."""
    parts, params = [], []
    for word in words:
        tests = [f"EXISTS (SELECT 1 FROM {t}_fts WHERE {t}_fts MATCH %s)" for t in SEARCHED]
        parts.append(f"SELECT {len(parts)}, " + " OR ".join(tests))
        params += ['"' + word + '"'] * len(SEARCHED)
    cursor.execute(" UNION ALL ".join(parts), params)
    return [words[k] for k, known in cursor.fetchall() if not known]


def _terms_like(cursor, tables, stem):
    """{term: how many rows have it} for the indexed terms that begin with the stem's first
    letter, or its second (a swap of the first two), in one statement (SQLite). Reading every
    term took 100 ms with 5,000 articles (34,000 terms); a letter's, 3 ms. A slip on the first
    letter itself ("udget") is not corrected."""
    parts, params = [], []
    for letter in dict.fromkeys(stem[:2]):
        for table in tables:
            parts.append(f"SELECT term, doc FROM {table}_fts_terms WHERE term >= %s AND term < %s")
            params += [letter, chr(ord(letter) + 1)]
    every = " UNION ALL ".join(parts)
    cursor.execute(f"SELECT term, sum(doc) FROM ({every}) GROUP BY term", params)
    return dict(cursor.fetchall())


def _stems(cursor, words):
    """{word: its stem as the FTS5 indexes store it} (SQLite): FTS5's own stemmer, through a
    temporary index of the words."""
    cursor.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_stems USING fts5(word, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    cursor.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_stem_places "
        "USING fts5vocab(search_stems, instance)"
    )
    cursor.execute("DELETE FROM temp.search_stems")
    cursor.executemany(
        "INSERT INTO temp.search_stems (rowid, word) VALUES (%s, %s)",
        list(enumerate(words)),
    )
    cursor.execute("SELECT doc, term FROM temp.search_stem_places")
    return {words[doc]: term for doc, term in cursor.fetchall()}


def _as_written(cursor, tables, term):
    """The forms of the indexed `term` (a stem) as written in the first rows that have it."""
    written = set()
    for table in tables:
        cursor.execute(
            f'SELECT doc, "col", "offset" FROM {table}_fts_places WHERE term = %s LIMIT %s',
            [term, PLACES],
        )
        for doc, column, offset in cursor.fetchall():
            if column not in SEARCHED[table]:
                continue
            cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [doc])
            row = cursor.fetchone()
            tokens = _FTS_TOKEN.findall(row[0] or "") if row else []
            if offset < len(tokens) and tokens[offset].isalpha():
                written.add(tokens[offset].lower())
        if written:
            break
    return written
