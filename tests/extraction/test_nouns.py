"""Nouns that report: "Lee's claim that C", "complaints that C", "Her answer was that C", evidence
nouns, "In the poll, C" and "C in a poll".
"""

import pytest

from tests.extraction.checks import attributed, only, only_reading, readings


def test_evidence_noun_before_noun_like_cue():
    c = only("The latest survey shows the mayor trailing by nine points.")
    assert c.source == "The latest survey"
    assert c.cue == "shows"


def test_possessive_noun_cue_with_that_clause():
    text = "Reporters checked Mayor Ito's claim that the pool had cost nothing, and found bills."
    c = [c for c in attributed(text) if c.cue == "claim"][0]
    assert c.source == "Mayor Ito's"
    assert c.text == "that the pool had cost nothing"


def test_possessive_noun_cue_with_preposition():
    c = only_reading("Her support for the tram line was never in doubt.")
    assert c.source == "Her"
    assert c.cue == "support for"
    assert c.text == "the tram line"


def test_noun_cue_without_possessive_is_ignored():
    assert attributed("The support for the tram line was never in doubt.") == []


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


def test_a_clause_ending_in_a_poll_is_the_polls():
    c = only("The harbour levy had 58 percent support in a new Tidewater survey released Friday.")
    assert c.source == "a new Tidewater survey released Friday"
    assert c.cue == "in"
    assert c.text == "The harbour levy had 58 percent support"


def test_a_poll_clause_starts_after_its_subordinator():
    c = only("Ames went to Dover, where she held a narrow lead in an Ocean Radio poll.")
    assert c.source == "an Ocean Radio poll"
    assert c.text == "she held a narrow lead"


def test_in_the_polls_after_a_clause_is_left_alone():
    assert attributed("The young mayor has slipped in the polls since June.") == []


def test_a_lead_in_a_poll_without_a_verb_is_left_alone():
    assert attributed("Her lead in a May poll of dock workers.") == []


def test_in_a_phrase_without_evidence_is_not_an_attribution():
    assert attributed("In the old town hall, 61 people waited for the mayor.") == []


def test_evidence_noun_with_a_participle():
    claims = attributed(
        "The council met again, with new polls showing the mayor trailing her rival."
    )
    c = [c for c in claims if c.cue == "showing"][0]
    assert c.source == "new polls"
    assert c.text.startswith("the mayor trailing her rival")


def test_in_someones_view_opens_an_attribution():
    c = only("In their view, the council could still save the clinic.")
    assert c.source == "their"
    assert c.cue == "view"
    assert c.text.startswith("the council could still save")


def test_sentence_ending_at_an_evidence_participle_keeps_the_article():
    text = "Ida Park said the dam was safe. The council met again with new polls showing"
    claims = attributed(text)
    assert [c.source for c in claims] == ["Ida Park"]


def test_evidence_noun_with_a_phrase_shows():
    c = only("Video of the arrest shows the man with his hands raised.")
    assert c.source == "Video of the arrest"
    assert c.text == "the man with his hands raised."


def test_evidence_noun_with_a_complement_is_a_source():
    c = only("Pupils in the city took 112 tests before they left, a study by the council found.")
    assert c.source == "a study by the council"
    assert c.text == "Pupils in the city took 112 tests before they left"


def test_evidence_subject_with_words_after_the_noun():
    c = only("A county poll out this week shows Lee with an 8-point lead over Ames.")
    assert c.cue == "shows"
    assert c.source.startswith("A county poll")
    assert c.text == "Lee with an 8-point lead over Ames."


def test_finds_after_an_evidence_subject_with_an_aside():
    c = only("The survey, conducted by a state institute, finds Lee with only a small lead.")
    assert (c.cue, c.source) == ("finds", "The survey, conducted by a state institute")
    assert attributed("Lee finds the plan absurd.") == []


def test_evidence_and_pledge_verbs_take_a_clause_not_a_noun_phrase():
    c = only("The poll showed a dead heat, with Lee leading among older voters.")
    assert c.text == "a dead heat, with Lee leading among older voters."


def test_possessive_noun_then_copula_reports_a_view():
    c = only("Her answer was that the family matters most.")
    assert (c.source, c.cue, c.text) == ("Her", "answer was", "that the family matters most.")
    c = only("Ames’s main goal is to close the landfill by 2030.")
    assert (c.source, c.cue) == ("Ames", "’s main goal is")
    assert attributed("His car was red, and her dog was old.") == []


def test_possessive_copula_inside_a_quotation_leaves_the_quotation_whole():
    c = only('"My hope is that the bridge holds," Ames said.')
    assert (c.source, c.cue) == ("Ames", "said")


def test_a_noun_with_a_that_clause_is_a_claim_without_source():
    c = only("Despite complaints that they are unfair, the rules stayed.")
    assert (c.cue, c.source, c.text) == ("complaints", None, "that they are unfair")
    c = only("There was no evidence that the fire had been set on purpose.")
    assert c.text == "that the fire had been set on purpose."


def test_adamant_and_optimistic_take_a_that_clause():
    c = only("Lee was adamant that she would not resign.")
    assert (c.source, c.text) == ("Lee", "that she would not resign.")


def test_a_survey_quantity_opens_a_weak_cues_subject():
    c = only("In each state, about a third of the voters want a switch to more liberal policies.")
    assert c.source == "about a third of the voters"


def test_a_claim_noun_after_a_past_verb_is_its_object():
    c = only("The ruling stoked speculation that the mayor might resign before May.")
    assert (c.cue, c.source, c.text) == (
        "speculation",
        None,
        "that the mayor might resign before May.",
    )


def test_stance_noun_takes_the_subject_of_its_verb_as_source():
    c = only("The county commissioners are split on whether the bridge should be rebuilt.")
    assert (c.source, c.cue) == ("The county commissioners", "split on")
    assert c.text == "whether the bridge should be rebuilt."


def test_stance_noun_after_a_verb_and_preposition():
    c = only("Mayor Ito bristled at the suggestion that the fund was short of money.")
    assert c.source == "Mayor Ito"
    assert c.text == "that the fund was short of money."


def test_stance_noun_after_a_negated_verb_group():
    c = only("She has not made a decision on whether the library will reopen in June.")
    assert (c.source, c.cue) == ("She", "decision on")


def test_stance_noun_after_a_progressive_verb():
    c = only("But her staff has been working under the assumption that Ames will stay neutral.")
    assert (c.source, c.cue) == ("her staff", "the assumption")


def test_stance_noun_after_a_participle_keeps_no_source():
    c = only("Critics faulted the agency for dismissing the idea that the dam was leaking.")
    assert (c.source, c.cue) == (None, "the idea")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "It was a blow to the Kent council's hopes that the pier would reopen by May.",
            "the Kent council's",
        ),
        (
            "Ten nations lobbied to back the judges’ statement that the ruling must be binding.",
            "the judges’",
        ),
        (
            "The tactic was reminiscent of the campaign's earlier claim that Lee would shut it.",
            "the campaign's",
        ),
    ],
)
def test_stance_noun_after_a_possessor_takes_it_as_source(text, source):
    assert only(text).source == source


def test_stance_noun_subject_loses_its_time_words():
    c = only(
        "Councillor Dunn earlier Monday backed away from a suggestion that the depot was unsafe."
    )
    assert c.source == "Councillor Dunn"


def test_stance_noun_raised_by_a_thing_has_no_source():
    for text in (
        "It raised new questions about whether the levy was legal.",
        "The audit raised doubts about whether the levy was legal.",
    ):
        assert only(text).source is None, text


def test_plural_possessive_name_with_that_clause():
    text = "Reporters checked Mayor Ames’ claim that the pool had cost nothing, and found bills."
    c = [c for c in attributed(text) if c.cue == "claim"][0]
    assert c.source == "Mayor Ames’"
    assert c.text == "that the pool had cost nothing"


def test_plural_possessive_before_a_phrase_is_left_alone():
    assert attributed("Councillor Rees’ support for the tram line was never in doubt.") == []


def test_a_noun_after_an_owner_and_an_adjective_is_no_verb():
    # "police's earlier claim": no "has claimed", so no speaker "The tape contradicted Hull police"
    text = "The tape contradicted Hull police's earlier claim that the officer was unarmed."
    assert [c.source for c in attributed(text)] in ([], ["Hull police"])


def test_a_pronoun_with_an_adverb_and_a_participle_still_speaks():
    assert only("She's already claimed that the pier was safe.").source == "She"
    assert only("He's long said the levy would pass.").source == "He"


@pytest.mark.parametrize(
    "text, source, cue",
    [
        (
            "The mayor's repeated claim that the pier was safe fell apart.",
            "The mayor's",
            "repeated claim",
        ),
        (
            "The mayor’s repeated claim that the pier was safe fell apart.",
            "The mayor’s",
            "repeated claim",
        ),
        (
            "Ms. Ochoa's renewed warning that the pier was safe fell apart.",
            "Ms. Ochoa's",
            "renewed warning",
        ),
    ],
)
def test_a_past_form_between_a_possessive_and_a_stance_noun_is_an_adjective(text, source, cue):
    # not "The mayor has repeated claim ...": "repeated" describes the claim, whose owner speaks
    c = only(text)
    assert c.source == source
    assert c.cue == cue
    assert c.text == "that the pier was safe"


def test_a_pronoun_before_a_past_form_and_a_stance_noun_still_speaks():
    c = only("He's repeated claims that the pier was safe.")
    assert c.source == "He"


@pytest.mark.parametrize(
    "text, content",
    [
        ("Lee's claim that the budget was balanced proved false.", "that the budget was balanced"),
        ("The idea that the tax was too high proved wrong.", "that the tax was too high"),
    ],
)
def test_a_that_clause_in_the_subject_ends_before_the_main_verb(text, content):
    assert only_reading(text).text == content


def test_a_that_clause_in_the_subject_with_a_second_clause_is_left_whole():
    # "and" may join a second verb of the clause or open the main one: not cut
    c = only("Lee's claim that the pier was safe and sound was false.")
    assert c.text.startswith("that the pier was safe and sound")


def test_a_noun_after_a_possessive_and_a_past_form_is_no_verb():
    assert readings("Mr. Ruiz’s repeated accusations drew angry letters.") == []


def test_stance_noun_clause_ending_in_a_modal_and_its_verb():
    c = only("Park's repeated warning that the levee would break went unheeded.")
    assert (c.source, c.cue, c.text) == ("Park's", "repeated warning", "that the levee would break")


def test_stance_noun_relative_clause_with_a_modal_stays_unread():
    assert attributed("It was a promise that he would keep.") == []


def test_stance_noun_with_its_source_after_from():
    c = only("Despite repeated warnings from her doctor that the trip was risky, she flew.")
    assert (c.source, c.cue, c.text) == ("her doctor", "warnings", "that the trip was risky")


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board ignored repeated warnings from its engineers that the pier was sinking.",
        "The harbour board ignored warnings from its engineers that the pier was sinking.",
        "The harbour board dismissed claims from its engineers that the pier was sinking.",
    ],
)
def test_the_object_of_a_verb_with_a_speaker_after_from_reports_that_speaker(text):
    c = only(text)
    assert (c.source, c.text) == ("its engineers", "that the pier was sinking.")


def test_the_object_of_a_verb_with_a_relative_clause_after_from_stays_the_subjects():
    c = only("The harbour board ignored warnings from the city that Lee had dismissed.")
    assert (c.source, c.cue) == ("The harbour board", "ignored")
    c = only("The harbour board rejected claims from the union that were plainly false.")
    assert (c.source, c.cue) == ("The harbour board", "rejected")


def test_stance_noun_from_a_source_before_a_relative_clause_stays_unread():
    assert attributed("Despite warnings from the city that Lee ignored, the fair went ahead.") == []
