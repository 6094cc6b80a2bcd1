"""Pages and counts that stay fast on a large table.

Keyset pagination: a page is "the next N rows after this one" in the list's order, so page 500
costs what page 1 costs (an index seek), where Django's Paginator reads and throws away every
row before it (OFFSET). The boundary row's sort values travel in the URL as an opaque cursor.

Counts: exact up to COUNT_THRESHOLD (counting stops there, so it reads at most that many rows);
past it PostgreSQL's planner estimate is used and shown as such ("about 12k").
"""

import base64
import binascii
import datetime
import hashlib
import json
import math
from dataclasses import dataclass, replace
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import F, Q
from django.utils.dateparse import parse_date, parse_datetime

COUNT_THRESHOLD = 1000
# Plain ?page=N (no cursor) is served with OFFSET up to this page, which reads at most
# this many pages of rows; further pages are reached with the cursors in the links.
MAX_OFFSET_PAGE = 20
ESTIMATE_CACHE_SECONDS = 60
# An estimate this large (in the cache) stands for the count: see _known_to_be_large.
LARGE_ESTIMATE = 5 * COUNT_THRESHOLD


@dataclass(frozen=True)
class Tally:
    """A row count, exact or estimated; it prints itself as the reader should see it."""

    value: int
    exact: bool = True

    def __str__(self):
        if self.exact:
            return f"{self.value:,}"
        return f"about {_round_for_people(self.value)}"

    def __int__(self):
        return self.value


def _round_for_people(n):
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if n >= size:
            value = n / size
            return (
                f"{value:.1f}".rstrip("0").rstrip(".") + suffix
                if value < 10
                else (f"{round(value)}{suffix}")
            )
    return str(n)


# --- Counting -------------------------------------------------------------------------------------


def count_many(querysets, keys=None):
    """Tallies for several querysets ({name: queryset}) in one bounded query (two past the cap).

    `keys`: for some of them, {name: a string that stands for its rows}, under which what is
    learnt of its count is remembered (see _known_to_be_large), so that it is found again
    without building the queryset: each may then be given as a function that builds it, called
    only when it must be counted (building and compiling the queue's five tabs took 1.7 ms a
    page, with nothing to count)."""
    counted = {name: _Counted(qs, (keys or {}).get(name)) for name, qs in querysets.items()}
    tallies = _known_to_be_large(counted)
    statements = {name: c.capped for name, c in counted.items() if name not in tallies}
    tallies.update({name: Tally(0) for name, statement in statements.items() if statement is None})
    to_count = [name for name, statement in statements.items() if statement is not None]
    if to_count:
        sql = ", ".join(
            f"(SELECT COUNT(*) FROM ({statements[name][0]}) AS capped)" for name in to_count
        )
        params = [param for name in to_count for param in statements[name][1]]
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + sql, params)
            counts = cursor.fetchone()
        over = {}
        for name, n in zip(to_count, counts, strict=True):
            if n <= COUNT_THRESHOLD:
                tallies[name] = Tally(n)
            else:
                over[name] = counted[name]
        tallies.update(_past_the_threshold(over))
    return {name: tallies[name] for name in querysets}


def _past_the_threshold(counted):
    """Estimates for querysets (_Counted) just found to hold more than COUNT_THRESHOLD rows,
    remembered as such for ESTIMATE_CACHE_SECONDS (_known_to_be_large)."""
    if counted:
        keys = [c.many_key for c in counted.values()]
        cache.set_many(dict.fromkeys(keys, True), ESTIMATE_CACHE_SECONDS)
    return _estimates(counted)


def count_one(queryset):
    return count_many({"n": queryset})["n"]


def ids_if_few(queryset, probe=None, key=None):
    """(ids, Tally): the ids of `queryset`'s rows and their count when there are at most
    COUNT_THRESHOLD of them, else (None, the estimated count): one query, as a count's (none
    when the rows are known to be more: _known_to_be_large). `probe`: a function giving the
    same rows written for this read (a search's: selectors.by_id_when_few), asked only then;
    `key`: a string standing for the rows (as count_many's keys; `queryset` may then be a
    function that builds it)."""
    counted = {"n": _Counted(queryset, key)}
    known = _known_to_be_large(counted)
    if known:
        return None, known["n"]
    rows = counted["n"].queryset if probe is None else probe()
    ids = list(rows.order_by().values_list("pk", flat=True)[: COUNT_THRESHOLD + 1])
    if len(ids) <= COUNT_THRESHOLD:
        return ids, Tally(len(ids))
    return None, _past_the_threshold(counted)["n"]


class _Counted:
    """A queryset being counted, built and compiled when first needed, and its cache keys
    (from the caller's key when given, else from the SQL)."""

    def __init__(self, rows, key=None):
        self.rows = rows  # the queryset, or (with a key) a function that builds it
        self.key = key

    @cached_property
    def queryset(self):
        return self.rows() if callable(self.rows) else self.rows

    @cached_property
    def statement(self):
        """(sql, params) of its ids, or None when its condition rules out every row."""
        statement = _sql(self.queryset.order_by().values("pk"))
        return None if statement is None else (statement[0], tuple(statement[1]))

    @property
    def capped(self):
        """(sql, params) of its first COUNT_THRESHOLD + 1 ids, or None (no rows)."""
        if self.statement is None:
            return None
        sql, params = self.statement
        return f"{sql} LIMIT {COUNT_THRESHOLD + 1}", params

    @cached_property
    def estimate_key(self):
        named = ("key", self.key) if self.key is not None else self.statement
        return "estimate:" + hashlib.sha256(repr(named).encode()).hexdigest()

    @property
    def many_key(self):
        return "many:" + self.estimate_key


def _sql(queryset):
    """(sql, params) of a queryset; None when its condition rules out every row (a search for
    "%", which leaves no word to look for: ``pk IN ()``), for which Django writes no SQL."""
    try:
        return queryset.query.sql_with_params()
    except EmptyResultSet:
        return None


def _known_to_be_large(counted):
    """Tallies for the querysets (_Counted) known from the last ESTIMATE_CACHE_SECONDS to be
    past the threshold: counted or read past it, or estimated at LARGE_ESTIMATE rows or more.
    They are not counted again (shown as their estimate). At 100k claims: the capped counts of
    the tabs All, Unassigned, In review and Overdue took about 1 ms of each queue page, and a
    topic matching 12,000 claims 4.9 ms reading 1,001 ids to throw them away."""
    if not counted:
        return {}
    # Without a key, a queryset that rules out every row has no SQL to find in the cache.
    counted = {n: c for n, c in counted.items() if c.key is not None or c.statement is not None}
    cached = cache.get_many([key for c in counted.values() for key in (c.estimate_key, c.many_key)])
    tallies, uncached = {}, {}
    for name, c in counted.items():
        estimate = cached.get(c.estimate_key)  # (none on SQLite, which counts)
        if not (cached.get(c.many_key) or (estimate or 0) >= LARGE_ESTIMATE):
            continue
        if estimate is None:
            if c.statement is None:  # its rows are none now (a search's lists came back empty)
                continue  # counted: Tally(0)
            uncached[name] = c
        else:
            tallies[name] = Tally(max(estimate, COUNT_THRESHOLD + 1), exact=False)
    tallies.update(_estimates(uncached))
    return tallies


def _estimates(counted):
    """Planner estimates for counts past the threshold (exact counts on SQLite: laptop scale),
    for querysets (_Counted)."""
    if not counted:
        return {}
    if connection.vendor != "postgresql":
        return {name: Tally(c.queryset.count()) for name, c in counted.items()}
    rows = cache.get_many([c.estimate_key for c in counted.values()])
    missing = [name for name, c in counted.items() if c.estimate_key not in rows]
    if missing:
        # One EXPLAIN for all of them: each branch of the UNION ALL carries its own estimate.
        sql = " UNION ALL ".join(f"({counted[name].statement[0]})" for name in missing)
        params = [param for name in missing for param in counted[name].statement[1]]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        estimated = branch_rows(plan[0]["Plan"], len(missing))
        if estimated is None:  # a plan of a shape not met before: count them after all
            return {name: Tally(c.queryset.count()) for name, c in counted.items()}
        fresh = {counted[name].estimate_key: n for name, n in zip(missing, estimated, strict=True)}
        cache.set_many(fresh, ESTIMATE_CACHE_SECONDS)
        rows.update(fresh)
    # An estimate below what was just counted exactly is wrong: never show fewer.
    return {
        name: Tally(max(rows[c.estimate_key], COUNT_THRESHOLD + 1), exact=False)
        for name, c in counted.items()
    }


def branch_rows(root, count):
    """The estimated rows of each of `count` UNION ALL branches in an EXPLAIN plan, or None.

    The branches are the children of an Append. A parallel plan (PostgreSQL chooses one for a
    large table that was never analysed, or once it grows) puts that Append under a Gather and
    estimates each branch per process: the branches are then scaled to the Gather's total.
    """
    if count == 1:
        return [int(root["Plan Rows"])]
    node = root
    while len(node.get("Plans", [])) == 1:
        node = node["Plans"][0]
    branches = node.get("Plans", [])
    if len(branches) != count:
        return None
    rows = [int(branch["Plan Rows"]) for branch in branches]
    if node is not root and sum(rows):
        scale = int(root["Plan Rows"]) / sum(rows)
        rows = [round(n * scale) for n in rows]
    return rows


# --- Keyset pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SortKey:
    """One column of a list's order: a field path, its direction, whether it can be NULL, and
    the model field it ends on (a cursor's value for it is checked against it)."""

    path: str
    descending: bool
    nullable: bool
    field: models.Field | None = None

    def order_expression(self, reverse=False):
        descending = self.descending != reverse
        expression = F(self.path)
        if self.nullable:  # NULLs last both ways on every database, so the cursor can rely on it.
            return (
                expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            )
        return expression.desc() if descending else expression.asc()


def sort_keys(model, ordering):
    """SortKeys for an order_by() tuple such as ("-score", "id"); the last must be unique."""
    keys = []
    for item in ordering:
        path = item.lstrip("-")
        field, nullable = _column(model, path)
        keys.append(SortKey(path, item.startswith("-"), nullable, field))
    return keys


def order_by(queryset, ordering):
    """queryset.order_by(*ordering) with NULLs last both ways, as the keyset pages order it."""
    return _ordered(queryset, sort_keys(queryset.model, ordering))


def _column(model, path):
    """(the field a path ends on, whether any step of it can be NULL)."""
    nullable = False
    for name in path.split("__"):
        field = model._meta.get_field(name)
        nullable = nullable or field.null
        model = field.related_model or model
    if field.is_relation:
        field = field.target_field
    return field, nullable


def _value_of(obj, path):
    for name in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name)
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def encode_cursor(obj, keys):
    values = [_value_of(obj, key.path) for key in keys]
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token, keys):
    """The values in a cursor, or None when it is not one of ours (a bad link is page one)."""
    if not token or len(token) > 2000:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(values, list) or len(values) != len(keys):
        return None
    try:
        values = [_cursor_value(key, value) for key, value in zip(keys, values, strict=True)]
    except (TypeError, ValueError, OverflowError):
        return None
    if values[-1] is None:
        return None
    return values


# Whatever the column, a number past a bigint is not one of ours (SQLite cannot even bind it).
BIGINT = (-(2**63), 2**63 - 1)


def _cursor_value(key, value):
    """`value` as a query value for `key`'s column; TypeError/ValueError when it cannot be one
    (a cursor is data from a URL: NaN, "abc" for a number or year 10000 would break the query)."""
    if value is None:
        if not key.nullable:
            raise ValueError("NULL in a column that has none")
        return None
    if isinstance(value, bool):
        raise TypeError("a boolean")
    for field_type, read in _CURSOR_READERS:
        if isinstance(key.field, field_type):
            return read(value)
    raise TypeError(f"no cursor values for {type(key.field).__name__}")


def _integer(value):
    if not isinstance(value, int) or not BIGINT[0] <= value <= BIGINT[1]:
        raise ValueError("not an integer in range")
    return value


def _number(value):
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError("not a finite number")
    return float(value)


def _text(value):
    if not isinstance(value, str) or "\x00" in value:
        raise TypeError("not text")
    return value


def _moment(value):
    moment = parse_datetime(_text(value))
    if moment is None or moment.tzinfo is None:
        raise ValueError("not a date and time with its offset")
    return moment.astimezone(datetime.UTC)  # OverflowError past year 9999


def _day(value):
    day = parse_date(_text(value))
    if day is None:
        raise ValueError("not a date")
    return day


# A column's type and how a cursor value for it is read (DateTimeField before DateField: it is
# one of them).
_CURSOR_READERS = (
    (models.IntegerField, _integer),
    (models.FloatField, _number),
    (models.DateTimeField, _moment),
    (models.DateField, _day),
    (models.CharField | models.TextField, _text),
)


def _after(keys, values):
    """Rows strictly after `values` in the order given by `keys` (NULLs last)."""
    condition = Q(pk__in=[])
    equal_so_far = Q()
    for key, value in zip(keys, values, strict=True):
        if value is None:
            beyond = Q(pk__in=[])  # NULL sorts last: nothing comes after it in this column
            same = Q(**{f"{key.path}__isnull": True})
        else:
            beyond = Q(**{f"{key.path}__{'lt' if key.descending else 'gt'}": value})
            if key.nullable:
                beyond |= Q(**{f"{key.path}__isnull": True})
            same = Q(**{key.path: value})
        condition |= equal_so_far & beyond
        equal_so_far &= same
    first, value = keys[0], values[0]
    if value is not None and not first.nullable:
        # A redundant bound on the leading column: it lets the index seek instead of scan.
        condition &= Q(**{f"{first.path}__{'lte' if first.descending else 'gte'}": value})
    return condition


def rows_after(queryset, ordering, obj):
    """The rows of `queryset` after `obj` in `ordering` (NULLs last), in that order."""
    keys = sort_keys(queryset.model, ordering)
    values = decode_cursor(encode_cursor(obj, keys), keys)
    return _ordered(queryset.filter(_after(keys, values)), keys)


def _reversed(keys):
    return [replace(key, descending=not key.descending) for key in keys]


def _ordered(queryset, keys):
    return queryset.order_by(*(key.order_expression() for key in keys))


@dataclass
class KeysetPage:
    """One page of rows and what the pagination links need."""

    rows: list
    number: int | None
    count: Tally
    size: int
    keys: tuple = ()  # the sort keys, for the cursors
    is_first: bool = True
    is_last: bool = False

    def __iter__(self):
        return iter(self.rows)

    # Read from the rows when asked, so that a caller may complete the rows first (the queue
    # gives them verdicts and assignees it already has).
    @property
    def next_cursor(self):
        return None if self.is_last or not self.rows else encode_cursor(self.rows[-1], self.keys)

    @property
    def previous_cursor(self):
        return None if self.is_first or not self.rows else encode_cursor(self.rows[0], self.keys)

    def __len__(self):
        return len(self.rows)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count.value / self.size))

    @property
    def pages(self):
        """How many pages, as the reader should see it ("about 2,000" past the threshold)."""
        if self.count.exact:
            return f"{self.num_pages:,}"
        return f"about {_round_for_people(self.num_pages)}"

    @property
    def has_other_pages(self):
        return not (self.is_first and self.is_last)

    @property
    def previous_number(self):
        return self.number - 1 if self.number and self.number > 1 else None

    @property
    def next_number(self):
        return self.number + 1 if self.number else None


def keyset_page(queryset, ordering, params, size, count=None):
    """The page of `queryset` that `params` (after, before, last or page) asks for.

    `count` may be given when the caller already has it (a tab's count), saving a query.
    """
    keys = sort_keys(queryset.model, ordering)
    count = count if count is not None else count_one(queryset)
    number = _page_number(params.get("page"))
    after = decode_cursor(params.get("after"), keys)
    before = decode_cursor(params.get("before"), keys)
    if after is not None:
        rows = list(_ordered(queryset.filter(_after(keys, after)), keys)[: size + 1])
        is_first, is_last = False, len(rows) <= size
        rows = rows[:size]
    elif before is not None:
        back = _reversed(keys)
        rows = list(_ordered(queryset.filter(_after(back, before)), back)[: size + 1])
        is_first, is_last = len(rows) <= size, False
        rows = rows[:size][::-1]
    elif params.get("last") or (number and number > MAX_OFFSET_PAGE):
        return _last_page(queryset, keys, count, size)
    else:
        number = number or 1
        offset = (number - 1) * size
        rows = list(_ordered(queryset, keys)[offset : offset + size + 1])
        if not rows and number > 1:
            return _last_page(queryset, keys, count, size)
        is_first, is_last = number == 1, len(rows) <= size
        rows = rows[:size]
    if is_first:
        number = 1
    return _page(rows, keys, number, count, size, is_first, is_last)


def _last_page(queryset, keys, count, size):
    """The last rows, read backwards from the end of the index: no scan, however far it is."""
    remainder = count.value % size if count.exact else 0
    take = remainder or size
    rows = list(_ordered(queryset, _reversed(keys))[:take])[::-1]
    pages = max(1, math.ceil(count.value / size))
    number = pages if count.exact else None
    return _page(rows, keys, number, count, size, is_first=pages == 1, is_last=True)


def _page(rows, keys, number, count, size, is_first, is_last):
    return KeysetPage(
        rows=rows,
        number=number,
        count=count,
        size=size,
        keys=tuple(keys),
        is_first=is_first,
        is_last=is_last,
    )


def _page_number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 1 else None
