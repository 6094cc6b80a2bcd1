"""Stage 5a: clause boundaries: the tests that tell where a clause, a phrase or an aside ends.

Used by ``contents`` to decide how far a content runs: an adjunct after the cue ("on Friday"),
the reporter's own clause after a comma ("..., and the market did nothing"), a short aside
("the scandal, while troublesome, was"), a second cue of the same subject ("... and said").
"""

from .. import lexicon as lx
from .cues import compound_cue, cue_modifiers_before, phrase_cue
from .quotes import outside_quote
from .subjects import plausible_subject, subject_before
from .tokens import (
    Sentence,
    has_verb,
    is_cue_word,
    s_form,
    title_case,
    verb_like,
    verb_like_or_finite,
)


def short_adjunct_tail(sent: Sentence, i: int, hi: int) -> bool:
    """True when tokens [i, hi) are at most a short adjunct ("on Tuesday", "in a statement")."""
    if i >= hi or sent.words[i] in (".", "!", "?"):
        return True
    if sent.lower[i] not in lx.PREPOSITIONS or hi - i > 8:
        return False
    return not any(w in lx.FINITE or w in lx.PERSONAL_PRONOUNS for w in sent.lower[i:hi])


def tail_is_adjunct(sent: Sentence, i: int, hi: int) -> bool:
    """True when tokens [i, hi) after an inverted cue are only adjuncts, not a clause."""
    if i >= hi:
        return True
    w = sent.lower[i]
    if sent.words[i] in (",", ".", "!", "?", ";", "—", "–", ":") and sent.words[i] != ":":
        return True
    if w == "at" and i + 1 < hi and sent.lower[i + 1] in ("least", "most"):
        return False  # "CNN reported at least six planes ...": a quantity opens the content
    if w in lx.PREPOSITIONS or w in lx.WEEKDAYS or w in ("in", "on", "at", "during", "by"):
        return True
    if w in lx.TAIL_ADVERBS:
        return True
    # "..., she said dryly." / "..., he said quietly in an interview."
    ends = i + 1 >= hi or sent.words[i + 1] in (",", ".", "!", "?", ";")
    if w.endswith("ly") and len(w) > 4 and (ends or sent.lower[i + 1] in lx.PREPOSITIONS):
        return True
    return hi - i <= 1


def that_after_adjunct(sent: Sentence, i: int, hi: int) -> int | None:
    """Index of the "that" a short adjunct at ``i`` leads to ("said | on Friday that C"), or
    None when the words at ``i`` are not such an adjunct."""
    if i >= hi or not sent.words[i].isalnum():
        return None
    for k in range(i + 1, min(hi - 1, i + 20)):
        word, nxt = sent.words[k], sent.lower[k + 1]
        if word == "," and (nxt == "that" or (sent.words[k + 1][:1].isupper() and k - i < 16)):
            continue  # "in Buffalo, New York, that C"
        if word in lx.CLAUSE_END or word in lx.QUOTE_TOKENS or word == "-":
            return None
        relative = nxt in lx.BE_OR_HAVE or nxt in lx.TIME_NOUNS or verb_like_or_finite(nxt)
        if sent.lower[k] == "that" and not relative:  # not "in a speech that won praise"
            return k
    return None


def new_clause_at(sent: Sentence, k: int, hi: int) -> bool:
    """Whether a clause with its own subject starts at ``k``: a pronoun, or a short noun
    phrase or name, then a finite verb ("he wants", "the market did", "Lee has")."""
    low = sent.lower[k]
    v = k + 1
    if low in lx.CLAUSE_SUBJECT_OPENERS or sent.words[k][:1].isupper():
        while v < hi and v - k < 5 and sent.words[v].isalpha():
            if verb_like_or_finite(sent.lower[v]):
                break
            v += 1
    elif low not in ("he", "she", "they", "we", "i", "it"):
        return False
    while v < hi and sent.lower[v] in lx.CUE_MODIFIERS and sent.lower[v] not in lx.FINITE:
        v += 1
    if v >= hi:
        return False
    contracted = sent.lower[v].endswith(("’s", "'s")) and low in ("he", "she", "it")
    verb = sent.lower[v]
    pronoun_verb = (  # "he decided", "she wants": a pronoun and a past or -s verb
        v == k + 1
        and low in _SUBJECT_PRONOUNS
        and sent.words[v].isalpha()
        and (verb_like(verb) or (low in ("he", "she") and s_form(verb)))
    )
    return verb in lx.FINITE or contracted or pronoun_verb


_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])


def short_aside(sent: Sentence, j: int, stop: int) -> bool:
    """ "the scandal, while troublesome, was dealt with": a short aside at ``j`` set off by
    commas before the clause's verb, not the reporter's contrast. A relative clause may be
    longer: "said the efforts - which include radio ads - will pay off"."""
    if sent.lower[j] in ("which", "who"):
        mark = sent.words[j - 1]
        for k in range(j + 1, min(stop - 1, j + 25)):
            if sent.words[k] in (";", ":") or sent.words[k] in lx.QUOTE_TOKENS:
                return False
            if sent.words[k] == mark:
                return sent.lower[k + 1] in lx.FINITE and sent.lower[k + 1] not in lx.NOT_AUXILIARY
        return False
    for k in range(j + 1, min(stop - 1, j + 6)):
        if sent.words[k] == ",":
            if has_verb(sent.words[j + 1 : k]):
                return False
            if _concessive_aside(sent, j, k):
                return True  # "a crucial, although brief, opportunity"
            return verb_like_or_finite(sent.lower[k + 1])
        if not sent.words[k].isalpha():
            return False
    return False


def but_goes_on(sent: Sentence, after: int, j: int, stop: int, object_np: bool = False) -> bool:
    """Whether ", but" at ``j`` goes on with the content from ``after`` rather than opening the
    reporter's contrast: the second half of "not (just) A, but B" ("promised not a tax cut, but
    a tax holiday"), or a verb whose subject, the content's own, is left out ("said the vote
    was fair, but required an effort"; not after an infinitive: "agreed to stay, but left" is
    the speaker's, and so is a verb after a noun phrase ``object_np``)."""
    if sent.words[j - 1] != ",":
        return False
    nots = [k for k in range(after, j - 1) if sent.lower[k] == "not"]
    if nots and sent.lower[nots[-1] - 1] not in lx.FINITE and sent.lower[nots[-1] + 1] != "to":
        return not has_verb(sent.words[nots[-1] + 1 : j])
    first = after + 1 if sent.lower[after] == "not" else after
    if object_np or sent.lower[first] == "to":
        return False
    k = j + 1
    while k < stop and sent.lower[k] in _BUT_ADVERBS:
        k += 1
    if k + 1 >= stop or not sent.words[k].islower() or is_cue_word(sent.lower[k]):
        return False
    nxt = sent.lower[k + 1]
    if sent.lower[k] == "not":
        return nxt not in _NOT_OPENERS  # ("but not until ...", "but not only did he")
    inverted = nxt in lx.PERSONAL_PRONOUNS  # ("but should he win")
    return verb_like_or_finite(sent.lower[k]) and sent.lower[k] != "that" and not inverted


_BUT_ADVERBS = frozenset(["also", "never", "rather", "still", "then", "later", "instead"])
_NOT_OPENERS = frozenset(["only", "after", "before", "until", "if", "when", "because"])


def figures_compared(sent: Sentence, after: int, j: int, stop: int) -> bool:
    """Whether ", while" at ``j`` sets a second figure against one in the content, part of what
    was found ("found 40 percent back Lee, while 30 percent back Ames"), not the reporter's
    contrast; not when the second clause has a speaker of its own."""
    end = next((k for k in range(j + 1, stop) if sent.words[k] in lx.CLAUSE_MARKS), stop)
    if any(w in lx.STRONG for w in sent.lower[j + 1 : end]):
        return (
            False  # ("..., while a rival group reported spending $2 million"): a report of its own
        )
    return _has_figure(sent.words[after:j]) and _has_figure(sent.words[j + 1 : end])


def _has_figure(words: list[str]) -> bool:
    return any(w[:1].isdigit() for w in words)


def _concessive_aside(sent: Sentence, j: int, k: int) -> bool:
    """ "though culturally conservative" between commas ``j - 1`` and ``k``, in lower case,
    with the noun phrase going on after it."""
    after = sent.words[k + 1]
    return (
        k - j <= 4
        and sent.lower[j] in ("though", "although", "but")
        and all(x.islower() for x in sent.words[j + 1 : k])
        and after.isalpha()
        and after.islower()
        and after not in lx.FUNCTION_WORDS
        and after not in lx.PERSONAL_PRONOUNS
    )


def after_opening_aside(sent: Sentence, after: int, stop: int) -> int:
    """Where the content's own clause starts after "that" and an aside set off by commas
    ("said that, even if it was fair, a recount could not be done"); ``after + 1`` if none."""
    first = after + 1
    if sent.lower[after] != "that" or first >= stop or sent.words[first] != ",":
        return first
    for k in range(first + 1, min(stop, first + 16)):
        if sent.words[k] == ",":
            return k + 1
        if sent.words[k] == ";" or sent.words[k] in lx.QUOTE_TOKENS:
            break
    return first


def skip_prepositional_phrase(sent: Sentence, i: int, hi: int) -> int:
    """The comma ending a short phrase at ``i`` ('said | of the campaign, “B.”', 'explained |
    earlier in the hearing, were ...'), or ``i``."""
    if i >= hi or sent.lower[i] not in lx.PREPOSITIONS:
        return i
    for k in range(i + 1, min(hi, i + 8)):
        if sent.words[k] == "," and k + 1 < hi:
            return k
        word = sent.words[k]
        if (not word.isalnum() and word not in ("'s", "’s")) or (
            word.islower() and sent.lower[k] in lx.FINITE  # ("in May": a month)
        ):
            return i
    return i


def main_clause_comma(sent: Sentence, i: int, hi: int) -> int | None:
    """The first comma after ``i`` (outside quotations) followed by a clause (a subject, then a
    verb)."""
    for k in range(i + 1, hi - 2):
        if sent.words[k] != "," or sent.quotes.at(sent.starts[k]) is not None:
            continue
        if sent.lower[k + 1] in ("who", "which", "whose", "where"):
            continue  # a relative clause, not the main one
        for j in range(k + 2, min(hi, k + 8)):
            w = sent.lower[j]
            if sent.words[j] in (",", ";", ":") or sent.words[j] in lx.QUOTE_TOKENS:
                break
            if w in lx.FINITE or (w in lx.CUE_MODIFIERS and w not in ("also", "then", "not")):
                return k
            if is_cue_word(w) and (w.endswith("ed") or w.endswith("s")) and j > k + 1:
                return k
            if j <= k + 3 and w.endswith("ed") and sent.words[j].isalpha():
                return k  # ", nobody objected"
    return None


def medium_adjunct_at(sent: Sentence, k: int) -> bool:
    """ "in a statement", "during an interview with X", "on Twitter": where it was said."""
    if sent.lower[k] not in ("in", "on", "during", "at", "via"):
        return False
    j = k + 1
    if j < len(sent) and sent.lower[j] in lx.MEDIA_NAMES:
        return True
    while j < len(sent) and j - k <= 3 and sent.lower[j] in lx.MEDIA_MODIFIERS:
        j += 1
    return j < len(sent) and sent.lower[j] in lx.MEDIA_NOUNS


def time_adjunct_at(sent: Sentence, k: int) -> bool:
    """A time phrase at ``k``: "last week", "on Sunday", "in early June", "in 2012", "here"."""
    w = sent.lower[k]
    nxt = sent.lower[k + 1] if k + 1 < len(sent) else ""
    if w in lx.WEEKDAYS or w in ("yesterday", "today", "tonight", "here"):
        return k == 0 or sent.lower[k - 1] not in (
            "the",
            "a",
            "that",
            "this",
        )  # "the Monday debate"
    if w in ("last", "this", "next", "earlier", "later") and nxt in lx.TIME_NOUNS:
        return True
    if w in ("in", "on", "since", "during") and k + 1 < len(sent):
        if nxt in ("early", "late", "mid") and k + 2 < len(sent):
            nxt = sent.lower[k + 2]
        return nxt in lx.MONTH_NAMES or nxt in lx.WEEKDAYS or (nxt.isdigit() and len(nxt) == 4)
    return False


def list_tail(sent: Sentence, k: int, hi: int) -> bool:
    """Tokens [k, hi) end a list: "fake and charlatan", "fake, rude and wrong"."""
    words_ = [w for w in sent.lower[k:hi] if w not in (".", "!", "?")]
    if not 3 <= len(words_) <= 7 or ("and" not in words_ and "or" not in words_):
        return False
    return all(w.isalpha() and not verb_like_or_finite(w) or w == "," for w in words_)


def continues_noun_phrase(sent: Sentence, k: int) -> bool:
    """A comma before token ``k`` goes on with the same noun phrase (a list, a date)."""
    return sent.lower[k] in ("including", "or") or sent.words[k].isdigit()


def participle_clause_at(sent: Sentence, k: int) -> bool:
    """A comma before token ``k`` opens the reporter's participle clause ("..., siding with")."""
    w = sent.words[k]
    return w.endswith("ing") and w.isalpha() and w.islower() and w not in lx.NP_PARTICIPLES


def complement_that(sent: Sentence, k: int) -> bool:
    """Whether "that" at ``k`` opens a clause with its own subject and verb ("complaints
    that they distort democracy"), not a relative clause ("the claims that made news")."""
    j = k + 1
    if not outside_quote(sent, k):
        return False
    low = sent.lower[j]
    if not (
        low in lx.PERSONAL_PRONOUNS
        or low in lx.CLAUSE_SUBJECT_OPENERS
        or low in ("there", "this")
        or sent.words[j][:1].isupper()
    ):
        return False
    for v in range(j + 1, min(len(sent), j + 6)):
        verb = sent.lower[v]
        if (
            (verb in lx.FINITE and verb not in lx.NOT_AUXILIARY)
            or (verb.endswith("ed") and sent.words[v].islower())
            or (v == j + 1 and low in ("he", "she", "it") and verb.endswith("s"))
        ):
            return any(x.isalpha() for x in sent.words[v + 1 :])
        if not sent.words[v].replace("’", "").replace("'", "").isalpha():
            return False
    return False


def clause_end(sent: Sentence, k: int) -> int:
    """The first comma, semicolon, colon or dash from ``k`` outside quotation marks."""
    while k < len(sent) and not (sent.words[k] in lx.CLAUSE_END_MARKS and outside_quote(sent, k)):
        k += 1
    return k


# Words that open another clause inside a "that" clause, or join a second one to it.
_CLAUSE_OPENERS = lx.SUBORDINATORS | frozenset(("that", "which", "whose", "because", "and", "but"))


def _function_or_verb(low: str) -> bool:
    return low in lx.FUNCTION_WORDS or verb_like_or_finite(low)


def subject_clause_end(sent: Sentence, a: int, first: int, k: int) -> int:
    """Where a "that" clause from ``first`` ends when the noun phrase holding it opens the
    sentence at ``a``: before the main verb ("The mayor's claim that the pier was safe | fell
    apart"), a verb that follows the clause's own verb and a word after it. ``k`` when the noun
    phrase is no subject, or a clause opens inside ("that the man who ran it was gone")."""
    if any(w not in lx.LEADING_CONNECTIVES and w not in lx.QUOTE_TOKENS for w in sent.lower[:a]):
        return k
    seen_verb = False
    for j in range(first, k):
        low = sent.lower[j]
        if j > first and (low in lx.WH_OR_IF or low in _CLAUSE_OPENERS):
            return k
        if not (sent.words[j].isalpha() and sent.words[j].islower()):
            continue
        if low in lx.FINITE or low.endswith("ed") or low in lx.IRREGULAR_PAST:
            before = sent.lower[j - 1]
            # (a participle after "was" ends the clause's verb: "that it was balanced | proved")
            passive = before.endswith("ed") and sent.lower[j - 2] in lx.BE_FORMS
            if seen_verb and before.isalpha() and (passive or not _function_or_verb(before)):
                return j if outside_quote(sent, j) else k
            seen_verb = True
    return k


def in_opening_phrase(sent: Sentence, i: int) -> bool:
    """Whether token ``i`` is inside a sentence-opening prepositional phrase."""
    first = 0
    while first < i and sent.lower[first] in lx.LEADING_CONNECTIVES:
        first += 1
    if sent.lower[first] not in lx.PREPOSITIONS or sent.lower[first] in ("according", "to", "as"):
        return False
    return not any(w in (",", ";", ":") for w in sent.words[first:i])


def sibling_speaker(sent: Sentence, after: int, stop: int, object_np: bool = False) -> int | None:
    """Where a second speaker starts inside a content running from ``after``: 'Lee said
    that “A,” one of the prosecutors said B' / 'Lee said A and officials have said B'. The
    second attribution is a sibling, not nested; the first content ends before it. A noun
    phrase content (``object_np``) also ends before a relative clause with a speaker of its own
    ("signed a letter | that he said was written by the firm")."""
    condition_end = _condition_end(sent, after, stop)
    for j in range(after + 2, stop):
        if sent.lower[j] not in lx.STRONG or sent.quotes.at(sent.starts[j]) is not None:
            continue
        subj = _subject_of_cue(sent, j, after)
        if subj is None:
            continue
        a, b = subj
        if not plausible_subject(sent, a, b, False) or a - 1 == condition_end:
            continue
        if sent.lower[a - 1] in ("and", "but") and a - 2 > after:
            return a - 1
        if sent.words[a - 1] == ",":
            return a - 1
        if sent.words[a - 1] in lx.QUOTE_TOKENS:
            return a
        if object_np and _speaker_in_relative_clause(sent, a, j, after, stop):
            return a - 1
        if object_np and _speaker_in_time_clause(sent, a, after):
            return a - 2 if sent.lower[a - 2] == "even" else a - 1
    return None


_SPEECH_TIME_OPENERS = frozenset(["when", "as", "after", "because", "although", "though", "while"])


def _speaker_in_time_clause(sent: Sentence, a: int, after: int) -> bool:
    """ "praised the plan | even as she criticized ...", "attacked the bill | after the mayor
    said ...": a clause of time or reason with a speaker of its own after a noun phrase
    content; not after a question ("asked whether C when she testified"), a verb ("the
    footage came as officials said") or an infinitive ("urged them to vote after ...")."""
    return (
        sent.lower[a - 1] in _SPEECH_TIME_OPENERS
        and a - 2 > after
        and not has_verb(sent.words[after : a - 1])
        and not any(w in lx.WH_OR_IF or w == "to" for w in sent.lower[after : a - 1])
    )


def _condition_end(sent: Sentence, after: int, stop: int) -> int | None:
    """The comma closing a condition that opens the content ("said, if elected, | she would
    ask ..."): it opens the condition's main clause, not a second speaker's."""
    first = after + 1 if sent.words[after] == "," else after
    if sent.lower[first] not in lx.FRONTED_SUBORDINATORS:
        return None
    return next((k for k in range(first, stop) if sent.words[k] == ","), None)


def _subject_of_cue(sent: Sentence, j: int, after: int) -> tuple[int, int] | None:
    """The subject [a, b) of the cue at ``j`` inside a content from ``after``, with nothing but
    auxiliaries and adverbs between them ("others | have also said")."""
    m = cue_modifiers_before(sent, j, after + 1)
    subj = subject_before(sent, j, after + 1)
    if (subj is None or subj[1] not in (j, m)) and m < j:
        subj = subject_before(sent, m, after + 1)  # "others have said": the subject before "have"
    if subj is None or subj[0] <= after + 1 or subj[1] not in (j, m):
        return None
    return subj


def _speaker_in_relative_clause(sent: Sentence, a: int, j: int, after: int, stop: int) -> bool:
    """ "signed a letter | that he said was written by the firm": a relative clause whose
    verb is reported by a speaker of its own; the first content ends at the noun."""
    nxt = sent.lower[j + 1] if j + 1 < stop else ""
    return (
        sent.lower[a - 1] in ("that", "which", "whom")
        and a - 2 > after
        and sent.words[a - 2] != ","
        and nxt not in ("that", "not")
        and verb_like_or_finite(nxt)
    )


def main_verb_after_participle(sent: Sentence, after: int, j: int, stop: int) -> bool:
    """Whether token ``j`` is the sentence's main verb after a participle phrase in its
    subject ("Democrats supporting Mrs. Clinton | have pointed to ..."): an auxiliary and a
    verb, the participle right after a noun, and no clause of its own in between."""
    w = sent.lower[j]
    between = sent.lower[after:j]
    return (
        j > after
        and after >= 2
        and w in lx.FINITE
        and w not in lx.NOT_AUXILIARY
        and sent.words[j].islower()
        and j + 1 < stop
        and (verb_like(sent.lower[j + 1]) or sent.lower[j + 1].endswith("ing"))
        and sent.words[after - 2].isalpha()
        and sent.lower[after - 2] not in lx.FUNCTION_WORDS
        and sent.lower[after - 2] not in lx.PERSONAL_PRONOUNS
        and not any(x in lx.RELATIVE_MARKS or x in lx.PERSONAL_PRONOUNS for x in between)
        and outside_quote(sent, j)
    )


def compound_break(sent: Sentence, lo: int, hi: int) -> int | None:
    """Index of "and"/"but" that starts a second cue verb of the same subject, e.g. "and
    said", "but added", "but did not say", "and suggesting" (not inside a quotation)."""
    for k in range(lo, hi - 1):
        if sent.lower[k] not in ("and", "but"):
            continue
        j = k + 1
        while j < hi - 1 and sent.lower[j] in lx.CUE_MODIFIERS:
            j += 1
        # "but did not say", "and would not confirm": after an auxiliary, any speech verb
        helped = j > k + 1 and sent.lower[j] in lx.STRONG and sent.lower[k + 1] in lx.FINITE
        # "but suggesting that C", "and implying that C": a second participle of the speaker
        helped = helped or (
            sent.lower[j] in lx.STRONG
            and sent.lower[j].endswith("ing")
            and j + 1 < hi
            and sent.words[j + 1].isalpha()
        )
        if (helped or compound_cue(sent.lower[j]) or phrase_cue(sent, j)) and sent.quotes.at(
            sent.starts[k]
        ) is None:
            return k
    return None


def clause_like(sent: Sentence, content: tuple[int, int]) -> bool:
    """Whether the span holds a quotation, a verb outside a relative clause or opens with a
    pronoun subject: "the plan is dead", not "Jo Lee, a nurse who organized the letter"."""
    low = sent.within(content)
    if any(w in lx.QUOTE_TOKENS for w in low):
        return True
    if next((w for w in low if w not in lx.LEADING_CONNECTIVES), "") in lx.NOMINATIVE:
        return True  # "But he operates on a new principle": a pronoun opens a clause
    # capitalised words in a row are a name ("Ted Cruz, by contrast", "Will Rogers")
    names = () if title_case(sent) else _name_words(sent, content)
    relative = False
    for k, w in enumerate(low):
        if w in ("who", "which", "whose") and k > 0:
            relative = True
        elif w == ",":
            relative = False
        elif not relative and k not in names and verb_like_or_finite(w):
            return True
        elif not relative and k > 0 and low[k - 1] in lx.S_VERB_SUBJECTS and s_form(w):
            return True  # "This makes it hard", "Lee also lacks ...": an -s verb
    return False


def _name_words(sent: Sentence, content: tuple[int, int]) -> set[int]:
    """Positions (in ``sent.within(content)``) of the capitalised words after the first one, and
    of the first when the second is capitalised too ("Ted Cruz"): parts of names."""
    words = [
        w for w, st in zip(sent.words, sent.starts, strict=True) if content[0] <= st < content[1]
    ]
    caps = {k for k, w in enumerate(words) if w[:1].isupper() and not w.isupper()}
    return {k for k in caps if k > 0 or 1 in caps}
