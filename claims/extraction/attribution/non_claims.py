"""Attributions that are no claim to check, though the article attributes them.

A refusal to comment ("A spokesman declined to comment.", "Lee did not respond to a request for
comment.") says nothing that could be true or false, and a content without a predicate ("praised
the memo", "thanked his invited guests", "opposed it") names a thing, not a claim. They are found
like any attribution, so that their sentence does not become an unattributed claim either, and
then left out of the claims; so is a content that ``junk`` finds no claim in any sentence (markup
after "tweeted:", a byline), what a report cites as its sources ("Axios reported, citing
officials from both countries"), a topic ("will discuss the audit at its meeting"), an
intention named by a noun ("his decision to expand Medicaid") and a thing added ("have added
1 million jobs"), a person telephoned ("Trump called Clinton"), a person named ("a worker named
Ana Diaz"), a work written ("wrote the introduction for a new book"), a stance named after a
name's possessive ("Lee's attacks on the mayor") or where something came from ("a report from
its audit").
"""

import re

from .. import lexicon as lx
from ..junk import not_a_claim
from ..sources.kinds import kind_from_phrase
from .contents import Attribution
from .tokens import has_verb, verb_like_or_finite

_WORD = re.compile(r"[\w’'-]+")


REFUSAL = "refusal to comment"
NO_PREDICATE = "no predicate"
SOURCING = "sources cited"
TOPIC = "a topic, not a claim"
INTENTION = "an intention, not a claim"
ADDITION = "something added, not said"
PHONE_CALL = "a call made, not words"
WORK_WRITTEN = "a work written, not what it says"
PERSON_NAMED = "a name given, not words"
STANCE = "a stance named by a noun, not what was said"
ORIGIN = "where something came from, not a claim"
_POSSESSIVES = frozenset(("his", "her", "their", "its", "our", "my"))
_TOPIC_CUES = frozenset(
    (
        "discuss",
        "discusses",
        "discussed",
        "discussing",
        "answer",
        "answers",
        "answered",
        "answering",
    )
)
_CITE = frozenset(("cite", "cites", "cited", "citing"))


def why_no_claim(text: str, att: Attribution) -> str | None:
    """Why the attribution says nothing a journalist could check (a refusal, a content without
    a predicate, markup or a byline: ``junk``, as for any sentence), or None when it does."""
    content = text[att.start : att.end]
    for reads, reason in _NO_CLAIM_READINGS:
        if reads(text, att, content):
            return reason
    return not_a_claim(content, part=True)


def _refusal(text: str, att: Attribution, content: str) -> bool:
    """ "declined to comment", "did not respond to a request for comment", "could not be
    reached for comment"."""
    low = content.lower().strip(" .,;:!?)")
    if any(
        low.startswith(opening) and not low[len(opening) : len(opening) + 1].isalpha()
        for opening in lx.REFUSAL_CONTENTS
    ):
        return True  # (a whole word: not "comments from the aides were consistent")
    cue = text[att.cue[0] : att.cue[1]].lower() if att.cue else ""
    asked = any(word in cue.split() for word in lx.UNANSWERED_CUES)
    return asked and any(request in low for request in lx.REQUESTS_FOR_COMMENT)


def _sources_cited(text: str, att: Attribution, content: str) -> bool:
    """ "citing officials from both countries", "citing a report by the ministry": who a report
    relies on, not what it claims ("citing low growth" is a claim)."""
    cue = att.cue_words(text)
    words = _WORD.findall(content)
    if not cue or cue[-1] not in _CITE or has_verb(words):
        return False
    kind = kind_from_phrase(content.strip(" .,;:"))
    return kind == "anonymous" or (kind in ("media", "document") and len(words) <= 4)


def _topic(text: str, att: Attribution, content: str) -> bool:
    """ "The board will discuss the audit at its meeting", "answering a question at a town
    hall": what is talked about, not what is said of it (a quoted answer is said: '“Denver,” he
    answered')."""
    cue = att.cue_words(text)
    if not cue or cue[-1] not in _TOPIC_CUES or att.kind == "direct":
        return False
    return not has_verb(_WORD.findall(content))


def _intention(text: str, att: Attribution, content: str) -> bool:
    """ "his decision to expand Medicaid", "the mayor's pledge to cut fares", "Sanders’ vow to
    fight on": what someone decided, plans or vowed to do, named by a noun; nothing said is true
    or false yet ("his warning that C" is a claim)."""
    if att.source is None or not content.lower().startswith("to "):
        return False
    source = text[att.source[0] : att.source[1]].strip()
    return source.lower() in _POSSESSIVES or source.endswith(("'s", "’s", "s’"))


def _stance_of_a_name(text: str, att: Attribution, content: str) -> bool:
    """ "Lee's attacks on the mayor", "the council's criticism of the audit", "Diaz's insistence
    on keeping the depot": what a named party is for or against, named by a noun after its
    possessive, with a noun phrase after the preposition; nothing said is quoted or reported
    ("Lee's claim that C", "Lee's claims about the audit" and "his attacks on the mayor" stay
    claims)."""
    cue = att.cue_words(text)
    if att.source is None or len(cue) < 2 or cue[-1] not in lx.STANCE_PREPOSITIONS:
        return False
    if cue[0] in lx.CLAIM_NOUNS:
        return False
    if att.kind == "direct" or any(mark in content for mark in lx.QUOTE_TOKENS):
        return False
    words = _WORD.findall(content)
    if not words or words[0].lower() in lx.CLAUSE_OPENERS:
        return False
    source = text[att.source[0] : att.source[1]].strip()
    return source.endswith(("'s", "’s", "s’")) and source.lower() not in _POSSESSIVES


def _origin(text: str, att: Attribution, content: str) -> bool:
    """ "asked for records from the ministry", "backing from two donors", "a request from the
    watchdog": a content that opens with "from" names where something came from; only after a
    verb of saying does a clause follow it ('added: "From a front-runner, this is absurd"')."""
    cue = att.cue_words(text)
    if not cue or cue[-1] in lx.PLAIN_SPEECH or att.kind == "direct":
        return False
    return content.lstrip().lower().startswith("from ")


def _addition(text: str, att: Attribution, content: str) -> bool:
    """ "we have added 1 million jobs", "will add a new element to the mix", "the costs added up
    to $8 million": a thing added, no words ("added that C", '“C,” she added' are speech)."""
    cue = att.cue_words(text)
    if not cue or cue[-1] not in lx.ADD_FORMS or att.kind == "direct":
        return False
    if any(mark in content for mark in lx.QUOTE_TOKENS):
        return False
    return not has_verb(_WORD.findall(content))


_CALLED_NAME = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
    r"(?:\s+(?:shortly|after|on|last|this|to|early|late|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)\b.*)?\.?"
)


def _phone_call(text: str, att: Attribution, content: str) -> bool:
    """ "Trump called Clinton", "she called Sanders to congratulate him", "Obama called
    Sanders shortly after": a person telephoned, nothing said ("called Clinton unqualified",
    'called it "a disgrace"' are claims)."""
    cue = text[att.cue[0] : att.cue[1]] if att.cue else ""
    if cue not in ("called", "calls", "call", "calling") or att.kind == "direct":
        return False
    if any(mark in content for mark in '"“”‘’') or "''" in content:
        return False
    return _CALLED_NAME.fullmatch(content.strip()) is not None


def _work_written(text: str, att: Attribution, content: str) -> bool:
    """ "wrote the introduction for a new book", "wrote his dissertation on farm policy",
    "wrote a detailed letter to the dean": a work written, not what it says ("wrote a letter
    urging C", "wrote a letter that said C" and a quoted title stay claims)."""
    cue = att.cue_words(text)
    if not cue or cue[-1] not in lx.WRITE_FORMS or att.kind == "direct":
        return False
    if any(mark in content for mark in lx.QUOTE_TOKENS):
        return False
    words = [w.lower() for w in _WORD.findall(content)]
    if not words or words[0] not in lx.DETERMINERS:
        return False
    work = next((i for i, w in enumerate(words[:5]) if w in lx.WRITTEN_WORKS), None)
    if work is None:
        return False
    rest = words[work + 1 :]
    return not any(w.endswith("ing") or w in lx.PLAIN_SPEECH for w in rest)


_NAMED_AFTER = re.compile(r"\b(?:[Aa]|[Aa]n)\s+((?:[\w’'.-]+\s+){1,5})$")


_NOT_IN_NAMED_PHRASE = lx.PREPOSITIONS | lx.SUBORDINATORS | lx.DETERMINERS | lx.TIME_WORDS


def _person_named(text: str, att: Attribution, content: str) -> bool:
    """ "a former aide named Ana Diaz", "an even-then-famous builder named Lee Ross": the name of
    a person just introduced, nothing said ("the council named Diaz to the board" chooses)."""
    if att.kind == "direct" or not att.cue or text[att.cue[0] : att.cue[1]] != "named":
        return False
    if not content[:1].isupper():
        return False
    before = _NAMED_AFTER.search(text, max(att.sentence[0], att.cue[0] - 60), att.cue[0])
    if before is None:
        return False
    words = before.group(1).split()
    last = words[-1]
    return (
        last.isalpha()
        and last.islower()
        and last not in lx.PERSONAL_PRONOUNS
        and not any(w.lower() in _NOT_IN_NAMED_PHRASE for w in words)
    )


def _no_predicate(content: str) -> bool:
    """A pronoun ("it", "which", "it for years"), a lower-case word ("frustration") or a short
    noun phrase after a determiner ("the memo", "his invited guests"): no verb, quotation, name
    or number."""
    if any(mark in content for mark in lx.QUOTE_TOKENS) or any(ch.isdigit() for ch in content):
        return False
    words = _WORD.findall(content)
    if not words or len(words) > 4:
        return False
    if words[0].lower() in lx.PRONOUN_CONTENTS:
        return len(words) == 1 or (words[1] in lx.PREPOSITIONS and len(words) <= 3)
    if len(words) > 3 or not all(w.islower() for w in words):
        return False
    if len(words) == 1:
        return not verb_like_or_finite(words[0])
    # (a participle after the determiner is an adjective: "his invited guests")
    return words[0] in lx.DETERMINERS and not any(verb_like_or_finite(w) for w in words[2:])


# The readings of an attribution that make it no claim, tried in this order (why_no_claim).
_NO_CLAIM_READINGS = (
    (_refusal, REFUSAL),
    (lambda text, att, content: _no_predicate(content), NO_PREDICATE),
    (_sources_cited, SOURCING),
    (_topic, TOPIC),
    (_intention, INTENTION),
    (_stance_of_a_name, STANCE),
    (_origin, ORIGIN),
    (_addition, ADDITION),
    (_phone_call, PHONE_CALL),
    (_work_written, WORK_WRITTEN),
    (_person_named, PERSON_NAMED),
)
