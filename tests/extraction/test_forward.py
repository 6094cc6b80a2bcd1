"""Forward shapes: "X said (that) C", "X told Y that C", what may stand between the cue and C."""

import pytest

from claims.extraction import INDIRECT
from tests.extraction.checks import attributed, check_spans, only, only_reading


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


def test_told_listener_that():
    c = only("Anna Weiss told the Daily Courier that the contract had never been signed.")
    assert c.source == "Anna Weiss"
    assert c.cue == "told"
    assert c.text.startswith("that the contract")
    assert "Daily Courier" not in c.text


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


def test_speech_verb_after_to_takes_the_subject_of_the_verb_before():
    c = only("Ms. Lee took to Twitter to say the count was rigged.")
    assert (c.source, c.cue, c.text) == (
        "Ms. Lee",
        "took to Twitter to say",
        "the count was rigged.",
    )
    c = only("He went on to tell reporters that the plan had failed.")
    assert (c.source, c.cue, c.text) == ("He", "went on to tell", "that the plan had failed.")


def test_preposition_after_a_cue_verb_belongs_to_the_cue():
    c = only_reading("The governor agreed with the mayor.")
    assert (c.cue, c.text) == ("agreed with", "the mayor.")
    c = only_reading("The senator apologized for the remarks.")
    assert (c.cue, c.text) == ("apologized for", "the remarks.")


def test_long_listener_runs_to_that():
    c = only("The candidate told customers at a diner in Manchester that the plant would stay.")
    assert c.text == "that the plant would stay."


def test_adverb_between_cue_and_quotation_is_skipped():
    c = only("Lee replied evenly, “Nobody here is hiding anything.”")
    assert c.text == "“Nobody here is hiding anything.”"
    c = only("As Ida Park pointed out in May, “the canal has never flooded.”")
    assert c.text == "“the canal has never flooded.”"


def test_parenthetical_after_the_cue_is_skipped():
    c = only("Lee described, in unusually blunt terms, a budget that left the clinic unfunded.")
    assert c.text.startswith("a budget that left")


def test_infinitive_with_particle_after_an_adjective():
    c = only("Ida Park was quick to point out that the audit found no fraud.")
    assert c.source == "Ida Park"
    assert c.text == "that the audit found no fraud."


def test_dashed_aside_after_the_cue_is_skipped():
    c = only("Lee said — on the radio, as it happens — that the plant raised $4 million.")
    assert c.text == "that the plant raised $4 million."


def test_time_adjunct_between_cue_and_that_is_not_content():
    c = only("The mayor announced last week that the pool would close.")
    assert c.text == "that the pool would close."


def test_at_least_after_the_cue_opens_the_content():
    text = "Late on Friday, as the parade went by, the station reported at least six planes."
    c = only(text)
    assert c.text == "at least six planes."


def test_long_place_adjunct_before_that():
    text = "Lee said Thursday at a town hall in Buffalo, New York, that the ban was wrong."
    c = only(text)
    assert c.text == "that the ban was wrong."


def test_urged_keeps_whom_it_urges_in_the_content():
    c = only("The mayor urged the council to act quickly.")
    assert c.text == "the council to act quickly."


def test_a_request_keeps_whom_it_asks():
    c = only("Elias has asked the Supreme Court to intervene.")
    assert c.text == "the Supreme Court to intervene."
    c = only("Lee told reporters that the levy had failed.")
    assert c.text == "that the levy had failed."


def test_relative_that_after_a_listener_is_not_the_content():
    text = "We need real change, Sanders told a crowd at a bar that spilled onto the street."
    c = only(text)
    assert (c.source, c.text) == ("Sanders", "We need real change")


def test_a_short_place_or_time_phrase_after_the_verb_is_not_a_content():
    assert attributed("Ann Lee reported from Los Angeles.") == []
    assert attributed("Cruz continued on Saturday, and the crowd cheered.") == []
    c = only("The mayor said in a statement that the bridge would reopen.")
    assert c.text == "that the bridge would reopen."


@pytest.mark.parametrize(
    "text",
    [
        "The two councillors had sparred for months.",
        "Mayor Ito thought for a moment.",
        "The tenants sued after the landlord failed to repair the roof.",
        "The union complained because the rent had doubled.",
    ],
)
def test_a_length_of_time_or_a_clause_of_time_or_reason_is_no_content(text):
    assert attributed(text) == []


def test_a_phrase_of_time_before_what_was_said_is_still_content():
    c = only("Lee said after the vote he would not accept the post.")
    assert c.text == "after the vote he would not accept the post."
    c = only("The board decided after a long inquiry not to sell the land.")
    assert c.text.startswith("after a long inquiry")


def test_an_opening_phrase_of_time_is_not_what_was_said_before_a_quotation():
    text = "Soon after the vote was lost, Ida Park wrote to readers, “The fight goes on,” and left."
    wrote = [c for c in attributed(text) if c.cue == "wrote"][0]
    assert "“The fight goes on,”" in wrote.text
    assert not wrote.text.startswith("Soon")
    assert wrote.source == "Ida Park"


def test_an_opening_clause_before_an_interrupting_cue_is_still_what_was_said():
    c = only("In both cases, Ida Park said, those fees paid for “sponsorships” at the regatta.")
    assert c.source == "Ida Park"
    assert c.text.startswith("In both cases")
