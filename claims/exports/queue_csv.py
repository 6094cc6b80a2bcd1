"""The queue as CSV: one row per claim, every text cell quoted and defused for spreadsheets."""

import csv
import re

CSV_COLUMNS = [
    ("id", lambda c: c.pk),
    ("claim", lambda c: c.text),
    ("kind", lambda c: c.kind),
    ("source", lambda c: c.source.name if c.source else ""),
    ("source_as_written", lambda c: c.source_text),
    ("cue", lambda c: c.cue),
    ("score", lambda c: round(c.score, 3)),
    ("state", lambda c: c.state),
    ("verdict", lambda c: c.verdict.label if c.verdict else ""),
    ("verdict_summary", lambda c: c.verdict_summary),
    ("assignee", lambda c: c.assignee.get_username() if c.assignee else ""),
    ("priority", lambda c: c.get_priority_display()),
    ("due_date", lambda c: c.due_date.isoformat() if c.due_date else ""),
    ("article_id", lambda c: c.article_id),
    ("article", lambda c: c.article.headline),
    ("article_url", lambda c: c.article.url),
    ("created_at", lambda c: c.created_at.isoformat()),
    ("updated_at", lambda c: c.updated_at.isoformat()),
]


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


def _cell(value):
    """Numbers stay numbers; text has every formula start defused with a leading quote."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return _FORMULA.sub(r"\1'", text)


def csv_rows(claims):
    # Every text cell quoted, so no reader splits a cell at a separator inside it.
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
    yield writer.writerow([name for name, _ in CSV_COLUMNS])
    for claim in claims:
        yield writer.writerow([_cell(get(claim)) for _, get in CSV_COLUMNS])
