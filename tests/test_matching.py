"""The claim matcher (claims/matching): words, ranking and command line, on our own sentences."""

import json
import subprocess
import sys

from claims.matching import (
    Candidate,
    Index,
    Query,
    Statistics,
    calibrate,
    rank,
    terms,
    worth_showing,
)
from claims.matching.stemmer import stem
from claims.matching.text import name_words

ARCHIVE = [
    Candidate("fc-crime", "Violent crime in Milltown fell by 10% last year.", speaker="Ann Lee"),
    Candidate(
        "fc-bridge", "The new bridge cost $4 billion, twice the estimate.", speaker="Bo Park"
    ),
    Candidate("fc-cola", "Coca-Cola pays no tax in Freedonia.", title="Soft drink giant's taxes"),
    Candidate("fc-wages", "Wages have not gone up for 17 years.", speaker="Ann Lee"),
    Candidate("fc-schools", "Teachers in Milltown are paid less than bus drivers."),
]


def test_hyphens_and_spaces_give_the_same_terms():
    assert set(terms("Coca Cola")) <= set(terms("Coca-Cola"))
    assert "ms13" in terms("MS-13") and "ms13" in terms("MS13")


def test_thousands_separators_and_quotes_are_folded():
    assert terms("4,000 jobs") == terms("4000 jobs")
    assert terms("Lee’s plan") == terms("Lee's plan") == terms("Lee plan")


def test_links_and_tweet_signatures_are_not_words():
    tweet = "Crime fell https://t.co/abc — Ann Lee (@annlee) May 2, 2016"
    assert terms(tweet) == terms("Crime fell")


def test_stemmer_joins_inflections():
    assert stem("connections") == stem("connected") == stem("connecting") == "connect"
    assert stem("ponies") == "poni" and stem("hopping") == "hop"


def test_name_words_are_the_surname_without_titles():
    assert name_words("PRESIDENT OBAMA") == name_words("Barack Obama") == {"obama"}
    assert name_words("") == frozenset()


def test_paraphrase_ranks_its_fact_check_first():
    index = Index(ARCHIVE)
    matches = index.match(Query("Lee said violent crime in Milltown dropped 10 percent"))
    assert matches[0].id == "fc-crime"


def test_coca_cola_without_hyphen_finds_the_hyphenated_check():
    matches = Index(ARCHIVE).match(Query("Does Coca Cola pay tax in Freedonia?"))
    assert matches[0].id == "fc-cola"


def test_context_decides_a_vague_sentence():
    vague = Query(
        "They haven't gone up for a long time.",
        speaker="Ann Lee",
        before=("I believe wages will start going up.",),
        after=("Seventeen years, wages flat.",),
    )
    assert Index(ARCHIVE).match(vague)[0].id == "fc-wages"
    assert not Index(ARCHIVE).match(Query("They haven't gone up for a long time."))


def test_speaker_breaks_a_tie_between_equal_texts():
    archive = [
        Candidate("by-park", "Unemployment is the lowest in 17 years.", speaker="Bo Park"),
        Candidate("by-lee", "Unemployment is the lowest in 17 years.", speaker="Ann Lee"),
    ]
    query = Query("Unemployment is the lowest in 17 years", speaker="MS. LEE")
    assert [m.id for m in Index(archive).match(query)] == ["by-lee", "by-park"]


def test_rank_scores_any_candidates_it_is_given():
    stats = Statistics(1000, {"crime": 50, "milltown": 2, "fell": 30}, 8.0)
    ranked = rank(Query("Crime in Milltown fell"), ARCHIVE, stats, limit=2)
    assert [m.id for m in ranked][:1] == ["fc-crime"]
    assert len(ranked) <= 2 and ranked[0].score > 0
    assert set(ranked[0].features) == {"text", "context", "covered", "context_covered", "speaker"}


def test_nothing_in_common_is_no_match():
    assert Index(ARCHIVE).match(Query("The weather was lovely on Sunday.")) == []


def test_command_line_writes_one_line_per_query_in_order(tmp_path):
    vclaims = tmp_path / "vclaims.jsonl"
    queries = tmp_path / "queries.jsonl"
    vclaims.write_text(
        "".join(json.dumps({"id": c.id, "text": c.text, "title": c.title}) + "\n" for c in ARCHIVE)
    )
    queries.write_text(
        json.dumps({"id": "q1", "text": "The bridge cost 4 billion dollars"}) + "\n"
        + json.dumps({"id": "q2", "text": "Nothing here", "context": {"speaker": "X"}}) + "\n"
    )  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "claims.matching", str(vclaims), str(queries)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2"]
    assert lines[0]["matches"][0]["id"] == "fc-bridge"
    assert lines[1]["matches"] == []


def test_a_match_is_shown_when_the_claim_itself_says_nearly_the_same():
    shares_a_number = {"text": 0.2, "covered": 0.5, "context": 0.9, "meaning": 0.55}
    paraphrase = {"text": 0.3, "covered": 0.2, "context": 0.0, "meaning": 0.75}
    assert not worth_showing(shares_a_number) and worth_showing(paraphrase)
    assert not worth_showing({"text": 0.3, "covered": 0.9, "context": 1.0})  # words, no model
    assert worth_showing({"text": 0.8, "covered": 0.1, "context": 0.0})


def test_calibration_ranks_each_query_with_and_without_its_fact_check():
    queries = [
        {"id": "q1", "text": "Violent crime in Milltown dropped 10 percent", "gold": ["fc-crime"]},
        {"id": "q2", "text": "The new bridge cost $4 billion", "gold": ["fc-bridge"]},
    ]
    pairs = calibrate.ranked_pairs(Index(ARCHIVE), queries)
    assert [as_is[0][0] for _, as_is, _ in pairs] == ["fc-crime", "fc-bridge"]
    assert all(gold.isdisjoint(r[0] for r in without) for gold, _, without in pairs)
    kept, shown, mean_ap = calibrate.figures(pairs)
    assert kept == 1.0 and shown == 0.0 and mean_ap == 1.0
