"""Passives and verbs of seeming: "C was endorsed by X", "X is expected to win", "the plan seems to
work".
"""

import pytest

from tests.extraction.checks import attributed, only, only_reading


def test_passive_with_agent():
    text = "The new ferry timetable was first reported by the Island Courier."
    c = only(text)
    assert c.source == "the Island Courier"
    assert c.cue == "was first reported"
    assert c.text == "The new ferry timetable"


def test_passive_expected_to():
    c = only("The harbour tunnel is expected to open in the autumn.")
    assert c.source is None
    assert c.cue == "is expected"
    assert c.text.startswith("The harbour tunnel")
    assert c.text.endswith("in the autumn.")


def test_what_seems_so_has_no_source():
    c = only("The plan seems to be working.")
    assert (c.text, c.source, c.cue) == ("The plan seems to be working.", None, "seems")
    c = only("It appears that the vote was close.")
    assert (c.text, c.source) == ("that the vote was close.", None)


def test_appearing_somewhere_is_not_a_belief():
    assert attributed("She appeared on television on Monday.") == []


def test_seeming_to_say_keeps_the_speaker():
    c = only("Trump seemed to suggest that he would accept.")
    assert c.source == "Trump"
    assert c.text.startswith("to suggest that he would accept")


def test_agent_after_a_passive_cue_is_not_content():
    assert [c.text for c in attributed("Lee was asked by the host.")] == []


def test_passive_relative_clause_with_an_agent():
    c = only_reading("Voters were shaken by the fires, which were claimed by the rebel group.")
    assert (c.text, c.cue, c.source) == ("which", "were claimed", "the rebel group")


def test_a_feeling_about_something_is_the_subjects_view():
    c = only("Several member states are concerned about the new border deal.")
    assert (c.source, c.cue) == ("Several member states", "are concerned about")
    assert c.text == "the new border deal."


def test_reduced_passive_with_an_agent_after_a_comma():
    c = only("The levy, opposed by the county board, never became law.")
    assert (c.text, c.cue, c.source) == ("The levy", "opposed", "the county board")


def test_known_for_and_seen_as_read_like_seems():
    c = only("The governor is widely seen as a moderate.")
    assert (c.cue, c.source) == ("is widely seen as", None)
    assert c.text == "The governor is widely seen as a moderate."
    c = only("Ames is known for blunt talk on water rates.")
    assert c.cue == "is known for"


def test_passive_cue_keeps_a_long_reason_with_the_subject():
    c = only("The mayor has been criticized by rivals for failing to fix the roads in the north.")
    assert c.source == "rivals"
    assert c.text == (
        "The mayor has been criticized by rivals for failing to fix the roads in the north."
    )
    c = only("The statue was described as a gift, officials said.")
    assert c.cue == "said"


def test_the_charge_after_an_agent_is_the_content():
    text = (
        "The minister is facing a scandal involving his deputy Ivo Pell, accused by the audit "
        "office of overseeing a $3 million kickback scheme in the ports."
    )
    c = only(text)
    assert (c.source, c.cue) == ("the audit office", "accused")
    assert c.text == "overseeing a $3 million kickback scheme in the ports."


def test_the_accused_is_never_the_speaker():
    c = only("Ivo Pell is accused of overseeing a kickback scheme in the ports.")
    assert c.source is None
    assert c.text == "Ivo Pell is accused of overseeing a kickback scheme in the ports."
    c = only("Ivo Pell was accused by the audit office of overseeing a kickback scheme.")
    assert c.source == "the audit office"
    assert "overseeing a kickback scheme" in c.text


@pytest.mark.parametrize(
    "text",
    [
        "The mayor was told that the bridge would not reopen before winter.",
        "Voters were asked whether the levy should be renewed for ten years.",
        "The minister had been warned that the dam could fail in a storm.",
    ],
)
def test_the_one_addressed_by_a_passive_is_no_speaker(text):
    assert only(text).source is None


def test_expletive_it_before_a_passive_report_is_no_source():
    text = "The price was not disclosed, though it was widely reported that the buyer paid cash."
    c = [c for c in attributed(text) if c.cue == "was widely reported"][0]
    assert c.source is None
    assert c.text == "that the buyer paid cash."


def test_it_before_an_active_verb_stays_the_source():
    assert only("It said the plant would close in May.").source == "It"


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master endorsed the plan and has appeared at the mayor's side all week.",
        "Councillor Dunn appeared by video but not in person at the hearing.",
        "The two candidates appeared Sunday at the same fish market in Salem.",
        "The crowds were large in every hall where she appeared, often filling the aisles.",
    ],
)
def test_showing_up_somewhere_is_no_cue_in_any_shape(text):
    assert attributed(text) == []


def test_seeming_after_appear_stays_a_cue():
    c = only("The harbour master appeared to agree with the mayor on the pier.")
    assert c.cue == "appeared"


def test_expected_to_ends_where_the_infinitives_clause_ends():
    text = "The levy is expected to pass in May, but the council has not set a date."
    c = attributed(text)[0]
    assert (c.text, c.source) == ("The levy is expected to pass in May", None)
    c = attributed("The ferry is expected to resume on Friday; the bridge stays shut.")[0]
    assert c.text == "The ferry is expected to resume on Friday"


def test_quoted_as_saying_takes_its_subject_as_the_speaker():
    c = only("“The ferry will run all winter,” Ida Park was quoted as saying.")
    assert (c.source, c.cue) == ("Ida Park", "was quoted as saying")
    assert c.text == "“The ferry will run all winter,”"
    c = only("The harbour master has been quoted as saying that the ferry will run all winter.")
    assert c.source == "The harbour master"
    assert c.text == "that the ferry will run all winter."


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The county clerk was declared the winner in Ely.", "was declared"),
        ("The old mill is considered one of the finest in the state.", "is considered"),
    ],
)
def test_the_subject_of_a_passive_with_a_complement_is_no_speaker(text, cue):
    c = only_reading(text)
    assert c.cue == cue
    assert c.source is None


def test_the_subject_of_a_feeling_or_a_scene_still_speaks():
    assert only_reading("Lee was worried that the bridge would fail.").source == "Lee"
    text = 'The councillor is shown telling voters: "The bridge is safe."'
    assert only_reading(text).source == "The councillor"


PASSIVES_OF_NO_WORDS = [
    "Mayor Diaz was pressed on Sunday about the depot closure.",
    "Councillor Reid and Mayor Diaz were pressed about the audit.",
    "The fare cap is intended to help commuters from Elm Street.",
]


@pytest.mark.parametrize("text", PASSIVES_OF_NO_WORDS)
def test_a_passive_of_pressed_or_intended_reports_no_words(text):
    assert attributed(text) == []


def test_the_active_pressed_still_reports():
    c = only("Mayor Diaz pressed the council to reopen the depot.")
    assert (c.source, c.cue) == ("Mayor Diaz", "pressed")
