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
