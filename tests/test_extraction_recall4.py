"""Attribution rules added in extractor 1.4, on sentences written for these tests."""

from tests.attribution_checks import attributed, only


def test_subject_with_apposition_then_said_is_forward_not_inverted():
    c = only("Ada Quill, a hydrologist at the state university, said Monday the levee will hold.")
    assert c.source == "Ada Quill, a hydrologist at the state university"
    assert c.text.startswith("Monday the levee will hold") or c.text.startswith("the levee")


def test_apposition_with_relative_clause_is_still_a_subject():
    c = only("Bo Lind, a farmer who organized the petition, said the water tasted of diesel.")
    assert c.source.startswith("Bo Lind")
    assert c.text == "the water tasted of diesel."


def test_interrupted_inversion_keeps_both_sides():
    c = only("The contrast with last year, said Ida Park, would be obvious to any visitor.")
    assert c.source == "Ida Park"
    assert c.text.startswith("The contrast with last year")
    assert c.text.endswith("would be obvious to any visitor.")


def test_real_inversion_with_a_clause_before_still_works():
    c = only("The bridge will reopen in May, said Ida Park, the city engineer.")
    assert c.source == "Ida Park, the city engineer"
    assert c.text == "The bridge will reopen in May"


def test_listener_after_a_quotation_is_not_the_content():
    c = only("“We have come a long way,” she told cheering volunteers in Ely on Monday.")
    assert c.source == "she"
    assert c.text == "“We have come a long way,”"


def test_listener_with_a_name_after_a_quotation_is_not_the_content():
    c = only("“The vote was rigged,” Lee told radio host Amy Dorn earlier this month.")
    assert c.text == "“The vote was rigged,”"


def test_evidence_noun_after_the_content():
    c = only("More than half of the money arrived in March, new filings show.")
    assert c.source == "new filings"
    assert c.cue == "show"
    assert c.text == "More than half of the money arrived in March"


def test_evidence_noun_as_forward_subject():
    c = only("New county records show the mill paid no tax in 2019.")
    assert c.source == "New county records"
    assert c.text.startswith("the mill paid no tax")


def test_in_the_poll_opening_makes_the_poll_the_source():
    c = only("In the latest county survey, 61 percent of residents back the new tram line.")
    assert c.source == "the latest county survey"
    assert c.cue == "In"
    assert c.text.startswith("61 percent of residents")


def test_in_the_poll_with_a_participle_apposition():
    c = only("In the new Harbor poll, conducted May 2-4, most voters would pay the toll.")
    assert c.source == "the new Harbor poll, conducted May 2-4"
    assert c.text.startswith("most voters would pay")


def test_in_a_phrase_without_evidence_is_not_an_attribution():
    assert attributed("In the old town hall, 61 people waited for the mayor.") == []


def test_name_and_colon_introduce_a_quotation():
    c = only("The river had risen again - more from Ida Park: “We have never seen it this high.”")
    assert c.source == "Ida Park"
    assert c.cue == ":"
    assert c.text == "“We have never seen it this high.”"


def test_opening_phrase_before_the_subject_is_not_the_content():
    c = only("During the two-hour service, the pastor asked the congregation to stand in silence.")
    assert c.source == "the pastor"
    assert "service" not in c.text
    c = only("During a town meeting in Ely, Ohio, Lee told reporters that the tax plan was dead.")
    assert c.source == "Lee"
    assert c.text == "that the tax plan was dead."


def test_adverb_between_cue_and_quotation_is_skipped():
    c = only("Lee replied evenly, “Nobody here is hiding anything.”")
    assert c.text == "“Nobody here is hiding anything.”"
    c = only("As Ida Park pointed out in May, “the canal has never flooded.”")
    assert c.text == "“the canal has never flooded.”"


def test_parenthetical_after_the_cue_is_skipped():
    c = only("Lee described, in unusually blunt terms, a budget that left the clinic unfunded.")
    assert c.text.startswith("a budget that left")


def test_negated_auxiliary_is_part_of_the_cue():
    c = only("Ida Park hasn't said whether she will run again.")
    assert c.source == "Ida Park"
    assert c.cue == "hasn't said"
    c = only("I don’t believe the numbers add up.")
    assert c.source == "I"


def test_told_delegates_is_a_speech_verb():
    c = only(
        "Lee, the only candidate to visit the county, told delegates that their votes mattered."
    )
    assert c.source.startswith("Lee")
    assert c.text == "that their votes mattered."


def test_infinitive_with_particle_after_an_adjective():
    c = only("Ida Park was quick to point out that the audit found no fraud.")
    assert c.source == "Ida Park"
    assert c.text == "that the audit found no fraud."


def test_colon_after_a_speech_phrase_takes_the_next_quotation():
    text = "In a release, the committee said of its new platform:\n\n“It goes further than ever.”"
    claims = [c for c in attributed(text) if c.cue == "said"]
    assert claims[0].source == "the committee"
    assert claims[0].text == "“It goes further than ever.”"


def test_new_stance_words():
    c = only("Ida Park is confident that the levee will hold.")
    assert c.source == "Ida Park"
    assert c.text == "that the levee will hold."
    c = only("The memo lists three reasons for closing the clinic.")
    assert c.source == "The memo"


def test_lower_case_plural_subject_of_a_belief():
    c = only("Based on county data, campaigners believe that 900 families lost their homes.")
    assert c.source == "campaigners"
    assert c.text == "that 900 families lost their homes."


def test_any_past_verb_before_that_is_a_cue():
    c = only("The mayor clarified that the curfew ends at midnight.")
    assert c.source == "The mayor"
    assert c.cue == "clarified"
    assert c.text == "that the curfew ends at midnight."


def test_reporters_clause_after_a_comma_is_not_content():
    c = only("Lee said the road would reopen, after crews finished the bridge.")
    assert c.text == "the road would reopen"


def test_second_speaker_inside_a_content_is_a_sibling():
    text = "Lee said the dam was safe, but one of the engineers said the cracks were growing."
    claims = attributed(text)
    assert [c.source for c in claims] == ["Lee", "one of the engineers"]
    assert claims[0].text == "the dam was safe"
    assert claims[1].text == "the cracks were growing."


def test_second_speaker_after_and_is_a_sibling():
    claims = attributed(
        "The mayor said the road was closed and county officials said it would reopen."
    )
    assert [c.source for c in claims] == ["The mayor", "county officials"]
    assert claims[0].text == "the road was closed"


def test_quotation_continues_after_an_inverted_source():
    text = '"The risk," said Ed Lamb, an economist at the bank, "is that the jobs leave."'
    c = only(text)
    assert c.source == "Ed Lamb, an economist at the bank"
    assert c.text.startswith('"The risk,"')
    assert c.text.endswith('"is that the jobs leave."')


def test_agent_after_a_passive_cue_is_not_content():
    assert [c.text for c in attributed("Lee was asked by the host.")] == []


def test_question_and_answer_labels_are_not_sources():
    assert attributed("Q: Is the bridge safe?") == []


def test_noun_after_a_verb_of_expressing_belongs_to_the_cue():
    c = only("Lee expressed his condolences over the flooding in Ely.")
    assert c.cue == "expressed his condolences over"
    assert c.text == "the flooding in Ely."
    c = only("Lee voiced skepticism that the levee would hold.")
    assert c.text == "that the levee would hold."


def test_question_after_asked_is_not_a_listener():
    c = only("Lee was asked whether she was worried that the mill could close.")
    assert c.text == "whether she was worried that the mill could close."


def test_anything_after_a_quotation_and_its_speaker_is_no_content():
    c = only("“I cannot believe how calm it has been,” Lee said 30 minutes into the debate.")
    assert c.text == "“I cannot believe how calm it has been,”"


def test_dashed_aside_after_the_cue_is_skipped():
    c = only("Lee said — on the radio, as it happens — that the plant raised $4 million.")
    assert c.text == "that the plant raised $4 million."


def test_evidence_noun_with_a_participle():
    claims = attributed(
        "The council met again, with new polls showing the mayor trailing her rival."
    )
    c = [c for c in claims if c.cue == "showing"][0]
    assert c.source == "new polls"
    assert c.text.startswith("the mayor trailing her rival")


def test_quotation_then_the_document_read():
    c = only("“The city should act now,” the editorial read.")
    assert c.source == "the editorial"
    assert c.text == "“The city should act now,”"


def test_headline_name_and_cue_verb():
    text = "Ida Park slams county budget plan.\n\nThe council meets on Monday."
    c = only(text)
    assert c.source == "Ida Park"
    assert c.cue == "slams"
    assert c.text.startswith("county budget plan")


def test_noun_like_cue_after_a_plural_subject():
    c = only("A growing number of county senators support reforming the tax code.")
    assert c.source == "A growing number of county senators"
    assert c.text.startswith("reforming the tax code")


def test_in_someones_view_opens_an_attribution():
    c = only("In their view, the council could still save the clinic.")
    assert c.source == "their"
    assert c.cue == "view"
    assert c.text.startswith("the council could still save")


def test_noun_like_cue_after_an_apposition():
    c = only(
        "Mr. Lee, a career politician who is running again, hopes the county will forgive him."
    )
    assert c.source.startswith("Mr. Lee")
    assert c.text.startswith("the county will forgive him")


def test_inverted_source_ends_at_a_dash():
    text = (
        "“He set a standard,” said Dino Moss, who runs the Fifth Gym — which still hosts a class."
    )
    c = only(text)
    assert c.source == "Dino Moss, who runs the Fifth Gym"
    assert c.text == "“He set a standard,”"


def test_a_lone_time_word_is_no_content():
    assert attributed("The mayor said Tuesday.") == []


def test_sentence_ending_at_an_evidence_participle_keeps_the_article():
    text = "Ida Park said the dam was safe. The council met again with new polls showing"
    claims = attributed(text)
    assert [c.source for c in claims] == ["Ida Park"]
