"""Numbers, quantities and statistics inside a claim."""

from claims.extraction.numbers import find_numbers


def test_numbers_kinds():
    text = "Spending rose by 12 percent to $4.5 billion on March 3, 2021, more than in 2019."
    kinds = {(m.text, m.kind) for m in find_numbers(text)}
    assert ("12 percent", "percent") in kinds
    assert ("$4.5 billion", "money") in kinds
    assert ("March 3, 2021", "date") in kinds
    assert ("more than", "comparison") in kinds
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text


def test_named_statistic():
    assert any(m.kind == "statistic" for m in find_numbers("The jobless rate is stuck."))
