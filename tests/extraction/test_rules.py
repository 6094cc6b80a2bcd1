"""The rule table: every rule reads the example it is documented with."""

import pytest

from claims.extraction.attribution.quotes import Quotes
from claims.extraction.attribution.rules import SENTENCE_FALLBACKS, TOKEN_RULES, analyse
from claims.extraction.attribution.tokens import Sentence


def sentence(text):
    return Sentence(text, Quotes(text), 0, len(text))


@pytest.mark.parametrize("rule", TOKEN_RULES, ids=lambda rule: rule.name)
def test_every_token_rule_reads_its_example(rule):
    sent = sentence(rule.example)
    read = [rule.read(sent, i, []) for i in range(len(sent)) if rule.trigger(sent, i)]
    assert any(att is not None for att in read)
    assert analyse(sentence(rule.example))


@pytest.mark.parametrize("rule", SENTENCE_FALLBACKS, ids=lambda rule: rule.name)
def test_every_sentence_rule_reads_its_example(rule):
    assert rule.read(sentence(rule.example)) is not None
    assert analyse(sentence(rule.example))


def test_rule_names_are_unique():
    names = [rule.name for rule in TOKEN_RULES + SENTENCE_FALLBACKS]
    assert len(names) == len(set(names))


def test_a_rule_triggers_only_on_the_words_it_declares():
    # read_token passes over every other token at once: a trigger that held elsewhere would be
    # skipped without a word
    from pathlib import Path

    from claims.extraction.sentences import split_sentences

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")]
    texts += [rule.example for rule in TOKEN_RULES]
    for text in texts:
        quotes = Quotes(text)
        for start, end in split_sentences(text):
            sent = Sentence(text, quotes, start, end)
            for rule in TOKEN_RULES:
                for i in range(len(sent)):
                    if rule.trigger(sent, i):
                        w = sent.lower[i]
                        assert w in rule.words or w.endswith(rule.endings), (rule.name, w)
