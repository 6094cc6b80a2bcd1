"""Attribution rules added in extractor 1.6, on sentences written for these tests."""

from tests.attribution_checks import attributed, only


def test_fronted_phrase_then_said_on_a_day_that_reads_forward():
    text = "Before the vote on the levy, the school board said on Friday that it had cut 40 jobs."
    c = only(text)
    assert c.source == "the school board"
    assert c.text == "that it had cut 40 jobs."


def test_time_adjunct_between_cue_and_that_is_not_content():
    c = only("The mayor announced last week that the pool would close.")
    assert c.text == "that the pool would close."


def test_relative_that_after_an_adjunct_is_not_a_content_clause():
    c = only("The sewer will fail within a decade, the council said in a report that was brief.")
    assert c.cue == "said"
    assert c.text == "The sewer will fail within a decade"


def test_quotation_then_speaker_and_adjunct_with_that_stays_inverted():
    c = only('"We will appeal," the firm said in a note that its lawyers sent.')
    assert c.text == '"We will appeal,"'


def test_compound_verb_after_a_subject_with_a_participle_aside():
    text = "House Democrats, standing in the aisle, held the floor and said they would stay."
    c = only(text)
    assert c.source == "House Democrats"
    assert c.text == "they would stay."


def test_compound_verb_after_a_subject_with_a_relative_or_appositive_aside():
    c = only("Ida Park, who chairs the panel, stood up and said the dam would hold.")
    assert (c.source, c.text) == ("Ida Park", "the dam would hold.")
    c = only("Ida Park, the chair of the panel, stood up and argued that the dam would hold.")
    assert (c.source, c.text) == ("Ida Park", "that the dam would hold.")


def test_evidence_noun_with_a_complement_is_a_source():
    c = only("Pupils in the city took 112 tests before they left, a study by the council found.")
    assert c.source == "a study by the council"
    assert c.text == "Pupils in the city took 112 tests before they left"


def test_at_least_after_the_cue_opens_the_content():
    text = "Late on Friday, as the parade went by, the station reported at least six planes."
    c = only(text)
    assert c.text == "at least six planes."


def test_alleges_at_the_end_inverts():
    c = only("The county closed half of its polling places before the vote, the lawsuit alleges.")
    assert c.cue == "alleges"
    assert c.text == "The county closed half of its polling places before the vote"


def test_passive_relative_clause_with_an_agent():
    c = only("Voters were shaken by the fires, which were claimed by the rebel group.")
    assert (c.text, c.cue, c.source) == ("which", "were claimed", "the rebel group")


def test_a_feeling_about_something_is_the_subjects_view():
    c = only("Several member states are concerned about the new border deal.")
    assert (c.source, c.cue) == ("Several member states", "are concerned about")
    assert c.text == "the new border deal."


def test_object_relative_with_an_adjunct_is_the_pronoun():
    text = "Her win, which Ames conceded when the polls closed, surprised the party."
    claims = attributed(text)
    assert (claims[0].text, claims[0].source, claims[0].cue) == ("which", "Ames", "conceded")
    c = only("They looked to another mayor whom Ames mentioned later in his speech.")
    assert (c.text, c.source) == ("whom", "Ames")


def test_reduced_passive_with_an_agent_after_a_comma():
    c = only("The levy, opposed by the county board, never became law.")
    assert (c.text, c.cue, c.source) == ("The levy", "opposed", "the county board")


def test_subject_after_why():
    c = only("That is why critics say the dam was built too fast.")
    assert (c.source, c.text) == ("critics", "the dam was built too fast.")


def test_a_bare_verb_form_after_a_possessive_is_a_noun():
    claims = attributed("The row ended in the mayor’s tweet about the council.")
    assert [c.cue for c in claims] == []
    c = only("He’s said that the plan is dead.")
    assert (c.source, c.cue) == ("He", "’s said")


def test_so_far_is_not_the_source():
    c = only("The mayor so far hasn’t criticized the plan.")
    assert c.source == "The mayor"


def test_quantified_relative_pronoun_is_the_source():
    c = only("It angered the families, many of whom say the inquiry was a sham.")
    assert (c.source, c.cue, c.text) == ("many of whom", "say", "the inquiry was a sham.")


def test_evidence_subject_with_words_after_the_noun():
    c = only("A county poll out this week shows Lee with an 8-point lead over Ames.")
    assert c.cue == "shows"
    assert c.source.startswith("A county poll")
    assert c.text == "Lee with an 8-point lead over Ames."


def test_finds_after_an_evidence_subject_with_an_aside():
    c = only("The survey, conducted by a state institute, finds Lee with only a small lead.")
    assert (c.cue, c.source) == ("finds", "The survey, conducted by a state institute")
    assert attributed("Lee finds the plan absurd.") == []


def test_voting_and_point_making_phrases_are_cues():
    c = only("Ames voted against the levy in 2019.")
    assert (c.cue, c.source) == ("voted against", "Ames")
    assert c.text.startswith("the levy")
    c = only("The mayor has made no secret of her plans for the river.")
    assert c.cue == "has made no secret of"
    assert c.text.startswith("her plans")


def test_more_phrase_cues():
    c = only("The mayor stood by her decision to close the pool.")
    assert (c.cue, c.source) == ("stood by", "The mayor")
    c = only("Party leaders are wary of a long primary fight.")
    assert c.cue == "are wary of"
    assert c.text.startswith("a long primary fight")


def test_allows_and_fearing_are_cues():
    c = only("The new rule allows landlords to raise rents by 5 percent.")
    assert (c.cue, c.source) == ("allows", "The new rule")
    c = attributed("Fearing a recount, the campaign hired lawyers in three counties.")[0]
    assert (c.cue, c.text) == ("Fearing", "a recount")


def test_known_for_and_seen_as_read_like_seems():
    c = only("The governor is widely seen as a moderate.")
    assert (c.cue, c.source) == ("is widely seen as", None)
    assert c.text == "The governor is widely seen as a moderate."
    c = only("Ames is known for blunt talk on water rates.")
    assert c.cue == "is known for"


def test_a_new_clause_after_comma_and_is_the_reporters():
    c = only("Ames said the levy would pass, and the market did nothing all week.")
    assert c.text == "the levy would pass"
    c = only("Ames said the levy would pass, and then it would fund the schools.")
    assert c.text.endswith("fund the schools.")


def test_but_that_continues_the_content():
    c = only("Ames said that the levy had failed, but that the schools would stay open.")
    assert c.text == "that the levy had failed, but that the schools would stay open."


def test_long_place_adjunct_before_that():
    text = "Lee said Thursday at a town hall in Buffalo, New York, that the ban was wrong."
    c = only(text)
    assert c.text == "that the ban was wrong."


def test_transcript_turn_runs_to_the_paragraph_end():
    text = "HOST: Why not debate?\n\nLEE: The dates are set. We will not move them.\n\nHOST: Fine."
    c = [c for c in attributed(text) if c.source == "LEE"][0]
    assert c.text == "The dates are set. We will not move them."


def test_whose_clause_after_the_content_is_the_reporters():
    c = only("The council said it had hired twenty inspectors, whose reports will be public.")
    assert c.text == "it had hired twenty inspectors"


def test_evidence_and_pledge_verbs_take_a_clause_not_a_noun_phrase():
    c = only("The poll showed a dead heat, with Lee leading among older voters.")
    assert c.text == "a dead heat, with Lee leading among older voters."


def test_present_form_after_a_pronoun_before_that():
    c = only("She reckons that the levy will pass.")
    assert (c.source, c.cue, c.text) == ("She", "reckons", "that the levy will pass.")


def test_connectives_before_an_interrupting_speaker_are_not_content():
    c = only("And yet, the mayor's aides say, the bridge remains a priority for her.")
    assert c.text == "the bridge remains a priority for her."


def test_now_and_yet_belong_to_the_cue():
    c = only("Trump has not yet responded to the remarks.")
    assert (c.cue, c.text) == ("has not yet responded to", "the remarks.")
    c = only("The council now says the bridge is safe.")
    assert (c.source, c.cue) == ("The council", "now says")


def test_lower_case_modifier_before_a_plural_subject():
    c = only("For months, mainstream Republicans have hoped that his lead was a mirage.")
    assert c.source == "mainstream Republicans"


def test_i_think_at_the_end_inverts():
    c = only("The bridge will hold for another decade, I think.")
    assert (c.source, c.cue, c.text) == ("I", "think", "The bridge will hold for another decade")


def test_made_no_mention_of_is_a_cue():
    c = only("The mayor made no mention of the flood in her speech.")
    assert c.cue == "made no mention of"
    assert c.text.startswith("the flood")


def test_first_line_colon_headline_with_a_phrase_as_speaker():
    text = "Lee to the County Council: The bridge will hold.\n\nThe council met on Monday."
    c = attributed(text)[0]
    assert (c.source, c.cue, c.text) == ("Lee to the County Council", ":", "The bridge will hold.")
    later = "It rained.\nLee to the County Council: The bridge will hold."
    assert all(c.source != "Lee to the County Council" for c in attributed(later))


def test_would_like_is_a_wish():
    c = only("Most residents would like a new bridge over the river.")
    assert (c.source, c.cue) == ("Most residents", "would like")
    assert c.text.startswith("a new bridge")


def test_ing_forms_of_lexicon_verbs_are_cues():
    c = only("The city is demanding that the campaign stop using its logo.")
    assert (c.source, c.cue) == ("The city", "is demanding")
    assert c.text == "that the campaign stop using its logo."


def test_base_and_s_forms_of_lexicon_verbs_are_cues():
    c = only("Most farmers embrace the new water rules.")
    assert (c.source, c.cue) == ("Most farmers", "embrace")
    c = only("The mayor intends to run again in 2028.")
    assert (c.cue, c.text) == ("intends", "to run again in 2028.")


def test_credit_and_label_lines_are_not_speakers():
    text = "The council met on Monday.\n\nContributing: Jo Lee and Sam Ames.\n\nBYLINE: Ida Park."
    assert attributed(text) == []


def test_stance_verbs_are_weak_cues():
    c = only("The governor downplayed the risk of a second flood.")
    assert (c.source, c.cue) == ("The governor", "downplayed")
    c = only("Ames understands that the levy will fail.")
    assert c.text == "that the levy will fail."


def test_possessive_noun_then_copula_reports_a_view():
    c = only("Her answer was that the family matters most.")
    assert (c.source, c.cue, c.text) == ("Her", "answer was", "that the family matters most.")
    c = only("Ames’s main goal is to close the landfill by 2030.")
    assert (c.source, c.cue) == ("Ames", "’s main goal is")
    assert attributed("His car was red, and her dog was old.") == []


def test_possessive_copula_inside_a_quotation_leaves_the_quotation_whole():
    c = only('"My hope is that the bridge holds," Ames said.')
    assert (c.source, c.cue) == ("Ames", "said")


def test_more_phrase_cues_of_statement():
    c = only("The mayor pointed out that the bridge was forty years old.")
    assert (c.cue, c.text) == ("pointed out", "that the bridge was forty years old.")
    c = only("Ames took issue with the council's new budget.")
    assert c.cue == "took issue with"
    assert c.text.startswith("the council's new budget")


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


def test_urged_keeps_whom_it_urges_in_the_content():
    c = only("The mayor urged the council to act quickly.")
    assert c.text == "the council to act quickly."


def test_a_request_keeps_whom_it_asks():
    c = only("Elias has asked the Supreme Court to intervene.")
    assert c.text == "the Supreme Court to intervene."
    c = only("Lee told reporters that the levy had failed.")
    assert c.text == "that the levy had failed."


def test_short_aside_inside_the_content_is_kept():
    c = only("He also says the email scandal, while troublesome, was dealt with properly.")
    assert c.text == "the email scandal, while troublesome, was dealt with properly."
    c = only("Lee said the plan was dead, while Ames was in Ohio.")
    assert c.text == "the plan was dead"


def test_relative_that_after_a_listener_is_not_the_content():
    text = "We need real change, Sanders told a crowd at a bar that spilled onto the street."
    c = only(text)
    assert (c.source, c.text) == ("Sanders", "We need real change")
