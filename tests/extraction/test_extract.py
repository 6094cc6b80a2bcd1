"""The extract() contract: the public API, spans, order, determinism, and failures that cost only
what failed.
"""

import subprocess
import sys
from pathlib import Path

from claims.extraction import (
    EXTRACTOR_VERSION,
    UNATTRIBUTED,
    ExtractedClaim,
    NumberMention,
    extract,
)
from tests.extraction.checks import check_spans

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "moscow-washington-prisoner-exchange.txt"


ARTICLE_WITH_A_BAD_SENTENCE = (
    "The mayor said the bridge would reopen in May. "
    "Trouble starts here, the engineer said. "
    "Officials said the repairs cost $4 million."
)


def test_unattributed_factual_sentence():
    text = "The unemployment rate fell to 4.1 percent in 2023, the lowest in a decade."
    claims = extract(text)
    assert len(claims) == 1
    assert claims[0].kind == UNATTRIBUTED
    assert claims[0].source is None and claims[0].cue is None
    kinds = {m.kind for m in claims[0].numbers}
    assert {"percent", "statistic"} <= kinds


def test_claims_sorted_and_spans_valid():
    text = SEED.read_text(encoding="utf-8")
    claims = extract(text)
    assert claims
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for c in claims:
        check_spans(text, c)
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        assert 0.0 <= c.score <= 1.0


def test_public_api():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    assert ExtractedClaim and NumberMention


def test_deterministic():
    text = "The port handled 3 million containers, officials said. “It is a record,” he added."
    assert extract(text) == extract(text)


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

    real = extraction.score_claim

    def score_claim(content, sentence, kind, mentions=None):
        if "bridge" in content:
            raise ValueError("scoring bug")
        return real(content, sentence, kind, mentions)

    monkeypatch.setattr(extraction, "score_claim", score_claim)
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


def test_importing_the_extractor_loads_no_django():
    code = (
        "import sys, claims.extraction, claims.extraction.__main__;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
