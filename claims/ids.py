"""Ids that arrive as text (URL parameters, queue filters, saved views), parsed in one place.

str.isdigit() accepts "²" and "①", which int() refuses, and int() accepts "٣", "+1" and "1_0":
an id is ASCII digits only, within the range of the database's bigint ids. Anything else is
not an id, and the caller ignores it (a bad link shows the unfiltered list, never an error).
"""

MAX_ID = 2**63 - 1  # the largest BigAutoField value (PostgreSQL bigint)


def parse_id(value):
    """The id `value` spells (a positive int within the bigint range), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= MAX_ID else None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    if len(value.lstrip("0")) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None
