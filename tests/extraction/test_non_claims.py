"""What is attributed but no claim to check: refusals to comment, contents without a predicate,
the sources a report cites, where something came from.
Their sentences do not come back as unattributed claims either."""

import pytest

from claims.extraction import extract
from tests.extraction.checks import attributed, only, only_reading, readings

REFUSALS = [
    "A spokesman for the harbour authority declined to comment on the dredging contract.",
    "The mayor's office did not respond to a request for comment on Tuesday evening.",
    "Councillor Rees did not immediately return messages seeking comment about the audit.",
    "Jo Lee, the agency's director, refused to comment when reached by telephone.",
    "The company declined repeated requests for an interview about the closures.",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_a_refusal_to_comment_is_no_claim_at_all(text):
    assert extract(text) == []


def test_a_refusal_is_still_read_as_an_attribution():
    r = only_reading("A spokesman for the company declined to comment.")
    assert (r.source, r.cue, r.text, r.claim) == (
        "A spokesman for the company",
        "declined",
        "to comment.",
        False,
    )


def test_what_follows_a_refusal_is_a_claim():
    c = only("The minister declined to comment but said the review was nearly done.")
    assert (c.source, c.cue) == ("The minister", "said")


NO_PREDICATE = [
    "The senator thanked his invited guests.",
    "The mayor praised the memo.",
    "Voters were shaken by the fires, which were claimed by the rebel group.",
    "The governor has openly opposed it for years.",
    "The council expressed frustration.",
]


@pytest.mark.parametrize("text", NO_PREDICATE)
def test_a_content_without_a_predicate_is_no_claim(text):
    assert attributed(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The governor praised Ambassador Lindqvist.", "Ambassador Lindqvist."),
        ("The union demanded a 6 percent raise.", "a 6 percent raise."),
        ("Lee called the plan “a disgrace”.", "the plan “a disgrace”."),
        ("The mayor said the tunnel is safe.", "the tunnel is safe."),
    ],
)
def test_names_numbers_quotations_and_clauses_stay_claims(text, content):
    assert only(text).text == content


def test_markup_after_a_cue_is_no_claim():
    text = 'The senator wrote: <tweet id="88412"> and more.'
    assert [(r.text, r.claim) for r in readings(text)] == [("more.", False)]  # (the tag dropped)
    assert extract(text) == []


def test_a_check_worthy_sentence_with_no_claim_in_its_attribution_is_a_claim_of_its_own():
    text = "He has never offered a plan."  # "offered" reads as a cue, "a plan" has no predicate
    assert attributed(text) == []
    (c,) = extract(text)
    assert (c.kind, c.text) == ("unattributed", text)
    assert c.score >= 0.5


def test_a_refusal_stays_no_claim_even_when_its_sentence_reads_check_worthy():
    text = "Councillor Rees did not immediately return messages seeking comment about the audit."
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ferry will stop running in May, the Gazette reported, citing officials at the port.",
        "The fund sold its stake, the newspaper said, citing people familiar with the sale.",
        "The plant will close, Reuters reported on Monday, citing internal documents.",
    ],
)
def test_the_sources_a_report_cites_are_no_claim(text):
    assert [c.cue for c in attributed(text)] == ["reported" if "reported" in text else "said"]
    assert "citing" in [r.cue for r in readings(text)]


def test_what_a_speaker_cites_as_a_reason_stays_a_claim():
    text = "The mayor opposed the tax, citing the loss of two hundred jobs at the port."
    assert "citing" in [c.cue for c in attributed(text)]


def test_a_topic_to_discuss_is_no_claim():
    text = "The harbour board will discuss the dredging audit at its meeting on Monday."
    assert extract(text) == []
    c = only("The board discussed whether the audit had overstated the losses.")
    assert c.cue == "discussed"


def test_the_questions_a_speaker_answers_are_no_claim():
    text = "“The fares will fall,” Okafor said, answering a question at a town hall in Dunmore."
    assert [(c.source, c.cue) for c in attributed(text)] == [("Okafor", "said")]
    assert extract("The mayor answered questions about the budget for an hour.") == []
    assert only("The mayor answered that the budget had doubled.").cue == "answered"


def test_a_crowds_reaction_is_no_attribution():
    text = '"The fares are a scandal," the councillor said, as the crowd cheered. "They must fall."'
    assert [c.source for c in attributed(text)] == ["the councillor"]
    assert attributed("Supporters applauded when the result was read out.") == []
    assert only("The audience cheered her attack on the fare rise.").cue == "cheered"


def test_an_intention_named_by_a_noun_is_no_claim():
    assert "decision" in [r.cue for r in readings("His decision to close the depot angered staff.")]
    assert not any(
        c.cue == "decision" for c in attributed("His decision to close the depot angered staff.")
    )
    assert not any(c.cue == "pledge" for c in attributed("The mayor's pledge to cut fares won."))
    c = only("Her warning that the depot would close came true.")
    assert c.text.startswith("that the depot would close")


def test_an_intention_of_a_plural_possessive_name_is_no_claim():
    text = "The Rivases’ decision to sell the orchard surprised the village."
    r = only_reading(text)
    assert (r.source, r.cue, r.claim) == ("Rivases’", "decision", False)
    assert attributed(text) == []


def test_the_tags_around_an_embedded_tweet_are_no_part_of_its_content():
    text = 'One reader tweeted <tweet author="@jo">The pool has been closed since May.<tweet/>.'
    c = only(text)
    assert (c.source, c.text) == ("One reader", "The pool has been closed since May.")


def test_hashtags_and_handles_alone_are_no_claim():
    text = "The campaign tweeted #Riverton #SaveThePool @cityhall."
    assert attributed(text) == []
    assert [r.claim for r in readings(text)] == [False]


def test_a_source_keeps_no_mark_an_embed_left_before_it():
    text = 'rated it Half True.">Mayor Ito said the pool had cost nothing.'
    assert [c.source for c in attributed(text)] == ["Mayor Ito"]


def test_a_source_keeps_no_comma_or_dash_at_its_edges():
    text = "-Ruth Vale says the ferry will stop running in May."
    assert [c.source for c in attributed(text)] == ["Ruth Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "In the past four years the county has added 9,000 jobs at the port.",
        "The new ferry will add a late crossing to the winter timetable.",
        "In all, the harbour repairs added up to more than $2 million.",
    ],
)
def test_a_thing_added_is_no_attributed_claim(text):
    assert attributed(text) == []
    assert any(r.cue and "add" in r.cue and not r.claim for r in readings(text))


def test_a_thing_added_leaves_the_reporters_statement():
    text = "In the past four years the county has added 9,000 jobs at the port."
    assert [c.kind for c in extract(text)] == ["unattributed"]


def test_words_added_stay_a_claim():
    claims = attributed(
        "The mayor said the pier was safe. She added that the ferry would run in May."
    )
    assert [c.cue for c in claims] == ["said", "added"]
    assert claims[1].text == "that the ferry would run in May."


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called Dunn shortly after the count was announced.",
        "On Friday night, Roe called Kim to congratulate her on the win.",
    ],
)
def test_a_person_telephoned_is_no_claim(text):
    assert not any(c.cue == "called" for c in attributed(text))
    assert any(r.cue == "called" and not r.claim for r in readings(text))


@pytest.mark.parametrize(
    "text",
    [
        "Former senator Ada Brink wrote the introduction for a new book on river towns.",
        "Kemp lived in Leeds and wrote his dissertation on the decline of coastal fisheries.",
        "Late last month, the union wrote a detailed, four-page letter to the law dean.",
    ],
)
def test_a_work_written_is_no_claim(text):
    assert not any(c.cue == "wrote" for c in attributed(text))
    assert any(r.cue == "wrote" and not r.claim for r in readings(text))


@pytest.mark.parametrize(
    "text",
    [
        "Brink wrote a letter to the governor urging him to veto the levy.",
        "Brink wrote a letter that said the levy would fail.",
        "Brink wrote that the levy would fail.",
    ],
)
def test_what_a_letter_says_stays_a_claim(text):
    assert only(text).cue == "wrote"


@pytest.mark.parametrize(
    "text",
    [
        "The lawsuit filed by a former aide named Ana Diaz was dismissed.",
        "An even-then-famous New York builder named Lee Ross owned the lot.",
    ],
)
def test_a_person_named_is_no_claim(text):
    assert not any(c.cue == "named" for c in attributed(text))
    assert any(r.cue == "named" and not r.claim for r in readings(text))


@pytest.mark.parametrize(
    "text",
    [
        "The council named Diaz to the harbour board.",
        "A year later the council named Diaz to the harbour board.",
    ],
)
def test_naming_someone_to_a_post_stays_a_claim(text):
    assert only(text).cue == "named"


def test_calling_someone_something_stays_a_claim():
    c = only("The mayor called Dunn unfit for the harbour board.")
    assert c.cue == "called"
    assert c.text.startswith("Dunn unfit")


def test_comments_that_open_a_content_are_no_refusal():
    c = only("A council aide said comments from the two engineers were consistent with the audit.")
    assert c.cue == "said"
    assert c.text.startswith("comments from the two engineers")


STANCES_OF_A_NAME = [
    "Lee's attacks on Mayor Diaz went on for weeks.",
    "Ms. Ortega's insistence on keeping the depot open cost her the vote.",
    "Councillor Brandt's criticism of Mayor Diaz surprised nobody.",
    "Brandt's views on Route 9 are well known.",
]


@pytest.mark.parametrize("text", STANCES_OF_A_NAME)
def test_a_stance_named_after_a_possessive_name_is_no_claim(text):
    assert [r.claim for r in readings(text)] == [False]
    assert attributed(text) == []


def test_a_claim_about_a_call_for_or_a_pronouns_stance_stays_a_claim():
    assert only("Lee's claims about the Diaz audit were disputed.").cue == "claims about"
    assert only("Lee's call for a Route 9 bypass won support.").cue == "call for"
    assert only("His attacks on Mayor Diaz went on for weeks.").cue == "attacks on"


ORIGINS = [
    "The council issued a report from its two-year audit of the depot.",
    "Ms. Diaz reported from Riverton, and Jo Lee from the harbour.",
]


@pytest.mark.parametrize("text", ORIGINS)
def test_where_something_came_from_is_no_claim(text):
    assert [r.claim for r in readings(text)] == [False]
    assert attributed(text) == []


def test_a_clause_after_from_and_a_verb_of_saying_stays_a_claim():
    assert only("Ms. Lee said: from May, the fares would rise.").text.startswith("from May")
    text = "“From a council that promised cheaper fares, this is absurd,” Ms. Lee added."
    assert only(text).cue == "added"
