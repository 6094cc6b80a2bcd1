"""Inverted shapes: "C, X said.", "C, said X, a spokesman.", interrupted "A, X said, B", closing
reporting verbs, a fronted 'Said X, “C”'.
"""

import pytest

from tests.extraction.checks import attributed, check_spans, only


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


def test_media_reported_inverted():
    text = "The two cities are planning a joint airport, the Northern Gazette reported on Monday."
    c = only(text)
    assert c.source == "the Northern Gazette"
    assert c.source_kind == "media"
    assert c.text == "The two cities are planning a joint airport"


def test_inverted_said_with_title_and_party():
    text = '"The budget is a disgrace," said State Treasurer Paul K. Moss (R-Idaho).'
    c = only(text)
    assert c.source == "State Treasurer Paul K. Moss (R-Idaho)"
    assert c.text == '"The budget is a disgrace,"'


def test_inverted_said_name_then_restrictive_who():
    text = '"We were never told," said one nurse who asked not to be named.'
    c = attributed(text)[0]
    assert c.source == "one nurse"
    assert c.text == '"We were never told,"'


def test_inverted_lowercase_title_before_name():
    text = '"We lost the vote," said former county judge Ray Olsen, a party elder.'
    c = only(text)
    assert c.source == "former county judge Ray Olsen, a party elder"


def test_reporting_verb_at_the_end_wins_over_an_inner_cue():
    text = "The two mayors praised the new rail link, the Valley Herald reported on Monday."
    c = only(text)
    assert c.source == "the Valley Herald"
    assert c.cue == "reported"
    assert c.text == "The two mayors praised the new rail link"


def test_inverted_said_then_preposition_is_not_a_source():
    text = '"We are not going anywhere," Ida Park, 70, said on local radio.'
    c = only(text)
    assert c.source == "Ida Park, 70"


def test_inverted_content_starts_after_a_dash():
    text = "The fair opened on Friday - and the permit, the organisers said, came just in time."
    c = [c for c in attributed(text) if c.cue == "said"][0]
    assert c.source == "the organisers"
    assert c.text.startswith("and the permit") or c.text.startswith("the permit")
    assert "Friday" not in c.text


def test_inverted_source_stops_before_a_who_clause_with_its_own_cue():
    text = '"We are ready," said Jo Lind, the club captain, who added that training starts soon.'
    claims = attributed(text)
    assert claims[0].source == "Jo Lind, the club captain"
    assert claims[1].source == "who"
    assert claims[1].cue == "added"


def test_inverted_source_with_several_lower_case_words():
    text = '"Nothing was lost," said a former senior fire service official.'
    c = only(text)
    assert c.source == "a former senior fire service official"


def test_capitalised_auxiliary_is_a_name_after_inverted_said():
    c = only('"The dam will hold," said Will Baxter, an engineer.')
    assert c.source.startswith("Will Baxter")
    assert c.text == '"The dam will hold,"'


def test_inverted_source_keeps_a_lower_case_title():
    c = only('"The river is rising," said Jo Lee, director of the Ely flood office.')
    assert c.source == "Jo Lee, director of the Ely flood office"
    assert c.text == '"The river is rising,"'


def test_inverted_source_keeps_an_age():
    c = only('"We lost the barn," said Ann Roe, 34.')
    assert c.source == "Ann Roe, 34"


def test_inverted_source_opening_with_a_quantifier():
    c = only('"The count was fair," said several observers.')
    assert c.source == "several observers"


def test_inverted_source_with_a_long_apposition():
    c = only(
        '"We were never told," said Ann Roe, a nurse at the county hospital who has worked '
        "nights on the children's ward for most of the last two decades and who led the strike."
    )
    assert c.source.startswith("Ann Roe, a nurse")


def test_inverted_cue_followed_by_a_by_adjunct():
    c = only('"The city should act," Ms. Gao said by telephone.')
    assert c.text == '"The city should act,"'
    assert c.source == "Ms. Gao"
    c = only("Lee said by the end of the year the plant would close.")
    assert c.text.startswith("by the end of the year")


def test_inverted_cue_followed_by_an_adverb_or_a_place():
    c = only('"I would not discount it," Mr. Kaplan, a screenwriter, said dryly.')
    assert (c.text, c.source) == ('"I would not discount it,"', "Mr. Kaplan, a screenwriter")
    c = only('"The world applauded," Mr. Lou told a news briefing near the end of the day.')
    assert (c.text, c.source) == ('"The world applauded,"', "Mr. Lou")


def test_inverted_source_apposition_may_hold_a_quotation():
    c = only(
        '"It was shameful," said Ann Roe, 34, a plaintiff who waited in an "extremely long line" '
        "for hours."
    )
    assert c.source.startswith("Ann Roe, 34, a plaintiff")
    assert c.text == '"It was shameful,"'


def test_subject_with_apposition_then_said_is_forward_not_inverted():
    c = only("Ada Quill, a hydrologist at the state university, said Monday the levee will hold.")
    assert c.source == "Ada Quill, a hydrologist at the state university"
    assert c.text.startswith("Monday the levee will hold") or c.text.startswith("the levee")


def test_interrupted_inversion_keeps_both_sides():
    c = only("The contrast with last year, said Ida Park, would be obvious to any visitor.")
    assert c.source == "Ida Park"
    assert c.text.startswith("The contrast with last year")
    assert c.text.endswith("would be obvious to any visitor.")


def test_real_inversion_with_a_clause_before_still_works():
    c = only("The bridge will reopen in May, said Ida Park, the city engineer.")
    assert c.source == "Ida Park, the city engineer"
    assert c.text == "The bridge will reopen in May"


def test_inverted_source_ends_at_a_dash():
    text = (
        "“He set a standard,” said Dino Moss, who runs the Fifth Gym — which still hosts a class."
    )
    c = only(text)
    assert c.source == "Dino Moss, who runs the Fifth Gym"
    assert c.text == "“He set a standard,”"


def test_closing_reporting_verb_does_not_take_over_an_unrelated_cue():
    c = only(
        "In a statement released Monday, Ames said he is certain Lind will continue to be "
        "“a champion for the valley.”"
    )
    assert c.source == "Ames"
    assert c.cue == "said"
    assert c.text.startswith("he is certain Lind")


def test_closing_reporting_verb_still_takes_over_the_sentence():
    c = only("The two ministers welcomed the talks, the agency reported.")
    assert c.cue == "reported"
    assert c.text == "The two ministers welcomed the talks"


def test_inversion_with_an_unknown_verb_before_the_comma():
    c = only("Costs rise every winter, says Ida Park.")
    assert c.source == "Ida Park"
    assert c.text == "Costs rise every winter"


def test_questioned_inverts():
    c = only("“What changed his mind?” Ames questioned.")
    assert c.text == "“What changed his mind?”"


def test_announced_inverts():
    c = only("The plant will close in May, a spokesman announced Monday.")
    assert c.source == "a spokesman"
    assert c.text == "The plant will close in May"


def test_interrupted_inversion_with_an_adjunct_keeps_both_sides():
    c = only("The plan, Lee said in May, would cost more than the bridge.")
    assert c.source == "Lee"
    assert c.text == "The plan, Lee said in May, would cost more than the bridge."


def test_interrupted_inversion_with_a_time_adjunct():
    c = only("These workers, Ames explained earlier in the hearing, were well paid.")
    assert c.text.startswith("These workers")
    assert c.text.endswith("were well paid.")


def test_alleges_at_the_end_inverts():
    c = only("The county closed half of its polling places before the vote, the lawsuit alleges.")
    assert c.cue == "alleges"
    assert c.text == "The county closed half of its polling places before the vote"


def test_connectives_before_an_interrupting_speaker_are_not_content():
    c = only("And yet, the mayor's aides say, the bridge remains a priority for her.")
    assert c.text == "the bridge remains a priority for her."


def test_i_think_at_the_end_inverts():
    c = only("The bridge will hold for another decade, I think.")
    assert (c.source, c.cue, c.text) == ("I", "think", "The bridge will hold for another decade")


def test_a_time_after_the_cue_is_no_source():
    text = "“The veto will be overridden,” Ann Roe, the council's leader, said Tuesday morning."
    c = only(text)
    assert (c.source, c.text) == ("Ann Roe, the council's leader", "“The veto will be overridden,”")


def test_a_name_before_the_comma_is_the_subject_not_an_inverted_content():
    # "Ned" and "Ted" end like past forms; capitalised words in a row are a name, no verb
    text = (
        "The council met on Monday.\n\n"
        "County chairman Ned Rowe, for example, said the visit to Salem would earn the party "
        "attention all weekend."
    )
    c = only(text)
    check_spans(text, c)
    assert c.source == "County chairman Ned Rowe"
    assert c.text.startswith("the visit to Salem would earn")


def test_inverted_source_keeps_a_restrictive_phrase_or_clause():
    # the phrase or clause after a common noun tells which speaker it is
    c = only('"The ferry is finished," said a source close to the harbour board.')
    assert c.source == "a source close to the harbour board"
    c = only('"We knew in May," said one engineer who worked on the pier until last year.')
    assert c.source == "one engineer who worked on the pier until last year"
    c = only(
        '"We knew in May," said one engineer with knowledge of the plans, who lives near the pier.'
    )
    assert c.source == "one engineer with knowledge of the plans"


def test_inverted_source_leaves_out_an_adjunct_and_an_anonymity_note():
    c = only('"The ferry is finished," said the harbour master in a statement.')
    assert c.source == "the harbour master"
    c = only('"We knew in May," said one engineer who requested anonymity to discuss the plans.')
    assert c.source == "one engineer"


def test_subject_with_apposition_before_a_source_like_object_is_no_inversion():
    text = (
        "The council met on Monday.\n\n"
        "The mayor's former aide, Jo Lee, said the man who replaced her and ran the office, "
        "Al Roe, should be fired."
    )
    c = only(text)
    assert c.source == "The mayor's former aide, Jo Lee"
    assert c.text.startswith("the man who replaced her")


@pytest.mark.parametrize("first", ["Douglas", "Thomas", "Fred"])
def test_a_first_name_after_a_quotation_is_no_verb(first):
    text = f'"The ferry will run all winter," {first} Marlowe, the harbour master, said on Monday.'
    c = only(text)
    assert c.cue == "said"
    assert c.source.startswith(f"{first} Marlowe")


def test_noun_after_said_with_its_own_verb_is_no_inverted_source():
    c = only(
        "Harbor Commissioner Will Osei, for example, said the ferry’s new route would cut "
        "the crossing by an hour."
    )
    assert (c.source, c.cue) == ("Harbor Commissioner Will Osei", "said")
    assert c.text.startswith("the ferry’s new route would cut")
    c = only(
        'Ines Marr, the author of "Tides," about the harbor, said the days when the port '
        "ran all night are gone."
    )
    assert c.source.startswith("Ines Marr")
    assert c.text.startswith("the days when the port")


def test_inverted_source_with_a_relative_clause_is_kept():
    c = only("The port will close at night, said the official who was in charge of the audit.")
    assert c.cue == "said"
    assert c.text == "The port will close at night"


def test_a_cue_opening_the_sentence_before_its_speaker_and_a_quotation():
    c = only("Said Ida Park, who has fished the bay for forty years, “The water is clean again.”")
    assert c.cue == "Said"
    assert c.source == "Ida Park, who has fished the bay for forty years"
    assert c.text == "“The water is clean again.”"
    c = only('But, added Tom Reyes, "nobody has paid for the repairs yet."')
    assert c.source == "Tom Reyes"
    assert c.text == '"nobody has paid for the repairs yet."'


def test_a_fronted_cue_with_a_sentence_going_on_after_the_quotation_is_left_alone():
    text = "Said Ida Park, “It is clean,” and the crowd went quiet."
    assert all(c.cue != "Said" for c in attributed(text))


def test_a_surname_that_is_a_preposition():
    c = only("The old coalition is gone, Max From said.")
    assert (c.source, c.cue, c.text) == ("Max From", "said", "The old coalition is gone")
    c = only("The old coalition is gone, said Max From, a pollster.")
    assert c.source == "Max From, a pollster"


def test_a_capitalised_preposition_in_a_title_is_no_surname():
    assert attributed("Letters From Home said little.") == []
