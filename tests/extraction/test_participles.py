"""Participles: ", saying C", "after blasting X, Lee ...", "Noting that C, Lee ..."."""

from tests.extraction.checks import attributed, only


def test_participle_takes_the_sentence_subject():
    text = "The harbour master closed the quay, saying the storm would peak at night."
    c = only(text)
    assert c.source == "The harbour master"
    assert c.cue == "saying"
    assert c.text.startswith("the storm would peak")


def test_participle_subject_after_an_introductory_phrase():
    text = (
        "Visiting the flooded farms on Sunday, the minister met families, "
        "promising that aid would come."
    )
    c = [c for c in attributed(text) if c.cue == "promising"][0]
    assert c.source == "the minister"


def test_participle_after_by_or_dash_takes_the_subject():
    c = [x for x in attributed("The mayor ended the meeting by saying the budget was final.")]
    saying = [x for x in c if x.cue == "saying"]
    assert len(saying) == 1
    assert saying[0].source == "The mayor"
    assert saying[0].text.startswith("the budget was final")


def test_inverted_source_stops_before_a_participle():
    claims = attributed('"We lost the barn," said Ann Roe, adding that the insurer has not paid.')
    said = [c for c in claims if c.cue == "said"]
    assert said[0].source == "Ann Roe"


def test_participle_after_a_subordinator_takes_the_main_subject():
    c = only("After blasting the report on Monday, Ms. Lee left the room.")
    assert (c.text, c.source, c.cue) == ("the report on Monday", "Ms. Lee", "blasting")
    claims = attributed("The mayor agreed to the plan, while saying that it would cost too much.")
    saying = [c for c in claims if c.cue == "saying"][0]
    assert (saying.source, saying.text) == ("The mayor", "that it would cost too much.")


def test_participle_takes_the_subject_of_the_first_verb_after_an_opening_phrase():
    c = only(
        "Here in Columbia, Sanders stepped up his emphasis on justice, saying the day must come."
    )
    assert (c.source, c.cue, c.text) == ("Sanders", "saying", "the day must come.")
    c = only("Both parents stiffened their denunciation of the mayor, saying he lacked character.")
    assert c.source == "Both parents"


def test_participle_clause_after_the_content_is_the_reporters():
    c = only("The agency proposed to cut the quota, siding with a coalition of bakers and grocers.")
    assert c.cue == "proposed"
    assert c.text == "to cut the quota"


def test_participle_after_a_short_opener_is_kept():
    # "how, growing up, ..." is one content: a cut after one word would leave nothing
    c = only("Nadia Ross described how, growing up, she sold fruit at the market.")
    assert c.text.startswith("how, growing up")


def test_participle_after_a_quotation_closed_by_a_comma_is_a_second_attribution():
    claims = attributed(
        "Ms. Ortiz insisted that she had “rebuilt the whole department,” claiming that "
        "turnout had doubled."
    )
    assert [c.text for c in claims] == [
        "that she had “rebuilt the whole department,”",
        "that turnout had doubled.",
    ]
    assert claims[1].cue == "claiming"
    assert claims[1].source == "Ms. Ortiz"


def test_quotation_closed_by_a_comma_then_an_opening_quote_is_not_a_participle():
    c = only("Ms. Ortiz said, “Running the city is hard work.”")
    assert c.text == "“Running the city is hard work.”"


def test_opening_participle_phrase_before_an_inverted_content():
    c = only("Leaving the meeting, the minister looked tired, Ames said.")
    assert c.text == "the minister looked tired"


def test_opening_participle_cue_takes_the_main_subject_as_source():
    claims = attributed("Noting that the dam had held, Ames praised the engineers.")
    assert (claims[0].cue, claims[0].source, claims[0].text) == (
        "Noting",
        "Ames",
        "that the dam had held",
    )


def test_opening_participle_with_a_quotation():
    claims = attributed("Citing “urgent repairs,” the spokeswoman said the bridge would close.")
    assert claims[0].cue == "Citing"
    assert claims[0].text == "“urgent repairs,”"
    assert claims[0].source == "the spokeswoman"


def test_an_opening_participle_with_a_preposition_has_no_content():
    claims = attributed("Writing for the Gazette, Ida Park said the dam would hold.")
    assert [c.cue for c in claims] == ["said"]


def test_compound_verb_after_a_subject_with_a_participle_aside():
    text = "House Democrats, standing in the aisle, held the floor and said they would stay."
    c = only(text)
    assert c.source == "House Democrats"
    assert c.text == "they would stay."


def test_a_participle_cue_is_not_the_content_of_the_verb_before_it():
    c = only('The former governor continued, saying, "You need somebody who knows budgets."')
    assert (c.cue, c.source) == ("saying", "The former governor")


def test_an_agent_phrase_after_a_participle_is_not_a_content():
    assert attributed("The SVP fought the changes proposed by the government in 2008.") == []


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


def test_the_subject_after_a_fronted_clause_without_a_comma_speaks():
    text = "When she returned she began by saying, “The port will reopen in May.”"
    claim = only(text)
    assert claim.source == "she"
    assert claim.source_start == text.index("she began")


def test_participle_of_a_that_noun_after_a_comma_has_the_subject_as_source():
    text = "The founders mobilized after the vote, warning that the deal would ruin the firm."
    c = only(text)
    assert (c.source, c.cue) == ("The founders", "warning")
    assert c.text == "that the deal would ruin the firm."


def test_participle_of_a_that_noun_after_a_reported_clause():
    text = "On Tuesday, the mill said it would miss the deadline, warning that it could default."
    claims = attributed(text)
    assert [(c.source, c.cue) for c in claims] == [("the mill", "said"), ("the mill", "warning")]


def test_progressive_that_noun_is_a_verb_with_its_subject():
    c = only("The port has been warning that it is running out of cash.")
    assert c.source == "The port"
    assert c.text == "that it is running out of cash."


def test_participle_after_a_verb_that_follows_an_aside_on_the_subject():
    c = only(
        "Dana Whitcombe, director of the Harbor Policy Institute, linked the figures to the "
        "new levy, saying the levy had saved the ferry service."
    )
    assert (c.source, c.cue) == (
        "Dana Whitcombe, director of the Harbor Policy Institute",
        "saying",
    )
    assert c.text.startswith("the levy had saved")
    c = only("Councillor Ada Brisk, herself a ferry user, dropped the motion, saying it was late.")
    assert c.source == "Councillor Ada Brisk"


def test_participle_after_a_past_verb_behind_an_opening_phrase_is_not_given_the_phrase():
    claims = attributed(
        "In May, angered by the vote, the union walked out, saying it was betrayed."
    )
    assert all(c.source != "In May" for c in claims)


def test_participle_after_with_takes_its_own_subject():
    c = only(
        "Councillors balked at the fare plan, with Rep. Nell Okoro calling it a tax on the poor."
    )
    assert (c.source, c.cue, c.text) == ("Rep. Nell Okoro", "calling", "it a tax on the poor.")


def test_participle_after_with_ends_before_the_next_absolute_phrase():
    c = only(
        "The union was an early backer, with the Harbor Workers Guild calling her “the fighter "
        "we need” and its president Vera Lind hugging her on stage."
    )
    assert c.text == "her “the fighter we need”"
    claims = attributed(
        "The vote split by age, with most older members supporting the levy and those under 30 "
        "more open to a delay."
    )
    assert [(c.source, c.text) for c in claims if c.cue == "supporting"] in (
        [],
        [("most older members", "the levy")],
    )
    c = only("Critics piled on, with Sen. Ana Ruiz describing him as the worst mayor in years.")
    assert c.text == "him as the worst mayor in years."


def test_with_and_a_reporting_count_is_no_speaker():
    claims = attributed("The levy passed by nine votes, with all precincts reporting.")
    assert all(c.cue != "reporting" for c in claims)


def test_a_side_taken_by_a_participle_after_its_noun_is_no_attribution():
    # the participle's object runs on into the sentence's own predicate
    for text in (
        "A group backing Mayor Diaz raised $2 million in May.",
        "Several councillors supporting Mayor Diaz declined to comment.",
    ):
        assert attributed(text) == [], text


def test_a_participle_after_its_noun_with_a_plain_object_stays():
    c = only("The union ran an advert supporting Mayor Diaz.")
    assert (c.source, c.cue) == ("The union", "supporting")
