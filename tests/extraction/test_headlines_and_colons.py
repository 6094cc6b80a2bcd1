"""Headlines, colons and labels: "Sanders: C", "Judge slams map", "X said:" with a block quotation,
credit lines.
"""

import pytest

from claims.extraction import DIRECT, extract
from tests.extraction.checks import attributed, only


def test_direct_quote_colon():
    text = 'The coach said: "We trained harder than anyone in the league."'
    c = only(text)
    assert c.kind == DIRECT
    assert c.text.startswith('"We trained')


def test_title_case_headline_cue():
    text = "Harbour Board Says Ferry Fares Will Double\nThe board met on Monday."
    c = only(text)
    assert c.source == "Harbour Board"
    assert c.cue == "Says"
    assert c.text.startswith("Ferry Fares")


def test_title_case_line_inside_an_article_is_read_as_a_headline():
    text = "The vote was close.\n\nMayor Responds To Critics Of The Bridge Plan.\n\nMore follows."
    c = [c for c in attributed(text) if c.cue.lower().startswith("responds")][0]
    assert c.source == "Mayor"


def test_name_and_colon_introduce_a_quotation():
    c = only("The river had risen again - more from Ida Park: “We have never seen it this high.”")
    assert c.source == "Ida Park"
    assert c.cue == ":"
    assert c.text == "“We have never seen it this high.”"


def test_colon_after_a_speech_phrase_takes_the_next_quotation():
    text = "In a release, the committee said of its new platform:\n\n“It goes further than ever.”"
    claims = [c for c in attributed(text) if c.cue == "said"]
    assert claims[0].source == "the committee"
    assert claims[0].text == "“It goes further than ever.”"


def test_question_and_answer_labels_are_not_sources():
    assert attributed("Q: Is the bridge safe?") == []


def test_headline_name_and_cue_verb():
    text = "Ida Park slams county budget plan.\n\nThe council meets on Monday."
    c = only(text)
    assert c.source == "Ida Park"
    assert c.cue == "slams"
    assert c.text.startswith("county budget plan")


def test_block_quotation_after_a_colon():
    text = (
        "Ames added:\n\nWe will not leave this valley. Nobody will make us.\n\nThe vote is today."
    )
    c = only(text)
    assert c.text == "We will not leave this valley. Nobody will make us."


def test_credit_line_is_not_an_attribution():
    assert attributed("(Reporting by Ida Park; additional reporting by Jo Lee)") == []


def test_transcript_turn_runs_to_the_paragraph_end():
    text = "HOST: Why not debate?\n\nLEE: The dates are set. We will not move them.\n\nHOST: Fine."
    c = [c for c in attributed(text) if c.source == "LEE"][0]
    assert c.text == "The dates are set. We will not move them."


def test_first_line_colon_headline_with_a_phrase_as_speaker():
    text = "Lee to the County Council: The bridge will hold.\n\nThe council met on Monday."
    c = attributed(text)[0]
    assert (c.source, c.cue, c.text) == ("Lee to the County Council", ":", "The bridge will hold.")
    later = "It rained.\nLee to the County Council: The bridge will hold."
    assert all(c.source != "Lee to the County Council" for c in attributed(later))


def test_credit_and_label_lines_are_not_speakers():
    text = "The council met on Monday.\n\nContributing: Jo Lee and Sam Ames.\n\nBYLINE: Ida Park."
    assert attributed(text) == []


def test_labels_and_name_lists_after_a_colon_are_not_speakers():
    assert attributed("The Latest: Storm closes three schools in the valley.") == []
    assert attributed("Ohio: Ann Roe, Bo Lee, Cy Park, Di Ode, Ed Fay, Flo Gant.") == []
    c = only("The Latest: Mayor says the storm will close three schools.")
    assert (c.source, c.cue) == ("Mayor", "says")


def test_a_clause_ending_in_a_colon_introduces_a_quotation():
    c = only("The mayor leaned in and boomed: “We will rebuild this bridge.”")
    assert (c.source, c.text) == ("The mayor", "“We will rebuild this bridge.”")
    assert c.cue == "leaned in and boomed:"


def test_from_the_report_and_a_colon_introduce_a_quotation():
    c = only("From the report: “Samples with longer field periods were more accurate.”")
    assert (c.source, c.text) == (
        "the report",
        "“Samples with longer field periods were more accurate.”",
    )
    c = only("“The city has no plan,” the letter reads.")
    assert (c.source, c.cue) == ("the letter", "reads")


@pytest.mark.parametrize(
    "text",
    [
        "Wow: The harbour board just voted to double the fees.",
        "Bombshell: The mayor kept a second budget all along.",
        "Fix Is In: Council Approves Its Own Pay Rise.",
        "Just Leaked: The Port Deal Was Signed In March.",
        "Stealth Over Health: Mayor Was Driven To A Private Clinic.",
        "Big Win For Okafor: Drivers' Union Holds Off On Endorsement.",
        "Okafor Wades In: Urges Council To Keep The Tram Line.",
    ],
)
def test_a_kicker_or_a_clause_before_a_headline_colon_is_no_speaker(text):
    assert all(claim.source is None for claim in attributed(text))


def test_a_name_before_a_headline_colon_still_speaks():
    assert only("Okafor: Bus fares will fall by a third.").source == "Okafor"


def test_a_speaker_on_a_topic_before_a_headline_colon():
    c = only("Harbour Board Chief On Fares: ‘We Will Not Double Them.’")
    assert (c.source, c.cue) == ("Harbour Board Chief", ":")


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Mayor Ito Just Announced A Plan To Rebuild The Old Bridge.", "Mayor Ito"),
        ("Councillor Dunn Is Now Calling The Budget A Disgrace.", "Councillor Dunn"),
        ("This Councillor Isn’t Challenging The Mayor To A Debate.", "This Councillor"),
    ],
)
def test_a_headline_speaker_loses_its_adverb_and_auxiliary(headline, source):
    assert [c.source for c in attributed(headline)] == [source]


def test_a_headline_fragment_with_a_verb_is_no_speaker():
    claims = attributed("Mayor Ito Makes Awkward Budget Joke To Mock The Council.")
    assert all(c.source is None for c in claims)


SCORECARD = (
    "The county race is close. Here is what each candidate needs on Tuesday.\n\n"
    "Dunn: Win in a walk.\n\n"
    "Dunn has led in every poll of the county this year, usually by ten points or more.\n\n"
    "Roe: Finish second.\n\n"
    "Roe needs the river towns, where her ads have run since the spring.\n\n"
    "Kim: Just hang on.\n\n"
    "Kim has the money to stay in the race until the state convention in June.\n"
)


def test_the_heads_of_a_scorecard_are_no_headlines():
    assert not any(c.cue == ":" for c in attributed(SCORECARD))


def test_a_single_label_line_is_still_a_headline():
    text = "Dunn: Win in a walk.\n\nDunn has led in every poll of the county this year.\n"
    assert [c.source for c in attributed(text) if c.cue == ":"] == ["Dunn"]


@pytest.mark.parametrize(
    "headline",
    [
        "Council approves $4m flood wall after heated debate",
        "Ferry operator posts record $12 million loss as fuel bill doubles",
        "  Two schools to close in Eastfield by 2028",
    ],
)
def test_an_unattributed_headline_line_is_no_claim(headline):
    text = f"{headline}\nThe vote on Tuesday was 7 to 2, and the wall will cost $4.1 million."
    texts = [c.text for c in extract(text)]
    assert headline.strip() not in texts
    assert any(t.startswith("The vote on Tuesday") for t in texts)


def test_a_first_line_ending_in_a_full_stop_is_a_sentence_not_a_headline():
    text = "The ferry operator lost $12 million in 2025, its worst year.\nFuel cost twice as much."
    assert extract(text)[0].text == "The ferry operator lost $12 million in 2025, its worst year."


def test_a_text_of_one_line_without_a_full_stop_is_still_read():
    assert extract("The ferry operator lost $12 million in 2025, its worst year")
