"""Attribution patterns, on sentences written for these tests."""

from pathlib import Path

import pytest

from claims.extraction import DIRECT, INDIRECT, UNATTRIBUTED, extract
from tests.attribution_checks import attributed, only

SEED = Path(__file__).resolve().parent.parent / "seeds" / "moscow-washington-prisoner-exchange.txt"


def check_spans(text, claim):
    assert text[claim.start : claim.end] == claim.text
    if claim.source is not None:
        assert text[claim.source_start : claim.source_end] == claim.source
    if claim.cue is not None:
        assert text[claim.cue_start : claim.cue_end] == claim.cue


def test_said_that():
    text = "The mayor of Riverton said that the new bridge cost 40 million dollars."
    c = only(text)
    check_spans(text, c)
    assert c.kind == INDIRECT
    assert c.source == "The mayor of Riverton"
    assert c.cue == "said"
    assert c.text.startswith("that the new bridge")


def test_said_without_that():
    c = only("Maria Lopez said the harbour will reopen in March.")
    assert c.source == "Maria Lopez"
    assert c.text.startswith("the harbour will reopen")


def test_inverted_said_after_content():
    text = "The harbour will reopen in March, Maria Lopez said."
    c = only(text)
    check_spans(text, c)
    assert c.source == "Maria Lopez"
    assert c.text == "The harbour will reopen in March"


def test_said_name_with_apposition():
    text = "Ticket prices will rise by 8 percent, said Tom Baker, a spokesman for the rail company."
    c = only(text)
    check_spans(text, c)
    assert c.source.startswith("Tom Baker")
    assert c.source_name == "Tom Baker"
    assert c.text == "Ticket prices will rise by 8 percent"


def test_according_to_first():
    c = only("According to the county auditor, the school budget grew by a third last year.")
    assert c.cue == "According to"
    assert c.source == "the county auditor"
    assert c.text.startswith("the school budget")
    assert c.kind == INDIRECT


def test_according_to_last():
    c = only("The factory employed 900 people before the fire, according to union records.")
    assert c.source == "union records"
    assert c.text.startswith("The factory employed 900 people")


def test_told_listener_that():
    c = only("Anna Weiss told the Daily Courier that the contract had never been signed.")
    assert c.source == "Anna Weiss"
    assert c.cue == "told"
    assert c.text.startswith("that the contract")
    assert "Daily Courier" not in c.text


@pytest.mark.parametrize(
    "verb", ["confirmed", "denied", "claimed", "warned", "added", "insisted", "reported"]
)
def test_reporting_verbs(verb):
    text = f"The health ministry {verb} that three clinics had closed in the north."
    c = only(text)
    assert c.cue == verb
    assert c.source == "The health ministry"
    assert c.source_kind == "government"


def test_media_reported_inverted():
    text = "The two cities are planning a joint airport, the Northern Gazette reported on Monday."
    c = only(text)
    assert c.source == "the Northern Gazette"
    assert c.source_kind == "media"
    assert c.text == "The two cities are planning a joint airport"


def test_reportedly_has_no_source():
    c = only("The striker reportedly turned down an offer from a rival club in July.")
    assert c.kind == INDIRECT
    assert c.cue == "reportedly"
    assert c.source is None


def test_passive_it_was_reported():
    c = only("It was reported that the ferry had left port without a licence.")
    assert c.source is None
    assert c.cue == "It was reported"
    assert c.text.startswith("that the ferry")


def test_accused_of():
    c = only("The opposition leader accused the governor of hiding the audit from voters.")
    assert c.cue == "accused"
    assert c.source == "The opposition leader"
    assert c.text.startswith("the governor of hiding")


def test_belief_officials_believe():
    c = only("Officials believe the fire started in the kitchen of the old hotel.")
    assert c.source == "Officials"
    assert c.source_kind == "anonymous"
    assert c.kind == INDIRECT


def test_anonymous_source_familiar():
    text = "A source familiar with the talks said the deal could be signed within days."
    c = only(text)
    assert c.source == "A source familiar with the talks"
    assert c.source_kind == "anonymous"


def test_who_clause_source():
    text = "Paul Grant, who ran the agency for a decade, said the records were destroyed in 2019."
    c = only(text)
    check_spans(text, c)
    assert c.source.startswith("Paul Grant")
    assert c.source_name == "Paul Grant"
    assert c.text.startswith("the records were destroyed")


def test_direct_quote_inverted():
    text = "“We have no money left for the pool,” the treasurer said."
    c = only(text)
    check_spans(text, c)
    assert c.kind == DIRECT
    assert c.text == "“We have no money left for the pool,”"
    assert c.source == "the treasurer"


def test_direct_quote_colon():
    text = 'The coach said: "We trained harder than anyone in the league."'
    c = only(text)
    assert c.kind == DIRECT
    assert c.text.startswith('"We trained')


def test_mixed_quote_counts_as_direct():
    c = only("The senator said the plan was “a gift to landlords” and would fail.")
    assert c.kind == DIRECT


def test_quote_over_several_sentences():
    text = (
        "“The river rose in one night. We lost the barn and two tractors. "
        "Nobody warned us,” said Ruth Hale, a farmer near the dam."
    )
    c = only(text)
    check_spans(text, c)
    assert c.kind == DIRECT
    assert c.start == 0
    assert c.text.endswith("Nobody warned us,”")
    assert c.source_name == "Ruth Hale"
    assert c.sentence_start <= c.start < c.end <= c.sentence_end


def test_quote_over_paragraphs_attributed_at_end():
    text = (
        "Residents gathered at the hall on Friday.\n"
        "“The water has been brown for a month.\n"
        "“We pay more than ever for it,” Jo Marsh said."
    )
    claims = [c for c in attributed(text) if c.kind == DIRECT]
    assert len(claims) == 1
    c = claims[0]
    check_spans(text, c)
    assert c.text.startswith("“The water")
    assert c.text.endswith("for it,”")
    assert c.source == "Jo Marsh"


def test_pronoun_resolved_to_previous_person():
    text = (
        "Helen Park, the city engineer, said the tunnel was safe. "
        "She said repairs would cost 2 million dollars."
    )
    claims = attributed(text)
    assert len(claims) == 2
    assert claims[1].source == "She"
    assert claims[1].source_name == "Helen Park"
    assert claims[1].source_kind == "person"


def test_surname_normalised_to_full_name():
    text = (
        "Oskar Lindqvist, the ferry operator, said fares would double. "
        "Later Lindqvist told reporters that the fleet was too old."
    )
    names = [c.source_name for c in attributed(text)]
    assert names == ["Oskar Lindqvist", "Oskar Lindqvist"]


def test_unattributed_factual_sentence():
    text = "The unemployment rate fell to 4.1 percent in 2023, the lowest in a decade."
    claims = extract(text)
    assert len(claims) == 1
    assert claims[0].kind == UNATTRIBUTED
    assert claims[0].source is None and claims[0].cue is None
    kinds = {m.kind for m in claims[0].numbers}
    assert {"percent", "statistic"} <= kinds


def test_claims_sorted_and_spans_valid():
    text = SEED.read_text(encoding="utf-8")
    claims = extract(text)
    assert claims
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for c in claims:
        check_spans(text, c)
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        assert 0.0 <= c.score <= 1.0


def test_seed_article_sources():
    text = SEED.read_text(encoding="utf-8")
    claims = attributed(text)
    by_cue = {}
    for c in claims:
        by_cue.setdefault(c.cue, []).append(c)
    told = [c for c in by_cue["told"]]
    assert {c.source_name for c in told} == {"Kirill Dmitriev"}
    assert any(c.source == "Dmitriev" for c in told)
    reported = by_cue["reported"][0]
    assert reported.source == "Axios"
    assert reported.source_kind == "media"
    assert reported.kind == INDIRECT
    assert reported.text.startswith("Moscow and Washington are discussing")
    quote = [c for c in told if c.kind == DIRECT][0]
    assert quote.text.startswith("“I met some US officials")
    assert any(c.cue == "reportedly" and c.source is None for c in claims)
    assert any(c.cue == "confirmed" and c.source_kind == "anonymous" for c in claims)
