"""Stage 7: the rules that read one sentence, in order.

A sentence is first tried whole as a headline with a colon ("Sanders: C"); then an opening
"Asked whether C, ..." is taken; then each token is offered to the rules of ``TOKEN_RULES`` in
their order, and the first that reads an attribution there wins; when no token gave one, the
sentence-wide shapes of ``SENTENCE_FALLBACKS`` are tried. A rule is found by its name; its example
is a sentence it reads (``tests/extraction/test_rules.py`` holds every rule to its example).
"""

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from .. import lexicon as lx
from .contents import Attribution, describes_its_noun
from .cues import evidence_subject_before, past_verb_before_that, phrase_cue, phrase_openers
from .headlines import clause_colon_quote, headline_colon, headline_verb, name_colon_quote
from .phrases import (
    according_to,
    after_own_speaker,
    as_reported_by,
    asked_opener,
    evidence_participle,
    in_phrase,
    in_poll_after,
    it_passive,
    noun_cue,
    possessive_copula,
    reportedly,
    that_from,
    that_noun,
    whether_question,
)
from .tokens import (
    Sentence,
    is_cue_word,
    named_plural_possessive,
    possessive,
    s_form,
    title_case,
)
from .verbs import quote_speaker_verb, verb_cue

Reader = Callable[[Sentence, int, list[Attribution]], Attribution | None]


@dataclass(frozen=True)
class Rule:
    """A cue rule: ``trigger`` says whether the token at ``i`` may open its shape, ``read``
    builds the attribution from there (None when the shape does not hold after all).

    When an ``exclusive`` rule is triggered but reads nothing, the token is no cue of the later
    rules either, except of a ``last_resort`` rule, which every token that found nothing meets.
    ``words`` and ``endings`` are the lower-case tokens the trigger can hold for at all, so that
    the many tokens no rule can start from are passed over at once.
    """

    name: str
    trigger: Callable[[Sentence, int], bool]
    read: Reader
    example: str
    words: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()
    exclusive: bool = True
    last_resort: bool = False


def _token_only(read: Callable[[Sentence, int], Attribution | None]) -> Reader:
    """A rule's reader from a shape that needs only the sentence and the token."""
    return lambda sent, i, found: read(sent, i)


def _according_to_trigger(sent: Sentence, i: int) -> bool:
    return sent.lower[i] == "according" and i + 1 < len(sent) and sent.lower[i + 1] == "to"


def _read_according_to(sent: Sentence, i: int, found: list[Attribution]) -> Attribution | None:
    att = according_to(sent, i)
    if att is not None and found:
        att = after_own_speaker(sent, att, found)
    return att


def _whether_trigger(sent: Sentence, i: int) -> bool:
    return sent.lower[i] == "whether" and i > 1 and sent.lower[i - 1] in lx.WHETHER_AFTER


def _as_reported_trigger(sent: Sentence, i: int) -> bool:
    return sent.lower[i] in lx.AS_REPORTED and i + 2 < len(sent) and sent.lower[i + 1] == "by"


def _reportedly_trigger(sent: Sentence, i: int) -> bool:
    return sent.lower[i] == "reportedly"


def _it_trigger(sent: Sentence, i: int) -> bool:
    return sent.lower[i] == "it" and i + 2 < len(sent)


def _noun_cue_trigger(sent: Sentence, i: int) -> bool:
    return (
        sent.lower[i] in lx.NOUN_CUES
        and i > 0
        and (possessive(sent.words[i - 1]) or _plural_possessive_with_clause(sent, i))
    )


def _plural_possessive_with_clause(sent: Sentence, i: int) -> bool:
    """ "Sanders’ claim that C", "Sanders’ decision to C" (then no claim: an intention); the
    plural possessive before a phrase ("Sanders’ attacks on X") reads as often as not as the
    reporter's own words, and is left alone."""
    nxt = sent.lower[i + 1] if i + 1 < len(sent) else ""
    return nxt in ("that", "to") and named_plural_possessive(sent, i - 1)


def _that_noun_trigger(sent: Sentence, i: int) -> bool:
    if sent.lower[i] not in lx.THAT_NOUNS or i + 3 >= len(sent):
        return False
    return sent.lower[i + 1] == "that" or that_from(sent, i) is not None


def _evidence_participle_trigger(sent: Sentence, i: int) -> bool:
    w = sent.lower[i]
    return w in lx.EVIDENCE_PARTICIPLES and i > 0 and sent.lower[i - 1] in lx.EVIDENCE_NOUNS


def _copula_trigger(sent: Sentence, i: int) -> bool:
    return sent.lower[i] in ("is", "was") and i > 1


def _verb_trigger(sent: Sentence, i: int) -> bool:
    w = sent.lower[i]
    return (
        is_cue_word(w)
        or past_verb_before_that(sent, i)
        or phrase_cue(sent, i) is not None
        or (w in lx.EVIDENCE_VERBS and evidence_subject_before(sent, i))  # "a poll finds"
    )


def _read_verb(sent: Sentence, i: int, found: list[Attribution]) -> Attribution | None:
    att = verb_cue(sent, i, found[-1] if found else None)
    return _stance_noun_object(sent, att) or att


def _stance_noun_object(sent: Sentence, att: Attribution | None) -> Attribution | None:
    """ "The senator ignored repeated warnings from his lawyer that C": an object that is a
    stance noun with a speaker of its own after "from" reports that speaker's clause, not the
    subject's (None for any other object)."""
    if att is None or att.cue is None or att.cue[1] > att.start:
        return None
    j = bisect_left(sent.starts, att.start)
    while j < len(sent) and sent.lower[j] in lx.THAT_NOUN_MODIFIERS:
        j += 1
    if j >= len(sent) or sent.lower[j] not in lx.THAT_NOUNS or that_from(sent, j) is None:
        return None
    return that_noun(sent, j)


def _past_after_quote_trigger(sent: Sentence, i: int) -> bool:
    """Any past form (or an -s form: '“C,” agrees Jo Lee.', '“C,” the ad states.'), not a
    capitalised one before a name."""
    w = sent.lower[i]
    present = i > 0 and s_form(w) and sent.lower[i - 1] not in lx.PREPOSITIONS
    past = w.endswith("ed") or w in lx.OTHER_PAST or present
    # ('“C,” Douglas Holtz-Eakin, an economist, wrote': a first name before a surname)
    first_name = (
        sent.words[i][:1].isupper() and i + 1 < len(sent) and sent.words[i + 1][:1].isupper()
    )
    return i > 0 and past and sent.words[i].isalpha() and not first_name


TOKEN_RULES: tuple[Rule, ...] = (
    Rule(
        "according to",
        _according_to_trigger,
        _read_according_to,
        "According to the county auditor, the school budget grew by a third.",
        words=frozenset(["according"]),
    ),
    Rule(
        "open question",
        _whether_trigger,
        _token_only(whether_question),
        "Voters raised questions about whether the levy will pass.",
        words=frozenset(["whether"]),
    ),
    Rule(
        "as reported by",
        _as_reported_trigger,
        _token_only(as_reported_by),
        "As first reported by the Herald, the plant will close in May.",
        words=lx.AS_REPORTED,
        exclusive=False,
    ),
    Rule(
        "reportedly",
        _reportedly_trigger,
        _token_only(reportedly),
        "The council is reportedly weighing a new tax on hotel rooms.",
        words=frozenset(["reportedly"]),
    ),
    Rule(
        "it is said",
        _it_trigger,
        _token_only(it_passive),
        "It was reported that the mayor will resign next week.",
        words=frozenset(["it"]),
    ),
    Rule(
        "possessive noun cue",
        _noun_cue_trigger,
        _token_only(noun_cue),
        "Lee's claim that the bridge is safe drew laughter from the crowd.",
        words=lx.NOUN_CUES,
    ),
    Rule(
        "noun with a that clause",
        _that_noun_trigger,
        _token_only(that_noun),
        "Despite complaints that the fares are too high, ridership grew.",
        words=lx.THAT_NOUNS,
        exclusive=False,
    ),
    Rule(
        "evidence participle",
        _evidence_participle_trigger,
        _token_only(evidence_participle),
        "The race tightened, with new polls showing the senator ahead by two points.",
        words=lx.EVIDENCE_PARTICIPLES,
    ),
    Rule(
        "possessive copula",
        _copula_trigger,
        _token_only(possessive_copula),
        "Her answer was that the city cannot afford the plan.",
        words=frozenset(["is", "was"]),
    ),
    Rule(
        "verb cue",
        _verb_trigger,
        _read_verb,
        "The mayor of Riverton said that the new bridge cost 40 million dollars.",
        words=lx.STRONG | lx.WEAK | lx.EVIDENCE_VERBS | frozenset(phrase_openers()),
        endings=("ed", "s"),
    ),
    Rule(
        "quotation, speaker, any past verb",
        _past_after_quote_trigger,
        _token_only(quote_speaker_verb),
        "“Denver,” he answered.",
        words=lx.OTHER_PAST,
        endings=("ed", "s"),
        last_resort=True,
    ),
)


@dataclass(frozen=True)
class SentenceRule:
    """A shape of a whole sentence, tried when no token of it was a cue."""

    name: str
    read: Callable[[Sentence], Attribution | None]
    example: str


SENTENCE_FALLBACKS: tuple[SentenceRule, ...] = (
    SentenceRule("headline verb", headline_verb, "Judge slams county's new map"),
    SentenceRule("in the poll", in_phrase, "In the new poll, 40 percent of voters back the levy."),
    SentenceRule("in a poll", in_poll_after, "The mayor has 40 percent support in a new poll."),
    SentenceRule("name and colon", name_colon_quote, "More from Jo Lee: “The plan is dead.”"),
    SentenceRule("clause and colon", clause_colon_quote, "Lee leaned in and boomed: “No way.”"),
)


def analyse(sent: Sentence) -> list[Attribution]:
    """The attributions of one sentence."""
    if len(sent) < 2:
        return []
    head = headline_colon(sent)
    if head is not None:
        return [head]
    # a title-case line: the article's headline, or a related one quoted in the text
    sent.in_headline = (sent.start == 0 or len(sent) <= 20) and title_case(sent)
    found: list[Attribution] = []
    first = 0
    asked = asked_opener(sent)
    if asked is not None:
        found.append(asked)
        while first < len(sent) and sent.starts[first] < asked.end:
            first += 1
    _read_tokens(sent, first, found)
    if not found:
        att = next((a for rule in SENTENCE_FALLBACKS if (a := rule.read(sent)) is not None), None)
        if att is not None:
            found.append(att)
    return found


def _read_tokens(sent: Sentence, first: int, found: list[Attribution]) -> None:
    """Offer every token from ``first`` to the cue rules; the tokens inside a content found are
    skipped (nested attributions are not separate claims), but an inverted cue among them may
    take over (``_prefer_outer``)."""
    n = len(sent)
    i = first
    covered_until = -1  # token index up to which the sentence is already content
    while i < n:
        if i < covered_until:
            w = sent.lower[i]
            if found and (w in lx.INVERTIBLE or w == "according"):
                _prefer_outer(sent, i, found)
            i += 1
            continue
        att = read_token(sent, i, found)
        if att is not None:
            found.append(att)
            if att.end > sent.starts[i]:
                k = i + 1
                while k < n and sent.starts[k] < att.end:
                    k += 1
                covered_until = _main_verb_in_relative(sent, i, k, att)
        i += 1


def _main_verb_in_relative(sent: Sentence, i: int, k: int, att: Attribution) -> int:
    """Where the tokens covered by ``att`` (from its cue at ``i`` to ``k``) end: at a verb of
    saying (or a colon) after a relative clause that only tells which people are meant, since
    that verb is the sentence's own ("A woman who has accused Lee of fraud said Sunday that C",
    "Even those who backed the plan were wary: Lee called it ...")."""
    if not describes_its_noun(sent.text, att):
        return k
    main = lx.CLAUSE_VERBS | lx.STRONG
    return next((j for j in range(i + 1, k) if sent.lower[j] in main or sent.words[j] in ":;"), k)


_TRIGGER_WORDS = frozenset().union(*(rule.words for rule in TOKEN_RULES))
_TRIGGER_ENDINGS = tuple({ending for rule in TOKEN_RULES for ending in rule.endings})


def read_token(sent: Sentence, i: int, found: list[Attribution]) -> Attribution | None:
    """The attribution of the first rule of ``TOKEN_RULES`` that reads one at token ``i``."""
    w = sent.lower[i]
    if w not in _TRIGGER_WORDS and not w.endswith(_TRIGGER_ENDINGS):
        return None
    blocked = False
    for rule in TOKEN_RULES:
        if blocked and not rule.last_resort:
            continue
        if (w not in rule.words and not w.endswith(rule.endings)) or not rule.trigger(sent, i):
            continue  # (a trigger holds only for its words and endings)
        att = rule.read(sent, i, found)
        if att is not None:
            return att
        blocked = blocked or rule.exclusive
    return None


def _prefer_outer(sent: Sentence, i: int, found: list) -> None:
    """Replace the last attribution by an inverted one at token ``i`` that contains it.

    "Moscow and Washington welcomed the talks, Axios reported.": the forward reading of
    "welcomed" swallowed the sentence, but the reporting verb at the end attributes all of
    it, cue included (PolNeAR lets a token belong to only one attribution).
    """
    last = found[-1]
    if last.cue is None or last.cue[0] >= sent.starts[i] or sent.starts[i] >= last.end:
        return
    if sent.lower[i] == "according":
        # "X told aides that C, according to two people present": the account is the
        # outer attribution's, inner speech included; not when the words are quoted.
        if i + 2 >= len(sent) or sent.lower[i + 1] != "to":
            return
        if sent.quotes.at(sent.starts[i]) is not None:
            return
        if sent.words[i - 1] != ",":
            return
        outer = according_to(sent, i)
    else:
        outer = verb_cue(sent, i, None)
    if (
        outer is not None
        and outer.start <= last.cue[0]
        and outer.cue[0] >= last.cue[1]
        and outer.end > last.start
    ):
        found[-1] = outer
