"""Stage 3: cue detection: is the word at ``i`` a cue used as a verb here, and what belongs to it.

A ``Cue`` records the verb, the auxiliaries and adverbs before it ("has also said"), any time phrase
between the subject and it ("Lee on Monday said"), and its particle ("pointed out").
"""

import re
from typing import NamedTuple

from .. import lexicon as lx
from .tokens import (
    Sentence,
    plural_noun,
    possessive,
    verb_like,
    verb_like_or_finite,
    within_name,
)

# "U.S.", "F.B.I.": before a noun-like cue an adjective ("the F.B.I. report"), not a subject.
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


class Cue(NamedTuple):
    """A verb cue in a sentence's tokens."""

    i: int  # the verb
    w: str  # the verb, lower case
    m: int  # first token of the cue (auxiliaries and adverbs: "has also said")
    start: int  # where the subject must end (before a time phrase: "Lee on Monday said")
    end: int  # just after the cue (and its particle: "pointed out")
    span: tuple[int, int]  # character offsets of the cue


def cue_modifiers_before(sent: Sentence, i: int, lo: int) -> int:
    """Index of the first auxiliary/adverb directly before token ``i`` ("has also said")."""
    j = i
    while j - 1 >= lo and i - j < 4 and cue_modifier(sent, j - 1):
        j -= 1
    # "Trump on Tuesday said": skip a time phrase too (not part of the cue).
    return j


def cue_modifier(sent: Sentence, k: int) -> bool:
    """An auxiliary or adverb that belongs to a cue ("has", "never", "sharply")."""
    w = sent.lower[k]
    if within_name(sent, k):
        return False  # "Theresa May said"
    return w in lx.CUE_MODIFIERS or (
        w.endswith("ly") and len(w) > 4 and w not in lx.LY_NOUNS and sent.words[k].islower()
    )


def skip_time_before(sent: Sentence, j: int, lo: int) -> int:
    if j - 2 >= lo and sent.lower[j - 2] == "so" and sent.lower[j - 1] == "far":
        return j - 2  # "Trump so far hasn’t attacked"
    # ("USA TODAY reported": a name in capitals, not a time)
    if j - 1 >= lo and sent.lower[j - 1] in lx.WEEKDAYS and not sent.words[j - 1].isupper():
        j -= 1
        if j - 1 >= lo and sent.lower[j - 1] in ("on", "late", "early", "last", "earlier"):
            j -= 1  # (and "Gowdy earlier Thursday said")
    elif j - 2 >= lo and sent.lower[j - 1] in lx.TIME_NOUNS:
        # "Lee, the party chairman, this past week announced"
        k = j - 2
        if sent.lower[k] == "past" and k - 1 >= lo:
            k -= 1
        if sent.lower[k] in ("this", "last", "next", "earlier", "later"):
            j = k
    return j


def passive_cue(sent: Sentence, m: int, i: int) -> bool:
    """The cue words [m, i] are a passive: a form of "be" and a participle ("was endorsed")."""
    w = sent.lower[i]
    if not (w.endswith("ed") or w in ("known", "seen", "shown", "thought", "said", "held")):
        return False
    return any(sent.lower[k] in lx.BE_FORMS for k in range(m, i))


def listener_end(sent: Sentence, i: int, hi: int, verb: str = "") -> int:
    """For "told X ...", the index just after the listener X (or ``i`` if none). A request
    keeps whom it asks: "asked the court to intervene" / "asked Lee whether C" (PolNeAR)."""
    end = _plain_listener_end(sent, i, hi)
    if verb in lx.ASK_VERBS and i < end < hi and sent.lower[end] in ("to", "if", "whether"):
        return i
    return end


def _plain_listener_end(sent: Sentence, i: int, hi: int) -> int:
    if i >= hi:
        return i
    w = sent.lower[i]
    if w in lx.LISTENER_WORDS:
        return i + 1
    that = _that_after_listener(sent, i, hi)
    if that is not None:
        return that
    title = _quoted_title_end(sent, i + 1 if possessive(sent.words[i]) else i, hi)
    if title is not None:
        return title
    k = i
    if w in ("the", "a", "an", "his", "her", "their", "its", "our", "my"):
        k += 1
        while (
            k < hi
            and k - i < 5
            and sent.lower[k] not in lx.PREPOSITIONS
            and sent.lower[k] not in lx.TAIL_ADVERBS
            and sent.lower[k] not in ("that", ",", "he", "she", "they", "it", "the", "“", '"')
        ):
            k += 1
        return k
    while k < hi and sent.words[k][:1].isupper() and sent.lower[k] not in lx.PERSONAL_PRONOUNS:
        k += 1
        if k < hi and sent.words[k] in ("’s", "'s"):
            k += 1
    return k


def _quoted_title_end(sent: Sentence, k: int, hi: int) -> int | None:
    """After 'told “Fox and Friends,”' or 'told ABC’s “Good Morning America”', a quoted
    programme in title case (at most six words): the index just after its closing quote."""
    if k >= hi or not sent.quotes.opens(sent.starts[k]):
        return None
    q = sent.quotes.at(sent.starts[k])
    j = k + 1
    while j < hi and sent.starts[j] < q[1] - 1:
        j += 1
    inside = [w for w in sent.words[k + 1 : j] if w.isalpha()]
    if not inside or len(inside) > 6 or j >= hi or sent.ends[j] != q[1]:
        return None
    if not all(w[:1].isupper() or w in lx.TITLE_SMALL_WORDS for w in inside):
        return None
    if not inside[0][:1].isupper():
        return None
    return j + 1


def _that_after_listener(sent: Sentence, i: int, hi: int) -> int | None:
    """ "told customers at a diner in Manchester that C": a long listener up to "that"."""
    for k in range(i + 1, min(hi, i + 15)):
        low = sent.lower[k]
        if sent.words[k] in (";", ":", ".") or low in lx.STRONG:
            return None
        if low in lx.WH_WORDS or low == "if" or (low in lx.BE_OR_HAVE and k > i + 1):
            return None  # "asked whether he was sure that ...": the question, not a listener
        if low == "that":
            nxt = sent.lower[k + 1] if k + 1 < hi else ""
            if verb_like_or_finite(nxt) and nxt not in lx.BE_OR_HAVE:
                return None  # "told a crowd at a bar that spilled onto the street": a relative
            return k
    return None


def past_verb_before_that(sent: Sentence, i: int) -> bool:
    """Any past form before "that" is read as a cue: "Lee clarified that C" (a guess that was
    right more than half the time on the training split, for verbs outside the lexicon), and
    an -s form after a pronoun: "she contends that C"."""
    w = sent.lower[i]
    # ("she contends that C": after a pronoun an -s form is a verb, not "groups that")
    present = (
        i > 0
        and sent.lower[i - 1] in ("he", "she", "it")
        and w.endswith("s")
        and not w.endswith("ss")
        and len(w) > 3
    )
    return (
        i + 1 < len(sent)
        and sent.lower[i + 1] == "that"
        and sent.words[i].islower()
        and (w.endswith("ed") or present)
        and w not in lx.UNRELIABLE
    )


# Multi-word cues by first word: (the words after it, the one-word cue it reads as), the longest
# first.
def _phrase_index(phrases: dict[str, str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, verb in phrases.items():
        first, *rest = phrase.split()
        index.setdefault(first, []).append((tuple(rest), verb))
    for options in index.values():
        options.sort(key=lambda option: -len(option[0]))
    return index


_PHRASES = _phrase_index(lx.PHRASE_CUES)


def phrase_openers() -> list[str]:
    """The first words of the multi-word cues."""
    return list(_PHRASES)


def phrase_cue(sent: Sentence, i: int):
    """(end, verb) for a multi-word cue at ``i`` ("made it clear", "took aim at"), or None."""
    options = _PHRASES.get(sent.lower[i])
    if not options:
        return None
    for tail, canon in options:
        if tuple(sent.lower[i + 1 : i + 1 + len(tail)]) == tail:
            return i + 1 + len(tail), canon
    return None


def evidence_subject_before(sent: Sentence, i: int) -> bool:
    """An evidence noun ends or heads the subject before ``i``: "a poll out this week |
    shows", "The survey, conducted by X, | finds", "polls there | show"."""
    for k in range(i - 1, max(-1, i - 12), -1):
        low = sent.lower[k]
        if low in lx.EVIDENCE_NOUNS or low in ("email", "emails"):
            return True
        if sent.words[k] in (".", ";", ":", "!", "?") or low in lx.FINITE or low in lx.WH_OR_IF:
            return False
        if low in ("that", "and", "but") or sent.words[k] in lx.QUOTE_TOKENS:
            return False
    return False


def _evidence_head_before(sent: Sentence, i: int) -> bool:
    """An evidence noun heads the words before ``i``: "video of the incident | shows"."""
    for k in range(i - 2, max(-1, i - 7), -1):
        if sent.lower[k] in lx.EVIDENCE_NOUNS and sent.lower[k + 1] in ("of", "from", "by"):
            return True
        if not sent.words[k].replace("’", "").replace("'", "").isalnum() or verb_like(
            sent.lower[k]
        ):
            return False
    return False


def compound_cue(low: str) -> bool:
    """A cue verb that, after "and"/"but", starts a second attribution of the same subject
    ("condemned the vote but praised the senators")."""
    return low in lx.COMPOUND_CUES or (low in lx.STRONG and low[-2:] in ("ed", "es"))


def takes_listener(low: str) -> bool:
    """Past forms that take a listener: '“A,” Lee assured the crowd.', '“A,” she urged the
    board.'"""
    return low in lx.LISTENER_VERBS or low in lx.ADDRESSING_PASTS


def is_verb_use(sent: Sentence, i: int) -> bool:
    """Whether the cue word at ``i`` is used as a verb here."""
    # Not a cue inside a quotation ("'I said no,' he recalled" has its cue outside).
    if sent.quotes.at(sent.starts[i]) is not None:
        return False
    if any(reading(sent, i) for reading in _OTHER_READINGS):
        return False
    w = sent.lower[i]
    n = len(sent)
    # Forms that are also nouns ("his home state", "the attacks") need a subject-like word
    # right before them, unless "that" or a possessive follows ("X, a historian, notes that
    # ...", "the candidate claims his fortune is ...").
    if w in lx.NOUN_LIKE and i > 0 and (i + 1 >= n or sent.lower[i + 1] not in lx.VERB_AFTER):
        return _subject_before_noun_like(sent, i)
    return True


def _adding_to(sent: Sentence, i: int) -> bool:
    """ "adding to her delegate lead": not speech."""
    return sent.lower[i] in lx.ADD_FORMS and i + 1 < len(sent) and sent.lower[i + 1] == "to"


def _found_a_group(sent: Sentence, i: int) -> bool:
    """ "helped found the group", "found himself on the street"."""
    return sent.lower[i] == "found" and (
        (i > 0 and sent.lower[i - 1] in ("help", "helped", "helping"))
        or (i + 1 < len(sent) and sent.lower[i + 1] in lx.REFLEXIVES)
    )


def _after_article(sent: Sentence, i: int) -> bool:
    """ "a said", "the report": not a verb; "to say" only for strong verbs ("declined to say")."""
    return (
        i > 0
        and sent.lower[i - 1] in ("to", "a", "the", "an", "this", "that", "his", "her")
        and (sent.lower[i - 1] != "to" or sent.lower[i] not in lx.STRONG)
    )


def _counted_noun(sent: Sentence, i: int) -> bool:
    """ "Two questions: ...", "three reports": a number before a noun-like cue counts the noun."""
    before = sent.lower[i - 1] if i > 0 else ""
    return sent.lower[i] in lx.NOUN_LIKE and (before in lx.COUNT_WORDS or before.isdigit())


def _possessed_noun(sent: Sentence, i: int) -> bool:
    """ "Trump’s tweets", "the mayor's claims": a possessive and a noun, not "’s" + verb; after
    "’s" (and any adverb or adjective a cue may have: "police's earlier claim") only a
    participle is a verb ("he’s said", "she’s long said", "she’s hoping"; not "Trump’s tweet")."""
    w = sent.lower[i]
    if i > 0 and possessive(sent.words[i - 1]) and w.endswith("s") and not w.endswith("ss"):
        return True
    participle = w.endswith(("ing", "ed", "en")) or w in lx.IRREGULAR_PAST or w in lx.FINITE
    before = sent.lower[i - 1] if i > 0 else ""
    if _noun_possessive(sent, i - 1) and _past_form_before_noun(sent, i):
        return True  # "the mayor's repeated claim" (not "he’s repeated claims")
    if _noun_possessive(sent, i - 2) and _past_form(sent.lower[i - 1]):
        return True  # "the mayor's repeated warning", "Lee’s repeated accusations": the noun
    j = cue_modifiers_before(sent, i, 0)
    if 0 < j < i and sent.lower[j - 1][:-2] not in lx.PERSONAL_PRONOUNS:
        before = sent.lower[j - 1]  # a noun's: "police's earlier claim" (not "she’s already")
    return before.endswith(("'s", "’s")) and not participle


def _noun_possessive(sent: Sentence, k: int) -> bool:
    """The word at ``k`` is a noun or name with "’s", not a pronoun's contracted "is"/"has"
    ("he’s", "who's", "that’s")."""
    if k < 0:
        return False
    low = sent.lower[k]
    stem = low[:-2]
    return (
        low.endswith(("'s", "’s"))
        and stem.isalpha()
        and stem not in lx.PERSONAL_PRONOUNS
        and stem not in lx.FUNCTION_WORDS
        and stem not in lx.WH_OR_IF
        and stem not in lx.CONTRACTED_HOSTS
    )


def _past_form_before_noun(sent: Sentence, i: int) -> bool:
    """A past form at ``i`` before a noun of speech or stance: an adjective, and the noun's
    rule reads the attribution ("the mayor's repeated claim that C", "Lee’s continued
    insistence that C")."""
    if not _past_form(sent.lower[i]) or i + 1 >= len(sent):
        return False
    nxt = sent.lower[i + 1]
    return nxt in lx.THAT_NOUNS or nxt in lx.NOUN_CUES


def _past_form_after_preposition(sent: Sentence, i: int) -> bool:
    """ "despite repeated warnings from X that C", "Repeated claims that C": a past form
    after a preposition (or opening the sentence) before a stance noun is its adjective."""
    before = sent.lower[i - 1] if i > 0 else ""
    return (not before or before in lx.PREPOSITIONS) and _past_form_before_noun(sent, i)


def _past_form(low: str) -> bool:
    return low.endswith("ed") or low in lx.IRREGULAR_PAST


def _possessive_after_preposition(sent: Sentence, i: int) -> bool:
    """ "familiar with Cruz’s thinking": a possessive, not "Cruz is"."""
    return (
        i > 1
        and possessive(sent.words[i - 1])
        and sent.lower[i - 2] in lx.PREPOSITIONS
        and sent.words[i - 2].islower()
    )


def _participle_adjective(sent: Sentence, i: int) -> bool:
    """ "pledged delegates", "endorsed candidates": a participle used as an adjective (not
    "told delegates")."""
    return (
        i + 1 < len(sent)
        and sent.lower[i + 1] in lx.PARTICIPLE_ADJECTIVE_NOUNS
        and not takes_listener(sent.lower[i])
    )


def _capitalised_name(sent: Sentence, i: int) -> bool:
    """ "Islamic State": a capitalised cue word inside a sentence is a name, not a verb, except
    in a title-case headline ("Mayor Says Bridge Is Safe")."""
    return (
        i > 0
        and sent.words[i][:1].isupper()
        and sent.words[i - 1] not in lx.QUOTE_TOKENS
        and not sent.in_headline
    )


def _naming(sent: Sentence, i: int) -> bool:
    """ "the contests known as Super Tuesday", "a method known as fracking": a name given to a
    thing, no claim ("Lee is known as a hawk" and "derisively known as C" stay cues)."""
    if sent.lower[i] != "known" or i == 0 or i + 1 >= len(sent) or sent.lower[i + 1] != "as":
        return False
    before = sent.lower[i - 1]
    return before.isalpha() and before not in lx.BE_FORMS and not cue_modifier(sent, i - 1)


def _attributive_adjective(sent: Sentence, i: int) -> bool:
    """ "critical victories", "the most critical insight": an adjective before its noun, not
    "critical of the plan"."""
    if sent.lower[i] not in lx.ATTRIBUTIVE_CUES or i + 1 >= len(sent):
        return False
    nxt = sent.lower[i + 1]
    return nxt.isalpha() and nxt not in lx.PREPOSITIONS and nxt not in ("that", "and", "or", "but")


def _appearing_somewhere(sent: Sentence, i: int) -> bool:
    """ "has appeared at his side", "appeared by video", "appeared Sunday", "where he
    appeared,": showing up somewhere, not seeming ("appeared to agree", "appears weak")."""
    if sent.lower[i] not in lx.RAISING or i + 1 >= len(sent):
        return False
    nxt = sent.lower[i + 1]
    if nxt in ("to", "as", "like"):
        return False
    return (
        nxt in lx.PREPOSITIONS
        or nxt in lx.APPEARING_SOMEWHERE
        or nxt in ("by", "with", "alongside")
        or nxt in lx.TIME_WORDS
        or (nxt in (",", ".") and sent.lower[i].startswith("appear"))
    )


def _filler(sent: Sentence, i: int) -> bool:
    """ "You know, I got in trouble", "(Yes, we know, guacamole is extra.)", "news as we know
    it": a filler or a set phrase, nothing known is reported."""
    if sent.lower[i] != "know" or i + 1 >= len(sent):
        return False
    if sent.words[i + 1] == ",":
        return True
    return i > 1 and sent.lower[i - 2] == "as" and sent.lower[i + 1] == "it"


def _settled(sent: Sentence, i: int) -> bool:
    """ "The state was decided by less than a point", "Contests in Missouri have not yet been
    decided": a contest settled, nobody's decision reported."""
    return sent.lower[i] == "decided" and i > 0 and sent.lower[i - 1] in lx.BE_FORMS | {"be"}


def _programme(sent: Sentence, i: int) -> bool:
    """ "a host on the TV show", "The Rachel Maddow Show on MSNBC", "talk show host", "NBC's
    Today show": a programme, not "polls show"."""
    w = sent.lower[i]
    if w not in ("show", "shows") or i == 0:
        return False
    nxt = sent.lower[i + 1] if i + 1 < len(sent) else ""
    return (
        sent.lower[i - 1] in lx.PROGRAMME_WORDS
        or (sent.words[i][:1] == "S" and not sent.in_headline)
        or nxt in ("host", "hosts")
    )


# Readings of a cue word in which it is no verb.
_OTHER_READINGS = (
    _adding_to,
    _found_a_group,
    _after_article,
    _counted_noun,
    _possessed_noun,
    _past_form_after_preposition,
    _possessive_after_preposition,
    _participle_adjective,
    _capitalised_name,
    _naming,
    _attributive_adjective,
    _appearing_somewhere,
    _filler,
    _settled,
    _programme,
)


def _subject_before_noun_like(sent: Sentence, i: int) -> bool:
    """Whether a subject-like word stands before the noun-like cue at ``i``."""
    w = sent.lower[i]
    before = sent.lower[i - 1]
    if before == "to" and i + 1 < len(sent) and sent.lower[i + 1] in lx.PARTICLES.get(w, ()):
        return True  # "was quick to point out"
    return (
        (sent.words[i - 1][:1].isupper() and not _DOTTED.fullmatch(sent.words[i - 1]))
        or before in lx.PERSONAL_PRONOUNS
        or cue_modifier(sent, i - 1)
        or before in lx.PLURAL_SUBJECTS
        or before in lx.EVIDENCE_NOUNS
        or plural_noun(sent.words[i - 1])  # "most senators support"
        or (w.endswith("s") and before in lx.PERSON_SUBJECT_NOUNS)  # "the governor hopes C"
        or before == ","  # "Mr. Lee, a career politician, hopes C"
        or _evidence_head_before(sent, i)  # "video of the incident shows"
        or (w in lx.EVIDENCE_VERBS and evidence_subject_before(sent, i))  # "polls there show"
    )
