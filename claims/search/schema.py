"""The full-text index of the searchable tables: its DDL, for PostgreSQL and SQLite.

PostgreSQL: each table gets a generated `search_vector` column (English stemming; hyphens read
as spaces, so "Coca-Cola" = "Coca Cola"; angle brackets too, so that text is never read as an
HTML tag and skipped) with a GIN index, and trigram indexes on
names. SQLite: an FTS5 table `<table>_fts` (Porter stemming, the same word splitting) kept
current by triggers. Either way every ORM write updates the index.

SQLite drops a table's triggers when a migration rebuilds the table (Django does that to add most
columns), so `ensure_triggers` runs after every `migrate` (claims/apps.py) and puts back any
that went missing, rebuilding that index.
"""

# table: columns searched, the first weighing most (PostgreSQL weights A, then B).
SEARCHED = {
    "claims_claim": ("text", "source_text"),
    "claims_article": ("headline", "standfirst", "body"),
    "claims_evidence": ("title", "excerpt", "publisher"),
    "claims_source": ("name",),
    "claims_factcheck": ("claim_reviewed", "title", "claimant", "publisher", "verdict"),
}
# Long article bodies are indexed up to here (a tsvector holds at most 1 MB).
PG_MAX_CHARS = 200000
TRIGRAM_INDEXES = {
    "source_name_trgm": ("claims_source", "name"),
    "factcheck_claimant_trgm": ("claims_factcheck", "claimant"),
}
TRIGGERS = ("insert", "delete", "update")


def pg_vector(columns):
    parts = []
    for i, column in enumerate(columns):
        text = f"translate(left(coalesce({column}, ''), {PG_MAX_CHARS}), '-<>', '   ')"
        weight = "A" if i == 0 else "B"
        parts.append(f"setweight(to_tsvector('english'::regconfig, {text}), '{weight}')")
    return " || ".join(parts)


def _sqlite_triggers(table, columns):
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    return {
        "insert": f"AFTER INSERT ON {table} BEGIN {insert} END",
        "delete": f"AFTER DELETE ON {table} BEGIN {delete} END",
        "update": f"AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    }


def create(cursor, vendor):
    """Create the index of every searchable table (the migration)."""
    for table, columns in SEARCHED.items():
        if vendor == "postgresql":
            cursor.execute(
                f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                f"GENERATED ALWAYS AS ({pg_vector(columns)}) STORED"
            )
            # fastupdate off: a search never scans a backlog of pending inserts (bulk imports
            # would otherwise slow every search until the next vacuum).
            cursor.execute(
                f"CREATE INDEX {table}_search ON {table} USING gin (search_vector) "
                "WITH (fastupdate = off)"
            )
        elif vendor == "sqlite":
            cursor.execute(
                f"CREATE VIRTUAL TABLE {table}_fts USING fts5({', '.join(columns)}, "
                f"content='{table}', content_rowid='id', "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
    if vendor == "postgresql":
        for name, (table, column) in TRIGRAM_INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                f"USING gin (lower({column}) gin_trgm_ops)"
            )
    ensure_triggers(cursor, vendor)


def ensure_triggers(cursor, vendor):
    """SQLite: create the triggers that are missing and rebuild those tables' index."""
    if vendor != "sqlite":
        return
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    present = {row[0] for row in cursor.fetchall()}
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    tables = {row[0] for row in cursor.fetchall()}
    for table, columns in SEARCHED.items():
        if f"{table}_fts" not in tables:
            continue  # before the migration that creates it
        missing = False
        for event, body in _sqlite_triggers(table, columns).items():
            if f"{table}_fts_{event}" not in present:
                cursor.execute(f"CREATE TRIGGER {table}_fts_{event} {body}")
                missing = True
        if missing:
            cursor.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def drop(cursor, vendor):
    for table in SEARCHED:
        if vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        elif vendor == "sqlite":
            for event in TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{event}")
            cursor.execute(f"DROP TABLE IF EXISTS {table}_fts")
    if vendor == "postgresql":
        for name in TRIGRAM_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


# The desk's vocabulary, for "Did you mean …?" (claims/search/suggestions.py).
#
# PostgreSQL: a table of the words written in the searched columns (lower case, letters only),
# each with its stem ("" for a stop word), a trigram index on the word and an index on the stem.
# Triggers add the words of every inserted row (per statement: a bulk_create adds its new words
# in one INSERT) and of every row whose searched text changes (per row, and only when it
# changed: the queue's updates of states and assignees never call the function). Inserting 100
# articles of 3,000 characters whose words were known took 671 ms instead of 538.
# Words are added, never removed: a word whose last row is deleted or corrected stays (a
# suggestion of it then finds nothing; rare, as claims are dismissed, not deleted). Each
# statement adds its new words in alphabetical order, so two workers adding the same new words
# at once wait for each other; they could deadlock only by adding them in separate statements
# in opposite orders, one transaction each (then one fails and its task is retried).
# SQLite: the FTS5 index already lists its terms (stems): an fts5vocab table over each index
# reads them, and the words themselves are read back from the rows (suggestions.py).
VOCABULARY = "claims_searchword"
WORD_LENGTHS = (3, 30)  # shorter and longer words are neither indexed here nor corrected


def _pg_add_words(documents):
    """SQL adding the words of `documents` (a SELECT of one text column) to the vocabulary."""
    low, high = WORD_LENGTHS
    # Only new words are stemmed (most of a text's words are known: the test of that is the
    # statement's main cost); a stop word's stem is "" (not indexed: never suggested).
    return (
        f"INSERT INTO {VOCABULARY} (word, stem) "
        "SELECT w, coalesce((ts_lexize('english_stem', w))[1], '') FROM ("
        f"SELECT DISTINCT w FROM ({documents}) AS d(doc), "
        "regexp_split_to_table(lower(d.doc), '[^[:alpha:]]+') AS w "
        f"WHERE length(w) BETWEEN {low} AND {high}) AS s "
        f"WHERE NOT EXISTS (SELECT 1 FROM {VOCABULARY} AS v WHERE v.word = s.w) "
        "ORDER BY w ON CONFLICT (word) DO NOTHING"
    )


def _pg_document(columns, alias):
    parts = ", ".join(f"left({alias}.{c}, {PG_MAX_CHARS})" for c in columns)
    return f"concat_ws(' ', {parts})"


def _pg_vocabulary_sql(table, columns):
    """The two trigger functions and triggers that keep the vocabulary current for `table`."""
    inserted = _pg_add_words(f"SELECT {_pg_document(columns, 'n')} FROM new_rows AS n")
    updated = _pg_add_words(f"SELECT {_pg_document(columns, 'NEW')}")
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    return [
        f"CREATE OR REPLACE FUNCTION {table}_words_inserted() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN {inserted}; RETURN NULL; END $$",
        f"CREATE OR REPLACE FUNCTION {table}_words_updated() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN {updated}; RETURN NULL; END $$",
        f"CREATE TRIGGER {table}_words_insert AFTER INSERT ON {table} "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        f"EXECUTE FUNCTION {table}_words_inserted()",
        f"CREATE TRIGGER {table}_words_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {table}_words_updated()",
    ]


def create_vocabulary(cursor, vendor):
    """Create the vocabulary and fill it from the rows already indexed (the migration)."""
    if vendor == "postgresql":
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute(f"CREATE TABLE {VOCABULARY} (word text PRIMARY KEY, stem text NOT NULL)")
        cursor.execute(f"CREATE INDEX {VOCABULARY}_stem ON {VOCABULARY} (stem)")
        cursor.execute(
            # fastupdate off: words added one statement at a time otherwise wait in the
            # index's pending list, which every lookup reads (23,000 of them after loading 4,861
            # articles: the planner then read the whole table instead, 95 ms; 0.2 ms without).
            f"CREATE INDEX {VOCABULARY}_trgm ON {VOCABULARY} USING gin (word gin_trgm_ops) "
            "WITH (fastupdate = off)"
        )
        for table, columns in SEARCHED.items():
            for statement in _pg_vocabulary_sql(table, columns):
                cursor.execute(statement)
            cursor.execute(_pg_add_words(f"SELECT {_pg_document(columns, 't')} FROM {table} AS t"))
    elif vendor == "sqlite":
        for table in SEARCHED:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts_terms "
                f"USING fts5vocab({table}_fts, row)"
            )
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts_places "
                f"USING fts5vocab({table}_fts, instance)"
            )


def drop_vocabulary(cursor, vendor):
    if vendor == "postgresql":
        for table in SEARCHED:
            for event in ("insert", "update"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_words_{event} ON {table}")
            for event in ("inserted", "updated"):
                cursor.execute(f"DROP FUNCTION IF EXISTS {table}_words_{event}()")
        cursor.execute(f"DROP TABLE IF EXISTS {VOCABULARY}")
    elif vendor == "sqlite":
        for table in SEARCHED:
            cursor.execute(f"DROP TABLE IF EXISTS {table}_fts_terms")
            cursor.execute(f"DROP TABLE IF EXISTS {table}_fts_places")
