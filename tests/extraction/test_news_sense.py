"""Check-worthiness: one score everywhere, news-sense rules, and what is not a claim at all.

Every sentence here is written for these tests. The three "real-article" tests restate, in new
sentences, failures seen on real news articles: a raw tweet embed at the top of the queue, a
reporter's scene-setting ranked as a claim, and a candidate's quotations ranked far below the
same statements made in narration.
"""

import pytest

from claims.extraction import extract
from claims.extraction.__main__ import document
from claims.extraction.checkworthiness import score, score_claim
from claims.extraction.evaluate import average_precision, evaluate_checkworthiness
from claims.extraction.junk import RULES, not_a_claim, prose
from tests.extraction.checks import only

RALLY = (
    "Jane Roe, 54, arrived in Harrisburg on Tuesday afternoon for her third visit to the state "
    "this month.\n"
    "“We created 400,000 jobs in this state in four years,” Roe told the crowd. "
    "“The governor cut school funding twice and then lied about it,” she said.\n"
    '<tweet id="1310365208519065601" data-conversation="none" data-cards="hidden" '
    'data-width="550" data-align="center">\n'
    "Roe said her opponent had voted against the infrastructure bill three times. "
    "“I love this state and I love every one of you,” she said.\n"
)


def claim_with(claims, words):
    found = [c for c in claims if words in c.text]
    assert found, f"no claim contains {words!r}: {[c.text for c in claims]}"
    return found[0]


# --- The three failures seen on real articles ----------------------------------------------------


def test_a_raw_tweet_embed_is_never_a_claim_and_never_scores():
    claims = extract(RALLY)
    assert not [c for c in claims if "tweet" in c.text]
    assert score('<tweet id="1310365208519065601">') == (
        0.0,
        ("not a claim: markup or embed code",),
    )
    embed = '<iframe src="https://video.example.org/embed/8812" width="560"></iframe>'
    assert extract(embed) == []


def test_a_reporters_scene_setting_ranks_below_the_candidates_claims():
    claims = extract(RALLY)
    scene = claim_with(claims, "arrived in Harrisburg")
    assert scene.score < 0.5
    assert "reporter's scene-setting (who went where, when)" in scene.reasons
    for words in ("400,000 jobs", "cut school funding", "infrastructure bill"):
        assert claim_with(claims, words).score > scene.score


def test_a_checkable_quotation_ranks_as_high_as_the_same_statement_in_narration():
    claims = extract(RALLY)
    for words, narration in (
        ("400,000 jobs", "We created 400,000 jobs in this state in four years."),
        ("cut school funding", "The governor cut school funding twice and then lied about it."),
    ):
        quoted = claim_with(claims, words)
        assert quoted.kind == "direct"
        assert quoted.score >= score(narration)[0]
        assert quoted.score >= 0.5
    assert claim_with(claims, "I love this state").score < 0.5


# --- One score everywhere -----------------------------------------------------------------------


def test_an_unattributed_sentence_scores_what_the_sentence_model_says():
    text = "The city's murder rate doubled between 2015 and 2020."
    [claim] = extract(text)
    assert claim.kind == "unattributed"
    assert (claim.score, claim.reasons) == score(text)


def test_an_attributed_claim_scores_its_whole_sentence_not_the_fragment():
    text = "The minister said it was the largest budget cut in forty years."
    claims = extract(text)
    assert claims and all(c.kind != "unattributed" for c in claims)
    sentence_score = score(text)[0]
    assert sentence_score >= 0.5
    for c in claims:
        assert c.score >= sentence_score
        assert (c.score, c.reasons) == score_claim(c.text, text, c.kind, c.numbers)


def test_the_cli_and_the_evaluator_give_the_pipelines_score():
    text = "Rents in the capital rose 30 percent in two years."
    [claim] = extract(text)
    assert document("d", text)["claims"][0]["score"] == claim.score
    report, _, _ = evaluate_checkworthiness([{"text": text, "label": 1}], 0.5)
    assert "pipeline        P 1.000  R 1.000  F1 1.000" in report


def test_a_short_check_worthy_sentence_still_yields_a_claim():
    claims = extract("We doubled the police budget.")
    assert len(claims) == 1 and claims[0].score >= 0.5


def test_a_question_can_be_a_claim_when_the_model_says_so():
    # No blanket rule drops questions; chatter still scores low.
    assert extract("Will you let me finish?") == []


# --- What is not a claim at all -----------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_junk_rule_fires_on_its_example(rule):
    assert not_a_claim(rule.example) == rule.reason


@pytest.mark.parametrize(
    "sentence, reason",
    [
        (
            '<blockquote class="twitter-tweet"><a href="https://t.co/x1">link</a></blockquote>',
            "markup",
        ),
        ("By JANE ROE and SAM POE", "byline"),
        ("Reporting by Sam Poe; Editing by Jane Roe", "byline"),
        ("Photo: Sam Poe/Getty Images", "photo caption or credit"),
        ("Getty/Instagram.", "photo caption or credit"),
        ("(Harbour Daily/Ines Marlow)", "photo caption or credit"),
        ("(Northline News / Tom Beck / Pool)", "photo caption or credit"),
        ("FACEBOOK.", "a label or a single word"),
        ("Refugees.", "a label or a single word"),
        ("Marchers cross the bridge on Sunday. (Photo by Sam Poe/Getty Images)", "photo"),
        ("Share this article", "navigation or page furniture"),
        ("By Ines Marlow and Tom Beck | Staff writers", "byline"),
        ("By Ines Marlow, Transport Correspondent", "byline"),
        ("Posted Jan. 12, 2026 at 8:05 a.m.", "publication time"),
        ("Last updated 10:40 a.m. GMT", "publication time"),
        ("Write to Ines Marlow at imarlow@example.org.", "contact details"),
        ("Editor’s note: An earlier version misspelled the mayor’s name.", "editor's note"),
        ("This story has been updated with the council’s vote.", "editor's note"),
        ("Home | Local | Sport | Weather", "navigation or page furniture"),
        ("Ines Marlow/Harbour Daily", "photo caption or credit"),
        ("Sign up for our morning newsletter", "navigation or page furniture"),
    ],
)
def test_page_furniture_is_not_a_claim(sentence, reason):
    assert reason in (not_a_claim(sentence) or "")
    assert score(sentence)[0] == 0.0


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time the vote was held, prices had risen 20 percent.",
        "By 2030, the city will need 40,000 more homes.",
        "By Sunday, Smith had raised $2 million from donors.",
        "Related to this, the council cut 400 jobs.",
        "The bill passed 52-48, Reuters reported.",
        "Video showed police officers pushing a man to the ground.",
        "China is paying.",
        "Updated figures show 40 percent of buses ran late in 2025.",
        "Published reports put the cost at $4 million, up from $3 million in 2024.",
        "This story began in 2019, when the county sold the depot for $1.",
        "Wages rose 3 percent | prices rose 4 percent | rents rose 9 percent",
        "(Sales rose 4 percent in 2025/26.)",
        "Sign-ups for the program fell by half after the fee was introduced in 2019, "
        "according to figures the ministry published on Monday, and officials blamed the cost.",
    ],
)
def test_prose_that_resembles_furniture_is_left_to_the_model(sentence):
    assert not_a_claim(sentence) is None


@pytest.mark.parametrize(
    ("line", "claim"),
    [
        (
            "HALDEN, Jan. 9 (Northline News) — Exports from the port fell 8 percent in 2025.",
            "Exports from the port fell 8 percent in 2025.",
        ),
        ("KESTREL BAY (NW) - Exports from the port fell 8 percent in 2025.", None),
        ("OSLO — Exports from the port fell 8 percent in 2025.", None),
        ("USA - Canada trade fell 8 percent.", "USA - Canada trade fell 8 percent."),
        ("AFL-CIO members fell 8 percent.", "AFL-CIO members fell 8 percent."),
    ],
)
def test_a_wire_dateline_is_no_part_of_the_claim(line, claim):
    claims = extract(f"Port exports fall\n{line}\nThe port employs 3,000 people.")
    assert claims[0].text == (claim or "Exports from the port fell 8 percent in 2025.")


def test_prose_drops_markup_and_links_but_keeps_the_words():
    assert prose("Turnout rose <b>sharply</b>, see https://example.org/x.") == (
        "Turnout rose sharply , see"
    )


# --- The evaluator's average precision ----------------------------------------------------------


def test_average_precision_of_a_ranking():
    # Ranked: +, -, +  -> (1/1 + 2/3) / 2
    assert average_precision([0.9, 0.8, 0.7], [True, False, True]) == pytest.approx(5 / 6)
    # A tie is one step: both at 0.5 count together.
    assert average_precision([0.5, 0.5], [True, False]) == pytest.approx(0.5)


def test_a_single_word_is_a_claim_when_an_attribution_says_it():
    c = only("Ann Roe endorses Okafor.")
    assert (c.source, c.text) == ("Ann Roe", "Okafor.")
    assert not_a_claim("Okafor.", part=True) is None
