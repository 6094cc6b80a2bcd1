"""Sentence splitting, numbers, sources and check-worthiness, on hand-written text."""

import json

from claims.extraction import EXTRACTOR_VERSION, ExtractedClaim, NumberMention, extract
from claims.extraction.checkworthiness import features, score
from claims.extraction.numbers import find_numbers
from claims.extraction.sentences import split_sentences
from claims.extraction.sources import SourceResolver, classify, head_name
from claims.extraction.train_checkworthiness import main as train_main


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_public_api():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    assert ExtractedClaim and NumberMention


def test_abbreviations_do_not_split():
    text = "Mr. Novak flew to the U.S. on Sept. 4 with Dr. Reyes. He paid 3.5 dollars."
    assert sentences(text) == [
        "Mr. Novak flew to the U.S. on Sept. 4 with Dr. Reyes.",
        "He paid 3.5 dollars.",
    ]


def test_initials_do_not_split():
    assert sentences("John F. Kennedy spoke. Crowds cheered.") == [
        "John F. Kennedy spoke.",
        "Crowds cheered.",
    ]


def test_us_at_sentence_end():
    assert sentences("She moved to the U.S. The move was hard.") == [
        "She moved to the U.S.",
        "The move was hard.",
    ]


def test_quote_end_and_paragraphs():
    text = "“Go home,” he said. “Now!” She left.\nNext paragraph here"
    assert sentences(text) == ["“Go home,” he said.", "“Now!”", "She left.", "Next paragraph here"]


def test_numbers_kinds():
    text = "Spending rose by 12 percent to $4.5 billion on March 3, 2021, more than in 2019."
    kinds = {(m.text, m.kind) for m in find_numbers(text)}
    assert ("12 percent", "percent") in kinds
    assert ("$4.5 billion", "money") in kinds
    assert ("March 3, 2021", "date") in kinds
    assert ("more than", "comparison") in kinds
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text


def test_named_statistic():
    assert any(m.kind == "statistic" for m in find_numbers("The jobless rate is stuck."))


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


def test_head_name():
    assert head_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert head_name("Kirill Dmitriev, an aide to the president") == "Kirill Dmitriev"


def test_resolver_outlet():
    text = "The Valley Herald reported the closure. The outlet said more would follow."
    r = SourceResolver(text)
    assert r.resolve("The Valley Herald", 0) == ("Valley Herald", "media")
    assert r.resolve("The outlet", 40)[0] == "Valley Herald"


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


def test_train_checkworthiness_cross_validates_and_is_deterministic(tmp_path, capsys):
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
                {"id": f"ct24-{n * 50 + k}", "text": t.format(n + 3, 1990 + n), "label": 1}
            )
        for k, t in enumerate(chatter):
            word = ["great", "good", "will", "can"][n % 4]
            lines.append(
                {"id": f"ct24-{n * 50 + 10 + k}", "text": t.format(word, 1990 + n), "label": 0}
            )
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    outs = []
    for name in ("a.json", "b.json"):
        train_main([str(train), "--out", str(tmp_path / name)])
        outs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert "5-fold grouped CV" in capsys.readouterr().out
    model = json.loads(outs[0])
    assert model["weights"] and isinstance(model["threshold"], float)


def test_reasons_accusation_and_cause():
    _, why = score("The flooding was caused by the council's decision to cut drainage funds.")
    assert "causal claim" in why
    _, why = score("He accused the minister of taking bribes from the builders.")
    assert "accusation" in why


def test_deterministic():
    text = "The port handled 3 million containers, officials said. “It is a record,” he added."
    assert extract(text) == extract(text)


ARTICLE_WITH_A_BAD_SENTENCE = (
    "The mayor said the bridge would reopen in May. "
    "Trouble starts here, the engineer said. "
    "Officials said the repairs cost $4 million."
)


def test_a_sentence_that_breaks_attribution_costs_only_that_sentence(monkeypatch, caplog):
    from claims.extraction.attribution import article as attribution

    real = attribution.analyse

    def analyse(sent):
        if "Trouble" in sent.text[sent.start : sent.end]:
            raise IndexError("rule bug")
        return real(sent)

    monkeypatch.setattr(attribution, "analyse", analyse)
    claims = extract(ARTICLE_WITH_A_BAD_SENTENCE)
    contents = [c.text for c in claims if c.kind != "unattributed"]
    assert contents == ["the bridge would reopen in May.", "the repairs cost $4 million."]
    assert "attribution failed for the sentence" in caplog.text
    assert "IndexError: rule bug" in caplog.text


def test_a_claim_that_cannot_be_scored_falls_back_without_losing_the_rest(monkeypatch, caplog):
    import claims.extraction as extraction

    real = extraction.score

    def score(text, mentions=None):
        if "bridge" in text:
            raise ValueError("scoring bug")
        return real(text, mentions)

    monkeypatch.setattr(extraction, "score", score)
    claims = extract(ARTICLE_WITH_A_BAD_SENTENCE)
    assert [c.text for c in claims if c.source] == ["the repairs cost $4 million."]
    assert "building the claim at" in caplog.text


def test_an_unexpected_failure_is_logged_not_raised(monkeypatch, caplog):
    import claims.extraction as extraction

    def split(text):
        raise RuntimeError("splitter bug")

    monkeypatch.setattr(extraction, "split_sentences", split)
    assert extract("The mayor said the bridge would reopen.") == []
    assert "extraction failed" in caplog.text
