"""Where a content ends: semicolons, the reporter's own clauses, contrasts, asides, noun-phrase
objects.
"""

import pytest

from tests.extraction.checks import attributed, only, only_reading, readings


def test_content_stops_at_semicolon():
    text = "Most parents said the fees were too high; the school board disagreed."
    c = attributed(text)[0]
    assert c.source == "Most parents"
    assert c.text == "the fees were too high"


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


def test_contrast_after_a_reported_clause_is_the_writers():
    claims = attributed("The mayor said the bridge was safe, but engineers found new cracks.")
    said = [c for c in claims if c.cue == "said"]
    assert said[0].text == "the bridge was safe"


def test_contrast_inside_a_quotation_stays_in_the_content():
    c = only('The mayor said "the bridge is safe, but old" on Monday.')
    assert "but old" in c.text


def test_noun_phrase_content_goes_on_over_a_list_or_a_date():
    c = only("The council proposed a levy on all fuels, including diesel and petrol.")
    assert c.text == "a levy on all fuels, including diesel and petrol."
    c = only("The mayor invoked the floods of March 3, 1998, in her speech.")
    assert c.text.startswith("the floods of March 3, 1998")


def test_reporters_clause_after_a_comma_is_not_content():
    c = only("Lee said the road would reopen, after crews finished the bridge.")
    assert c.text == "the road would reopen"


def test_a_lone_time_word_is_no_content():
    assert attributed("The mayor said Tuesday.") == []


def test_contrast_with_compared_ends_the_content():
    c = only("The mayor said fares rose by 4 percent, compared with 9 percent in the suburbs.")
    assert c.text == "fares rose by 4 percent"


def test_a_fronted_clause_ends_at_the_main_clause():
    c = only("Although the union planned to strike on Monday, most drivers stayed home.")
    assert c.cue == "planned"
    assert c.text == "to strike on Monday"


def test_a_fronted_clause_keeps_a_list_in_its_content():
    c = only("When the mayor announced cuts to parks, libraries and pools, nobody objected.")
    assert c.text == "cuts to parks, libraries and pools"


def test_the_main_clause_cut_does_not_apply_to_a_reporting_parenthesis():
    c = only("As the paper reported, even if the vote passes, the plant will close.")
    assert c.text.endswith("the plant will close.")


def test_a_fronted_clause_before_said_monday_that_reads_forward():
    claims = attributed(
        "While farmers have voiced doubts about the dam, many said Monday that the vote "
        "would settle it."
    )
    said = [c for c in claims if c.cue == "said"]
    assert said and said[0].source == "many"
    assert said[0].text.endswith("that the vote would settle it.")


def test_reporters_appositive_at_the_end_is_not_content():
    c = only("The mayor said the levy should be scrapped, a move the council rejected.")
    assert c.text == "the levy should be scrapped"


def test_where_it_was_said_ends_a_noun_phrase_content():
    c = only_reading("The governor blamed the utility on Twitter before the hearing.")
    assert c.text == "the utility"


def test_where_it_was_said_with_that_goes_on():
    c = only("The governor praised the plan in a statement that called it overdue.")
    assert c.text.startswith("the plan in a statement that")


def test_time_phrase_ending_a_noun_phrase_content():
    c = only("The union endorsed Ames last week.")
    assert c.text == "Ames"


def test_a_list_at_the_end_of_a_noun_phrase_content_is_kept():
    c = only("One of the doctors called the treatment useless, costly and cruel.")
    assert c.text == "the treatment useless, costly and cruel."


def test_a_cue_inside_an_opening_phrase_ends_at_its_comma():
    claims = readings(
        "In a statement announcing the pick, the union called the senator a champion of workers."
    )
    assert (claims[0].cue, claims[0].text) == ("announcing", "the pick")
    assert claims[1].cue == "called"


def test_fronted_phrase_then_said_on_a_day_that_reads_forward():
    text = "Before the vote on the levy, the school board said on Friday that it had cut 40 jobs."
    c = only(text)
    assert c.source == "the school board"
    assert c.text == "that it had cut 40 jobs."


def test_a_new_clause_after_comma_and_is_the_reporters():
    c = only("Ames said the levy would pass, and the market did nothing all week.")
    assert c.text == "the levy would pass"
    c = only("Ames said the levy would pass, and then it would fund the schools.")
    assert c.text.endswith("fund the schools.")


def test_but_that_continues_the_content():
    c = only("Ames said that the levy had failed, but that the schools would stay open.")
    assert c.text == "that the levy had failed, but that the schools would stay open."


def test_short_aside_inside_the_content_is_kept():
    c = only("He also says the email scandal, while troublesome, was dealt with properly.")
    assert c.text == "the email scandal, while troublesome, was dealt with properly."
    c = only("Lee said the plan was dead, while Ames was in Ohio.")
    assert c.text == "the plan was dead"


def test_content_opening_with_a_pronoun_is_a_clause():
    c = only("But she works on a different principle, the mayor said.")
    assert (c.source, c.text) == ("the mayor", "But she works on a different principle")


def test_a_concessive_aside_inside_a_noun_phrase_does_not_end_the_content():
    c = only("He said Lee could win traditionally blue, though culturally conservative, towns.")
    assert c.text == "Lee could win traditionally blue, though culturally conservative, towns."


def test_an_aside_right_after_that_does_not_end_the_content():
    c = only("Officials say that, even if they wanted one, a recount could not be done.")
    assert c.text == "that, even if they wanted one, a recount could not be done."


@pytest.mark.parametrize(
    "dateline", ["MIAMI — ", "RYE, N.H. - ", "LONDON (Reuters) — ", "Dunmore, June 3 - "]
)
def test_a_dateline_is_no_part_of_the_content(dateline):
    text = f"Port deal approved\n\n{dateline}The port handled 2 million containers, an audit found."
    claim = attributed(text)[0]
    assert claim.text.startswith("The port handled 2 million containers")


def test_an_infinitive_content_ends_before_a_second_past_verb_of_the_speaker():
    r = readings("The governor vowed to keep the ferry running and praised the crews on Friday.")
    assert r[0].text == "to keep the ferry running"
    r = readings("A council aide declined to be named and is not on the budget panel.")
    assert r[0].text == "to be named"


def test_an_infinitive_content_goes_on_over_its_own_coordinated_verbs():
    c = only("The mayor promised to fix the bridge and reopen the market by June.")
    assert c.text == "to fix the bridge and reopen the market by June."
    c = only("The union wants to raise pay and need-based grants for apprentices.")
    assert c.text == "to raise pay and need-based grants for apprentices."


def test_but_and_a_verb_without_subject_continues_the_content():
    c = only("The auditor said the tender was fair, but required more paperwork.")
    assert c.text == "the tender was fair, but required more paperwork."
    c = only("Ames said the levy would pass, but not the bond.")
    assert c.text == "the levy would pass, but not the bond."


def test_the_second_half_of_not_a_but_b_continues_the_content():
    c = only("The mayor promised not a rent freeze, but a rent holiday for small shops.")
    assert c.text == "not a rent freeze, but a rent holiday for small shops."


def test_but_after_an_infinitive_content_is_the_speakers():
    c = attributed("The coach agreed to stay another season, but left in March.")[0]
    assert c.text == "to stay another season"


def test_but_and_an_inverted_clause_is_the_reporters():
    c = attributed("Lee said the levy was popular, but should it fail, the schools will close.")[0]
    assert c.text == "the levy was popular"


def test_while_setting_a_second_figure_against_the_first_continues_the_content():
    c = only("The survey found that 41 percent back Ames, while 33 percent back Lee.")
    assert c.text == "that 41 percent back Ames, while 33 percent back Lee."


def test_while_without_figures_is_the_reporters_contrast():
    c = attributed("The survey found that Ames leads in the north, while Lee campaigned in Dover.")
    assert c[0].text == "that Ames leads in the north"


def test_while_with_a_report_of_its_own_ends_the_content():
    text = "The group said it spent $2 million, while a rival group reported spending $3 million."
    assert readings(text)[0].text == "it spent $2 million"


def test_a_dash_and_a_new_clause_end_the_content():
    c = attributed("Ames insists the levy will pass — and the council is drafting a budget.")
    assert c[0].text == "the levy will pass"


def test_and_a_pronoun_with_a_past_or_s_verb_ends_the_content():
    c = attributed("Ames said the levy failed because turnout fell, and he blamed the weather.")
    assert c[0].text == "the levy failed because turnout fell"
    c = attributed("Lee says the port could grow next year, and she wants a new crane.")
    assert c[0].text == "the port could grow next year"


def test_the_reporters_apposition_with_the_ends_the_content():
    c = only("The board said it had cut 40 jobs since May, the first cuts in a decade.")
    assert c.text == "it had cut 40 jobs since May"


def test_a_list_or_a_main_clause_after_the_comma_and_the_goes_on():
    c = only("Lee said the plan would cut waste, the cost of permits and the wait for repairs.")
    assert c.text == "the plan would cut waste, the cost of permits and the wait for repairs."
    c = only("Ames said that even in small towns, the levy failed by wide margins.")
    assert c.text == "that even in small towns, the levy failed by wide margins."


def test_even_as_or_even_though_is_the_reporters_contrast():
    c = attributed("Ames has said she will back the levy, even as her aides question its cost.")
    assert c[0].text == "she will back the levy"
    c = attributed("Lee said the port was safe, even though inspectors found rust on the cranes.")
    assert c[0].text == "the port was safe"


def test_even_if_stays_in_the_content():
    c = only("Lee said the plan would pass, even if the council delays the vote.")
    assert c.text == "the plan would pass, even if the council delays the vote."


def test_a_time_phrase_before_a_comma_ends_a_noun_phrase_content():
    c = attributed("The union endorsed Ames in early June, weeks before the strike vote.")[0]
    assert c.text == "Ames"


def test_a_time_phrase_before_a_list_of_places_stays():
    c = attributed("The paper praised Lee's wins Tuesday in Ohio, Iowa and Maine.")[0]
    assert c.text == "Lee's wins Tuesday in Ohio, Iowa and Maine."


def test_a_clause_of_when_or_why_ends_a_noun_phrase_content():
    c = only("Senator Lee endorsed the new harbour levy after her son came out against it.")
    assert (c.cue, c.text) == ("endorsed", "the new harbour levy")
    c = only("Lee praised the city budget for schools when it came to the council.")
    assert c.text == "the city budget for schools"


def test_a_clause_of_when_stays_after_a_bare_noun_or_with_a_cue_of_its_own():
    c = only("Lee endorsed the levy after her son came out against it.")
    assert c.text == "the levy after her son came out against it."
    c = only("Lee recalled the night when her father lost his job at the mill.")
    assert c.text == "the night when her father lost his job at the mill."
    text = "Lee called on members to drop Roe after the harbour developer claimed Roe lied."
    assert only(text).text.endswith("after the harbour developer claimed Roe lied.")


def test_the_reason_of_a_judgement_stays_in_a_noun_phrase_content():
    c = only("The mayor called the toll plan “a blunder” because few drivers use the bridge.")
    assert c.text == "the toll plan “a blunder” because few drivers use the bridge."
    c = only("Ada Brook accused the board of hiding the audit because the vote was close.")
    assert c.text.endswith("because the vote was close.")
    c = only("The union demanded a pay freeze for managers because of the deficit.")
    assert c.text == "a pay freeze for managers because of the deficit."


def test_because_still_ends_a_name_or_a_bare_noun_phrase():
    c = only("The union is backing Ruth Adler because she grew up in the valley.")
    assert c.text == "Ruth Adler"
    text = "The senators skipped the hearing because they felt the panel was unfair."
    assert not attributed(text)


def test_a_content_inside_a_fronted_clause_ends_before_the_main_clause():
    text = "While the mayor has said the levy is fair, her aides have drafted a cheaper plan."
    c = attributed(text)[0]
    assert (c.source, c.text) == ("the mayor", "the levy is fair")
    text = "Although Lee says she backs the harbour plan, she has not voted for it."
    assert attributed(text)[0].text == "she backs the harbour plan"


@pytest.mark.parametrize(
    "text",
    [
        "Just when the mayor said the levy was fair, her aides drafted a cheaper plan.",
        "Even though the mayor said the levy was fair, her aides drafted a cheaper plan.",
        "Only after the mayor said the levy was fair, her aides drafted a cheaper plan.",
    ],
)
def test_a_stressed_subordinator_still_opens_a_fronted_clause(text):
    c = attributed(text)[0]
    assert (c.source, c.text) == ("the mayor", "the levy was fair")


def test_the_main_clause_after_a_stressed_fronted_clause_is_the_reporters():
    c = only("Just when the ferry crew planned to strike on Friday, the owners raised wages.")
    assert (c.cue, c.text) == ("planned", "to strike on Friday")


def test_as_someone_said_keeps_the_main_clause():
    text = "As the mayor said in May, the levy is fair and the bridge will reopen."
    assert attributed(text)[0].text.endswith("the levy is fair and the bridge will reopen.")


@pytest.mark.parametrize(
    "text",
    [
        "As the ferry company said in May, the timetable is final.",
        "As Okafor told reporters on Tuesday, the timetable is final.",
        "As the harbour board noted last week, the timetable is final.",
    ],
)
def test_the_adjunct_of_an_opening_as_clause_is_left_out_of_the_content(text):
    assert only(text).text == "the timetable is final."


def test_an_opening_as_clause_with_its_own_clause_after_the_cue_keeps_it():
    c = only("As the ferry company said it would in May, the timetable changed.")
    assert c.text.startswith("it would")
