"""Attribution rules added for recall (extractor 1.1), on sentences written for these tests."""

from claims.extraction import DIRECT
from tests.attribution_checks import attributed, only


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


def test_subject_with_party_in_parentheses():
    c = only("Senator Ann Ruiz (D-Maine) said the base would stay open.")
    assert c.source == "Senator Ann Ruiz (D-Maine)"
    assert c.text.startswith("the base would stay open")


def test_long_appositive_with_and_and_parentheses():
    text = (
        "Omar Lake, a teacher and union steward at the largest school (in the east of the "
        "county), said the strike vote was close."
    )
    c = only(text)
    assert c.source.startswith("Omar Lake, a teacher and union steward")
    assert c.text.startswith("the strike vote was close")


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


def test_compound_predicate_declined_but_said():
    claims = attributed("The minister declined to comment but said the review was nearly done.")
    assert [c.cue for c in claims] == ["declined", "said"]
    assert claims[0].text == "to comment"
    assert claims[1].source == "The minister"
    assert claims[1].text.startswith("the review was nearly done")


def test_compound_predicate_first_verb_not_a_cue():
    text = "But the district court disagreed and said the county had enough polling places."
    c = only(text)
    assert c.source == "the district court"
    assert c.cue == "said"
    assert c.text.startswith("the county had enough")


def test_brand_as_a_noun_is_not_a_cue():
    text = "The designer, who works for another brand in Milan, said the show was rushed."
    c = only(text)
    assert c.cue == "said"


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


def test_participle_takes_the_sentence_subject():
    text = "The harbour master closed the quay, saying the storm would peak at night."
    c = only(text)
    assert c.source == "The harbour master"
    assert c.cue == "saying"
    assert c.text.startswith("the storm would peak")


def test_abbreviation_dot_inside_subject():
    c = only("The U.K. negotiators said the talks would resume in May.")
    assert c.source == "The U.K. negotiators"


def test_age_and_home_town_after_name():
    c = only("Lia Moreno, 31, of Fresno, Calif., said she would vote for the first time.")
    assert c.source.startswith("Lia Moreno")
    assert c.text.startswith("she would vote")


def test_inverted_lowercase_title_before_name():
    text = '"We lost the vote," said former county judge Ray Olsen, a party elder.'
    c = only(text)
    assert c.source == "former county judge Ray Olsen, a party elder"


def test_content_stops_at_semicolon():
    text = "Most parents said the fees were too high; the school board disagreed."
    c = attributed(text)[0]
    assert c.source == "Most parents"
    assert c.text == "the fees were too high"


def test_quotation_closed_by_comma_ends_the_content():
    text = 'The mayor said "the budget is balanced," but the deficit grew again in May.'
    c = only(text)
    assert c.text == '"the budget is balanced,"'


def test_noun_phrase_object_ends_at_comma():
    text = "The senator praised the new harbour plan, which will cost 90 million dollars."
    c = only(text)
    assert c.cue == "praised"
    assert c.text == "the new harbour plan"


def test_noun_phrase_object_ends_before_a_second_verb():
    text = "The council endorsed Ruth Adler for mayor and raised the parking fines."
    c = only(text)
    assert c.text == "Ruth Adler for mayor"


def test_clause_content_is_not_cut_at_comma():
    text = "The coach said the team, tired after the trip, would still play on Sunday."
    c = only(text)
    assert c.text.endswith("would still play on Sunday.")


def test_asked_opener_is_its_own_attribution():
    text = "Asked by Noor whether the mine would close, the manager said he did not know."
    claims = attributed(text)
    assert [c.cue for c in claims] == ["Asked", "said"]
    assert claims[0].source == "Noor"
    assert claims[0].text == "whether the mine would close"
    assert claims[1].source == "the manager"


def test_evidence_noun_before_noun_like_cue():
    c = only("The latest survey shows the mayor trailing by nine points.")
    assert c.source == "The latest survey"
    assert c.cue == "shows"


def test_reporting_verb_at_the_end_wins_over_an_inner_cue():
    text = "The two mayors praised the new rail link, the Valley Herald reported on Monday."
    c = only(text)
    assert c.source == "the Valley Herald"
    assert c.cue == "reported"
    assert c.text == "The two mayors praised the new rail link"


def test_added_speech_verbs():
    c = only("The crowd outside the court chanted that the judge must resign.")
    assert c.cue == "chanted"
    c = only("Ms. Ito was referring to the flood maps published in 2019.")
    assert c.cue == "was referring to"


def test_unreliable_form_is_not_a_cue():
    assert attributed("The party maintained a narrow lead in the northern districts.") == []


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


def test_according_to_at_the_end_takes_over_a_belief_or_action():
    text = "The publisher declined to renew the contract, according to two former editors."
    c = only(text)
    assert c.cue == "according to"
    assert c.source == "two former editors"
    assert c.text == "The publisher declined to renew the contract"


def test_according_to_at_the_end_takes_over_reported_speech():
    text = "Port officials told staff that the crane had failed, according to two dock workers."
    c = only(text)
    assert c.cue == "according to"
    assert c.source == "two dock workers"
    assert c.text == "Port officials told staff that the crane had failed"


def test_according_to_inside_a_quotation_stays_in_it():
    text = 'Lee said the firm "lost money, according to its own books."'
    c = only(text)
    assert c.cue == "said"
    assert c.text == 'the firm "lost money, according to its own books."'


def test_new_belief_and_intention_forms():
    c = only("The union is seeking a four-day week for all drivers.")
    assert c.cue == "is seeking"
    c = only("Most voters in the district backed the new school levy.")
    assert c.cue == "backed"
    assert c.text == "the new school levy."


def test_dash_appositive_with_relative_clause():
    text = "The governor - who once said he would veto it - signed the levy bill on Friday."
    claims = attributed(text)
    assert claims[0].source == "who"
    assert claims[0].text == "he would veto it"
    text = "The governor - who once said he would veto it - said the bill was now fair."
    said = [c for c in attributed(text) if c.cue == "said"]
    assert said[0].source == "The governor - who once said he would veto it"
    assert said[0].text == "the bill was now fair."


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


def test_number_with_thousands_separator_is_one_token():
    c = only("The council backed 2,450 new homes, and the mayor resigned.")
    assert c.text == "2,450 new homes"


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


def test_subject_followed_by_quote_is_not_an_inverted_source():
    text = "Senator Ida Moss, who chairs the panel, said Mr. Hale's letter “raised doubts” again."
    c = only(text)
    assert c.source == "Senator Ida Moss, who chairs the panel"
    assert c.text.startswith("Mr. Hale's letter")


def test_participle_subject_after_an_introductory_phrase():
    text = (
        "Visiting the flooded farms on Sunday, the minister met families, "
        "promising that aid would come."
    )
    c = [c for c in attributed(text) if c.cue == "promising"][0]
    assert c.source == "the minister"


def test_noun_like_cue_followed_by_that():
    text = "Pia Holm, a local historian, notes that the mill closed in 1921."
    c = only(text)
    assert c.cue == "notes"
    assert c.source == "Pia Holm, a local historian"


def test_possessive_noun_cue_with_that_clause():
    text = "Reporters checked Mayor Ito's claim that the pool had cost nothing, and found bills."
    c = [c for c in attributed(text) if c.cue == "claim"][0]
    assert c.source == "Mayor Ito's"
    assert c.text == "that the pool had cost nothing"


def test_possessive_noun_cue_with_preposition():
    c = only("Her support for the tram line was never in doubt.")
    assert c.source == "Her"
    assert c.cue == "support for"
    assert c.text == "the tram line"


def test_noun_cue_without_possessive_is_ignored():
    assert attributed("The support for the tram line was never in doubt.") == []


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


def test_weak_cue_subject_with_long_appositive():
    text = (
        "Maria Holt, who ran the county library for two decades before she retired, "
        "called the closure a scandal."
    )
    c = only(text)
    assert c.cue == "called"
    assert c.source.startswith("Maria Holt, who ran")


def test_title_case_headline_cue():
    text = "Harbour Board Says Ferry Fares Will Double\nThe board met on Monday."
    c = only(text)
    assert c.source == "Harbour Board"
    assert c.cue == "Says"
    assert c.text.startswith("Ferry Fares")


def test_capitalised_cue_word_in_body_text_is_a_name():
    text = "The first line is plain.\nThe Islamic State Says Nothing band played late."
    assert [c for c in attributed(text) if c.cue == "Says"] == []
