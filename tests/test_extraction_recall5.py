"""Attribution rules added in extractor 1.5, on sentences written for these tests."""

from tests.attribution_checks import attributed, only


def test_participle_clause_after_the_content_is_the_reporters():
    c = only("The agency proposed to cut the quota, siding with a coalition of bakers and grocers.")
    assert c.cue == "proposed"
    assert c.text == "to cut the quota"


def test_participle_after_a_short_opener_is_kept():
    # "how, growing up, ..." is one content: a cut after one word would leave nothing
    c = only("Nadia Ross described how, growing up, she sold fruit at the market.")
    assert c.text.startswith("how, growing up")


def test_contrast_with_compared_ends_the_content():
    c = only("The mayor said fares rose by 4 percent, compared with 9 percent in the suburbs.")
    assert c.text == "fares rose by 4 percent"


def test_participle_after_a_quotation_closed_by_a_comma_is_a_second_attribution():
    claims = attributed(
        "Ms. Ortiz insisted that she had “rebuilt the whole department,” claiming that "
        "turnout had doubled."
    )
    assert [c.text for c in claims] == [
        "that she had “rebuilt the whole department,”",
        "that turnout had doubled.",
    ]
    assert claims[1].cue == "claiming"
    assert claims[1].source == "Ms. Ortiz"


def test_contrast_after_a_quotation_closed_by_a_comma_is_the_reporters():
    c = only("Ms. Ortiz said the budget was “a disgrace,” but the council passed it anyway.")
    assert c.text == "the budget was “a disgrace,”"


def test_quotation_closed_by_a_comma_then_an_opening_quote_is_not_a_participle():
    c = only("Ms. Ortiz said, “Running the city is hard work.”")
    assert c.text == "“Running the city is hard work.”"


def test_and_plus_any_past_speech_verb_starts_a_second_attribution():
    claims = attributed("Senator Ames condemned the ruling but praised the judges who wrote it.")
    assert [(c.cue, c.text) for c in claims] == [
        ("condemned", "the ruling"),
        ("praised", "the judges who wrote it."),
    ]
    assert {c.source for c in claims} == {"Senator Ames"}


def test_question_then_speaker_with_an_adjunct_clause_takes_the_question():
    c = only(
        "“Who do they think they are?” Ames said of the utility in March, when it raised "
        "prices again."
    )
    assert c.source == "Ames"
    assert c.text == "“Who do they think they are?”"


def test_question_then_speaker_then_a_quotation_is_not_taken_twice():
    claims = attributed("“Why now?” Ames asked. He added, “We were never told.”")
    assert [(c.cue, c.text) for c in claims] == [
        ("asked", "“Why now?”"),
        ("added", "“We were never told.”"),
    ]


def test_quotation_after_a_cue_is_not_a_speaker_quotation():
    # the first quotation belongs to "claimed"; the second speaker's content is after "said"
    claims = attributed(
        "Even as Ames claimed on Friday that “the audit cleared us,” one of the auditors said "
        "the audit was never finished."
    )
    assert claims[0].text.endswith("that “the audit cleared us,”")
    assert claims[1].text == "the audit was never finished."
    assert claims[1].source == "one of the auditors"


def test_programme_title_before_the_speaker_is_not_the_content():
    c = only("Speaking on Channel 4's “Tonight,” Ames said the port would close.")
    assert c.source == "Ames"
    assert c.text == "the port would close."


def test_opening_clause_then_speaker_then_quotation_takes_the_quotation():
    c = only("After the council voted the plan down, Ames said, “We will be back next year.”")
    assert c.source == "Ames"
    assert c.text == "“We will be back next year.”"


def test_opening_phrase_then_speaker_then_quotation_takes_the_quotation():
    c = only("At one point, Ames said, “We will be back next year.”")
    assert c.text == "“We will be back next year.”"


def test_subject_then_speaker_then_quotation_keeps_both_sides():
    c = only("The plan, Ames said, “is dead on arrival.”")
    assert c.text == "The plan, Ames said, “is dead on arrival.”"


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


def test_both_quotations_around_a_speaker_with_an_adjunct():
    c = only("“To be fair,” he said of the board, “nobody saw the storm coming. Nobody at all.”")
    assert (
        c.text
        == "“To be fair,” he said of the board, “nobody saw the storm coming. Nobody at all.”"
    )
    assert c.kind == "direct"


def test_title_after_the_adjunct_is_not_a_second_quotation():
    c = only("Ames said in his 2019 book, “River Town,” that the mill closed in 1981.")
    assert c.text.endswith("that the mill closed in 1981.")


def test_said_then_a_quotation_in_the_next_sentence_is_one_claim():
    c = only("Ames said he would not run again. “I have done my part. It is someone else's turn.”")
    assert c.text == ("he would not run again. “I have done my part. It is someone else's turn.”")
    assert c.kind == "direct"


def test_a_quotation_with_its_own_speaker_is_not_added():
    claims = attributed("Ames said he would not run. “It is over,” Lind said.")
    assert [c.text for c in claims] == ["he would not run.", "“It is over,”"]


def test_a_belief_is_not_continued_by_a_following_quotation():
    claims = attributed("Ames believes the tax is fair. “Nobody likes it,” a neighbour said.")
    assert claims[0].text == "the tax is fair."


def test_made_it_clear_is_a_cue():
    c = only("The governor made it clear that the budget would not be reopened.")
    assert c.cue == "made it clear"
    assert c.source == "The governor"
    assert c.text == "that the budget would not be reopened."


def test_spoke_about_and_took_aim_at_are_cues():
    claims = attributed("Ames spoke about the drought. Later, Lind took aim at the water board.")
    assert [(c.cue, c.text) for c in claims] == [
        ("spoke about", "the drought."),
        ("took aim at", "the water board."),
    ]


def test_as_x_put_it_is_a_cue():
    c = only("As one farmer put it, the river is the only bank they trust.")
    assert c.cue == "put it"
    assert c.source == "one farmer"
    assert c.text == "the river is the only bank they trust."


def test_issued_a_statement_saying_is_one_cue():
    c = only("The utility issued a statement saying the outage was caused by a storm.")
    assert c.cue == "issued a statement saying"
    assert c.text == "the outage was caused by a storm."


def test_a_fronted_clause_ends_at_the_main_clause():
    c = only("Although the union planned to strike on Monday, most drivers stayed home.")
    assert c.cue == "planned"
    assert c.text == "to strike on Monday"


def test_a_fronted_clause_keeps_a_list_in_its_content():
    c = only("When the mayor announced cuts to parks, libraries and pools, nobody objected.")
    assert c.text == "cuts to parks, libraries and pools"


def test_the_main_clause_cut_does_not_apply_to_a_reporting_parenthesis():
    c = only("As the paper reported, even if the vote passes, the plant will close.")
    assert c.text.endswith("the plant will close.")
