"""Cue words: which words and phrases are cues, and which uses of them are not ("think tank",
"pledged delegates").
"""

import pytest

from tests.extraction.checks import attributed, only, only_reading, readings


@pytest.mark.parametrize(
    "verb", ["confirmed", "denied", "claimed", "warned", "added", "insisted", "reported"]
)
def test_reporting_verbs(verb):
    text = f"The health ministry {verb} that three clinics had closed in the north."
    c = only(text)
    assert c.cue == verb
    assert c.source == "The health ministry"
    assert c.source_kind == "government"


def test_brand_as_a_noun_is_not_a_cue():
    text = "The designer, who works for another brand in Milan, said the show was rushed."
    c = only(text)
    assert c.cue == "said"


def test_added_speech_verbs():
    c = only("The crowd outside the court chanted that the judge must resign.")
    assert c.cue == "chanted"
    c = only("Ms. Ito was referring to the flood maps published in 2019.")
    assert c.cue == "was referring to"


def test_unreliable_form_is_not_a_cue():
    assert attributed("The party maintained a narrow lead in the northern districts.") == []


def test_new_belief_and_intention_forms():
    c = only("The union is seeking a four-day week for all drivers.")
    assert c.cue == "is seeking"
    c = only("Most voters in the district backed the new school levy.")
    assert c.cue == "backed"
    assert c.text == "the new school levy."


def test_noun_like_cue_followed_by_that():
    text = "Pia Holm, a local historian, notes that the mill closed in 1921."
    c = only(text)
    assert c.cue == "notes"
    assert c.source == "Pia Holm, a local historian"


def test_capitalised_cue_word_in_body_text_is_a_name():
    text = "The first line is plain.\nThe Islamic State Says Nothing band played late."
    assert [c for c in attributed(text) if c.cue == "Says"] == []


def test_lexicon_verb_derived_from_frequency():
    c = only("The governor mused that the storm season might never end.")
    assert c.cue == "mused"
    assert c.source == "The governor"


def test_pledged_delegates_is_not_a_cue():
    text = "The senator now holds 420 pledged delegates after the Ohio primary."
    assert [c for c in attributed(text) if c.cue and "pledged" in c.cue] == []


def test_negated_auxiliary_is_part_of_the_cue():
    c = only("Ida Park hasn't said whether she will run again.")
    assert c.source == "Ida Park"
    assert c.cue == "hasn't said"
    c = only("I don’t believe the numbers add up.")
    assert c.source == "I"


def test_told_delegates_is_a_speech_verb():
    c = only(
        "Lee, the only candidate to visit the county, told delegates that their votes mattered."
    )
    assert c.source.startswith("Lee")
    assert c.text == "that their votes mattered."


def test_new_stance_words():
    c = only("Ida Park is confident that the levee will hold.")
    assert c.source == "Ida Park"
    assert c.text == "that the levee will hold."
    c = only("The memo lists three reasons for closing the clinic.")
    assert c.source == "The memo"


def test_any_past_verb_before_that_is_a_cue():
    c = only("The mayor clarified that the curfew ends at midnight.")
    assert c.source == "The mayor"
    assert c.cue == "clarified"
    assert c.text == "that the curfew ends at midnight."


def test_noun_after_a_verb_of_expressing_belongs_to_the_cue():
    c = only("Lee expressed his condolences over the flooding in Ely.")
    assert c.cue == "expressed his condolences over"
    assert c.text == "the flooding in Ely."
    c = only("Lee voiced skepticism that the levee would hold.")
    assert c.text == "that the levee would hold."


def test_noun_like_cue_after_a_plural_subject():
    c = only("A growing number of county senators support reforming the tax code.")
    assert c.source == "A growing number of county senators"
    assert c.text.startswith("reforming the tax code")


def test_noun_like_cue_after_an_apposition():
    c = only(
        "Mr. Lee, a career politician who is running again, hopes the county will forgive him."
    )
    assert c.source.startswith("Mr. Lee")
    assert c.text.startswith("the county will forgive him")


def test_noun_like_cue_after_a_singular_person_noun_is_a_verb():
    c = only("The mayor hopes the bond would pass in the fall.")
    assert (c.source, c.cue) == ("The mayor", "hopes")
    assert c.text.startswith("the bond would pass")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's hopes for the bond were dashed.",
        "Her presidential hopes the party dashed were real.",
    ],
)
def test_noun_like_cue_after_a_possessive_or_an_adjective_stays_a_noun(text):
    assert all(c.cue != "hopes" for c in attributed(text))


def test_made_it_clear_is_a_cue():
    c = only("The governor made it clear that the budget would not be reopened.")
    assert c.cue == "made it clear"
    assert c.source == "The governor"
    assert c.text == "that the budget would not be reopened."


def test_spoke_about_and_took_aim_at_are_cues():
    claims = readings("Ames spoke about the drought. Later, Lind took aim at the water board.")
    assert [(c.cue, c.text) for c in claims] == [
        ("spoke about", "the drought."),
        ("took aim at", "the water board."),
    ]


def test_as_x_put_it_is_a_cue():
    c = only("As one farmer put it, the river is the only bank they trust.")
    assert c.cue == "put it"
    assert c.source == "one farmer"
    assert c.text == "the river is the only bank they trust."


def test_issued_a_statement_saying_is_one_cue():
    c = only("The utility issued a statement saying the outage was caused by a storm.")
    assert c.cue == "issued a statement saying"
    assert c.text == "the outage was caused by a storm."


def test_a_possessive_before_an_s_word_is_a_noun_phrase():
    c = only("The council has responded with fines, including Friday’s warnings to landlords.")
    assert c.cue.startswith("has responded")


def test_adverb_before_a_noun_like_cue_makes_it_a_verb():
    c = only("Ames similarly blasts free trade.")
    assert c.cue == "similarly blasts"
    assert c.text == "free trade."


def test_think_tank_is_a_noun():
    assert attributed("She is a fellow at a liberal think tank in Washington.") == []


def test_a_bare_verb_form_after_a_possessive_is_a_noun():
    claims = attributed("The row ended in the mayor’s tweet about the council.")
    assert [c.cue for c in claims] == []
    c = only("He’s said that the plan is dead.")
    assert (c.source, c.cue) == ("He", "’s said")


def test_voting_and_point_making_phrases_are_cues():
    c = only_reading("Ames voted against the levy in 2019.")
    assert (c.cue, c.source) == ("voted against", "Ames")
    assert c.text.startswith("the levy")
    c = only_reading("The mayor has made no secret of her plans for the river.")
    assert c.cue == "has made no secret of"
    assert c.text.startswith("her plans")


def test_more_phrase_cues():
    c = only("The mayor stood by her decision to close the pool.")
    assert (c.cue, c.source) == ("stood by", "The mayor")
    c = only("Party leaders are wary of a long primary fight.")
    assert c.cue == "are wary of"
    assert c.text.startswith("a long primary fight")


def test_allows_and_fearing_are_cues():
    c = only("The new rule allows landlords to raise rents by 5 percent.")
    assert (c.cue, c.source) == ("allows", "The new rule")
    c = readings("Fearing a recount, the campaign hired lawyers in three counties.")[0]
    assert (c.cue, c.text) == ("Fearing", "a recount")


def test_present_form_after_a_pronoun_before_that():
    c = only("She reckons that the levy will pass.")
    assert (c.source, c.cue, c.text) == ("She", "reckons", "that the levy will pass.")


def test_now_and_yet_belong_to_the_cue():
    c = only_reading("Trump has not yet responded to the remarks.")
    assert (c.cue, c.text) == ("has not yet responded to", "the remarks.")
    c = only_reading("The council now says the bridge is safe.")
    assert (c.source, c.cue) == ("The council", "now says")


def test_made_no_mention_of_is_a_cue():
    c = only_reading("The mayor made no mention of the flood in her speech.")
    assert c.cue == "made no mention of"
    assert c.text.startswith("the flood")


def test_would_like_is_a_wish():
    c = only("Most residents would like a new bridge over the river.")
    assert (c.source, c.cue) == ("Most residents", "would like")
    assert c.text.startswith("a new bridge")


def test_ing_forms_of_lexicon_verbs_are_cues():
    c = only("The city is demanding that the campaign stop using its logo.")
    assert (c.source, c.cue) == ("The city", "is demanding")
    assert c.text == "that the campaign stop using its logo."


def test_base_and_s_forms_of_lexicon_verbs_are_cues():
    c = only("Most farmers embrace the new water rules.")
    assert (c.source, c.cue) == ("Most farmers", "embrace")
    c = only("The mayor intends to run again in 2028.")
    assert (c.cue, c.text) == ("intends", "to run again in 2028.")


def test_stance_verbs_are_weak_cues():
    c = only("The governor downplayed the risk of a second flood.")
    assert (c.source, c.cue) == ("The governor", "downplayed")
    c = only("Ames understands that the levy will fail.")
    assert c.text == "that the levy will fail."


def test_more_phrase_cues_of_statement():
    c = only("The mayor pointed out that the bridge was forty years old.")
    assert (c.cue, c.text) == ("pointed out", "that the bridge was forty years old.")
    c = only("Ames took issue with the council's new budget.")
    assert c.cue == "took issue with"
    assert c.text.startswith("the council's new budget")


def test_found_as_establish_or_with_a_reflexive_is_not_a_cue():
    assert attributed("Nega helped found the movement in 2008.") == []
    assert attributed("After the ruling he found himself on the street.") == []
    assert only("The audit found that the fund had lost $2 million.").cue == "found"


def test_adding_to_a_lead_is_not_speech():
    assert attributed("Lee won Ohio, adding to her lead over Roe in the South.") == []
    assert only("Lee won Ohio, adding that the South was next.").cue == "adding"


def test_with_or_of_after_the_verb_belongs_to_the_cue():
    c = only("The medical association agrees with Dr. Dean.")
    assert (c.cue, c.text) == ("agrees with", "Dr. Dean.")


def test_about_after_the_verb_belongs_to_the_cue():
    c = only("The mayor boasts about the new stadium deal.")
    assert (c.cue, c.text) == ("boasts about", "the new stadium deal.")
    c = only("Reporters asked Lee about her plans for the harbour.")
    assert (c.cue, c.text) == ("asked Lee about", "her plans for the harbour.")


def test_against_after_the_verb_belongs_to_the_cue():
    c = only("Lee warned voters against the new toll plan.")
    assert (c.cue, c.text) == ("warned voters against", "the new toll plan.")


def test_about_stays_in_the_content_before_an_amount_or_a_bare_noun():
    assert only("Ames said about 40 jobs were cut.").text == "about 40 jobs were cut."
    assert only("Ames said about half the staff would leave.").text.startswith("about half")
    assert only("Reporters asked about the merger.").text == "about the merger."
    c = only("Lee was asked a pointed question about the harbour plan.")
    assert c.text == "about the harbour plan."


def test_want_and_worry_after_a_singular_noun_are_verbs():
    c = only("Only about 4 in 10 voters in each state want the plant to close.")
    assert (c.cue, c.text) == ("want", "the plant to close.")
    assert only("Neither side wants a war over the islands.").source == "Neither side"


def test_an_s_verb_after_this_or_an_adverb_makes_a_clause():
    c = only("This makes it hard to correct the record, he said.")
    assert (c.source, c.text) == ("he", "This makes it hard to correct the record")
    c = only("This includes a special unit, the defense secretary told a panel Wednesday.")
    assert c.source == "the defense secretary"


def test_a_participle_before_a_title_noun_is_no_cue():
    c = only('"I am proud of you," former policy planning director Ann Lee wrote in a message.')
    assert (c.cue, c.source) == ("wrote", "former policy planning director Ann Lee")


def test_a_noun_like_verb_before_a_possessive_is_a_verb():
    c = only("The candidate claims his fortune is larger than reported.")
    assert (c.source, c.cue) == ("The candidate", "claims")


def test_went_on_to_say_is_a_speech_cue():
    claims = attributed("Lee joked that Ely was his answer but went on to say, “Ely is bad.”")
    assert [(c.cue, c.source) for c in claims] == [("joked", "Lee"), ("went on to say", "Lee")]


def test_willing_to_is_a_stance_cue():
    c = only("The mayor is willing to raise the levy next year.")
    assert (c.source, c.text) == ("The mayor", "to raise the levy next year.")


@pytest.mark.parametrize(
    "text",
    [
        "The state party eventually backed down after a week of protests.",
        "Hundreds of voters signed up for the new mail ballot this spring.",
        "Thousands of supporters showed up at the rally in the pouring rain.",
    ],
)
def test_a_particle_makes_a_cue_word_another_verb(text):
    assert attributed(text) == []


def test_a_speech_verb_keeps_its_particle_use():
    c = only("The governor talked up her plan to rebuild the harbour by 2030.")
    assert c.cue == "talked"
    assert c.text.startswith("up her plan")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor continued her tour of the flooded streets on Friday.",
        "Divers continued their search for the missing boat near the pier.",
        "Prices continued to climb through the winter.",
    ],
)
def test_continue_without_speech_reports_nothing(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor continued to insist that the bridge was safe.",
        "The mayor continued that the bridge was safe.",
        "“The bridge is safe,” the mayor continued.",
    ],
)
def test_continue_before_speech_still_reports(text):
    claims = attributed(text)
    assert claims and claims[0].source.lower() == "the mayor"
    assert "the bridge" in claims[0].text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Two questions: Why would the council wait a year?",
        "The mayor has 3 reports on the bridge, none of them published.",
    ],
)
def test_a_counted_noun_is_no_cue(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She has shown her skill as a negotiator and as a determined advocate in all sorts of"
        " situations over a lifetime in the public eye.",
        '"The bridge is safe," said Rep. Ann Roe (D-Ohio), a leading advocate for human rights'
        " in Burma.",
    ],
)
def test_an_advocate_after_a_modifier_is_no_cue(text):
    assert all(c.cue != "advocate" for c in attributed(text))


def test_advocates_after_a_subject_is_a_cue():
    c = only("Teachers advocate more funding for the smallest schools.")
    assert (c.source, c.cue) == ("Teachers", "advocate")


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Barr now runs a food bank called Open Pantry.",
        "The money went to a consultancy called Harrow Data, which built voter files.",
        "Mayor Ito called Jo Lee on Monday.",
    ],
)
def test_a_name_given_or_a_telephone_call_is_no_attribution(text):
    assert not any(r.cue == "called" for r in readings(text))


def test_called_with_a_second_complement_still_reports():
    c = only("Mayor Ito called the audit “a hatchet job.”")
    assert (c.source, c.cue) == ("Mayor Ito", "called")
    assert only("Lee called the plan reckless and unfair.").cue == "called"


@pytest.mark.parametrize(
    "text",
    [
        "Dunn won most of the string of contests known as Harbor Week in the spring.",
        "The county banned a drilling method known as fracking in its western valleys.",
        "Dunn racked up critical victories in the early counties last spring.",
        "The new ferry gave critical support to the towns along the northern coast.",
    ],
)
def test_a_name_given_or_an_adjective_before_its_noun_is_no_cue(text):
    assert attributed(text) == []


def test_known_as_after_a_copula_and_critical_of_stay_cues():
    c = only("The harbour master is known as a hawk on spending.")
    assert c.cue == "is known as"
    c = only("Dunn was critical of the plan to close the pier.")
    assert c.cue == "was critical of"


@pytest.mark.parametrize(
    "text",
    [
        "Well, you know, the ferry has never once been late in the winter months.",
        "The harbour as we know it will be gone by the end of the decade.",
    ],
)
def test_you_know_as_a_filler_is_no_cue(text):
    assert not any(c.cue and c.cue.endswith("know") for c in attributed(text))


def test_know_before_a_clause_stays_a_cue():
    c = only("We now know that the ferry was late on most winter mornings.")
    assert c.cue == "now know"


@pytest.mark.parametrize(
    "text",
    [
        "The county was decided by less than one percentage point in the last race.",
        "The contests in Salem and Ely have not yet been decided by the board.",
    ],
)
def test_a_contest_decided_is_no_decision_reported(text):
    assert not any(c.cue and "decided" in c.cue for c in attributed(text))


def test_a_decision_stays_a_cue():
    c = only("The harbour board decided to close the pier for the winter.")
    assert c.cue == "decided"


@pytest.mark.parametrize(
    "text",
    [
        "Dunn, who is also a host on the TV show about boats, said nothing else.",
        "Only The Harbour Hour Show on Channel 4 drew more viewers in the spring.",
        "The candidates' favorite TV shows sound about right for a county race.",
    ],
)
def test_a_programme_is_no_show_cue(text):
    assert not any(c.cue and c.cue.lower().endswith(("show", "shows")) for c in attributed(text))


def test_records_and_slides_still_show():
    c = only("Another slide shows that most of the fish sold in Salem comes from Ely.")
    assert c.cue == "shows"


WITHOUT_ITS_PARTICLE = [
    "The flood laid bare the council's long-held differences with the harbour board.",
    "Councillor Reid, who laid low during the 2019 race, returned to the council.",
    "The Riverton campaign laid the groundwork for a second bid.",
]


@pytest.mark.parametrize("text", WITHOUT_ITS_PARTICLE)
def test_laid_without_out_reports_no_words(text):
    assert not any(c.cue == "laid" for c in attributed(text))


def test_laid_out_reports_a_plan():
    c = only("Mayor Diaz laid out a plan to reopen the depot by May.")
    assert (c.source, c.cue) == ("Mayor Diaz", "laid")
    assert c.text.startswith("out a plan")
