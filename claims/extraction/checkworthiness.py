"""Check-worthiness: how much a sentence looks like a checkable factual claim.

A small logistic regression over word n-grams and a few hand-made features (numbers, comparisons,
named statistics, causal and accusation words), trained on the CheckThat! 2024 English training
sentences by ``train_checkworthiness.py``. The weights live in ``checkworthy_model.json`` (plain
JSON, loaded once) so the package needs only the standard library. The score is shifted so that
0.5 is the decision threshold chosen on held-out training data.

Reasons are human-readable and rule based, so an editor can see *why* a claim ranks high.
"""

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .numbers import find_numbers

MODEL_PATH = Path(__file__).with_name("checkworthy_model.json")

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[$%?]")
_CAUSAL = re.compile(
    r"\b(?:because|caused?|causing|led to|leads to|lead to|due to|result(?:ed|s)? in|"
    r"as a result|thanks to|responsible for|blamed? for|so that|therefore)\b",
    re.IGNORECASE,
)
_ACCUSATION = re.compile(
    r"\b(?:accus\w*|lie[sd]?|lying|liar|corrupt\w*|fraud\w*|illegal\w*|crime|criminal\w*|"
    r"scandal\w*|bribe\w*|kickbacks?|cover(?:ed)?[- ]up|violat\w*|abuse[sd]?|stole|stolen|"
    r"rigged|cheat\w*|misled|mislead\w*)\b",
    re.IGNORECASE,
)
_LAW = re.compile(
    r"\b(?:voted?|votes|voting|signed|passed|bill|law|legislation|veto\w*|tax(?:es)?|"
    r"budget|spent|spending|cut|cuts|raised?|funding)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|we need|we must|we should|we will|i will|let me|"
    r"thank you|i want)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def _shape(token: str) -> str:
    return _DIGIT.sub("0", token) if _DIGIT.search(token) else token


def features(text: str, mentions=None) -> list[str]:
    """Feature strings of a sentence: unigrams, bigrams and flags."""
    low = text.lower()
    words = [_shape(w) for w in _WORD.findall(low)]
    feats = ["__bias__"]
    feats.extend("w:" + w for w in words)
    feats.extend("b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False))
    if mentions is None:
        mentions = find_numbers(text)
    kinds = {m.kind for m in mentions}
    feats.extend("k:" + k for k in sorted(kinds))
    if _CAUSAL.search(text):
        feats.append("f:causal")
    if _ACCUSATION.search(text):
        feats.append("f:accusation")
    if _LAW.search(text):
        feats.append("f:law")
    if _OPINION.search(text):
        feats.append("f:opinion")
    n = len(words)
    feats.append("len:" + ("s" if n < 8 else "m" if n < 16 else "l" if n < 30 else "xl"))
    if text.rstrip().endswith("?"):
        feats.append("f:question")
    return feats


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        return data["weights"], float(data.get("threshold", 0.0))
    except (OSError, ValueError, KeyError):
        return {}, 0.0  # untrained: every sentence scores 0.5, reasons still work


def probability(text: str, mentions=None) -> float:
    weights, threshold = _model()
    z = -threshold
    for f in set(features(text, mentions)):
        z += weights.get(f, 0.0)
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def reasons(text: str, mentions) -> tuple[str, ...]:
    out: list[str] = []
    kinds = {m.kind for m in mentions}
    if "money" in kinds:
        out.append("amount of money")
    if "percent" in kinds:
        out.append("percentage")
    if kinds & {"number", "money", "percent"}:
        out.append("contains a number")
    if "date" in kinds:
        out.append("date")
    if "comparison" in kinds:
        out.append("comparison")
    if "statistic" in kinds:
        out.append("named statistic")
    if _CAUSAL.search(text):
        out.append("causal claim")
    if _ACCUSATION.search(text):
        out.append("accusation")
    if _LAW.search(text):
        out.append("policy or voting record")
    return tuple(out)


def score(text: str, mentions=None) -> tuple[float, tuple[str, ...]]:
    """(check-worthiness in [0, 1], reasons) for one sentence or claim."""
    if mentions is None:
        mentions = find_numbers(text)
    p = probability(text, mentions)
    return round(p, 4), reasons(text, mentions)
