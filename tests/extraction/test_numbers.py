"""Numbers, quantities and statistics inside a claim."""

import pytest

from claims.extraction import numbers
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


@pytest.mark.parametrize(
    "text",
    [
        "Fares rose by 12 percent in 2023, the highest rise since 1998, to $4.2 million a year.",
        "Unemployment fell to 3.9% on Jan. 5; two-thirds of voters, a third of them new, agreed.",
        "The deficit doubled: €1,200,000 in March 2024 against 600 thousand dollars in May.",
        "Only one in ten drivers, the fewest on record, took more than twice as long.",
    ],
)
def test_the_pass_tries_the_patterns_only_where_a_match_can_open(text):
    def spans(matches):
        return [(m.start(), m.end(), m.lastgroup) for m in matches]

    for start, end in [(0, len(text)), (3, len(text) - 5)]:
        expected = spans(numbers._COMBINED.finditer(text, start, end))
        assert spans(numbers._matches(text, start, end)) == expected
        assert expected  # the sentences hold matches


@pytest.mark.parametrize(
    "text", ["Nearly a\u00a0third of the ferries were late.", "It is the\u00a0only ferry left."]
)
def test_a_trivial_figure_with_a_non_breaking_space_is_still_trivial(text):
    assert find_numbers(text) == ()
