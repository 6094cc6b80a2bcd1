"""Compound predicates and sibling speakers: "X declined to comment but said C", "A said B and C
said D".
"""

from tests.extraction.checks import attributed, only, readings


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
