"""Sentence splitting and tokens: abbreviations, initials, numbers, quotation marks at a sentence
end.
"""

import pytest

from claims.extraction.attribution import find_attributions
from claims.extraction.sentences import split_sentences
from tests.extraction.checks import attributed, only


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_number_with_thousands_separator_is_one_token():
    c = only("The council backed 2,450 new homes, and the mayor resigned.")
    assert c.text == "2,450 new homes"


def test_place_abbreviation_ends_a_sentence_before_a_quotation_or_an_opener():
    text = (
        '"They are wrong," said Jo Lee, a spokeswoman, in Santa Monica, Calif. '
        '"This is going to the convention."'
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        '"They are wrong," said Jo Lee, a spokeswoman, in Santa Monica, Calif.',
        '"This is going to the convention."',
    ]
    text = "He lives in Topeka, Kan. The farm is older. Sen. Roe and Gov. “Bud” Kern agreed."
    assert len(split_sentences(text)) == 3
    claim = only('"We will win," said Jo Lee of Macon, Ga. "The polls are wrong."')
    assert claim.text == '"We will win," said Jo Lee of Macon, Ga. "The polls are wrong."'


def test_dotted_abbreviation_before_a_lower_case_word_is_one_token():
    c = only("Officials in the U.S. say the plan is dead.")
    assert c.source == "Officials in the U.S."
    assert attributed("The F.B.I. report on her email practices was released in July.") == []


def test_abbreviations_do_not_split():
    text = "Mr. Novak flew to the U.S. on Sept. 4 with Dr. Reyes. He paid 3.5 dollars."
    assert sentences(text) == [
        "Mr. Novak flew to the U.S. on Sept. 4 with Dr. Reyes.",
        "He paid 3.5 dollars.",
    ]


def test_initials_do_not_split():
    assert sentences("John F. Kennedy spoke. Crowds cheered.") == [
        "John F. Kennedy spoke.",
        "Crowds cheered.",
    ]


def test_us_at_sentence_end():
    assert sentences("She moved to the U.S. The move was hard.") == [
        "She moved to the U.S.",
        "The move was hard.",
    ]


def test_quote_end_and_paragraphs():
    text = "“Go home,” he said. “Now!” She left.\nNext paragraph here"
    assert sentences(text) == ["“Go home,” he said.", "“Now!”", "She left.", "Next paragraph here"]


def _spans(text):
    return [(a.start, a.end, a.source, a.cue, a.claim) for a in find_attributions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master wrote of sailing through the storm.",
        "The ferry company declined to comment.",
        "Okafor's decision to close the ferry office surprised the council.",
        "The ferry company said about 40 crew members would be let go.",
    ],
)
def test_a_non_breaking_space_reads_as_a_space(text):
    assert _spans(text.replace(" ", "\u00a0")) == _spans(text)


def test_a_particle_after_a_non_breaking_space_joins_the_cue():
    c = only("The harbour master wrote of\u00a0sailing through the storm.")
    assert (c.cue, c.text) == ("wrote of", "sailing through the storm.")
