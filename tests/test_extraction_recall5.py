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


def test_a_fronted_clause_before_said_monday_that_reads_forward():
    claims = attributed(
        "While farmers have voiced doubts about the dam, many said Monday that the vote "
        "would settle it."
    )
    said = [c for c in claims if c.cue == "said"]
    assert said and said[0].source == "many"
    assert said[0].text.endswith("that the vote would settle it.")


def test_made_clear_after_and_starts_a_second_attribution():
    claims = attributed("Ames continued to question the audit and made clear that he would appeal.")
    assert [c.cue for c in claims] == ["continued", "made clear"]
    assert claims[1].text == "that he would appeal."


def test_a_possessive_before_an_s_word_is_a_noun_phrase():
    c = only("The council has responded with fines, including Friday’s warnings to landlords.")
    assert c.cue.startswith("has responded")


def test_object_relative_takes_the_pronoun():
    c = only("The rate would drop to 10 percent, which Senator Ames opposed.")
    assert c.source == "Senator Ames"
    assert c.text == "which"


def test_subject_relative_still_takes_the_rest_of_the_clause():
    c = only("The rule, which critics said was unfair, passed.")
    assert c.text == "was unfair"


def test_inverted_plain_speech_then_a_quotation_is_one_claim():
    c = only("The dam will hold, Ames said. “We checked every bolt.”")
    assert c.text == "The dam will hold, Ames said. “We checked every bolt.”"
    assert c.kind == "direct"


def test_contracted_pronoun_subject():
    c = only("Ames is trying to recover, and he’s hoping the endorsement will help.")
    assert c.source == "he"
    assert c.cue == "’s hoping"


def test_officials_here_say():
    c = only("Officials here say the border will reopen.")
    assert c.source == "Officials here"
    assert c.text == "the border will reopen."


def test_adverb_before_a_noun_like_cue_makes_it_a_verb():
    c = only("Ames similarly blasts free trade.")
    assert c.cue == "similarly blasts"
    assert c.text == "free trade."


def test_is_planning_after_an_apposition_is_the_subjects_verb():
    c = only("The group, funded by three donors, is planning to run an advertisement.")
    assert c.source == "The group, funded by three donors"
    assert c.cue == "is planning"


def test_relative_that_clause_stays_in_the_subject():
    c = only("A study that appeared in a journal found that the drug works.")
    assert c.source == "A study that appeared in a journal"
    assert c.text == "that the drug works."


def test_block_quotation_after_a_colon():
    text = (
        "Ames added:\n\nWe will not leave this valley. Nobody will make us.\n\nThe vote is today."
    )
    c = only(text)
    assert c.text == "We will not leave this valley. Nobody will make us."


def test_inversion_with_an_unknown_verb_before_the_comma():
    c = only("Costs rise every winter, says Ida Park.")
    assert c.source == "Ida Park"
    assert c.text == "Costs rise every winter"


def test_name_with_apposition_then_said_is_still_forward():
    c = only("Jo Lee, a nurse, said Monday her worry is the cost.")
    assert c.source == "Jo Lee, a nurse"


def test_reporters_appositive_at_the_end_is_not_content():
    c = only("The mayor said the levy should be scrapped, a move the council rejected.")
    assert c.text == "the levy should be scrapped"


def test_opening_participle_phrase_before_an_inverted_content():
    c = only("Leaving the meeting, the minister looked tired, Ames said.")
    assert c.text == "the minister looked tired"


def test_questioned_inverts():
    c = only("“What changed his mind?” Ames questioned.")
    assert c.text == "“What changed his mind?”"


def test_opening_participle_cue_takes_the_main_subject_as_source():
    claims = attributed("Noting that the dam had held, Ames praised the engineers.")
    assert (claims[0].cue, claims[0].source, claims[0].text) == (
        "Noting",
        "Ames",
        "that the dam had held",
    )


def test_opening_participle_with_a_quotation():
    claims = attributed("Citing “urgent repairs,” the spokeswoman said the bridge would close.")
    assert claims[0].cue == "Citing"
    assert claims[0].text == "“urgent repairs,”"
    assert claims[0].source == "the spokeswoman"


def test_asked_with_an_adjunct_before_the_question():
    claims = attributed("Asked at a briefing Monday about the dam, the mayor said it would hold.")
    assert (claims[0].cue, claims[0].text) == ("Asked", "about the dam")
    assert claims[1].text == "it would hold."


def test_asked_by_a_host_takes_the_host_as_the_source():
    c = only("Ames was asked by host Jo Lee whether the plan would survive.")
    assert c.source == "host Jo Lee"
    assert c.text == "whether the plan would survive."


def test_where_it_was_said_ends_a_noun_phrase_content():
    c = only("The governor blamed the utility on Twitter before the hearing.")
    assert c.text == "the utility"


def test_where_it_was_said_with_that_goes_on():
    c = only("The governor praised the plan in a statement that called it overdue.")
    assert c.text.startswith("the plan in a statement that")


def test_time_phrase_ending_a_noun_phrase_content():
    c = only("The union endorsed Ames last week.")
    assert c.text == "Ames"


def test_a_list_at_the_end_of_a_noun_phrase_content_is_kept():
    c = only("One of the doctors called the treatment useless, costly and cruel.")
    assert c.text == "the treatment useless, costly and cruel."


def test_credit_line_is_not_an_attribution():
    assert attributed("(Reporting by Ida Park; additional reporting by Jo Lee)") == []


def test_think_tank_is_a_noun():
    assert attributed("She is a fellow at a liberal think tank in Washington.") == []


def test_evidence_noun_with_a_phrase_shows():
    c = only("Video of the arrest shows the man with his hands raised.")
    assert c.source == "Video of the arrest"
    assert c.text == "the man with his hands raised."


def test_announced_inverts():
    c = only("The plant will close in May, a spokesman announced Monday.")
    assert c.source == "a spokesman"
    assert c.text == "The plant will close in May"


def test_a_cue_inside_an_opening_phrase_ends_at_its_comma():
    claims = attributed(
        "In a statement announcing the pick, the union called the senator a champion of workers."
    )
    assert (claims[0].cue, claims[0].text) == ("announcing", "the pick")
    assert claims[1].cue == "called"


def test_a_weekday_after_the_is_not_a_time_phrase():
    c = only("Ames has not mentioned the dam since the Monday night meeting.")
    assert c.text.endswith("since the Monday night meeting.")


def test_an_opening_participle_with_a_preposition_has_no_content():
    claims = attributed("Writing for the Gazette, Ida Park said the dam would hold.")
    assert [c.cue for c in claims] == ["said"]


def test_interrupted_inversion_with_an_adjunct_keeps_both_sides():
    c = only("The plan, Lee said in May, would cost more than the bridge.")
    assert c.source == "Lee"
    assert c.text == "The plan, Lee said in May, would cost more than the bridge."


def test_interrupted_inversion_with_a_time_adjunct():
    c = only("These workers, Ames explained earlier in the hearing, were well paid.")
    assert c.text.startswith("These workers")
    assert c.text.endswith("were well paid.")
