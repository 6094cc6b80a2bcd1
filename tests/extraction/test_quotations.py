"""Quotations: marks, quotations over several sentences and paragraphs, a quotation and its
speaker.
"""

import pytest

from claims.extraction import DIRECT, balanced_quotes, extract
from tests.extraction.checks import attributed, check_spans, only


def test_direct_quote_inverted():
    text = "“We have no money left for the pool,” the treasurer said."
    c = only(text)
    check_spans(text, c)
    assert c.kind == DIRECT
    assert c.text == "“We have no money left for the pool,”"
    assert c.source == "the treasurer"


def test_mixed_quote_counts_as_direct():
    c = only("The senator said the plan was “a gift to landlords” and would fail.")
    assert c.kind == DIRECT


def test_quote_over_several_sentences():
    text = (
        "“The river rose in one night. We lost the barn and two tractors. "
        "Nobody warned us,” said Ruth Hale, a farmer near the dam."
    )
    c = only(text)
    check_spans(text, c)
    assert c.kind == DIRECT
    assert c.start == 0
    assert c.text.endswith("Nobody warned us,”")
    assert c.source_name == "Ruth Hale"
    assert c.sentence_start <= c.start < c.end <= c.sentence_end


def test_quote_over_paragraphs_attributed_at_end():
    text = (
        "Residents gathered at the hall on Friday.\n"
        "“The water has been brown for a month.\n"
        "“We pay more than ever for it,” Jo Marsh said."
    )
    claims = [c for c in attributed(text) if c.kind == DIRECT]
    assert len(claims) == 1
    c = claims[0]
    check_spans(text, c)
    assert c.text.startswith("“The water")
    assert c.text.endswith("for it,”")
    assert c.source == "Jo Marsh"


def test_two_apostrophe_quotes_are_direct_and_continue():
    text = "''The road is closed,'' the sheriff said. ''Nobody goes up the hill tonight.''"
    c = only(text)
    assert c.kind == DIRECT
    assert c.source == "the sheriff"
    assert c.text.startswith("''The road")
    assert c.text.endswith("tonight.''")


def test_question_quote_then_speaker_sentence():
    # The sentence splitter ends a sentence after '?"' followed by a capital.
    text = '"Who will pay for the new roof?" Carla Mendes asked on Monday.'
    c = only(text)
    assert c.source == "Carla Mendes"
    assert c.text == '"Who will pay for the new roof?"'


def test_exclaimed_quote_not_taken_for_a_later_statement():
    text = '"Stop the vote!" the crowd chanted. Lena Ortiz said she had left early.'
    claims = attributed(text)
    lena = [c for c in claims if c.source == "Lena Ortiz"]
    assert len(lena) == 1
    assert lena[0].text.startswith("she had left")


def test_quotation_closed_by_comma_ends_the_content():
    text = 'The mayor said "the budget is balanced," but the deficit grew again in May.'
    c = only(text)
    assert c.text == '"the budget is balanced,"'


def test_partial_quote_running_into_the_next_sentence():
    text = 'The coach said the season "was a disaster. We will rebuild." Then he left.'
    c = only(text)
    assert c.text == 'the season "was a disaster. We will rebuild."'


def test_inverted_quote_after_a_colon_is_the_whole_content():
    text = 'In her talk she set out one rule: "Never skip the safety check," Lee said.'
    claims = [c for c in attributed(text) if c.cue == "said"]
    assert len(claims) == 1
    assert claims[0].text == '"Never skip the safety check,"'
    assert claims[0].source == "Lee"


def test_quotation_inside_an_appositive():
    text = 'Ann Ross, author of "Roads, Rails and Us," said the line should reopen.'
    c = only(text)
    assert c.source == 'Ann Ross, author of "Roads, Rails and Us,"'
    assert c.text.startswith("the line should reopen")


def test_quote_continues_past_a_participle_in_its_sentence():
    text = (
        '"We need the ferry," said Ms. Berg, referring to the night service. '
        '"Without it the island empties."'
    )
    c = [c for c in attributed(text) if c.cue == "said"][0]
    assert c.text.endswith('the island empties."')


def test_subject_followed_by_quote_is_not_an_inverted_source():
    text = "Senator Ida Moss, who chairs the panel, said Mr. Hale's letter “raised doubts” again."
    c = only(text)
    assert c.source == "Senator Ida Moss, who chairs the panel"
    assert c.text.startswith("Mr. Hale's letter")


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


def test_quotation_closed_by_a_full_stop_before_its_speaker():
    c = only('"We will win the state." Trump said.')
    assert (c.text, c.source) == ('"We will win the state."', "Trump")


def test_quotation_then_speaker_and_an_adjunct_keeps_only_the_quotation():
    c = only('"It is a mistake," Rubio said, in response to a question about farms.')
    assert c.text == '"It is a mistake,"'
    c = only('"It is a mistake," Rubio said, "and we will fix it."')
    assert c.text == '"It is a mistake," Rubio said, "and we will fix it."'


def test_quotation_then_speaker_verb_and_listener():
    c = only('"The mayor is not to blame, folks," Lee assured the crowd.')
    assert (c.text, c.source, c.cue) == ('"The mayor is not to blame, folks,"', "Lee", "assured")


def test_quotation_then_speaker_verb_and_a_pronoun_listener():
    c = only('"Close the gates before dark," the warden urged them.')
    assert (c.text, c.source, c.cue) == ('"Close the gates before dark,"', "the warden", "urged")
    c = only('"Close the gates," he urged us on Friday.')
    assert (c.text, c.source, c.cue) == ('"Close the gates,"', "he", "urged")


@pytest.mark.parametrize(
    "text",
    [
        '"Close the gates before dark," the warden urged the campers.',
        '"Close the gates before dark," the warden urged the campers on Friday.',
        '"Close the gates before dark," the warden warned the new campers.',
    ],
)
def test_a_noun_phrase_listener_after_a_quotation_leaves_the_quotation_its_content(text):
    c = only(text)
    assert (c.text, c.source) == ('"Close the gates before dark,"', "the warden")


def test_a_listener_asked_to_do_something_is_no_listener_of_the_quotation():
    c = only('"Sunset," the warden urged the campers to remember.')
    assert c.text == "the campers to remember."


def test_quotation_then_speaker_and_a_phrasal_verb():
    c = only("''The stock has not done well,'' Mr. Rubel pointed out.")
    assert (c.source, c.cue) == ("Mr. Rubel", "pointed out")
    c = only('"No way," she shot back.')
    assert (c.text, c.source, c.cue) == ('"No way,"', "she", "shot back")


def test_quotation_then_speaker_verb_and_an_adjunct_in_a_phrase():
    c = only('"The board hid the audit," Ortiz charged in his opening remarks.')
    assert (c.text, c.source, c.cue) == ('"The board hid the audit,"', "Ortiz", "charged")
    c = only('"Not so fast," Lee chimed in from the back row.')
    assert (c.source, c.cue) == ("Lee", "chimed in")


def test_quotation_goes_on_in_the_next_paragraph():
    text = '"The bridge is safe," the mayor said.\n\n"We checked every cable last spring."'
    said = [c for c in attributed(text) if c.cue == "said"][0]
    assert said.text.endswith('"We checked every cable last spring."')


def test_listener_after_a_quotation_is_not_the_content():
    c = only("“We have come a long way,” she told cheering volunteers in Ely on Monday.")
    assert c.source == "she"
    assert c.text == "“We have come a long way,”"


def test_listener_with_a_name_after_a_quotation_is_not_the_content():
    c = only("“The vote was rigged,” Lee told radio host Amy Dorn earlier this month.")
    assert c.text == "“The vote was rigged,”"


def test_a_quoted_programme_after_a_quotation_is_the_listener():
    text = "“The dam will hold,” Ida Park told “Coast at Noon,” adding that it was checked in May."
    claims = attributed(text)
    told = [c for c in claims if c.cue == "told"][0]
    assert told.text == "“The dam will hold,”"
    assert told.source == "Ida Park"
    c = only("“The dam will hold,” Ida Park told Tidewater Radio’s “Coast at Noon” on Friday.")
    assert c.text == "“The dam will hold,”"


def test_a_quoted_programme_before_that_is_the_listener():
    c = only("Ida Park told Tidewater Radio’s “Coast at Noon” that the dam will hold.")
    assert c.text == "that the dam will hold."
    assert c.cue == "told"


def test_quotation_continues_after_an_inverted_source():
    text = '"The risk," said Ed Lamb, an economist at the bank, "is that the jobs leave."'
    c = only(text)
    assert c.source == "Ed Lamb, an economist at the bank"
    assert c.text.startswith('"The risk,"')
    assert c.text.endswith('"is that the jobs leave."')


def test_anything_after_a_quotation_and_its_speaker_is_no_content():
    c = only("“I cannot believe how calm it has been,” Lee said 30 minutes into the debate.")
    assert c.text == "“I cannot believe how calm it has been,”"


def test_quotation_then_the_document_read():
    c = only("“The city should act now,” the editorial read.")
    assert c.source == "the editorial"
    assert c.text == "“The city should act now,”"


def test_contrast_after_a_quotation_closed_by_a_comma_is_the_reporters():
    c = only("Ms. Ortiz said the budget was “a disgrace,” but the council passed it anyway.")
    assert c.text == "the budget was “a disgrace,”"


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


def test_inverted_plain_speech_then_a_quotation_is_one_claim():
    c = only("The dam will hold, Ames said. “We checked every bolt.”")
    assert c.text == "The dam will hold, Ames said. “We checked every bolt.”"
    assert c.kind == "direct"


def test_quotation_then_speaker_and_adjunct_with_that_stays_inverted():
    c = only('"We will appeal," the firm said in a note that its lawyers sent.')
    assert c.text == '"We will appeal,"'


def test_quotation_continues_after_speaker_and_a_short_adjunct():
    text = (
        '"The rules are just so unfair" to renters, she said in an interview. '
        '"Nobody on the council has ever rented a flat in this town."'
    )
    c = only(text)
    assert c.text.endswith('rented a flat in this town."')
    assert c.source == "she"


def test_quotation_continues_over_a_few_lead_words_in_the_next_sentence():
    text = (
        "“It is not a done deal yet,” the mayor said after the meeting. But “the council "
        "has the votes, and everybody in this room knows it.”"
    )
    c = only(text)
    assert c.source == "the mayor"
    assert c.text.endswith("knows it.”")


def test_quotation_after_a_cue_in_the_next_sentence_is_its_own():
    text = "“It is not a done deal,” the mayor said. Her rival replied “it is done.”"
    claims = attributed(text)
    assert [c.cue for c in claims] == ["said", "replied"]


def test_what_someone_called_a_quotation():
    c = only("In 2009, under what Mr. Hedge called “the old model,” the club charged fees.")
    assert (c.source, c.cue, c.text) == ("Mr. Hedge", "called", "“the old model,”")


def test_a_quoted_predicate_keeps_its_subject():
    text = 'The party, held every four years, "allows us to get our message out," said Jo Lee.'
    assert only(text).text == (
        'The party, held every four years, "allows us to get our message out,"'
    )
    text = 'Whatever the result, "his chances are very slim," says Jo Lee, a professor.'
    assert only(text).text == '"his chances are very slim,"'


def test_any_cue_after_a_quotation_inverts_before_a_participle():
    text = '"My job is to protect the nomination," he vowed, adding he would work with the staff.'
    claims = attributed(text)
    assert [(c.cue, c.text) for c in claims] == [
        ("vowed", '"My job is to protect the nomination,"'),
        ("adding", "he would work with the staff."),
    ]


def test_an_s_verb_after_a_quotation_attributes_it():
    c = only('"Our ideas of success are different," agrees Ana Ruiz, 30, of Gainesville.')
    assert (c.cue, c.source) == ("agrees", "Ana Ruiz")
    assert attributed('Papers read his book, "Crippled City," for clues about his plans.') == []


def test_a_misprinted_closing_mark_closes_the_quotation():
    c = only("“The reality is that we could lose the state,“ said Jim Cole, a congressman.")
    assert (c.source, c.text) == (
        "Jim Cole, a congressman",
        "“The reality is that we could lose the state,“",
    )


def test_quotation_continues_before_a_non_breaking_space():
    text = "“So the fans feel fine,” he said. “It is a party, ‘we are all here.’”\xa0\nNext."
    c = attributed(text)[0]
    assert c.text.endswith("‘we are all here.’”")


def test_a_quotation_that_names_its_own_speaker_is_not_taken_by_a_lead_in():
    text = (
        "The mayor smiled as she replied.\n\n"
        "“Everybody agrees the bridge must be fixed,” Ames said. “Nobody agrees who pays.”"
    )
    claims = attributed(text)
    assert [(c.source, c.cue) for c in claims] == [("Ames", "said")]
    assert claims[0].text.endswith("“Nobody agrees who pays.”")


def test_two_apostrophes_closing_after_a_space():
    c = only("''The ferry will run all winter , '' said Captain Moss.")
    assert (c.text, c.source, c.cue) == (
        "''The ferry will run all winter , ''",
        "Captain Moss",
        "said",
    )


def test_three_apostrophes_close_a_quoted_phrase_and_the_quotation():
    text = "''I would call it 'old-school,''' said Gregory Slate, a port commissioner."
    c = only(text)
    assert c.text == "''I would call it 'old-school,'''"
    assert c.source == "Gregory Slate, a port commissioner"
    check_spans(text, c)


def test_three_apostrophes_then_the_speaker_and_more_quotation():
    text = (
        "''We are told, 'The harbour is a special case,''' Mayor Ito said. "
        "''It is not a special case.''"
    )
    c = only(text)
    assert c.source == "Mayor Ito"
    assert c.text.endswith("''It is not a special case.''")


def test_quotation_trailing_off_before_its_speaker_is_his():
    text = (
        'The interview turned to the shortlist. "Well, yes. I am going to look at a lot of '
        'different people…" Ms. Varga said. "A lumberjack?" the host repeated.'
    )
    said = [c for c in attributed(text) if c.cue == "said"]
    assert [(c.text, c.source) for c in said] == [
        ('"Well, yes. I am going to look at a lot of different people…"', "Ms. Varga")
    ]


def test_quotation_then_speaker_and_any_past_verb_before_a_clause_of_its_own():
    c = only("“Sit down, please,” Mayor Quill snapped and an usher led the heckler out.")
    assert (c.text, c.source, c.cue) == ("“Sit down, please,”", "Mayor Quill", "snapped")
    claims = attributed("“Sit down, please,” Mayor Quill snapped and walked out.")
    assert all(c.cue != "snapped" for c in claims)


def test_a_quotation_ending_in_a_quoted_question_before_its_speaker():
    text = "Ida Park met the crew. “Their answer was, ‘Who will pay?’” she told reporters."
    told = [c for c in attributed(text) if c.cue == "told"][0]
    assert told.text == "“Their answer was, ‘Who will pay?’”"
    assert told.source == "she"


def test_an_unattributed_quotation_cut_into_sentences_leaves_no_unpaired_marks():
    text = (
        "The hall was full. “The levee held for 40 years. Then the river rose two metres in a "
        "night. Nobody had planned for that.” The inquiry opens in May."
    )
    texts = [c.text for c in extract(text)]
    assert "The levee held for 40 years." in texts
    assert "Nobody had planned for that." in texts
    assert not any(t.count("“") != t.count("”") for t in texts)


def test_a_quotation_cut_by_a_line_break_leaves_no_unpaired_marks():
    text = "Ortiz said: “The pumps failed at 3 a.m.\nWe lost power to 800 homes.”"
    texts = [c.text for c in extract(text)]
    assert texts[0] == "The pumps failed at 3 a.m."
    assert texts[-1] == "We lost power to 800 homes."


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("”The dam is safe.", "The dam is safe."),
        ("The dam is safe. “", "The dam is safe."),
        ('"The dam is safe.', "The dam is safe."),
        ("‘The dam is safe.", "The dam is safe."),
        ("The dam is safe.’", "The dam is safe."),
        ("“The dam is safe,” he said.", "“The dam is safe,” he said."),
        (
            "“The dam is safe.\n“It was built in 1961.”",
            "“The dam is safe.\n“It was built in 1961.”",
        ),  # noqa: E501
        ("the Joneses’", "the Joneses’"),
        ("the ‘safe’ dam", "the ‘safe’ dam"),
    ],
)
def test_balanced_quotes_trims_only_marks_that_pair_with_nothing(span, kept):
    start, end = balanced_quotes(span, 0, len(span))
    assert span[start:end] == kept


@pytest.mark.parametrize(
    "span",
    [
        '"The dam is safe,”',
        "“The dam is safe,“",
        "the report called it “safe.“",
        '"safe" and sound',
        '"The dam is safe, "',
        "‘safe‘ and sound",
    ],
)
def test_misprinted_marks_still_pair(span):
    assert balanced_quotes(span, 0, len(span)) == (0, len(span))
