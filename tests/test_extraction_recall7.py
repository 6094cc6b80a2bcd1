"""Attribution rules added in extractor 1.7, on sentences written for these tests."""

from claims.extraction.sentences import split_sentences
from tests.attribution_checks import attributed, only


def test_relative_clause_inside_the_content_subject_does_not_end_it():
    text = "The mayor said the new buses - which run on batteries - will save the city money."
    assert only(text).text == ("the new buses - which run on batteries - will save the city money.")
    text = "Ms. Roe believes that the levy, which voters approved in May, has paid for itself."
    assert only(text).text == "that the levy, which voters approved in May, has paid for itself."


def test_relative_clause_after_the_content_is_still_the_reporters():
    c = only("The mayor said the buses were late, which angered riders for weeks.")
    assert c.text == "the buses were late"


def test_place_abbreviation_ends_a_sentence_before_a_quotation_or_an_opener():
    text = (
        '"They are wrong," said Jo Lee, a spokeswoman, in Santa Monica, Calif. '
        '"This is going to the convention."'
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        '"They are wrong," said Jo Lee, a spokeswoman, in Santa Monica, Calif.',
        '"This is going to the convention."',
    ]
    text = "He lives in Topeka, Kan. The farm is older. Sen. Roe and Gov. “Bud” Kern agreed."
    assert len(split_sentences(text)) == 3
    claim = only('"We will win," said Jo Lee of Macon, Ga. "The polls are wrong."')
    assert claim.text == '"We will win," said Jo Lee of Macon, Ga. "The polls are wrong."'


def test_quotation_continues_after_speaker_and_a_short_adjunct():
    text = (
        '"The rules are just so unfair" to renters, she said in an interview. '
        '"Nobody on the council has ever rented a flat in this town."'
    )
    c = only(text)
    assert c.text.endswith('rented a flat in this town."')
    assert c.source == "she"


def test_speaker_of_a_whole_quotation_wins_over_according_to_inside_it():
    text = (
        "“The deficit was 4 percent, according to the treasury. It is 6 now,” the Herald "
        "reported. “If the trend holds, it will be 8 percent by spring.”"
    )
    c = only(text)
    assert (c.source, c.cue) == ("the Herald", "reported")
    assert c.text.startswith("“The deficit") and c.text.endswith("by spring.”")


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


def test_content_opening_with_a_pronoun_is_a_clause():
    c = only("But she works on a different principle, the mayor said.")
    assert (c.source, c.text) == ("the mayor", "But she works on a different principle")


def test_possessive_name_after_a_preposition_is_not_a_contraction():
    c = only("A source familiar with Lee’s thinking said, “She will run again.”")
    assert c.source == "A source familiar with Lee’s thinking"
    assert c.text == "“She will run again.”"


def test_a_participle_cue_is_not_the_content_of_the_verb_before_it():
    c = only('The former governor continued, saying, "You need somebody who knows budgets."')
    assert (c.cue, c.source) == ("saying", "The former governor")


def test_subject_with_not_before_a_participle_or_preposition():
    c = only("Two officials not authorized to speak said the deal was close.")
    assert c.source == "Two officials not authorized to speak"
    c = only("A delegate not on the slate, Kim Ode, said she was leaning toward Cruz.")
    assert c.source == "A delegate not on the slate, Kim Ode"


def test_subject_with_a_longer_relative_clause():
    text = "Many of the leaders who’d rather be working on a campaign for Cruz said they’d go."
    assert only(text).source == "Many of the leaders who’d rather be working on a campaign for Cruz"


def test_and_before_a_name_after_a_common_noun_starts_a_new_clause():
    text = "The chief was copied on the emails and Ortiz said he had read them twice."
    c = only(text)
    assert (c.source, c.text) == ("Ortiz", "he had read them twice.")
    c = only("Lee and Ortiz said they had read the emails.")
    assert c.source == "Lee and Ortiz"


def test_labels_and_name_lists_after_a_colon_are_not_speakers():
    assert attributed("The Latest: Storm closes three schools in the valley.") == []
    assert attributed("Ohio: Ann Roe, Bo Lee, Cy Park, Di Ode, Ed Fay, Flo Gant.") == []
    c = only("The Latest: Mayor says the storm will close three schools.")
    assert (c.source, c.cue) == ("Mayor", "says")


def test_a_short_place_or_time_phrase_after_the_verb_is_not_a_content():
    assert attributed("Ann Lee reported from Los Angeles.") == []
    assert attributed("Cruz continued on Saturday, and the crowd cheered.") == []
    c = only("The mayor said in a statement that the bridge would reopen.")
    assert c.text == "that the bridge would reopen."


def test_found_as_establish_or_with_a_reflexive_is_not_a_cue():
    assert attributed("Nega helped found the movement in 2008.") == []
    assert attributed("After the ruling he found himself on the street.") == []
    assert only("The audit found that the fund had lost $2 million.").cue == "found"


def test_an_agent_phrase_after_a_participle_is_not_a_content():
    assert attributed("The SVP fought the changes proposed by the government in 2008.") == []


def test_adding_to_a_lead_is_not_speech():
    assert attributed("Lee won Ohio, adding to her lead over Roe in the South.") == []
    assert only("Lee won Ohio, adding that the South was next.").cue == "adding"


def test_reportedly_takes_the_clause_around_it():
    text = "With the mayor reportedly eyeing a run, a poll found that she would win."
    claims = attributed(text)
    assert [c.cue for c in claims] == ["reportedly", "found"]
    assert claims[0].text == "the mayor reportedly eyeing a run"
    c = only("Reportedly, he made the threats to co-workers in May.")
    assert c.text == "Reportedly, he made the threats to co-workers in May."
    assert only("Lee reportedly said the deal was off.").cue == "reportedly said"


def test_what_someone_called_a_quotation():
    c = only("In 2009, under what Mr. Hedge called “the old model,” the club charged fees.")
    assert (c.source, c.cue, c.text) == ("Mr. Hedge", "called", "“the old model,”")


def test_a_noun_with_a_that_clause_is_a_claim_without_source():
    c = only("Despite complaints that they are unfair, the rules stayed.")
    assert (c.cue, c.source, c.text) == ("complaints", None, "that they are unfair")
    c = only("There was no evidence that the fire had been set on purpose.")
    assert c.text == "that the fire had been set on purpose."


def test_a_relative_that_after_the_noun_or_a_verb_reading_is_not_one():
    assert attributed("It was a charge that the mayor has always denied.") == []
    c = only("The mayor promises that taxes will fall next year.")
    assert (c.cue, c.source) == ("promises", "The mayor")


def test_adamant_and_optimistic_take_a_that_clause():
    c = only("Lee was adamant that she would not resign.")
    assert (c.source, c.text) == ("Lee", "that she would not resign.")


def test_an_open_question_after_a_noun_and_preposition():
    c = only("The ruling raised new questions about whether the levy was legal.")
    assert (c.cue, c.source, c.text) == ("questions about", None, "whether the levy was legal.")


def test_a_concessive_aside_inside_a_noun_phrase_does_not_end_the_content():
    c = only("He said Lee could win traditionally blue, though culturally conservative, towns.")
    assert c.text == "Lee could win traditionally blue, though culturally conservative, towns."


def test_an_aside_right_after_that_does_not_end_the_content():
    c = only("Officials say that, even if they wanted one, a recount could not be done.")
    assert c.text == "that, even if they wanted one, a recount could not be done."


def test_passive_cue_keeps_a_long_reason_with_the_subject():
    c = only("The mayor has been criticized by rivals for failing to fix the roads in the north.")
    assert c.source == "rivals"
    assert c.text == (
        "The mayor has been criticized by rivals for failing to fix the roads in the north."
    )
    c = only("The statue was described as a gift, officials said.")
    assert c.cue == "said"


def test_with_or_of_after_the_verb_belongs_to_the_cue():
    c = only("The medical association agrees with Dr. Dean.")
    assert (c.cue, c.text) == ("agrees with", "Dr. Dean.")


def test_want_and_worry_after_a_singular_noun_are_verbs():
    c = only("Only about 4 in 10 voters in each state want the plant to close.")
    assert (c.cue, c.text) == ("want", "the plant to close.")
    assert only("Neither side wants a war over the islands.").source == "Neither side"


def test_a_survey_quantity_opens_a_weak_cues_subject():
    c = only("In each state, about a third of the voters want a switch to more liberal policies.")
    assert c.source == "about a third of the voters"


def test_whose_clause_and_must_in_subjects_and_contents():
    text = "The officials whose laws have been invalidated say the courts have changed."
    assert only(text).source == "The officials whose laws have been invalidated"
    c = only("Ana Ruiz, the ambassador from 2007 to 2013, said Mexico must answer the claims.")
    assert (c.source, c.text) == (
        "Ana Ruiz, the ambassador from 2007 to 2013",
        "Mexico must answer the claims.",
    )


def test_an_s_verb_after_this_or_an_adverb_makes_a_clause():
    c = only("This makes it hard to correct the record, he said.")
    assert (c.source, c.text) == ("he", "This makes it hard to correct the record")
    c = only("This includes a special unit, the defense secretary told a panel Wednesday.")
    assert c.source == "the defense secretary"


def test_a_participle_before_a_title_noun_is_no_cue():
    c = only('"I am proud of you," former policy planning director Ann Lee wrote in a message.')
    assert (c.cue, c.source) == ("wrote", "former policy planning director Ann Lee")


def test_a_quoted_predicate_keeps_its_subject():
    text = 'The party, held every four years, "allows us to get our message out," said Jo Lee.'
    assert only(text).text == (
        'The party, held every four years, "allows us to get our message out,"'
    )
    text = 'Whatever the result, "his chances are very slim," says Jo Lee, a professor.'
    assert only(text).text == '"his chances are very slim,"'


def test_a_noun_like_verb_before_a_possessive_is_a_verb():
    c = only("The candidate claims his fortune is larger than reported.")
    assert (c.source, c.cue) == ("The candidate", "claims")


def test_those_who_opens_a_subject():
    text = "Even those who have mapped out a path for Lee acknowledge that it is narrow."
    assert only(text).source.endswith("those who have mapped out a path for Lee")


def test_dotted_abbreviation_before_a_lower_case_word_is_one_token():
    c = only("Officials in the U.S. say the plan is dead.")
    assert c.source == "Officials in the U.S."
    assert attributed("The F.B.I. report on her email practices was released in July.") == []


def test_as_reported_by_opens_a_sentence():
    c = only("As first reported by the Herald, the agency closed the office in May.")
    assert (c.cue, c.source, c.text) == (
        "As first reported",
        "the Herald",
        "the agency closed the office in May.",
    )
    assert only("The meeting was first reported by the Herald.").text == "The meeting"


def test_a_participle_in_the_subject_stops_at_the_main_verb():
    text = "Democrats supporting Mrs. Lee have pointed to three senators as peacemakers."
    c = next(c for c in attributed(text) if c.cue == "supporting")
    assert (c.source, c.text) == ("Democrats", "Mrs. Lee")


def test_having_and_a_participle_open_the_sentence():
    c = only("Having announced that he would not jail me, Judge Roe handed down the sentence.")
    assert (c.cue, c.source, c.text) == (
        "Having announced",
        "Judge Roe",
        "that he would not jail me",
    )


def test_a_clause_ending_in_a_colon_introduces_a_quotation():
    c = only("The mayor leaned in and boomed: “We will rebuild this bridge.”")
    assert (c.source, c.text) == ("The mayor", "“We will rebuild this bridge.”")
    assert c.cue == "leaned in and boomed:"


def test_went_on_to_say_is_a_speech_cue():
    claims = attributed("Lee joked that Ely was his answer but went on to say, “Ely is bad.”")
    assert [(c.cue, c.source) for c in claims] == [("joked", "Lee"), ("went on to say", "Lee")]


def test_from_the_report_and_a_colon_introduce_a_quotation():
    c = only("From the report: “Samples with longer field periods were more accurate.”")
    assert (c.source, c.text) == (
        "the report",
        "“Samples with longer field periods were more accurate.”",
    )
    c = only("“The city has no plan,” the letter reads.")
    assert (c.source, c.cue) == ("the letter", "reads")


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


def test_a_claim_noun_after_a_past_verb_is_its_object():
    c = only("The ruling stoked speculation that the mayor might resign before May.")
    assert (c.cue, c.source, c.text) == (
        "speculation",
        None,
        "that the mayor might resign before May.",
    )


def test_willing_to_is_a_stance_cue():
    c = only("The mayor is willing to raise the levy next year.")
    assert (c.source, c.text) == ("The mayor", "to raise the levy next year.")


def test_quotation_continues_before_a_non_breaking_space():
    text = "“So the fans feel fine,” he said. “It is a party, ‘we are all here.’”\xa0\nNext."
    c = attributed(text)[0]
    assert c.text.endswith("‘we are all here.’”")
