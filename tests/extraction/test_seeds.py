"""The sample articles in seeds/, read as the desk reads them: every speaker a name or a noun
phrase that can speak, with its kind; no refusal or fragment as a claim (issue 17)."""

from pathlib import Path

import pytest

from claims import ingest
from claims.extraction import UNATTRIBUTED, extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Every speaker the desk should see in each seed: (canonical name, kind); None: no speaker.
SPEAKERS = {
    "riverton-mayor-budget-speech.txt": {
        ("Riverton mayor", "person"),  # the headline: "Riverton mayor promises to cut ..."
        ("her opponents on the city council", "group"),
        ("Helen Okafor", "person"),
        ("Martin Reyes", "person"),
        ("the city’s own transit report", "document"),
        ("Dana Whitfield", "person"),
        ("Paul Sandoval", "person"),
        None,
    },
    "harbour-logistics-merger.txt": {
        ("filing", "document"),
        ("a filing with securities regulators published on Thursday", "document"),
        ("Grace Lindqvist", "person"),
        ("Tanner Freight", "organisation"),
        ("Owen Tanner", "person"),
        ("Priya Raman", "person"),
        ("an internal memo from that year", "document"),
        ("Harbour", "organisation"),
        ("Northgate Capital", "organisation"),
        ("the filing", "document"),
        ("A spokesman for the authority", "anonymous"),
    },
    "westhaven-water-audit.pdf": {
        ("Audit", "document"),  # the headline, on a line of its own before the dateline
        ("an audit released on Thursday by the county comptroller", "document"),
        ("Ruth Abernathy", "person"),
        ("Victor Osei", "person"),
        ("Amanda Pryce", "person"),
        ("Teresa Llewellyn", "person"),
    },
}


def text_of(name):
    data = (SEEDS / name).read_bytes()
    return ingest.ingest_file(name, data, max_bytes=10_000_000, max_chars=1_000_000).text


def speakers(text):
    return {
        (c.source_name, c.source_kind) if c.source else None
        for c in extract(text)
        if c.kind != UNATTRIBUTED
    }


@pytest.mark.parametrize("name", sorted(SPEAKERS))
def test_each_seed_names_its_speakers_and_their_kinds(name):
    assert speakers(text_of(name)) == SPEAKERS[name]


@pytest.mark.parametrize("name", sorted(SPEAKERS))
def test_no_refusal_to_comment_becomes_a_claim(name):
    texts = [c.text.lower() for c in extract(text_of(name))]
    assert not any("declined to comment" in t or t.startswith("to comment") for t in texts)


def test_pronouns_in_the_speech_report_resolve_to_the_right_person():
    claims = [c for c in extract(text_of("riverton-mayor-budget-speech.txt")) if c.source]
    by_pronoun = {(c.source, c.source_name) for c in claims if c.source.lower() in ("he", "she")}
    assert by_pronoun == {
        ("She", "Helen Okafor"),
        ("she", "Helen Okafor"),
        ("He", "Martin Reyes"),
        ("he", "Paul Sandoval"),
    }
