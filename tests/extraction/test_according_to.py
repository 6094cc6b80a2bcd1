""" "according to X", "As reported by X, C", "reportedly", "it was reported that C"."""

from claims.extraction import INDIRECT
from tests.extraction.checks import attributed, only


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


def test_according_to_at_the_end_takes_over_a_belief_or_action():
    text = "The publisher declined to renew the contract, according to two former editors."
    c = only(text)
    assert c.cue == "according to"
    assert c.source == "two former editors"
    assert c.text == "The publisher declined to renew the contract"


def test_according_to_at_the_end_takes_over_reported_speech():
    text = "Port officials told staff that the crane had failed, according to two dock workers."
    c = only(text)
    assert c.cue == "according to"
    assert c.source == "two dock workers"
    assert c.text == "Port officials told staff that the crane had failed"


def test_according_to_inside_a_quotation_stays_in_it():
    text = 'Lee said the firm "lost money, according to its own books."'
    c = only(text)
    assert c.cue == "said"
    assert c.text == 'the firm "lost money, according to its own books."'


def test_according_to_after_a_speakers_clause_covers_only_what_follows():
    text = (
        "Officials confirmed that the mayor met the contractor, but no deal has been signed, "
        "according to the Ely Courier."
    )
    claims = attributed(text)
    by_cue = {c.cue: c for c in claims}
    assert by_cue["confirmed"].text == "that the mayor met the contractor"
    assert by_cue["confirmed"].source == "Officials"
    assert by_cue["according to"].text == "no deal has been signed"  # "but" is the reporter's
    assert by_cue["according to"].source == "the Ely Courier"


def test_according_to_source_keeps_its_relative_clause():
    c = only(
        "The new bridge over the river will fail within a decade, according to Jo Lee, who "
        "advised the county on its budget."
    )
    assert c.text == "The new bridge over the river will fail within a decade"
    assert c.source == "Jo Lee, who advised the county on its budget"


def test_short_clause_before_according_to_is_the_content():
    c = only("The levy failed, according to Jo Lee.")
    assert (c.source, c.text) == ("Jo Lee", "The levy failed")
    c = only("The levy failed, according to Jo Lee, director of the county board.")
    assert (c.source, c.text) == ("Jo Lee, director of the county board", "The levy failed")
    c = only("In May, according to Jo Lee, the levy failed.")
    assert c.text == "the levy failed."


def test_according_to_mid_sentence_before_a_verb_keeps_the_source_short():
    c = only("The tax, which rose sharply, according to a study, reduced emissions by 5 percent.")
    assert c.source == "a study"
    assert c.text.endswith("reduced emissions by 5 percent.")


def test_speaker_of_a_whole_quotation_wins_over_according_to_inside_it():
    text = (
        "“The deficit was 4 percent, according to the treasury. It is 6 now,” the Herald "
        "reported. “If the trend holds, it will be 8 percent by spring.”"
    )
    c = only(text)
    assert (c.source, c.cue) == ("the Herald", "reported")
    assert c.text.startswith("“The deficit") and c.text.endswith("by spring.”")


def test_reportedly_takes_the_clause_around_it():
    text = "With the mayor reportedly eyeing a run, a poll found that she would win."
    claims = attributed(text)
    assert [c.cue for c in claims] == ["reportedly", "found"]
    assert claims[0].text == "the mayor reportedly eyeing a run"
    c = only("Reportedly, he made the threats to co-workers in May.")
    assert c.text == "Reportedly, he made the threats to co-workers in May."
    assert only("Lee reportedly said the deal was off.").cue == "reportedly said"


def test_reportedly_keeps_a_subject_set_off_by_an_apposition():
    text = "One of the two drivers, Ana Brook, reportedly left the depot in June, after the strike."
    assert only(text).text == "One of the two drivers, Ana Brook, reportedly left the depot in June"
    text = "The board, after a long meeting, reportedly voted to sell the ferry."
    assert only(text).text == text


def test_a_participle_after_the_source_of_according_to_is_no_content():
    text = "According to the harbour's own survey, published in May, traffic fell by a tenth."
    c = only(text)
    assert (c.source, c.text) == ("the harbour's own survey", "traffic fell by a tenth.")


def test_as_reported_by_opens_a_sentence():
    c = only("As first reported by the Herald, the agency closed the office in May.")
    assert (c.cue, c.source, c.text) == (
        "As first reported",
        "the Herald",
        "the agency closed the office in May.",
    )
    assert only("The meeting was first reported by the Herald.").text == "The meeting"


def test_the_description_of_a_source_ends_where_the_sentence_goes_on():
    text = (
        "At the root of the delay, according to Ivo Brandt, a former port engineer, "
        "was a crane that nobody had inspected."
    )
    claim = only(text)
    assert claim.source == "Ivo Brandt, a former port engineer"


def test_the_description_of_a_source_at_the_end_of_a_sentence_stays_with_it():
    text = "The ferry lost money every year, according to Ivo Brandt, a former port engineer."
    assert only(text).source == "Ivo Brandt, a former port engineer"


def test_according_to_after_that_opens_the_content():
    text = "The trouble is that, according to a county audit, 40 of the 90 contracts were late."
    claim = only(text)
    assert claim.source == "a county audit"
    assert claim.text.startswith("40 of the 90 contracts were late")
