"""Source names and kinds: classification, the name inside a source phrase, pronouns and surnames
resolved.
"""

from pathlib import Path

import pytest

from claims.extraction import DIRECT, INDIRECT, extract
from claims.extraction.sources import SourceResolver, classify, head_name
from tests.extraction.checks import attributed, only

SEED = Path(__file__).resolve().parents[2] / "seeds" / "moscow-washington-prisoner-exchange.txt"


def test_anonymous_source_familiar():
    text = "A source familiar with the talks said the deal could be signed within days."
    c = only(text)
    assert c.source == "A source familiar with the talks"
    assert c.source_kind == "anonymous"


def test_pronoun_resolved_to_previous_person():
    text = (
        "Helen Park, the city engineer, said the tunnel was safe. "
        "She said repairs would cost 2 million dollars."
    )
    claims = attributed(text)
    assert len(claims) == 2
    assert claims[1].source == "She"
    assert claims[1].source_name == "Helen Park"
    assert claims[1].source_kind == "person"


def test_surname_normalised_to_full_name():
    text = (
        "Oskar Lindqvist, the ferry operator, said fares would double. "
        "Later Lindqvist told reporters that the fleet was too old."
    )
    names = [c.source_name for c in attributed(text)]
    assert names == ["Oskar Lindqvist", "Oskar Lindqvist"]


def test_seed_article_sources():
    text = SEED.read_text(encoding="utf-8")
    claims = attributed(text)
    by_cue = {}
    for c in claims:
        by_cue.setdefault(c.cue, []).append(c)
    told = [c for c in by_cue["told"]]
    assert {c.source_name for c in told} == {"Kirill Dmitriev"}
    assert any(c.source == "Dmitriev" for c in told)
    reported = by_cue["reported"][0]
    assert reported.source == "Axios"
    assert reported.source_kind == "media"
    assert reported.kind == INDIRECT
    assert reported.text.startswith("Moscow and Washington are discussing")
    quote = [c for c in told if c.kind == DIRECT][0]
    assert quote.text.startswith("“I met some US officials")
    assert any(c.cue == "reportedly" and c.source is None for c in claims)
    assert any(c.cue == "confirmed" and c.source_kind == "anonymous" for c in claims)


def test_classify_sources():
    assert classify("Reuters") == "media"
    assert classify("the newspaper") == "media"
    assert classify("the Kremlin") == "government"
    assert classify("the Interior Ministry") == "government"
    assert classify("two senior officials") == "anonymous"
    assert classify("people familiar with the matter") == "anonymous"
    assert classify("Acme Corp") == "organisation"
    assert classify("a report by the auditor") == "document"
    assert classify("Jane Morrow") == "person"


@pytest.mark.parametrize(
    "phrase",
    ["her opponents on the harbour board", "Senate Democrats", "tenants of the Eastfield estate",
     "striking bus drivers", "the mayor and her advisers"],
)  # fmt: skip
def test_people_who_speak_together_are_a_group(phrase):
    assert classify(phrase) == "group"


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("a jury in Halden County", "group"),
        ("the Chamber of Shipping", "organisation"),
        ("Brackwater Terminals", "organisation"),
        ("the water utility", "organisation"),
    ],
)
def test_juries_chambers_and_operators(phrase, kind):
    assert classify(phrase) == kind


def test_one_of_a_group_is_a_person():
    assert classify("one of the mayor's advisers") == "person"


def test_an_unresolved_they_is_a_group():
    resolver = SourceResolver("They said the fares were too high.")
    assert resolver.resolve("They", 0) == (None, "group")


def test_head_name():
    assert head_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert head_name("Kirill Dmitriev, an aide to the president") == "Kirill Dmitriev"


def test_resolver_outlet():
    text = "The Valley Herald reported the closure. The outlet said more would follow."
    r = SourceResolver(text)
    assert r.resolve("The Valley Herald", 0) == ("Valley Herald", "media")
    assert r.resolve("The outlet", 40)[0] == "Valley Herald"


def test_the_seed_articles_kickback_claim_is_reported():
    claims = extract(SEED.read_text(encoding="utf-8"))
    (kickback,) = [c for c in claims if "$100 million kickback" in c.text]
    assert kickback.kind == "indirect"
    assert kickback.source == "the National Anti-Corruption Bureau"
    assert kickback.cue == "accused"
    assert kickback.text.startswith("overseeing a $100 million kickback operation")


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Channel Seven’s Jo Fields noticed that the port had closed.", "Jo Fields", "person"),
        ("Valley News’ Jo Fields noticed that the port had closed.", "Jo Fields", "person"),
        ("Reyes’ campaign says it raised $2 million in March.", "Reyes’ campaign", "organisation"),
        (
            "The Greens’ leading candidate, Sen. Jo Fields, also decries super PACs and"
            " big-money groups.",
            "Jo Fields",
            "person",
        ),
    ],
)
def test_a_possessor_before_a_name_is_not_part_of_the_name(text, name, kind):
    c = only(text)
    assert (c.source_name, c.source_kind) == (name, kind)


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "Prime Minister Theresa May said the country would leave by March.",
            "Prime Minister Theresa May",
        ),
        ("Rep. Will Hurd said the wall would cost $20 billion.", "Rep. Will Hurd"),
    ],
)
def test_an_auxiliary_inside_a_name_is_the_name(text, source):
    assert only(text).source == source


def test_a_surname_is_the_person_the_pronoun_after_it_agrees_with():
    text = (
        "Donald Trump unveiled a plan for paid leave on Tuesday. Ivanka Trump, his eldest"
        " daughter, said she had helped to write it. Trump says he would pay for it by cutting"
        " fraud."
    )
    claims = {c.text: c.source_name for c in attributed(text)}
    assert claims["he would pay for it by cutting fraud."] == "Donald Trump"


@pytest.mark.parametrize(
    "text",
    [
        "Although Okafor won the vote, the council was split. Okafor said fares would fall.",
        "Despite Jo Okafor's win, the council was split. Okafor said fares would fall.",
    ],
)
def test_a_word_opening_a_sentence_is_no_part_of_a_name(text):
    c = [c for c in attributed(text) if c.source == "Okafor"][0]
    assert c.source_name in ("Okafor", "Jo Okafor")


@pytest.mark.parametrize("source", ["federal statistics", "the ministry's forecast"])
def test_statistics_and_forecasts_are_documents(source):
    c = only(f"Rents rose by 12 percent last year, according to {source}.")
    assert (c.source, c.source_kind) == (source, "document")
