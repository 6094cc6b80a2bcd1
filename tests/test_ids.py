"""Ids given in URLs, filters and saved views: ASCII digits in a database id's range, or nothing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.ids import MAX_ID, parse_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", 1), ("42", 42), ("007", 7), (str(MAX_ID), MAX_ID), (12, 12)],
)
def test_ascii_digits_in_range_are_an_id(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", None, "0", "²", "①", "٣", "１", "+1", "-1", " 1", "1 ", "1_0", "1.0", "0x1", "1e3",
     str(MAX_ID + 1), "9" * 5000, -3, 0, 2**64, True],
)  # fmt: skip
def test_anything_else_is_not_an_id(value):
    assert parse_id(value) is None


@given(st.text())
def test_any_text_is_an_id_in_range_or_none(text):
    parsed = parse_id(text)
    assert parsed is None or (1 <= parsed <= MAX_ID and str(parsed) == text.lstrip("0"))
