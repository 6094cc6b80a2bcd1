"""Attribution rules added in extractor 1.2, on sentences written for these tests."""

from tests.attribution_checks import attributed, only


def test_subject_with_relative_clause():
    text = "Farmers who have lost their crops to the flood say the aid came too late."
    c = only(text)
    assert c.source == "Farmers who have lost their crops to the flood"
    assert c.cue == "say"
    assert c.text.startswith("the aid came")


def test_number_after_comma_is_not_an_age():
    text = "Asked about the new bridge, 58 percent of residents said it was a waste."
    claims = attributed(text)
    said = [c for c in claims if c.cue == "said"]
    assert len(said) == 1
    assert said[0].source == "58 percent of residents"
    assert said[0].text.startswith("it was a waste")


def test_age_between_commas_still_kept_with_the_name():
    c = only("Ann Roe, 34, said the clinic had closed.")
    assert c.source == "Ann Roe, 34"


def test_capitalised_auxiliary_is_a_name_after_inverted_said():
    c = only('"The dam will hold," said Will Baxter, an engineer.')
    assert c.source.startswith("Will Baxter")
    assert c.text == '"The dam will hold,"'


def test_spaced_hyphen_opens_a_subject():
    text = "The mayor was a careful planner - one aide said he read every report twice."
    c = only(text)
    assert c.source == "one aide"
    assert c.text.startswith("he read every report")


def test_lexicon_verb_derived_from_frequency():
    c = only("The governor mused that the storm season might never end.")
    assert c.cue == "mused"
    assert c.source == "The governor"


def test_participle_after_by_or_dash_takes_the_subject():
    c = [x for x in attributed("The mayor ended the meeting by saying the budget was final.")]
    saying = [x for x in c if x.cue == "saying"]
    assert len(saying) == 1
    assert saying[0].source == "The mayor"
    assert saying[0].text.startswith("the budget was final")


def test_pledged_delegates_is_not_a_cue():
    text = "The senator now holds 420 pledged delegates after the Ohio primary."
    assert [c for c in attributed(text) if c.cue and "pledged" in c.cue] == []
