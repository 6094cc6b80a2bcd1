"""The queue as CSV: one row per claim, every text cell quoted and defused for spreadsheets."""

import csv
import re

from claims.models import Claim, detail_url

PUBLISHED = Claim.State.PUBLISHED
# Excel reads a CSV file as UTF-8 (curly quotes, accents, dashes) only when it starts with one.
BYTE_ORDER_MARK = "\ufeff"


KINDS = dict(Claim.Kind.choices)
STATES = dict(Claim.State.choices)
PRIORITIES = dict(Claim.Priority.choices)

# The columns read from the database: plain values, not model instances with their article's
# body (the export went from about 3,000 rows/s to over 20,000 at 100k claims, `make bench`).
FIELDS = [
    "pk", "text", "kind", "source__name", "source_text", "cue", "score", "state",
    "verdict__label", "verdict_summary", "assignee__username", "priority", "due_date",
    "article_id", "article__headline", "article__url", "created_at", "updated_at",
]  # fmt: skip
HEADER = [
    "id", "claim", "kind", "source", "source_as_written", "cue", "score", "state", "verdict",
    "verdict_summary", "assignee", "priority", "due_date", "article_id", "article",
    "article_url", "desk_url", "public_url", "created_at", "updated_at", "verdict_approved",
]  # fmt: skip
# "yes" once an editor approved the verdict; "no" for one only proposed (or sent back): a
# spreadsheet filtered on the verdict column alone would otherwise take it for the desk's.
APPROVED = {state: "yes" for state in Claim.APPROVED_STATES}


def _cells(row, site):
    """One line's cells from a row of FIELDS; `site` is the desk's address, for links. Text that
    people or articles wrote is defused; our own links and dates need not be."""
    (
        pk,
        text,
        kind,
        source,
        source_text,
        cue,
        score,
        state,
        verdict,
        summary,
        assignee,
        priority,
        due_date,
        article_id,
        headline,
        article_url,
        created_at,
        updated_at,
    ) = row
    return [
        pk,
        _text(text),
        KINDS.get(kind, kind),
        _text(source),
        _text(source_text),
        _text(cue),
        round(score, 3),
        STATES.get(state, state),
        _text(verdict),
        _text(summary),
        _text(assignee),
        PRIORITIES.get(priority, priority),
        due_date.isoformat() if due_date else "",
        article_id,
        _text(headline),
        _text(article_url),
        site + detail_url("claim_detail", pk),
        site + detail_url("public_claim", pk) if state == PUBLISHED else "",
        created_at.isoformat(),
        updated_at.isoformat(),
        (APPROVED.get(state, "no") if verdict else ""),
    ]


# Lines sent to the client together: a chunk per line made the response's own overhead a large
# share of the export's time.
LINES_PER_CHUNK = 500


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


# A spreadsheet runs a cell starting with one of these as a formula ("=HYPERLINK(…)"); some
# also take the full-width forms. A cell is cut at a separator when the file is opened with
# another one than ours (";" in many locales, tab, "|") or a line break is read as a new row:
# so a formula start right after any of those gets the quote too ("csv;=2+3" -> "csv;'=2+3").
FORMULA_START = "=+-@\t\r＝＋－＠"
SEPARATORS = ",;\t|\r\n"
_FORMULA = re.compile(f"(^|[{re.escape(SEPARATORS)}])(?=[{re.escape(FORMULA_START)}])")


def _text(value):
    """Text with every formula start defused with a leading quote."""
    if not value:
        return ""
    # Most cells have nothing to defuse: searching first skips sub()'s template expansion, which
    # took a third of the export's time.
    return _FORMULA.sub(r"\1'", value) if _FORMULA.search(value) else value


def csv_rows(claims, site):
    """The file of the `claims` queryset, in chunks of lines: a byte-order mark and the header,
    then one line per claim, read from the database 2,000 rows at a time."""
    # Every text cell quoted, so no reader splits a cell at a separator inside it.
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
    yield BYTE_ORDER_MARK + writer.writerow(HEADER)
    lines = []
    for row in claims.values_list(*FIELDS).iterator(chunk_size=2000):
        lines.append(writer.writerow(_cells(row, site)))
        if len(lines) == LINES_PER_CHUNK:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)
