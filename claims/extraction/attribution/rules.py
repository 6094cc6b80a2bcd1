"""Stage 7: the rules that read one sentence, in order.

A sentence is first tried whole as a headline with a colon; then an opening "Asked whether C, ..."
is taken; then each token is offered to the cue rules in order; when none of them found
anything, the sentence-wide shapes are tried.
"""

from .. import lexicon as lx
from .contents import Attribution
from .cues import evidence_subject_before, past_verb_before_that, phrase_cue
from .headlines import clause_colon_quote, headline_colon, headline_verb, name_colon_quote
from .phrases import (
    according_to,
    after_own_speaker,
    as_reported_by,
    asked_opener,
    evidence_participle,
    in_phrase,
    it_passive,
    noun_cue,
    possessive_copula,
    reportedly,
    that_noun,
    whether_question,
)
from .tokens import Sentence, is_cue_word, possessive, s_form, title_case
from .verbs import quote_speaker_verb, verb_cue


def analyse(sent: Sentence) -> list[Attribution]:
    """The attributions of one sentence."""
    n = len(sent)
    found: list[Attribution] = []
    if n < 2:
        return found
    covered_until = -1  # token index up to which the sentence is already content
    head = headline_colon(sent)
    if head is not None:
        return [head]
    # a title-case line: the article's headline, or a related one quoted in the text
    sent.in_headline = (sent.start == 0 or n <= 20) and title_case(sent)
    i = 0
    asked = asked_opener(sent)
    if asked is not None:
        found.append(asked)
        while i < n and sent.starts[i] < asked.end:
            i += 1
    while i < n:
        w = sent.lower[i]
        if i < covered_until:
            if found and (w in lx.INVERTIBLE or w == "according"):
                _prefer_outer(sent, i, found)
            i += 1
            continue
        att = None
        if w == "according" and i + 1 < n and sent.lower[i + 1] == "to":
            att = according_to(sent, i)
            if att is not None and found:
                att = after_own_speaker(sent, att, found)
        elif w == "whether" and i > 1 and sent.lower[i - 1] in lx.WHETHER_AFTER:
            att = whether_question(sent, i)
        elif (
            w in lx.AS_REPORTED
            and i + 2 < n
            and sent.lower[i + 1] == "by"
            and (att := as_reported_by(sent, i)) is not None
        ):
            pass
        elif w == "reportedly":
            att = reportedly(sent, i)
        elif w == "it" and i + 2 < n:
            att = it_passive(sent, i)
        elif w in lx.NOUN_CUES and i > 0 and possessive(sent.words[i - 1]):
            att = noun_cue(sent, i)
        elif (
            w in lx.THAT_NOUNS
            and i + 3 < n
            and sent.lower[i + 1] == "that"
            and (att := that_noun(sent, i)) is not None
        ):
            pass
        elif w in lx.EVIDENCE_PARTICIPLES and i > 0 and sent.lower[i - 1] in lx.EVIDENCE_NOUNS:
            att = evidence_participle(sent, i)
        elif w in ("is", "was") and i > 1:
            att = possessive_copula(sent, i)
        elif (
            is_cue_word(w)
            or past_verb_before_that(sent, i)
            or phrase_cue(sent, i)
            or (w in lx.EVIDENCE_VERBS and evidence_subject_before(sent, i))  # "a poll finds"
        ):
            att = verb_cue(sent, i, found[-1] if found else None)
        # (or an -s form: '“C,” agrees Jo Lee.', '“C,” the ad states.')
        present = i > 0 and s_form(w) and sent.lower[i - 1] not in lx.PREPOSITIONS
        past = w.endswith("ed") or w in lx.OTHER_PAST or present
        if att is None and i > 0 and past and sent.words[i].isalpha():
            att = quote_speaker_verb(sent, i)
        if att is not None:
            found.append(att)
            # Skip tokens inside the content (nested attributions are not separate claims).
            if att.end > sent.starts[i]:
                k = i + 1
                while k < n and sent.starts[k] < att.end:
                    k += 1
                covered_until = k
        i += 1
    if not found:
        att = (
            (headline_verb(sent) if sent.start == 0 else None)
            or in_phrase(sent)
            or name_colon_quote(sent)
            or clause_colon_quote(sent)
        )
        if att is not None:
            found.append(att)
    return found


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
