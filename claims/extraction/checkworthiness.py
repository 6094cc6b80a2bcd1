"""Check-worthiness: how much a sentence looks like a checkable factual claim.

A small logistic regression over words, word pairs, four-letter word stems and a few hand-made
features (numbers, comparisons, named statistics, causal and accusation words, future and hedged
talk, pronouns, names, length), trained on the CheckThat! 2024 English training sentences by
``train_checkworthiness.py``. The weights live in ``checkworthy_model.json`` (plain JSON, loaded
once) so the package needs only the standard library. The score is shifted so that 0.5 is the
decision threshold chosen by cross-validation on the training data.

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
# All patterns run on the lower-cased sentence (faster than case-insensitive matching).
_CAUSAL = re.compile(
    r"\b(?:because|caused?|causing|led to|leads to|lead to|due to|result(?:ed|s)? in|"
    r"as a result|thanks to|responsible for|blamed? for|so that|therefore)\b"
)
_ACCUSATION = re.compile(
    r"\b(?:accus\w*|lie[sd]?|lying|liar|corrupt\w*|fraud\w*|illegal\w*|crime|criminal\w*|"
    r"scandal\w*|bribe\w*|kickbacks?|cover(?:ed)?[- ]up|violat\w*|abuse[sd]?|stole|stolen|"
    r"rigged|cheat\w*|misled|mislead\w*)\b"
)
_LAW = re.compile(
    r"\b(?:voted?|votes|voting|signed|passed|bill|law|legislation|veto\w*|tax(?:es)?|"
    r"budget|spent|spending|cut|cuts|raised?|funding)\b"
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|we need|we must|we should|we will|i will|let me|"
    r"thank you|i want)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|going to|gonna|would|could|should|must|ought|need to|have to|want to|plan to|"
    r"let's|let us)\b"
)
_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|probably|i think|i believe|i feel|i hope|i guess|in my opinion|i'm sure|"
    r"of course|frankly|honestly)\b"
)
_PAST = re.compile(r"\b[a-z]{3,}ed\b")
_EXTREME = re.compile(
    r"\b(?:[a-z]{3,}est|most|least|best|worst|more|less|fewer|than|only|every|never|always|all|"
    r"none|no one|nobody)\b"
)
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")  # a name inside the sentence
_FIRST_PERSON = frozenset(
    ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "we'll", "us", "our"]
)
_SECOND_PERSON = frozenset(["you", "you're", "your", "you've"])
_THIRD_PERSON = frozenset(
    ["he", "she", "his", "her", "him", "he's", "she's", "they", "their", "them", "they're"]
)
_DIGIT = re.compile(r"\d")
# Flags: (name, pattern) / (name, words of that grammatical person).
_PATTERN_FLAGS = (
    ("causal", _CAUSAL),
    ("accusation", _ACCUSATION),
    ("law", _LAW),
    ("opinion", _OPINION),
    ("future", _FUTURE),
    ("hedge", _HEDGE),
    ("past", _PAST),
    ("superl", _EXTREME),
)
_PERSON_FLAGS = (("first", _FIRST_PERSON), ("second", _SECOND_PERSON), ("third", _THIRD_PERSON))


_FLAG_REASONS = (
    ("causal", "causal claim"),
    ("accusation", "accusation"),
    ("law", "policy or voting record"),
)


def _shape(token: str) -> str:
    return _DIGIT.sub("0", token) if _DIGIT.search(token) else token


def _lower(text: str) -> str:
    return text.lower().replace("’", "'")


def _flags(low: str) -> set[str]:
    return {flag for flag, pattern in _PATTERN_FLAGS if pattern.search(low)}


def features(text: str, mentions=None, flags: set[str] | None = None) -> list[str]:
    """Feature strings of a sentence: words, word pairs, word stems and flags."""
    low = _lower(text)
    words = [_shape(w) for w in _WORD.findall(low)]
    feats = ["__bias__"]
    feats.extend("w:" + w for w in words)
    feats.extend("b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False))
    # Four-letter stems let "increased" and "increasing" share evidence.
    feats.extend("p:" + w[:4] for w in words if len(w) > 4)
    if words:
        feats.append("s:" + words[0])
        if len(words) > 1:
            feats.append("s2:" + words[0] + "_" + words[1])
    if mentions is None:
        mentions = find_numbers(text)
    kinds = {m.kind for m in mentions}
    feats.extend("k:" + k for k in sorted(kinds))
    if flags is None:
        flags = _flags(low)
    feats.extend("f:" + flag for flag, _ in _PATTERN_FLAGS if flag in flags)
    present = set(words)
    feats.extend("f:" + flag for flag, group in _PERSON_FLAGS if present & group)
    names = len(_CAPITALISED.findall(text))
    feats.append("f:caps" + str(min(names, 2)))
    n = len(words)
    feats.append("len:" + ("s" if n < 8 else "m" if n < 16 else "l" if n < 30 else "xl"))
    feats.append("len2:" + str(min(n // 4, 12)))
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


def probability(text: str, mentions=None, flags: set[str] | None = None) -> float:
    weights, threshold = _model()
    z = -threshold
    for f in set(features(text, mentions, flags)):
        z += weights.get(f, 0.0)
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def reasons(text: str, mentions, flags: set[str] | None = None) -> tuple[str, ...]:
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
    if flags is None:
        flags = _flags(_lower(text))
    out.extend(reason for flag, reason in _FLAG_REASONS if flag in flags)
    return tuple(out)


def score(text: str, mentions=None) -> tuple[float, tuple[str, ...]]:
    """(check-worthiness in [0, 1], reasons) for one sentence or claim."""
    if mentions is None:
        mentions = find_numbers(text)
    flags = _flags(_lower(text))
    return round(probability(text, mentions, flags), 4), reasons(text, mentions, flags)
