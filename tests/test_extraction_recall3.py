"""Attribution rules added in extractor 1.3, on sentences written for these tests."""

from tests.attribution_checks import attributed, only


def test_inverted_source_keeps_a_lower_case_title():
    c = only('"The river is rising," said Jo Lee, director of the Ely flood office.')
    assert c.source == "Jo Lee, director of the Ely flood office"
    assert c.text == '"The river is rising,"'


def test_inverted_source_keeps_an_age():
    c = only('"We lost the barn," said Ann Roe, 34.')
    assert c.source == "Ann Roe, 34"


def test_inverted_source_stops_before_a_participle():
    claims = attributed('"We lost the barn," said Ann Roe, adding that the insurer has not paid.')
    said = [c for c in claims if c.cue == "said"]
    assert said[0].source == "Ann Roe"


def test_subject_aside_is_not_part_of_the_source():
    c = only("Ms. Vance, wearing a red cape, said the count was wrong.")
    assert c.source == "Ms. Vance"
    c = only("The mayor, still weak from the flu, said the bridge was safe.")
    assert c.source == "The mayor"


def test_subject_relative_clause_stays_with_the_source():
    c = only("Ida Moss, who chairs the panel, said the budget was short.")
    assert c.source == "Ida Moss, who chairs the panel"


def test_contrast_after_a_reported_clause_is_the_writers():
    claims = attributed("The mayor said the bridge was safe, but engineers found new cracks.")
    said = [c for c in claims if c.cue == "said"]
    assert said[0].text == "the bridge was safe"


def test_contrast_inside_a_quotation_stays_in_the_content():
    c = only('The mayor said "the bridge is safe, but old" on Monday.')
    assert "but old" in c.text


def test_according_to_after_a_speakers_clause_covers_only_what_follows():
    text = (
        "Officials confirmed that the mayor met the contractor, but no deal has been signed, "
        "according to the Ely Courier."
    )
    claims = attributed(text)
    by_cue = {c.cue: c for c in claims}
    assert by_cue["confirmed"].text == "that the mayor met the contractor"
    assert by_cue["confirmed"].source == "Officials"
    assert by_cue["according to"].text == "but no deal has been signed"
    assert by_cue["according to"].source == "the Ely Courier"


def test_long_interruption_keeps_the_longer_quotation():
    text = (
        '"It is true," the mayor said at a packed meeting in the old town hall on Tuesday, '
        "recalling the long dispute over the flood wall that divided the council for years. "
        '"We should have built the wall ten years ago, and every councillor knows it now."'
    )
    said = [c for c in attributed(text) if c.cue == "said"]
    assert said[0].text == (
        '"We should have built the wall ten years ago, and every councillor knows it now."'
    )


def test_short_interruption_keeps_both_quotations():
    text = '"It is true," the mayor said. "We should have built the wall ten years ago."'
    said = [c for c in attributed(text) if c.cue == "said"]
    assert said[0].text == text


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


def test_noun_phrase_content_goes_on_over_a_list_or_a_date():
    c = only("The council proposed a levy on all fuels, including diesel and petrol.")
    assert c.text == "a levy on all fuels, including diesel and petrol."
    c = only("The mayor invoked the floods of March 3, 1998, in her speech.")
    assert c.text.startswith("the floods of March 3, 1998")


def test_speech_verb_after_to_takes_the_subject_of_the_verb_before():
    c = only("Ms. Lee took to Twitter to say the count was rigged.")
    assert (c.source, c.cue, c.text) == (
        "Ms. Lee",
        "took to Twitter to say",
        "the count was rigged.",
    )
    c = only("He went on to tell reporters that the plan had failed.")
    assert (c.source, c.cue, c.text) == ("He", "went on to tell", "that the plan had failed.")


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


def test_which_opening_a_relative_clause_is_the_source():
    claims = attributed("The council issued a report, which found that the bridge was unsafe.")
    found = [c for c in claims if c.cue == "found"]
    assert found[0].source == "which"
    assert found[0].text.startswith("that the bridge was unsafe")


def test_participle_after_a_subordinator_takes_the_main_subject():
    c = only("After blasting the report on Monday, Ms. Lee left the room.")
    assert (c.text, c.source, c.cue) == ("the report on Monday", "Ms. Lee", "blasting")
    claims = attributed("The mayor agreed to the plan, while saying that it would cost too much.")
    saying = [c for c in claims if c.cue == "saying"][0]
    assert (saying.source, saying.text) == ("The mayor", "that it would cost too much.")


def test_inverted_cue_followed_by_an_adverb_or_a_place():
    c = only('"I would not discount it," Mr. Kaplan, a screenwriter, said dryly.')
    assert (c.text, c.source) == ('"I would not discount it,"', "Mr. Kaplan, a screenwriter")
    c = only('"The world applauded," Mr. Lou told a news briefing near the end of the day.')
    assert (c.text, c.source) == ('"The world applauded,"', "Mr. Lou")


def test_preposition_after_a_cue_verb_belongs_to_the_cue():
    c = only("The governor agreed with the mayor.")
    assert (c.cue, c.text) == ("agreed with", "the mayor.")
    c = only("The senator apologized for the remarks.")
    assert (c.cue, c.text) == ("apologized for", "the remarks.")


def test_long_listener_runs_to_that():
    c = only("The candidate told customers at a diner in Manchester that the plant would stay.")
    assert c.text == "that the plant would stay."


def test_inverted_source_apposition_may_hold_a_quotation():
    c = only(
        '"It was shameful," said Ann Roe, 34, a plaintiff who waited in an "extremely long line" '
        "for hours."
    )
    assert c.source.startswith("Ann Roe, 34, a plaintiff")
    assert c.text == '"It was shameful,"'


def test_quotation_then_speaker_and_any_past_verb():
    c = only("Christie gave a one-word answer. “Denver,” he answered.")
    assert (c.text, c.source, c.cue) == ("“Denver,”", "he", "answered")
    c = only("“Is this the end?” murmured Ms. Lee.")
    assert (c.text, c.source, c.cue) == ("“Is this the end?”", "Ms. Lee", "murmured")


def test_exclaimed_quotation_before_a_speaker_and_a_participle():
    c = only('"All the way!" Dawson shouted, waving a sign.')
    assert (c.text, c.source, c.cue) == ('"All the way!"', "Dawson", "shouted")


def test_a_quotation_before_a_name_and_a_verb_with_an_object_is_not_attributed():
    assert attributed('"The Denver," Lee painted the fence.') == []


def test_subject_relative_clause_that_reports_is_not_part_of_the_source():
    claims = attributed(
        "Ida Moss, who said in May that the budget was short, added that it was late."
    )
    added = [c for c in claims if c.cue == "added"][0]
    assert added.source == "Ida Moss"


def test_quotation_closed_by_a_full_stop_before_its_speaker():
    c = only('"We will win the state." Trump said.')
    assert (c.text, c.source) == ('"We will win the state."', "Trump")


def test_quotation_then_speaker_and_an_adjunct_keeps_only_the_quotation():
    c = only('"It is a mistake," Rubio said, in response to a question about farms.')
    assert c.text == '"It is a mistake,"'
    c = only('"It is a mistake," Rubio said, "and we will fix it."')
    assert c.text == '"It is a mistake," Rubio said, "and we will fix it."'


def test_participle_takes_the_subject_of_the_first_verb_after_an_opening_phrase():
    c = only(
        "Here in Columbia, Sanders stepped up his emphasis on justice, saying the day must come."
    )
    assert (c.source, c.cue, c.text) == ("Sanders", "saying", "the day must come.")
    c = only("Both parents stiffened their denunciation of the mayor, saying he lacked character.")
    assert c.source == "Both parents"


def test_subject_with_a_long_apposition():
    c = only(
        "Rich Lee, a top county party operative who played a major role in the mayor's big win "
        "in 2008 and is now running the early-vote effort in the state, said that it works."
    )
    assert c.source.startswith("Rich Lee, a top county party operative")
    assert c.text == "that it works."


def test_weak_cue_subject_opening_with_a_possessive_or_quantifier():
    c = only("His aides support the new bridge.")
    assert (c.source, c.text) == ("His aides", "the new bridge.")
    c = only("Both parties oppose the levy.")
    assert c.source == "Both parties"


def test_quotation_then_speaker_verb_and_listener():
    c = only('"The mayor is not to blame, folks," Lee assured the crowd.')
    assert (c.text, c.source, c.cue) == ('"The mayor is not to blame, folks,"', "Lee", "assured")


def test_coordinated_noun_phrases_are_one_source():
    c = only("Many experts and some lawmakers say the plan will fail.")
    assert c.source == "Many experts and some lawmakers"
    claims = attributed("The mayor closed the road and officials said it was unsafe.")
    said = [c for c in claims if c.cue == "said"][0]
    assert said.source == "officials"


def test_a_newspaper_name_in_capitals_is_not_a_time():
    c = only("The plan will fail, USA TODAY reported last month.")
    assert c.source == "USA TODAY"


def test_according_to_source_keeps_its_relative_clause():
    c = only(
        "The new bridge over the river will fail within a decade, according to Jo Lee, who "
        "advised the county on its budget."
    )
    assert c.text == "The new bridge over the river will fail within a decade"
    assert c.source == "Jo Lee, who advised the county on its budget"


def test_time_phrase_between_subject_and_cue_is_not_the_source():
    c = only("Reince Priebus, the party chairman, this past week announced a new website.")
    assert c.source == "Reince Priebus, the party chairman"
    c = only("Lee last month said the plan was dead.")
    assert (c.source, c.text) == ("Lee", "the plan was dead.")


def test_quotation_then_speaker_and_a_phrasal_verb():
    c = only("''The stock has not done well,'' Mr. Rubel pointed out.")
    assert (c.source, c.cue) == ("Mr. Rubel", "pointed out")
    c = only('"No way," she shot back.')
    assert (c.text, c.source, c.cue) == ('"No way,"', "she", "shot back")


def test_when_asked_the_question_is_its_own_attribution():
    claims = attributed('"Absolutely," he said when asked by a reporter if that remains his view.')
    asked = [c for c in claims if c.cue == "asked"][0]
    assert (asked.text, asked.source) == ("if that remains his view.", "a reporter")
    said = [c for c in claims if c.cue == "said"][0]
    assert said.text == '"Absolutely,"'


def test_title_case_line_inside_an_article_is_read_as_a_headline():
    text = "The vote was close.\n\nMayor Responds To Critics Of The Bridge Plan.\n\nMore follows."
    c = [c for c in attributed(text) if c.cue.lower().startswith("responds")][0]
    assert c.source == "Mayor"


def test_quotation_goes_on_in_the_next_paragraph():
    text = '"The bridge is safe," the mayor said.\n\n"We checked every cable last spring."'
    said = [c for c in attributed(text) if c.cue == "said"][0]
    assert said.text.endswith('"We checked every cable last spring."')
