"""The queue as CSV: one row per claim, every text cell quoted and defused for spreadsheets."""

import csv
import re

from claims.models import Claim, detail_url

PUBLISHED = Claim.State.PUBLISHED
# Excel reads a CSV file as UTF-8 (curly quotes, accents, dashes) only when it starts with one.
BYTE_ORDER_MARK = "\ufeff"


def public_path(claim):
    return detail_url("public_claim", claim.pk)


KINDS = dict(Claim.Kind.choices)
STATES = dict(Claim.State.choices)

# (header, value of a claim); `site` is the desk's address ("https://desk.example"), for links.
CSV_COLUMNS = [
    ("id", lambda c, site: c.pk),
    ("claim", lambda c, site: c.text),
    ("kind", lambda c, site: KINDS.get(c.kind, c.kind)),
    ("source", lambda c, site: c.source.name if c.source else ""),
    ("source_as_written", lambda c, site: c.source_text),
    ("cue", lambda c, site: c.cue),
    ("score", lambda c, site: round(c.score, 3)),
    ("state", lambda c, site: STATES.get(c.state, c.state)),
    ("verdict", lambda c, site: c.verdict.label if c.verdict else ""),
    ("verdict_summary", lambda c, site: c.verdict_summary),
    ("assignee", lambda c, site: c.assignee.get_username() if c.assignee else ""),
    ("priority", lambda c, site: c.get_priority_display()),
    ("due_date", lambda c, site: c.due_date.isoformat() if c.due_date else ""),
    ("article_id", lambda c, site: c.article_id),
    ("article", lambda c, site: c.article.headline),
    ("article_url", lambda c, site: c.article.url),
    ("desk_url", lambda c, site: site + c.get_absolute_url()),
    ("public_url", lambda c, site: site + public_path(c) if c.state == PUBLISHED else ""),
    ("created_at", lambda c, site: c.created_at.isoformat()),
    ("updated_at", lambda c, site: c.updated_at.isoformat()),
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


def csv_rows(claims, site):
    """The file, line by line: a byte-order mark and the header, then one line per claim."""
    # Every text cell quoted, so no reader splits a cell at a separator inside it.
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)
    yield BYTE_ORDER_MARK + writer.writerow([name for name, _ in CSV_COLUMNS])
    for claim in claims:
        yield writer.writerow([_cell(get(claim, site)) for _, get in CSV_COLUMNS])
