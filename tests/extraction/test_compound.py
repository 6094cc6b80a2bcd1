"""Compound predicates and sibling speakers: "X declined to comment but said C", "A said B and C
said D".
"""

from tests.extraction.checks import attributed, only, only_reading, readings


def test_compound_predicate_declined_but_said():
    claims = readings("The minister declined to comment but said the review was nearly done.")
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


def test_and_plus_any_past_speech_verb_starts_a_second_attribution():
    claims = readings("Senator Ames condemned the ruling but praised the judges who wrote it.")
    assert [(c.cue, c.text) for c in claims] == [
        ("condemned", "the ruling"),
        ("praised", "the judges who wrote it."),
    ]
    assert {c.source for c in claims} == {"Senator Ames"}


def test_made_clear_after_and_starts_a_second_attribution():
    claims = attributed("Ames continued to question the audit and made clear that he would appeal.")
    assert [c.cue for c in claims] == ["continued", "made clear"]
    assert claims[1].text == "that he would appeal."


def test_compound_verb_after_a_subject_with_a_relative_or_appositive_aside():
    c = only("Ida Park, who chairs the panel, stood up and said the dam would hold.")
    assert (c.source, c.text) == ("Ida Park", "the dam would hold.")
    c = only("Ida Park, the chair of the panel, stood up and argued that the dam would hold.")
    assert (c.source, c.text) == ("Ida Park", "that the dam would hold.")


def test_second_speaker_with_an_auxiliary_is_a_sibling():
    claims = readings(
        "Many tenants have said they will stay and others have said they are moving out."
    )
    assert [(c.source, c.cue, c.text) for c in claims] == [
        ("Many tenants", "have said", "they will stay"),
        ("others", "have said", "they are moving out."),
    ]


def test_comma_after_a_condition_opens_the_same_content():
    c = only("Ames said, if reelected, she would ask the council to fund the library.")
    assert c.source == "Ames"
    assert c.text == "if reelected, she would ask the council to fund the library."


def test_negated_speech_verb_after_but_starts_a_second_attribution():
    claims = readings("The mayor praised the bridge but did not say whether it would open in May.")
    assert [(c.cue, c.text) for c in claims] == [
        ("praised", "the bridge"),
        ("did not say", "whether it would open in May."),
    ]
    assert {c.source for c in claims} == {"The mayor"}


def test_second_participle_after_but_starts_a_second_attribution():
    claims = readings(
        "The union pressed its case, saying the wages were fair but warning that a strike "
        "could come in June."
    )
    assert [(c.source, c.cue, c.text) for c in claims if c.cue != "pressed"] == [
        ("The union", "saying", "the wages were fair"),
        ("The union", "warning", "that a strike could come in June."),
    ]


def test_participle_after_and_must_open_a_content():
    c = only("The mayor said the crowd kept waving and shouting — a din that lasted an hour.")
    assert c.text.startswith("the crowd kept waving and shouting")


def test_participle_speaks_for_the_subject_not_for_a_possessive():
    claims = readings(
        "The county board doubled down on its criticism of the audit, saying it was rushed."
    )
    said = next(c for c in claims if c.cue == "saying")
    assert (said.source, said.text) == ("The county board", "it was rushed.")


def test_speaker_in_a_clause_of_time_ends_a_noun_phrase_content():
    claims = readings("Ames attacked the audit after the treasurer said the books were in order.")
    assert [(c.source, c.cue, c.text) for c in claims] == [
        ("Ames", "attacked", "the audit"),
        ("the treasurer", "said", "the books were in order."),
    ]


def test_speaker_in_a_clause_of_time_ends_after_even():
    claims = readings("Ames praised the budget even as she criticized the new parking fees.")
    assert [(c.source, c.cue, c.text) for c in claims] == [
        ("Ames", "praised", "the budget"),
        ("she", "criticized", "the new parking fees."),
    ]


def test_speaker_in_a_clause_of_time_stays_in_a_question_or_infinitive():
    c = next(
        c
        for c in readings("Ames asked the clerk whether the vote was legal when he reported it.")
        if c.cue == "asked"
    )
    assert c.text.endswith("when he reported it.")
    c = next(
        c
        for c in readings("Ames urged the council to fund the library after the mayor said no.")
        if c.cue == "urged"
    )
    assert c.text.endswith("after the mayor said no.")


def test_speaker_in_a_clause_of_time_stays_in_a_said_content():
    c = only("Ames said the audit was late because the treasurer said the books were lost.")
    assert c.text == "the audit was late because the treasurer said the books were lost."


def test_a_passive_after_but_has_no_speaker():
    c = only_reading("She spoke briefly but is not expected to run again.")
    assert c.cue == "is not expected"
    assert c.source is None
