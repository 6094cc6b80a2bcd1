"""Check-worthiness scores, their reasons, and the training command."""

import json

import pytest

from claims.extraction import train_checkworthiness
from claims.extraction.checkworthiness import (
    MODEL_PATH,
    features,
    probability,
    score,
    score_claim,
)
from claims.extraction.train_checkworthiness import main as train_main
from claims.extraction.train_checkworthiness import runtime_score
from claims.extraction.types import INDIRECT


def test_checkworthiness_ranks_facts_above_chatter():
    fact, why = score("Crime in the state fell by 20 percent between 2010 and 2015.")
    chatter, _ = score("Thank you, it is great to be here tonight.")
    assert 0 <= chatter < fact <= 1
    assert "contains a number" in why


def test_checkworthiness_opinion_and_promises_rank_low():
    fact, _ = score("Unemployment rose to 9 percent in 2010, the highest rate in 25 years.")
    promise, _ = score("I think we will do a great job, and I want to thank you all.")
    assert promise < 0.5 < fact


def test_checkworthiness_features_ignore_apostrophe_style():
    assert features("We don’t have the votes.") == features("We don't have the votes.")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_checkworthiness_reads_other_spaces_as_plain_spaces(space):
    plain = "The levy led to a fall of 12 percent in sales, Mayor Ruth Akande said in March."
    odd = plain.replace(" ", space)
    assert score(odd) == score(plain)
    assert score_claim("a fall of 12 percent", odd, INDIRECT) == score_claim(
        "a fall of 12 percent", plain, INDIRECT
    )


def test_train_checkworthiness_cross_validates_and_is_deterministic(tmp_path, capsys, monkeypatch):
    # 12,000 words, not 50,000: their MiniLM vectors take seconds, not minutes, to encode.
    monkeypatch.setattr(train_checkworthiness, "VOCABULARY", 12_000)
    encoded = []
    static_vectors = train_checkworthiness.static_vectors
    monkeypatch.setattr(
        train_checkworthiness,
        "static_vectors",
        lambda words: encoded.append(len(words)) or static_vectors(words),
    )
    facts = [
        "Taxes rose {} percent in {}.",
        "The deficit grew by ${} billion in {}.",
        "Crime fell {} percent between 2001 and {}.",
    ]
    chatter = ["Thank you, it is {} to be here in {}.", "I think we {} do better by {}."]
    lines = []
    for n in range(60):
        for k, t in enumerate(facts):
            lines.append(
                {"id": f"ct24-{n * 500 + k}", "text": t.format(n + 3, 1990 + n), "label": 1}
            )
        for k, t in enumerate(chatter):
            word = ["great", "good", "will", "can"][n % 4]
            lines.append(
                {"id": f"ct24-{n * 500 + 10 + k}", "text": t.format(word, 1990 + n), "label": 0}
            )
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    outs = []
    for name in ("a.json", "b.json"):
        train_main([str(train), "--out", str(tmp_path / name)])
        outs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    out = capsys.readouterr().out
    assert "5-fold grouped CV" in out and "calibration slope" in out
    model = json.loads(outs[0])
    assert model["weights"] and isinstance(model["intercept"], float)
    assert len(model["word_scores"]) > 10_000  # one number a GloVe word, for words unseen here
    # Each word's score also reads its MiniLM vector (the word encoded alone).
    assert encoded == [12_000, 12_000] and "MiniLM" in model["source"]


def test_reasons_accusation_and_cause():
    _, why = score("The flooding was caused by the council's decision to cut drainage funds.")
    assert "causal claim" in why
    _, why = score("He accused the minister of taking bribes from the builders.")
    assert "accusation" in why


def test_the_trainers_formula_is_the_runtimes_word_scores_included():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert len(model["word_scores"]) >= 10_000
    for text in (
        "Windmills cause cancer, he said.",  # "windmills": a word score, no weight of its own
        "Unemployment fell to 4 percent last year.",
    ):
        assert runtime_score(model, text) == pytest.approx(probability(text), abs=1e-9)
    assert "w:windmills" not in model["weights"] and "windmills" in model["word_scores"]
