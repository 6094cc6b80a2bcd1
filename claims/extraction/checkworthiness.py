"""Check-worthiness: how much a sentence looks like a checkable factual claim.

Two layers, so that an editor can see why a claim ranks where it does:

1. A logistic regression over words, word pairs, four-letter stems, word classes that carry over
   to new material (a name, a past-tense verb, a number, a modal, and pairs of them: "NAME said",
   "PAST NUM") and a few hand-made flags (numbers, comparisons, named statistics, causal and
   accusation words, future and hedged talk, pronouns, length). ``train_checkworthiness.py``
   fits it with scikit-learn on the CheckThat! 2024 English training sentences and exports the
   weights to ``checkworthy_model.json`` (plain JSON, loaded once), so the runtime needs only the
   standard library. The score is calibrated so that **0.5 is the line**: at 0.5 and above a
   sentence counts as check-worthy (the cut-off with the best F1 in cross-validation), and the
   slope is fitted on held-out folds, so 0.9 is a much safer bet than 0.6.
2. News-sense rules on top, each with a reason shown to editors (``NEWS_RULES``): markup, bylines,
   captions and navigation never score (``junk.py``); a reporter's scene-setting does not rank as
   a claim; a quotation ranks as high as the same statement in narration.

One score everywhere: the pipeline scores every claim with ``score_claim`` (an attributed claim
reads its whole sentence, speaker and cue included), and an unattributed sentence gets exactly
``score(sentence)``, the figure the evaluator prints for "the sentence model".
"""

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .attribution.tokens import plain_spaces  # the patterns are written with plain spaces
from .junk import not_a_claim, prose
from .numbers import find_numbers
from .types import DIRECT, UNATTRIBUTED

MODEL_PATH = Path(__file__).with_name("checkworthy_model.json")
CHECK_WORTHY = 0.5  # the line: from this score on a sentence counts as check-worthy

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
# A name inside the sentence (the look-behind after the capital: the engine skips ahead to capitals)
_CAPITALISED = re.compile(r"[A-Z](?<=[a-z,;:] [A-Z])[a-z]+")
_FIRST_PERSON = frozenset(
    ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "we'll", "us", "our"]
)
_SECOND_PERSON = frozenset(["you", "you're", "your", "you've"])
_THIRD_PERSON = frozenset(
    ["he", "she", "his", "her", "him", "he's", "she's", "they", "their", "them", "they're"]
)
_DIGIT = re.compile(r"\d")


def _wordlist(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Word classes for features that carry over to new names and numbers. The lists are part of the
# trained model: change them only together with retraining.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[$%?]")
_PAST_FORMS = _wordlist(
    """
    was were had did made took gave went came got held kept left led ran sat stood spent won lost
    sent set put hit cut brought bought began became chose drove fell fought flew grew hung paid
    rose sold shook struck swore threw wore told said thought knew saw found heard meant sought
    taught understood withdrew broke built drew forgot hid let lit oversaw overtook rode sang sank
    slept spoke stole swept swung tore undertook upheld woke wrote met
    """
)
_MODALS = _wordlist("will would could should can may might must shall")
_SELF = frozenset(["i", "i'm", "i've", "i'd", "i'll"])
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
# The flags that ``reasons`` names (all a claim needs when its own words are not scored).
_REASON_FLAGS = tuple((flag, p) for flag, p in _PATTERN_FLAGS if flag in dict(_FLAG_REASONS))


# A word's shape: every digit reads 0, so "1990" and "2016" share evidence. (The words of
# ``_WORD`` hold ASCII digits only, so the whole text is shaped at once, not word by word.)
_NONZERO_DIGIT = re.compile(r"[1-9]")


def _lower(text: str) -> str:
    return text.lower().replace("’", "'")


def _flags(low: str, patterns=_PATTERN_FLAGS) -> set[str]:
    return {flag for flag, pattern in patterns if pattern.search(low)}


def _word_classes(text: str) -> list[str]:
    """Each word as NUM, NAME (capitalised inside the sentence), PAST, or itself lower-cased."""
    tokens = _TOKEN.findall(text)
    classes = [_word_class(token) for token in tokens]
    if classes and classes[0] == "NAME":  # a capital opens every sentence: no NAME there
        classes[0] = _past_or_word(tokens[0].lower())
    return classes


@lru_cache(maxsize=16384)  # words recur across sentences and articles
def _word_class(token: str) -> str:
    """The class of a word inside a sentence."""
    low = token.lower()
    if _DIGIT.search(low):
        return "NUM"
    if token[0].isupper() and low not in _SELF:
        return "NAME"
    return _past_or_word(low)


def _past_or_word(low: str) -> str:
    return "PAST" if low in _PAST_FORMS or (len(low) > 4 and low.endswith("ed")) else low


_CLASSES = frozenset(["NUM", "NAME", "PAST"])


def features(text: str, mentions=None, flags: set[str] | None = None) -> list[str]:
    """Feature strings of a sentence: words, word pairs, word stems, word classes and flags."""
    low = _lower(text)
    words = _WORD.findall(_NONZERO_DIGIT.sub("0", low))
    feats = ["__bias__"]
    feats += [f"w:{w}" for w in words]
    feats += [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    # Four-letter stems let "increased" and "increasing" share evidence.
    feats += [f"p:{w[:4]}" for w in words if len(w) > 4]
    if words:
        feats.append("s:" + words[0])
        if len(words) > 1:
            feats.append("s2:" + words[0] + "_" + words[1])
    if mentions is None:
        mentions = find_numbers(text)
    kinds = {m.kind for m in mentions}
    feats += ["k:" + k for k in sorted(kinds)]
    if flags is None:
        flags = _flags(low)
    feats += ["f:" + flag for flag, _ in _PATTERN_FLAGS if flag in flags]
    present = set(words)
    feats += ["f:" + flag for flag, group in _PERSON_FLAGS if not present.isdisjoint(group)]
    names = len(_CAPITALISED.findall(text))
    feats.append("f:caps" + str(min(names, 2)))
    n = len(words)
    feats.append("len:" + ("s" if n < 8 else "m" if n < 16 else "l" if n < 30 else "xl"))
    feats.append("len2:" + str(min(n // 4, 12)))
    if text.rstrip().endswith("?"):
        feats.append("f:question")
    classes = _word_classes(text.replace("’", "'"))
    feats += ["c:" + c for c in classes if c in _CLASSES]
    feats += ["c:MODAL" for c in classes if c in _MODALS]
    feats += [
        f"g:{a}_{b}"
        for a, b in zip(classes, classes[1:], strict=False)
        if a in _CLASSES or b in _CLASSES
    ]
    return feats


def vector_words(text: str) -> list[str]:
    """The words of ``text`` that the word-vector part reads (lower-cased, figures as they are)."""
    return _WORD.findall(_lower(text))


class _Model(NamedTuple):
    weights: dict[str, float]
    intercept: float
    # Each word's share of the word-vector part: its GloVe vector times the weights fitted on
    # a sentence's mean vector (so the runtime needs no vectors, only one number a word).
    word_scores: dict[str, float]


@lru_cache(maxsize=1)
def _model() -> _Model:
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        return _Model(data["weights"], float(data["intercept"]), data.get("word_scores", {}))
    except (OSError, ValueError, KeyError):
        return _Model({}, 0.0, {})  # untrained: every sentence scores 0.5, reasons still work


def probability(text: str, mentions=None, flags: set[str] | None = None) -> float:
    """The model's check-worthiness of ``text`` alone, in [0, 1]; 0.5 is the line.

    The weights of the sentence's features are summed and divided by the square root of how
    many features it has, so a long sentence does not score high just for having many words;
    the word-vector part adds the mean of its known words' scores. The weights are summed
    exactly (math.fsum): a set's order changes with the interpreter's hash seed, and a plain
    sum's last bits with it.
    """
    model = _model()
    present = set(features(text, mentions, flags))
    weights = model.weights
    z = model.intercept + math.fsum(weights.get(f, 0.0) for f in present) / math.sqrt(len(present))
    word_scores = model.word_scores
    if word_scores:
        known = [word_scores[w] for w in vector_words(text) if w in word_scores]
        if known:
            z += sum(known) / len(known)
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


# --- News sense: rules an editor can read, applied on top of the model -------------------------

# A reporter setting the scene: who went where, when, who stood or cheered. Checkable in
# principle, never what a desk checks; a sentence that also carries a figure, a comparison, a
# cause, an accusation or a record is left to the model.
_SCENE_VERB = re.compile(
    r"\b(?:arrived|arrives|arriving|landed|visited|toured|spoke|addressed|appeared|"
    r"took the stage|held (?:a|an|his|her|their) (?:rally|news conference|press conference|"
    r"town hall|campaign event|meeting)|campaigned|walked|waved|smiled|greeted|thanked|"
    r"shook hands|stood|gathered|cheered|chanted|lined up|packed|streamed|wore|ended|began)\b"
)
_SCENE_NUMBER = re.compile(
    r"^(?:\d{1,3}|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens|hundreds|thousands)$",
    re.IGNORECASE,
)
# The scene's when or where: "on Tuesday afternoon", "last night", "at 9 p.m.", "at a rally".
_SCENE_ADJUNCT = re.compile(
    r"\b(?:(?:on|last|this|that|late|early|earlier)\s+(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|morning|afternoon|evening|night|weekend)|yesterday|today|tonight|"
    r"\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|at (?:a|an|the|his|her|their) (?:\w+ )?(?:rally|hall|"
    r"event|stadium|arena|airport|hotel|church|convention|podium|lectern|ceremony|"
    r"summit|briefing|news conference|press conference|town hall))"
)
_CLAIM_CLAUSE = re.compile(r"\b(?:that|because|since|after|despite|although|while)\b")
_SCENE_CAP = 0.3
_QUOTE_REASON = "quotation ranked as the same statement in narration"
_SCENE_REASON = "reporter's scene-setting (who went where, when)"


def _is_scene_setting(sentence: str, mentions, flags: set[str]) -> bool:
    low = _lower(sentence)
    if not _SCENE_VERB.search(low) or not _SCENE_ADJUNCT.search(low):
        return False
    if _CLAIM_CLAUSE.search(low):
        return False
    if flags & {"causal", "accusation", "law"}:
        return False
    return all(
        m.kind == "date" or (m.kind == "number" and _SCENE_NUMBER.match(m.text)) for m in mentions
    )


class _Reading(NamedTuple):
    value: float
    reasons: tuple[str, ...]
    junk: bool


@lru_cache(maxsize=1024)  # the claims of one sentence share its reading
def _read_sentence(sentence: str, narration: bool) -> _Reading:
    """The sentence's score under the rules; ``narration``: nobody is quoted in it."""
    junk = not_a_claim(sentence)
    if junk is not None:
        return _Reading(0.0, ("not a claim: " + junk,), True)
    text = prose(sentence)
    mentions = find_numbers(text)
    flags = _flags(_lower(text))
    value = probability(text, mentions, flags)
    why = reasons(text, mentions, flags)
    if narration and value > _SCENE_CAP and _is_scene_setting(text, mentions, flags):
        value, why = _SCENE_CAP, (*why, _SCENE_REASON)
    return _Reading(round(value, 4), why, False)


def clear_cache() -> None:
    """Forget the cached sentence readings and word classes (so that a timing starts cold)."""
    _read_sentence.cache_clear()
    _word_class.cache_clear()
    not_a_claim.cache_clear()


def score(sentence: str) -> tuple[float, tuple[str, ...]]:
    """(check-worthiness in [0, 1], reasons) of one sentence read as the reporter's narration."""
    reading = _read_sentence(plain_spaces(sentence), True)
    return reading.value, reading.reasons


def score_claim(
    content: str, sentence: str, kind: str, mentions=None
) -> tuple[float, tuple[str, ...]]:
    """(check-worthiness, reasons) of a claim read in its sentence, speaker and cue included.

    A claim scores what its sentence scores, so every claim of a check-worthy sentence is
    check-worthy, whatever piece of it the attribution took; a direct quotation scores at least
    what its words would score as the reporter's own narration. ``mentions`` are the claim's
    (its reasons name them).
    """
    content, sentence = plain_spaces(content), plain_spaces(sentence)
    reading = _read_sentence(sentence, kind == UNATTRIBUTED)
    if reading.junk or (kind == UNATTRIBUTED and content == sentence):
        return reading.value, reading.reasons
    if mentions is None:
        mentions = find_numbers(content)
    # (only a quotation's own words are scored; otherwise the reasons need only their flags)
    flags = _flags(_lower(content), _PATTERN_FLAGS if kind == DIRECT else _REASON_FLAGS)
    value, why = reading.value, reasons(content, mentions, flags)
    if kind == DIRECT:
        quoted = round(probability(prose(content), mentions, flags), 4)
        if quoted > value:
            value, why = quoted, (*why, _QUOTE_REASON)
    return value, why
