"""Relative clauses: "X, who said C", "the rule, which critics said was unfair", "many of whom
say".
"""

import pytest

from tests.extraction.checks import attributed, check_spans, only, only_reading, readings


def test_who_clause_source():
    text = "Paul Grant, who ran the agency for a decade, said the records were destroyed in 2019."
    c = only(text)
    check_spans(text, c)
    assert c.source.startswith("Paul Grant")
    assert c.source_name == "Paul Grant"
    assert c.text.startswith("the records were destroyed")


def test_relative_who_is_the_source():
    text = "Dana Cole, who said the pier was unsafe, resigned in June."
    c = only(text)
    assert c.source == "who"
    assert c.cue == "said"
    assert c.text == "the pier was unsafe"


def test_relative_which_with_speaker_inside():
    text = "The levy, which farmers said was unfair, was dropped in the spring."
    c = only(text)
    assert c.source == "farmers"
    assert c.text == "was unfair"


def test_dash_appositive_with_relative_clause():
    text = "The governor - who once said he would veto it - signed the levy bill on Friday."
    claims = attributed(text)
    assert claims[0].source == "who"
    assert claims[0].text == "he would veto it"
    text = "The governor - who once said he would veto it - said the bill was now fair."
    said = [c for c in attributed(text) if c.cue == "said"]
    assert said[0].source == "The governor - who once said he would veto it"
    assert said[0].text == "the bill was now fair."


def test_subject_with_relative_clause():
    text = "Farmers who have lost their crops to the flood say the aid came too late."
    c = only(text)
    assert c.source == "Farmers who have lost their crops to the flood"
    assert c.cue == "say"
    assert c.text.startswith("the aid came")


def test_subject_relative_clause_stays_with_the_source():
    c = only("Ida Moss, who chairs the panel, said the budget was short.")
    assert c.source == "Ida Moss, who chairs the panel"


def test_which_opening_a_relative_clause_is_the_source():
    claims = attributed("The council issued a report, which found that the bridge was unsafe.")
    found = [c for c in claims if c.cue == "found"]
    assert found[0].source == "which"
    assert found[0].text.startswith("that the bridge was unsafe")


def test_subject_relative_clause_that_reports_is_not_part_of_the_source():
    claims = attributed(
        "Ida Moss, who said in May that the budget was short, added that it was late."
    )
    added = [c for c in claims if c.cue == "added"][0]
    assert added.source == "Ida Moss"


def test_apposition_with_relative_clause_is_still_a_subject():
    c = only("Bo Lind, a farmer who organized the petition, said the water tasted of diesel.")
    assert c.source.startswith("Bo Lind")
    assert c.text == "the water tasted of diesel."


def test_object_relative_takes_the_pronoun():
    c = only_reading("The rate would drop to 10 percent, which Senator Ames opposed.")
    assert c.source == "Senator Ames"
    assert c.text == "which"


def test_subject_relative_still_takes_the_rest_of_the_clause():
    c = only("The rule, which critics said was unfair, passed.")
    assert c.text == "was unfair"


def test_relative_that_after_an_adjunct_is_not_a_content_clause():
    c = only("The sewer will fail within a decade, the council said in a report that was brief.")
    assert c.cue == "said"
    assert c.text == "The sewer will fail within a decade"


def test_object_relative_with_an_adjunct_is_the_pronoun():
    text = "Her win, which Ames conceded when the polls closed, surprised the party."
    claims = readings(text)
    assert (claims[0].text, claims[0].source, claims[0].cue) == ("which", "Ames", "conceded")
    c = only_reading("They looked to another mayor whom Ames mentioned later in his speech.")
    assert (c.text, c.source) == ("whom", "Ames")


def test_quantified_relative_pronoun_is_the_source():
    c = only("It angered the families, many of whom say the inquiry was a sham.")
    assert (c.source, c.cue, c.text) == ("many of whom", "say", "the inquiry was a sham.")


def test_whose_clause_after_the_content_is_the_reporters():
    c = only("The council said it had hired twenty inspectors, whose reports will be public.")
    assert c.text == "it had hired twenty inspectors"


def test_relative_clause_inside_the_content_subject_does_not_end_it():
    text = "The mayor said the new buses - which run on batteries - will save the city money."
    assert only(text).text == ("the new buses - which run on batteries - will save the city money.")
    text = "Ms. Roe believes that the levy, which voters approved in May, has paid for itself."
    assert only(text).text == "that the levy, which voters approved in May, has paid for itself."


def test_relative_clause_after_the_content_is_still_the_reporters():
    c = only("The mayor said the buses were late, which angered riders for weeks.")
    assert c.text == "the buses were late"


def test_subject_with_a_longer_relative_clause():
    text = "Many of the leaders who’d rather be working on a campaign for Cruz said they’d go."
    assert only(text).source == "Many of the leaders who’d rather be working on a campaign for Cruz"


def test_a_relative_that_after_the_noun_or_a_verb_reading_is_not_one():
    assert attributed("It was a charge that the mayor has always denied.") == []
    c = only("The mayor promises that taxes will fall next year.")
    assert (c.cue, c.source) == ("promises", "The mayor")


def test_whose_clause_and_must_in_subjects_and_contents():
    text = "The officials whose laws have been invalidated say the courts have changed."
    assert only(text).source == "The officials whose laws have been invalidated"
    c = only("Ana Ruiz, the ambassador from 2007 to 2013, said Mexico must answer the claims.")
    assert (c.source, c.text) == (
        "Ana Ruiz, the ambassador from 2007 to 2013",
        "Mexico must answer the claims.",
    )


def test_those_who_opens_a_subject():
    text = "Even those who have mapped out a path for Lee acknowledge that it is narrow."
    assert only(text).source.endswith("those who have mapped out a path for Lee")


@pytest.mark.parametrize(
    "text",
    [
        "The delegates who pledged to back the governor met in Dayton.",
        "Farmers who want cheaper diesel drove their tractors to the capital.",
        "Voters who supported the levy in 2019 now face a second one.",
    ],
)
def test_a_restrictive_relative_clause_that_names_people_reports_nothing(text):
    assert attributed(text) == []


def test_a_restrictive_relative_clause_of_saying_still_reports():
    text = "Residents who said the water tasted of metal were told to boil it."
    claim = attributed(text)[0]
    assert claim.source == "who"
    assert claim.text.startswith("the water tasted of metal")


def test_a_relative_clause_after_a_comma_still_reports_a_pledge():
    claim = only("Ms. Vance, who pledged to cut bus fares, won the seat.")
    assert claim.source == "who"


def test_speaker_inside_a_relative_clause_ends_a_noun_phrase_content():
    claims = readings("Ames signed a statement that she said was written by her lawyer.")
    assert [(c.source, c.cue, c.text) for c in claims] == [
        ("Ames", "signed", "a statement"),
        ("she", "said", "was written by her lawyer."),
    ]


def test_speaker_inside_a_relative_clause_stays_in_a_said_content():
    c = only("Ames said the city dropped a plan that she said would raise rents.")
    assert c.cue == "said"
    assert c.text == "the city dropped a plan that she said would raise rents."


def test_speech_verb_after_a_restrictive_relative_clause_is_read():
    c = only(
        "A tenant who has accused the landlord of neglect said Monday that the heating failed."
    )
    assert c.source == "A tenant who has accused the landlord of neglect"
    assert (c.cue, c.text) == ("said", "that the heating failed.")
    c = only("Even members who have praised the plan warned that the budget may not hold.")
    assert (c.cue, c.text) == ("warned", "that the budget may not hold.")


def test_cue_after_a_colon_that_ends_a_restrictive_relative_clause_is_read():
    c = only(
        "Even donors who backed the bond sounded wary: Former Mayor Ida Kress called it "
        "“the least bad option we have.”"
    )
    assert (c.source, c.cue) == ("Former Mayor Ida Kress", "called")


def test_noun_cue_inside_a_restrictive_relative_clause_is_not_read():
    claims = attributed("Slates of candidates who pledged their support on the second ballot won.")
    assert claims == []


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The fair, which is expected to draw 5,000 visitors, opens Monday.",
            "to draw 5,000 visitors",
        ),
        ("Ms. Ruiz, who was named to the board in May, left the meeting.", "to the board in May"),
    ],
)
def test_a_passive_in_an_aside_has_no_speaker(text, content):
    c = only_reading(text)
    assert c.source is None
    assert c.text == content


def test_a_passive_in_a_restrictive_clause_only_tells_which_are_meant():
    assert attributed("Voters who are expected to turn out in May favour the levy.") == []


def test_a_verb_of_seeming_in_an_aside_has_no_speaker():
    c = only_reading("The rally drew few people, which appears to have hurt the mayor.")
    assert c.cue == "appears"
    assert c.source is None


def test_a_verb_of_seeming_before_a_verb_of_saying_keeps_the_pronoun():
    text = "Lee, who seemed to blame the council, left early."
    assert only_reading(text).source == "who"


SIDES_TAKEN_IN_ASIDES = [
    "Councillor Reid, who endorsed Mayor Diaz in May, said the levy was fair.",
    "The union, which supports Mayor Diaz, held a vote on Friday.",
    "The Riverton Gazette, which backed Mayor Diaz in 2019, changed its owner.",
    "Ms. Lee, who opposed the Route 9 levy, lost her seat.",
    "Ms. Ortega, who is challenging Mayor Diaz for her seat, opened an office in Elm Street.",
]


@pytest.mark.parametrize("text", SIDES_TAKEN_IN_ASIDES)
def test_a_side_taken_in_an_aside_reports_nothing_said(text):
    assert not any(c.source == "who" or c.source == "which" for c in attributed(text))


def test_a_side_taken_beside_words_said_keeps_the_words():
    text = "Councillor Reid, who endorsed Mayor Diaz in May, said the levy was fair."
    assert [(c.source, c.cue) for c in attributed(text)] == [("Councillor Reid", "said")]
    assert only("Dana Cole, who said the pier was unsafe, resigned in June.").source == "who"
