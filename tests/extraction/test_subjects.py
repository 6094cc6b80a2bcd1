"""Source spans before a cue: appositions, parentheses, ages, time phrases, where it starts."""

import pytest

from tests.extraction.checks import attributed, only, only_reading


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


def test_abbreviation_dot_inside_subject():
    c = only("The U.K. negotiators said the talks would resume in May.")
    assert c.source == "The U.K. negotiators"


def test_age_and_home_town_after_name():
    c = only("Lia Moreno, 31, of Fresno, Calif., said she would vote for the first time.")
    assert c.source.startswith("Lia Moreno")
    assert c.text.startswith("she would vote")


def test_weak_cue_subject_with_long_appositive():
    text = (
        "Maria Holt, who ran the county library for two decades before she retired, "
        "called the closure a scandal."
    )
    c = only(text)
    assert c.cue == "called"
    assert c.source.startswith("Maria Holt, who ran")


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


def test_spaced_hyphen_opens_a_subject():
    text = "The mayor was a careful planner - one aide said he read every report twice."
    c = only(text)
    assert c.source == "one aide"
    assert c.text.startswith("he read every report")


def test_subject_aside_is_not_part_of_the_source():
    c = only("Ms. Vance, wearing a red cape, said the count was wrong.")
    assert c.source == "Ms. Vance"
    c = only("The mayor, still weak from the flu, said the bridge was safe.")
    assert c.source == "The mayor"


def test_aside_that_ends_in_a_place_and_its_state():
    c = only('"The mill paid us in scrip," Mr. Orr, now 84 and living in Provo, Utah, said.')
    assert (c.source, c.cue, c.text) == ("Mr. Orr", "said", '"The mill paid us in scrip,"')
    c = only('"The mill paid us in scrip," Ms. Orr, now retired in Salem, Ore., said.')
    assert (c.source, c.cue) == ("Ms. Orr", "said")


def test_a_place_and_its_state_after_an_opening_phrase_stay_in_the_subject():
    c = only("In a filing, residents of Salem, Ore., said the mill was unsafe.")
    assert c.source == "residents of Salem, Ore."


def test_subject_with_a_long_apposition():
    c = only(
        "Rich Lee, a top county party operative who played a major role in the mayor's big win "
        "in 2008 and is now running the early-vote effort in the state, said that it works."
    )
    assert c.source.startswith("Rich Lee, a top county party operative")
    assert c.text == "that it works."


def test_weak_cue_subject_opening_with_a_possessive_or_quantifier():
    c = only_reading("His aides support the new bridge.")
    assert (c.source, c.text) == ("His aides", "the new bridge.")
    c = only_reading("Both parties oppose the levy.")
    assert c.source == "Both parties"


def test_coordinated_noun_phrases_are_one_source():
    c = only("Many experts and some lawmakers say the plan will fail.")
    assert c.source == "Many experts and some lawmakers"
    claims = attributed("The mayor closed the road and officials said it was unsafe.")
    said = [c for c in claims if c.cue == "said"][0]
    assert said.source == "officials"


def test_a_newspaper_name_in_capitals_is_not_a_time():
    c = only("The plan will fail, USA TODAY reported last month.")
    assert c.source == "USA TODAY"


def test_time_phrase_between_subject_and_cue_is_not_the_source():
    c = only_reading("Reince Priebus, the party chairman, this past week announced a new website.")
    assert c.source == "Reince Priebus, the party chairman"
    c = only_reading("Lee last month said the plan was dead.")
    assert (c.source, c.text) == ("Lee", "the plan was dead.")


def test_opening_phrase_before_the_subject_is_not_the_content():
    c = only("During the two-hour service, the pastor asked the congregation to stand in silence.")
    assert c.source == "the pastor"
    assert "service" not in c.text
    c = only("During a town meeting in Ely, Ohio, Lee told reporters that the tax plan was dead.")
    assert c.source == "Lee"
    assert c.text == "that the tax plan was dead."


def test_lower_case_plural_subject_of_a_belief():
    c = only("Based on county data, campaigners believe that 900 families lost their homes.")
    assert c.source == "campaigners"
    assert c.text == "that 900 families lost their homes."


def test_contracted_pronoun_subject():
    c = only("Ames is trying to recover, and he’s hoping the endorsement will help.")
    assert c.source == "he"
    assert c.cue == "’s hoping"


def test_officials_here_say():
    c = only("Officials here say the border will reopen.")
    assert c.source == "Officials here"
    assert c.text == "the border will reopen."


def test_is_planning_after_an_apposition_is_the_subjects_verb():
    c = only("The group, funded by three donors, is planning to run an advertisement.")
    assert c.source == "The group, funded by three donors"
    assert c.cue == "is planning"


def test_relative_that_clause_stays_in_the_subject():
    c = only("A study that appeared in a journal found that the drug works.")
    assert c.source == "A study that appeared in a journal"
    assert c.text == "that the drug works."


def test_name_with_apposition_then_said_is_still_forward():
    c = only("Jo Lee, a nurse, said Monday her worry is the cost.")
    assert c.source == "Jo Lee, a nurse"


def test_a_weekday_after_the_is_not_a_time_phrase():
    c = only("Ames has not mentioned the dam since the Monday night meeting.")
    assert c.text.endswith("since the Monday night meeting.")


def test_subject_after_why():
    c = only("That is why critics say the dam was built too fast.")
    assert (c.source, c.text) == ("critics", "the dam was built too fast.")


def test_so_far_is_not_the_source():
    c = only_reading("The mayor so far hasn’t criticized the plan.")
    assert c.source == "The mayor"


def test_lower_case_modifier_before_a_plural_subject():
    c = only("For months, mainstream Republicans have hoped that his lead was a mirage.")
    assert c.source == "mainstream Republicans"


def test_possessive_name_after_a_preposition_is_not_a_contraction():
    c = only("A source familiar with Lee’s thinking said, “She will run again.”")
    assert c.source == "A source familiar with Lee’s thinking"
    assert c.text == "“She will run again.”"


def test_subject_with_not_before_a_participle_or_preposition():
    c = only("Two officials not authorized to speak said the deal was close.")
    assert c.source == "Two officials not authorized to speak"
    c = only("A delegate not on the slate, Kim Ode, said she was leaning toward Cruz.")
    assert c.source == "A delegate not on the slate, Kim Ode"


def test_and_before_a_name_after_a_common_noun_starts_a_new_clause():
    text = "The chief was copied on the emails and Ortiz said he had read them twice."
    c = only(text)
    assert (c.source, c.text) == ("Ortiz", "he had read them twice.")
    c = only("Lee and Ortiz said they had read the emails.")
    assert c.source == "Lee and Ortiz"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Reyes’ campaign says it raised $2 million in March.", "Reyes’ campaign"),
        ("Jo Fields’ campaign says it raised $2 million in March.", "Jo Fields’ campaign"),
        ("The teachers’ union warned that schools would close.", "The teachers’ union"),
        (
            "Channel Seven News’ Ann Roe reported that the port had closed.",
            "Channel Seven News’ Ann Roe",
        ),
    ],
)
def test_a_curly_apostrophe_after_an_s_is_a_possessive(text, source):
    assert only(text).source == source


def test_a_closing_single_quote_still_ends_a_subject():
    claims = attributed("He called them ‘the new Democrats’ and said they would lose.")
    assert [(c.source, c.cue) for c in claims] == [("He", "called"), ("He", "said")]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The retired surgeon resigned on Monday, saying the audit was unfair.",
            "The retired surgeon",
        ),
        (
            "The embattled mayor resigned on Monday, saying the audit was unfair.",
            "The embattled mayor",
        ),
    ],
)
def test_a_participle_between_a_determiner_and_a_noun_is_an_adjective(text, source):
    assert only(text).source == source


def test_subject_aside_of_contrast_is_not_part_of_the_source():
    c = only("Nora Bell, by contrast, said the ferry would keep running.")
    assert c.source == "Nora Bell"
    c = only(
        "The council met on Monday.\n\n"
        "Ted Marsh, by contrast, wrote an op-ed urging the council to close the pier."
    )
    assert c.source == "Ted Marsh"
    assert c.text.startswith("an op-ed urging the council")


def test_a_listed_subject_keeps_all_its_items():
    c = only("Singers Ann Moore, Kerri Walsh, Amy Shum and Eliza Banks said the ruling was fair.")
    assert c.source == "Singers Ann Moore, Kerri Walsh, Amy Shum and Eliza Banks"
    c = only("Most farmers in Ohio, Iowa and Utah said the drought was the worst in years.")
    assert c.source == "Most farmers in Ohio, Iowa and Utah"


@pytest.mark.parametrize("opening", ["On Tuesday", "Yesterday", "After the vote", "Not far away"])
def test_an_opening_phrase_is_no_item_of_a_listed_subject(opening):
    c = only(f"{opening}, Lee and Roe said the plan was dead.")
    assert c.source == "Lee and Roe"


def test_a_state_after_a_town_belongs_to_the_subject():
    c = only("Stacy Barker of Columbia, South Carolina, says the ferry plan is a mess.")
    assert c.source == "Stacy Barker of Columbia, South Carolina"


def test_a_name_before_two_appositives_is_the_source():
    c = only(
        "Mia Roe, president of the teachers union, which represents city educators, said the "
        "strike would go on."
    )
    assert c.source.startswith("Mia Roe, president of the teachers union")
    c = only(
        "Jo Lee, the foreign minister of Norway, a member of the council, said the test was a "
        "provocation."
    )
    assert c.source.startswith("Jo Lee, the foreign minister of Norway")


def test_an_opening_phrase_before_two_appositives_stays_out_of_the_source():
    c = only("On Radio Ely Tuesday, his wife, Jane, said the ferry should stay.")
    assert not c.source.startswith("On")


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "Several parents, including two members of the school board, said the bus route "
            "was unsafe.",
            "Several parents, including two members of the school board",
        ),
        (
            "Local farmers — including the Okafor family — warned that the dam would flood "
            "their fields.",
            "Local farmers — including the Okafor family",
        ),
    ],
)
def test_an_aside_naming_members_stays_in_the_source(text, source):
    c = only(text)
    assert c.source == source


@pytest.mark.parametrize(
    "text, source",
    [
        ("Mayor Dunn at the time said the fees were paid.", "Mayor Dunn"),
        ("Ana Ruiz in a radio interview said she would cut the levy.", "Ana Ruiz"),
        ("Sen. Ann Roe on Wednesday morning said the count was wrong.", "Sen. Ann Roe"),
    ],
)
def test_a_phrase_of_when_or_where_after_a_name_is_not_the_source(text, source):
    c = only(text)
    assert c.source == source


def test_a_phrase_after_a_common_noun_stays_in_the_source():
    assert only("Many in the crowd said the plan was too costly.").source == "Many in the crowd"


@pytest.mark.parametrize(
    "text, source",
    [
        ("It's a plan some believe could work.", "some"),
        ("It's an idea Mayor Dunn said could save money.", "Mayor Dunn"),
        ("It's worth noting that the bridge was built in 1931.", None),
    ],
)
def test_an_opening_its_is_no_part_of_the_source(text, source):
    assert only_reading(text).source == source


def test_its_with_a_participle_keeps_the_pronoun_as_source():
    assert only_reading("It’s denouncing what it calls a smear campaign.").source == "It"


def test_an_adverb_of_time_before_the_cue_is_no_part_of_the_source():
    c = only("Councillor Reid earlier Thursday said the depot would close in May.")
    assert c.source == "Councillor Reid"
    c = only("The harbour master soon learned that the quay had been sold.")
    assert (c.source, c.cue) == ("The harbour master", "soon learned")
