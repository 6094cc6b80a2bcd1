"""Command line, evaluation entry point and robustness (fuzzing) of the extraction package."""

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import extract

ROOT = Path(__file__).resolve().parents[2]
KEYS = [
    "text", "start", "end", "kind", "source", "source_start", "source_end",
    "cue", "cue_start", "cue_end", "score",
]  # fmt: skip


def run(*args, stdin=None):
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        check=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_cli_files(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The canal is 12 kilometres long, engineers said.", encoding="utf-8")
    b.write_text("", encoding="utf-8")
    docs = run(str(a), str(b))
    assert [d["id"] for d in docs] == [str(a), str(b)]
    claim = docs[0]["claims"][0]
    assert list(claim)[: len(KEYS)] == KEYS
    assert claim["kind"] == "indirect"
    assert claim["source"] == "engineers"
    assert docs[1]["claims"] == []


def test_cli_jsonl(tmp_path):
    text = "“The canal will open in May,” the minister said."
    src = tmp_path / "in.jsonl"
    lines = [
        {"id": "x1", "text": text, "other": 1},
        {"id": 7, "text": "No claims here."},
    ]
    src.write_text("\n".join(json.dumps(d) for d in lines) + "\n", encoding="utf-8")
    docs = run("--jsonl", str(src))
    assert [d["id"] for d in docs] == ["x1", 7]
    c = docs[0]["claims"][0]
    assert text[c["start"] : c["end"]] == c["text"]
    assert text[c["source_start"] : c["source_end"]] == c["source"] == "the minister"
    assert c["kind"] == "direct"
    assert isinstance(c["reasons"], list) and isinstance(c["numbers"], list)


def test_evaluate_attribution_and_checkworthiness(tmp_path):
    text = "The dam cost 3 billion dollars, the minister said."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "d1",
                "text": text,
                "attributions": [{"source": [[32, 44]], "cue": [[45, 49]], "content": [[0, 30]]}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    # A minimal stand-in for the official scorer, found next to the gold file by default.
    (tmp_path / "score_attributions.py").write_text(
        "import sys\nprint('scored', sys.argv[1].endswith('gold.jsonl'))\n", encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction.evaluate", str(gold)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "scored True" in out
    assert "KB/s" in out and "peak" in out

    cw = tmp_path / "cw.jsonl"
    cw.write_text(
        json.dumps({"id": 1, "text": "Taxes rose 40 percent in 2015.", "label": 1})
        + "\n"
        + json.dumps({"id": 2, "text": "Thank you all.", "label": 0})
        + "\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction.evaluate", str(cw)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "F1" in out and "KB/s" in out


def assert_valid(text, claims):
    last = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert c.sentence_start <= c.start < c.end <= c.sentence_end <= len(text)
        assert c.start >= last
        last = c.start
        assert c.kind in ("direct", "indirect", "unattributed")
        assert 0.0 <= c.score <= 1.0
        for start, end, value in (
            (c.source_start, c.source_end, c.source),
            (c.cue_start, c.cue_end, c.cue),
        ):
            if value is not None:
                assert 0 <= start < end <= len(text)
                assert text[start:end] == value
        for m in c.numbers:
            assert text[m.start : m.end] == m.text


ALPHABET = st.sampled_from(
    list("abcXYZ .,;:!?\"'“”‘’—-\n\t0123456789$%")
    + ["said", " he said", "according to ", "Mr.", "U.S.", "reportedly", "\u200f", "🙂", "שלום"]
    + ["\x00", "\x1b", "told", " that ", "officials", "It was reported that "]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_fuzz_news_like(text):
    assert_valid(text, extract(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_any_text(text):
    assert_valid(text, extract(text))


def test_edge_inputs():
    for text in ["", "   ", "\n\n", "\x00\x01", "🙂" * 50, "שלום עולם. הוא אמר."]:
        assert_valid(text, extract(text))
    long_line = ("The mayor said the budget rose by 5 percent " * 25000)[:1_000_000]
    assert_valid(long_line, extract(long_line))
