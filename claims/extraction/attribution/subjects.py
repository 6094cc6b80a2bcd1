"""Stage 4: source spans: who is speaking.

The subject before a cue, found by walking backwards to a clause boundary ("X, a spokesman for Y,
said"; "people who have battled X say"), the source after an inverted cue ("..., said X, a
nurse."), the sentence's opening noun phrase, and the agent of a passive ("by the mayor").
"""

import re

from .. import lexicon as lx
from ..sources.kinds import kind_from_phrase, kind_of_noun
from .cues import cue_modifier, cue_modifiers_before, skip_time_before
from .tokens import (
    Sentence,
    close_paren_after,
    final_dot,
    has_verb,
    is_cue_word,
    name_part,
    open_paren_before,
    past_intensifier,
    plural_noun,
    plural_possessive_mark,
    possessive,
    title_case,
    verb_like,
    verb_like_or_finite,
    within_name,
)

# A subject with its apposition ("Rich Lee, a top operative who ..., said") is at most this many
# tokens; the search backwards for it stops there.
_MAX_SOURCE_TOKENS = 50


def _subject_start(sent: Sentence, j: int, lo: int) -> int | None:
    """Index just before the subject ending at ``j``; None when it cannot be delimited.

    A comma or dash directly before the verb opens an appositive or relative clause ("X, a
    spokesman for Y, said"; "X - who ... - said"), which the source span keeps, as PolNeAR
    does; inside it anything goes up to the matching mark. Any other comma ends the subject
    ("On Tuesday, X said") unless an age or place follows a name ("Ann Roe, 34, of Ely, said").
    """
    return _SubjectWalk(sent, j, lo).run()


# Words that open an aside on a name ("Mr. Ames, now 81 and retired in Dover, Del., said").
_PLACE_ASIDE_OPENERS = frozenset(lx.words("now who a an the once"))


class _SubjectWalk:
    """The walk backwards from a cue at ``j`` to the token before its subject."""

    def __init__(self, sent: Sentence, j: int, lo: int):
        self.sent, self.j, self.lo = sent, j, lo
        self.stop = max(lo, j - _MAX_SOURCE_TOKENS)
        self.k = j - 1
        self.opener: str | None = None  # the mark of the appositive being crossed
        self.in_quote = False  # inside a quotation in the appositive ('X, author of "Y, Z," said')
        self.crossed = False  # an appositive before the cue was crossed ("X, a nurse, said")
        self.mark = -1
        words = sent.words
        if self.k - 1 >= lo and words[self.k] in lx.QUOTE_TOKENS and words[self.k - 1] == ",":
            self.opener, self.in_quote = ",", True  # the appositive ends with a quoted title
            self.k -= 2
        elif self.k >= lo and words[self.k] in (",", "-", "—", "–"):
            self.opener = words[self.k]
            self.mark = self.k  # (where the appositive ends)
            while self.k >= lo and words[self.k] == self.opener:
                self.k -= 1

    def run(self) -> int | None:
        while self.k >= self.stop:
            step = self._in_appositive if self.opener is not None else self._in_subject
            if not step():
                break
        return None if self.opener is not None else self.k

    def _in_appositive(self) -> bool:
        """One step back inside the appositive; False where the walk must stop."""
        sent, k = self.sent, self.k
        w = sent.lower[k]
        if w in lx.QUOTE_TOKENS:
            self.in_quote = not self.in_quote
            self.k -= 1
        elif w == ")":
            k = open_paren_before(sent, k, self.stop)
            if k < 0:
                return False
            self.k = k - 1
        elif w == self.opener and not self.in_quote and self._place_in_aside(k):
            self.k -= 1  # "Mr. Ames, retired in Dover, Del., said": the place goes on
        elif w == self.opener and not self.in_quote:
            while self.k >= self.stop and sent.words[self.k] == self.opener:
                self.k -= 1
            self.opener = None  # back at the head of the appositive
            self.crossed = True
        elif w in (";", ":", "(") or final_dot(sent, k):
            return False
        else:
            self.k -= 1
        return True

    def _place_in_aside(self, k: int) -> bool:
        """The comma at ``k`` sets off the state of a place that ends the appositive, and an
        earlier comma opens it ("Mr. Ames, retired in Dover, Del., said")."""
        sent = self.sent
        if not _state_ending(sent, k, self.mark):
            return False
        p = next((q for q in range(k - 1, self.stop, -1) if sent.words[q] in ",;:"), None)
        if p is None or sent.words[p] != "," or not sent.words[p - 1][:1].isupper():
            return False  # ("In a statement, officials in Dover, Del., said")
        low = sent.lower[p + 1]
        return (
            low in _PLACE_ASIDE_OPENERS
            or low in lx.SUBJECT_ASIDES
            or low.isdigit()
            or low.endswith(("ing", "ed"))
        )

    def _in_subject(self) -> bool:
        """One step back in the subject's head; False at the boundary before it."""
        sent, k, j = self.sent, self.k, self.j
        w = sent.lower[k]
        if w == ",":
            if not (
                _age_or_place(sent, k + 1, j)
                or _state_after_place(sent, k, j)
                or _list_item_before(sent, k, j, self.stop)
                or (self.crossed and _name_before_title(sent, k, self.stop))
            ):
                return False
        elif w == ")":
            # "Jane Doe (D-Ohio) said": skip the parenthesis
            k = open_paren_before(sent, k, self.stop)
            if k < 0:
                self.k = k
                return False
        elif _ends_subject(sent, k, j, self.lo):
            r = _relative_pronoun_before(sent, k, self.stop)
            if r is None:
                return False
            k = r  # "people who have battled X say": the clause belongs to the subject
        self.k = k - 1
        return True


def _name_before_title(sent: Sentence, k: int, stop: int) -> bool:
    """ "Jo Lee, the mayor of Ely, a town of 900, said": after a second appositive, the comma at
    ``k`` follows the name the first one describes; a title or a determiner opens that one, and
    the name (up to four capitalised words) opens the sentence or follows a quotation."""
    if k + 1 >= len(sent) or not (
        sent.lower[k + 1] in ("a", "an", "the") or sent.words[k + 1].islower()
    ):
        return False
    i = k - 1
    while i >= stop and k - i <= 4 and name_part(sent.words[i]):
        i -= 1
    if i == k - 1 or k - i > 4 or not (i < 0 or sent.words[i] in lx.QUOTE_TOKENS):
        return False
    # ("On CNN Tuesday, his wife, Jane, said", "Ironically, the president, Rodrigo Duterte,")
    return not any(
        w in lx.PREPOSITIONS
        or w in lx.TIME_WORDS
        or w in lx.LEADING_CONNECTIVES
        or w.endswith("ly")
        for w in sent.lower[i + 1 : k]
    )


def _state_ending(sent: Sentence, k: int, j: int) -> bool:
    """ "Dover, Del.," / "Austin, Texas,": the comma at ``k`` sets off a state that runs to the
    mark at ``j`` after a capitalised place."""
    if k < 1 or not sent.words[k - 1][:1].isupper() or sent.words[k] != ",":
        return False
    state = " ".join(w.rstrip(".") for w in sent.lower[k + 1 : j] if w != ".")
    return state in lx.STATE_ABBREVIATIONS or state in lx.PLACE_NAMES


def _state_after_place(sent: Sentence, k: int, j: int) -> bool:
    """ "Stacy Baker of Columbia, South Carolina, says": a state after the comma at ``k``
    names where the capitalised word before it is."""
    state = " ".join(sent.lower[k + 1 : j]).strip(" ,")
    return state in lx.PLACE_NAMES and k > 0 and sent.words[k - 1][:1].isupper()


def _list_item_before(sent: Sentence, k: int, j: int, stop: int) -> bool:
    """ "Amy Roe, Jo Lee and Ann Kim said", "voters in Ohio, Iowa and Utah said": the comma at
    ``k`` separates items of a list whose last two, joined by "and", the walk has crossed; the
    item before it is short, has no verb and is no opening phrase ("On Tuesday, Lee and Roe", "Not
    far away, Lee and Roe", "What Roe, Lee and Kim want")."""
    if "and" not in sent.lower[k + 1 : j] or sent.lower[k + 1] == "and":
        return False
    i = k - 1
    while i >= stop and k - i <= 7 and sent.words[i] != ",":
        if sent.words[i] == ")":
            i = open_paren_before(sent, i, stop)
            if i < 0:
                return False
        i -= 1
    item = sent.words[i + 1 : k]
    # an inner item has a comma before it and at most four words; the first opens the sentence
    if len(item) > (6 if i < 0 else 4) or (i >= 0 and sent.words[i] != ","):
        return False
    if not item or has_verb(item) or any(w in lx.QUOTE_TOKENS for w in item):
        return False
    first = item[0].lower()
    return not (
        first in lx.PREPOSITIONS
        or first in lx.LEADING_CONNECTIVES
        or first in lx.TIME_WORDS
        or first in lx.SUBORDINATORS
        or first in lx.WH_WORDS
        or first == "not"
    )


def _relative_pronoun_before(sent: Sentence, k: int, stop: int) -> int | None:
    """Index of "who" just before the auxiliary or verb at ``k`` ("supporters who have
    heard ... say"), when a noun precedes it; None otherwise."""
    w = sent.lower[k]
    if w == "that":
        # "a study that appeared in X found": "that" after a noun opens a relative clause
        # ("said that ..." opens a content)
        before = sent.lower[k - 1] if k - 1 >= stop else ""
        if (
            sent.words[k - 1].isalpha()
            and before not in lx.FUNCTION_WORDS
            and not verb_like_or_finite(before)
            and not is_cue_word(before)
            and k + 1 < len(sent)
            and verb_like(sent.lower[k + 1])
        ):
            return k
        return None
    if not (w in lx.FINITE or verb_like(w)):
        return None
    if w == "not" and _noun_then_not(sent, k, stop):
        return k  # "officials not authorized to speak said"
    # "supporters who have heard ... say", "officials whose laws were struck down say"
    for r in range(k - 1, max(stop - 1, k - 11), -1):
        if sent.lower[r] in ("who", "who’d", "who'd", "whose"):
            head = sent.words[r - 1].lower() if r - 1 >= stop else ""
            nominal = head.isalpha() and head not in lx.FUNCTION_WORDS
            return r if nominal or head in lx.WHO_HEADS else None  # ("those who have ... say")
        if not sent.words[r].replace("’", "").replace("'", "").isalpha():
            return None
    return None


def _noun_then_not(sent: Sentence, k: int, stop: int) -> bool:
    """ "not" at ``k`` after a noun, before a participle or preposition: "a delegate not on
    the slate", "officials not authorized to speak"."""
    if k - 1 < stop or k + 1 >= len(sent):
        return False
    before, after = sent.lower[k - 1], sent.lower[k + 1]
    return (
        sent.words[k - 1].isalpha()
        and before not in lx.FUNCTION_WORDS
        and before not in lx.PERSONAL_PRONOUNS
        and not verb_like_or_finite(before)
        and (after.endswith("ed") or after in lx.PREPOSITIONS)
    )


def _ends_subject(sent: Sentence, k: int, j: int, lo: int) -> bool:
    """Token ``k`` (outside an appositive) is a boundary before a subject ending at ``j``."""
    w = sent.lower[k]
    if w in (";", ":", "(", "-", "—", "–") or w in lx.QUOTE_TOKENS or final_dot(sent, k):
        return True
    if w == "that" and k > lo and sent.lower[k - 1] in lx.TOPIC_PREPOSITIONS | {"from", "in"}:
        return False  # "a memo from that year said": a determiner
    if w in lx.SUBJECT_STOPS:
        return not plural_possessive_mark(sent, k)
    if (w in lx.FINITE or w in lx.WH_WORDS) and k < j - 1 and not within_name(sent, k):
        return True  # "That's why he said", "what he said": a clause, not a subject
    if w == "and" and k - 1 >= lo and sent.words[k - 1] == ",":
        return True
    if w == "and" and _name_after_common_noun(sent, k, j, lo):
        return True  # "he was copied on the questions and Gates said": a new clause
    if w == "and" and _coordinated_nouns(sent, k, j, lo):
        return False  # "Many experts and some lawmakers say": one subject
    return w in ("and", "but") and k + 1 < j and sent.words[k + 1][:1].islower()


def _left_conjunct(sent: Sentence, k: int, lo: int) -> int | None:
    """Index before the subject joined by "and" at ``k`` to the one after it, when the words
    back to the start of their clause hold no verb ("Mr. Sanders and his team", "civil rights
    groups like the A.C.L.U. and the bar association"); None when they do ("The mayor closed
    the road and officials said") or the clause may start before ``lo``."""
    a = k - 1
    while a >= lo:
        w = sent.lower[a]
        if sent.words[a] in (",", ";", ":", "(", "-", "—", "–") or w in lx.QUOTE_TOKENS:
            break
        if w in lx.SUBJECT_STOPS or w in lx.LEADING_CONNECTIVES or final_dot(sent, a):
            break
        if (sent.words[a].islower() and verb_like_or_finite(w)) or w in lx.CLAUSE_AUXILIARIES:
            return None  # ("Does the FSA and other groups agree": a question)
        if w in lx.ADJUNCT_PREPOSITIONS:
            return None  # ("With the court at an impasse and Senate Republicans refusing")
        a -= 1
    if (a < lo and lo > 0) or a == k - 1:
        return None
    return a


def _name_after_common_noun(sent: Sentence, k: int, j: int, lo: int) -> bool:
    """Whether "and" at ``k`` joins a lower-case noun to a name that runs to the cue at ``j``:
    two clauses ("... on the questions and Gates said"), not "Lee and Roe said"."""
    before = sent.words[k - 1] if k - 1 >= lo else ""
    return (
        k + 1 < j
        and before.isalpha()
        and before.islower()
        and before not in lx.FUNCTION_WORDS
        and before not in lx.PERSONAL_PRONOUNS
        and all(x[:1].isupper() for x in sent.words[k + 1 : j])
    )


def _coordinated_nouns(sent: Sentence, k: int, j: int, lo: int) -> bool:
    """Whether "and" at ``k`` joins two short noun phrases that end at the cue ``j``
    ("Many experts and some lawmakers say"), not two clauses ("The mayor closed the road and
    officials said")."""
    determiners = {"the", "his", "her", "their", "its", "some", "many", "other"}
    right = sent.lower[k + 1 : j]
    if not right or len(right) > 4:
        return False
    if any(verb_like(w) or (w in lx.FUNCTION_WORDS and w not in determiners) for w in right):
        return False
    left = k - 1
    while left >= lo and k - left <= 5:
        w = sent.lower[left]
        if (
            sent.words[left] in (",", ";", ":")
            or w in lx.SUBJECT_STOPS
            or w in lx.LEADING_CONNECTIVES
        ):
            break
        if verb_like(w) or not sent.words[left].replace(".", "").isalpha():
            return False
        if w in lx.FUNCTION_WORDS and w not in determiners:
            return False
        left -= 1
    return k - left > 1


def subject_before(sent: Sentence, j: int, lo: int) -> tuple[int, int] | None:
    """Token range [a, j) of the subject that ends just before index ``j``.

    Walks backwards to a clause boundary (``_subject_start``), then drops leading connectives
    and time phrases and checks the result looks like a noun phrase.
    """
    k = _subject_start(sent, j, lo)
    if k is None:
        return None
    a = k + 1
    # Drop leading conjunctions, connectives and time phrases ("This week he said").
    while a < j:
        if sent.lower[a] in lx.LEADING_CONNECTIVES:
            a += 1
        elif (
            sent.lower[a] in ("this", "last", "next", "earlier", "later")
            and a + 2 < j
            and sent.lower[a + 1] in lx.TIME_NOUNS
        ):
            a += 2
        elif sent.lower[a] in lx.WEEKDAYS and a + 1 < j:
            a += 1
        else:
            break
    end = j - 1
    while end >= a and sent.words[end] in lx.CLAUSE_MARKS:
        end -= 1
    if end < a:
        return None
    if sent.lower[end] in lx.NOT_SUBJECT_LAST and not (
        (sent.lower[end] == "here" and end > a) or _surname_before_cue(sent, a, end, j)
    ):
        return None  # ("officials here say": a subject; "here" alone is not)
    if end - a + 1 > _MAX_SOURCE_TOKENS:
        return None
    return _with_left_conjunct(sent, k, lo, a, end + 1)


def _surname_before_cue(sent: Sentence, a: int, end: int, j: int) -> bool:
    """ "Al From said": a capitalised function word right before the cue at ``j``, after a
    capitalised first name, is a surname (not in a headline set in title case)."""
    return (
        end == j - 1
        and end > a
        and not sent.in_headline
        and within_name(sent, end)
        and sent.words[end - 1].isalpha()
        and sent.lower[end - 1] not in lx.FUNCTION_WORDS
    )


def _with_left_conjunct(sent: Sentence, k: int, lo: int, a: int, b: int) -> tuple[int, int]:
    """The subject [a, b) with the subject joined to it by "and" at ``k``: "Former Gov. Ann Roe
    and former Sen. Jo Lee said" (both plausible subjects, else the subject as found)."""
    if k <= lo or sent.lower[k] != "and" or not plausible_subject(sent, a, b, False):
        return a, b
    left = _left_conjunct(sent, k, lo)
    wide = left + 1 if left is not None else a
    while wide < k and sent.lower[wide] in lx.LEADING_CONNECTIVES:
        wide += 1
    return (wide, b) if wide < a and plausible_subject(sent, wide, b, False) else (a, b)


def _age_or_place(sent: Sentence, a: int, j: int) -> bool:
    """Tokens from ``a`` are an age or place after a name: "Ann Roe, 34, of Flint, Mich., said"."""
    w = sent.words[a] if a < j else ""
    if w == "of" or (w.isdigit() and a + 1 < j and sent.words[a + 1] == ","):
        return True  # not "Asked X, 46 percent of voters said": an age has its own comma
    return a + 2 < j and w[:1].isupper() and sent.words[a + 1] == "." and sent.words[a + 2] == ","


def initial_subject(sent: Sentence, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase opening the sentence, before index ``hi``.

    Without part-of-speech tags this is conservative: a pronoun, a run of capitalised words
    ("Florida Gov. Jane Doe (R)"), or a determiner with a few lower-case nouns ("the state
    court"), ending at the first word that looks like a verb.
    """
    a = _after_opening_phrase(sent, hi)
    if a >= hi:
        return None
    if sent.lower[a] in lx.PERSONAL_PRONOUNS:
        return a, a + 1
    nominal = sent.lower[a] in lx.DETERMINERS
    b = _noun_phrase_end(sent, a, nominal, hi)
    if b is None or b == a or b >= hi or b - a > 12:
        return None
    return (a, b) if _verb_follows(sent, b, nominal, hi) else None


def _after_opening_phrase(sent: Sentence, hi: int) -> int:
    """Index after the connectives and the introductory phrase opening the sentence ("And",
    "In her speech,", "Meeting workers on Monday,")."""
    a = 0
    while a < hi and sent.lower[a] in lx.LEADING_CONNECTIVES:
        a += 1
    first = sent.lower[a] if a < hi else ""
    if first in lx.PREPOSITIONS or first in lx.SUBORDINATORS or first.endswith(("ing", "ed")):
        comma = next((k for k in range(a, min(hi, a + 20)) if sent.words[k] == ","), -1)
        a = comma + 1 if comma >= 0 else _pronoun_after_clause(sent, a, hi)
    return a


def _pronoun_after_clause(sent: Sentence, a: int, hi: int) -> int:
    """ "When he returned he began": the subject pronoun after a short fronted clause that has
    no comma (its own verb comes before it); ``hi`` when there is none."""
    for k in range(a + 3, min(hi, a + 10)):
        if sent.lower[k] in lx.NOMINATIVE and verb_like(sent.lower[k - 1]):
            return k
    return hi


def _noun_phrase_end(sent: Sentence, a: int, nominal: bool, hi: int) -> int | None:
    """End of the names (or, after a determiner, the lower-case nouns) from ``a``, a short
    parenthesis included ("Jane Doe (R)"); None at an unclosed parenthesis."""
    b = a + 1 if nominal else a
    while b < hi:
        w, low = sent.words[b], sent.lower[b]
        if w == "(":
            close = close_paren_after(sent, b, hi)
            if close < 0:
                return None
            b = close + 1
        elif name_part(w) or (nominal and w.isalpha() and not verb_like(low)):
            b += 1
        elif nominal and b == a + 1 and _participle_adjective_at(sent, b, hi):
            b += 1  # "The retired neurosurgeon said"
        else:
            break
    return b


def _participle_adjective_at(sent: Sentence, b: int, hi: int) -> bool:
    """A past participle between a determiner and a noun is an adjective: "the retired
    neurosurgeon", "the embattled mayor" (not "the accused denied")."""
    if b + 1 >= hi:
        return False
    nxt = sent.lower[b + 1]
    return (
        sent.lower[b].endswith("ed")
        and sent.words[b + 1].isalpha()
        and sent.words[b + 1].islower()
        and nxt not in lx.FUNCTION_WORDS
        and not verb_like_or_finite(nxt)
    )


def _verb_follows(sent: Sentence, b: int, nominal: bool, hi: int) -> bool:
    """Whether a verb follows the noun phrase ending at ``b``, maybe after an aside and
    adverbs ("Lee, who chairs the panel, stood up", "Trump openly admires")."""
    v = b
    if sent.words[b] == "," and b + 1 < hi and _aside_opener(sent.lower[b + 1]):
        # "Democrats, looking for a way out, seized ...", "Lee, who chairs the panel, stood
        # up ...", "Lee, the chair, stood up ...": an aside between the subject and its verb
        close = next((k for k in range(b + 2, min(hi, b + 25)) if sent.words[k] == ","), None)
        if close is None or close + 1 >= hi:
            return False
        v = close + 1
    while v + 1 < hi and cue_modifier(sent, v) and sent.lower[v] not in lx.FINITE:
        v += 1  # "Trump openly admires ..."
    low = sent.lower[v]
    # (after a name, a lower-case -s word is the verb: "Trump admires Putin, comparing ...")
    present = (
        not nominal
        and sent.lower[v - 1] not in lx.QUANTIFIERS  # ("Both parents stiffened ...": a noun)
        and sent.lower[v - 1] not in ("both", "all", "these", "those")
        and sent.words[v].isalpha()
        and sent.words[v].islower()
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
    )
    return verb_like(low) or present


def _aside_opener(low: str) -> bool:
    """Whether a word after "Name," opens an aside: a participle, "who", an appositive."""
    return low.endswith("ing") or low in ("who", "the", "a", "an")


def evidence_head(sent: Sentence, a: int, b: int) -> bool:
    """Whether the noun phrase [a, b) is headed by an evidence noun with a complement: "a
    study by the council", "new data from the state"."""
    return any(
        sent.lower[k] in lx.EVIDENCE_NOUNS and sent.lower[k + 1] in ("by", "from", "of", "for")
        for k in range(a, min(b - 1, a + 4))
    )


def _relative_cue(sent: Sentence, k: int) -> bool:
    """Tokens from ``k`` are "who [adverbs] CUE": a relative clause with its own attribution."""
    if k >= len(sent) or sent.lower[k] != "who":
        return False
    j = k + 1
    while j < len(sent) and sent.lower[j] in lx.CUE_MODIFIERS:
        j += 1
    return j < len(sent) and is_cue_word(sent.lower[j])


def passive_agent(sent: Sentence, after: int) -> tuple[int, int] | None:
    """The agent of a passive cue ending before ``after``: "was praised | by the mayor", "was
    accused by the Department of Justice"."""
    n = len(sent)
    if after + 1 >= n or sent.lower[after] != "by":
        return None
    k = after + 1
    while k < n and sent.words[k] not in (",", ";", ".", "—", "–") and k - after < 12:
        if k > after + 1 and sent.lower[k] in lx.PREPOSITIONS and sent.lower[k] != "of":
            break
        if sent.lower[k] == "of" and k + 1 < n and sent.lower[k + 1].endswith("ing"):
            break  # "accused by the bureau | of overseeing ...": the charge, not the agent
        k += 1
    return (sent.starts[after + 1], sent.ends[k - 1]) if k > after + 1 else None


def from_phrase_before(sent: Sentence, k: int) -> int | None:
    """Start of "the report" in "From the report:" ending at the colon ``k``, or None."""
    f = next((f for f in range(k - 1, max(-1, k - 6), -1) if sent.lower[f] == "from"), None)
    if f is None or f + 1 >= k or sent.lower[f + 1] not in lx.DETERMINERS:
        return None
    return f + 1 if all(x.isalpha() for x in sent.words[f + 1 : k]) else None


def fronted_clause(sent: Sentence, a: int) -> bool:
    """Whether the subject at ``a`` opens a subordinate clause before the main one ("Although
    Lee planned C, ...", "Just when Lee said C, ...")."""
    first = 0
    while first < a - 1 and (
        sent.lower[first] in lx.LEADING_CONNECTIVES or sent.lower[first] in lx.QUOTE_TOKENS
    ):
        first += 1
    first = past_intensifier(sent, first)
    return a > 0 and first == a - 1 and sent.lower[first] in lx.FRONTED_SUBORDINATORS


def appositive_at(sent: Sentence, k: int) -> bool:
    """ "..., said Jo Lee, | director of X" / "said Jo Lee, | 34": a title or an age after the
    name, not a clause ("said Jo Lee, adding that ...")."""
    w = sent.lower[k]
    if w.isdigit():
        return True
    if not w.isalpha() or w in lx.FUNCTION_WORDS or w in lx.FINITE or w.endswith("ing"):
        return False
    return w not in lx.STRONG and w not in lx.WEAK


def drop_trailing_clause(sent: Sentence, a: int, b: int) -> int:
    """End of a subject [a, b) without an aside set off by a comma or dash: "Mr. Kirk, still
    weak from a stroke, said" / "Ms. Lee, wearing a cape, said" → "Mr. Kirk", "Ms. Lee". PolNeAR
    gives the source as the name there, and keeps "X, who chairs the panel," whole unless the
    clause reports something itself, and "Some lawmakers, including Jo Lee," whole."""
    for q in range(a + 1, b - 1):
        nxt = sent.lower[q + 1]
        participle = nxt.endswith("ing") and nxt not in lx.MEMBER_OPENERS
        if sent.words[q] in lx.CLAUSE_MARKS and (nxt in lx.SUBJECT_ASIDES or participle):
            return q
        reports = nxt == "who" and any(is_cue_word(x) for x in sent.lower[q:b])
        if sent.words[q] == "," and reports:
            return q  # "Lee, who said in May that ..., added": that clause is its own attribution
    return b


def speaker_end(sent: Sentence, a: int) -> int | None:
    """End of a pronoun, a short capitalised name or "the editorial" starting at ``a``."""
    n = len(sent)
    if a < n and sent.lower[a] in lx.PERSONAL_PRONOUNS:
        return a + 1
    if a + 1 < n and sent.lower[a] in ("the", "a", "an") and sent.words[a + 1].isalpha():
        return a + 2
    b = a
    while b < n and b - a < 5 and name_part(sent.words[b]):
        b += 1
    return b if b > a else None


def main_subject(sent: Sentence, hi: int) -> tuple[int, int] | None:
    """The subject of the sentence's first verb before ``hi``, when the opening is not a
    plain noun phrase ("Republicans, who hold the Senate, have blocked ..., saying C";
    "Here in Ohio, Lee stepped up ..., saying C")."""
    for k in range(1, hi):
        w = sent.lower[k]
        finite = w in lx.FINITE and w not in ("that", "not")
        past = (w.endswith("ed") and sent.words[k - 1] != ",") or w in lx.IRREGULAR_PAST
        if w.endswith("ed") and sent.words[k - 1] == ",":
            subj = _named_subject_with_aside(sent, k)
            if subj is not None:
                return subj
            continue
        if not (finite or past):
            continue
        m = cue_modifiers_before(sent, k, 0)
        subj = subject_before(sent, skip_time_before(sent, m, 0), 0)
        if subj is None:
            return None
        a, b = subj
        b = drop_trailing_clause(sent, a, b)
        return (a, b) if plausible_subject(sent, a, b, False) else None
    return None


def _named_subject_with_aside(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The subject of a past verb at ``k`` right after the comma that closes an aside on the
    name opening the sentence ("Jo Lee, a nurse at Mercy, praised ...", "Sen. Ann Roe, who
    faces a hard race, dropped ..."); None when no capitalised name with an aside comes first
    ("In May, angered by the vote, ...")."""
    subj = subject_before(sent, k, 0)
    if subj is None or subj[0] != 0 or not sent.words[0][:1].isupper():
        return None
    a, b = subj
    comma = next((q for q in range(a + 1, b) if sent.words[q] == ","), None)
    if comma is None or not all(name_part(sent.words[q]) for q in range(a, comma)):
        return None
    if not plausible_subject(sent, a, b, False):
        return None
    if sent.lower[comma + 1] in lx.REFLEXIVES:
        return a, comma  # ("Lee, herself a member of the board, ...": the aside is no name)
    return a, drop_trailing_clause(sent, a, b)


def plausible_subject(sent: Sentence, a: int, b: int, strong: bool) -> bool:
    first = sent.words[a]
    last = sent.lower[b - 1]
    if last in lx.NOT_SUBJECT_LAST and not (
        (last == "here" and b - a > 1) or _surname_before_cue(sent, a, b - 1, b)
    ):
        return False
    if not strong:
        # Weak cues need a short, clearly nominal subject: a pronoun, a name, "officials".
        head = next((k for k in range(a, b) if sent.words[k] in (",", "-", "—", "–")), b)
        if head - a > 12:  # an appositive after the name does not count
            return False
        if not (
            first[:1].isupper()
            or re.split("[’']", sent.lower[a])[0] in lx.PERSONAL_PRONOUNS  # ("he’s hoping")
            or sent.lower[a] in lx.NOMINAL_OPENERS
            or sent.lower[a] in lx.PLURAL_SUBJECTS
            or (last in lx.EVIDENCE_NOUNS and b - a <= 4)  # "new fundraising reports"
            or (plural_noun(sent.words[b - 1]) and b - a <= 3)  # "private lenders"
            or (last in lx.PLURAL_SUBJECTS and b - a <= 4)  # "mainstream Republicans"
        ):
            return False
    return not (b - a == 1 and sent.lower[a] in ("it",) and not strong)


def source_after(sent: Sentence, i: int, n: int) -> tuple[int, int] | None:
    """Source of "..., said X, a spokesman for Y." starting at token ``i``."""
    if i >= n or not _may_open_source(sent, i):
        return None
    walk = _SourceWalk(sent, i, n)
    k = walk.end()
    # (a long apposition may run on: "said Jo Lee, a nurse who ... and who ...")
    if k is None or k == i or k - i > (60 if walk.seen_comma else 30):
        return None
    if not _ends_source(sent, k):
        return None
    return sent.starts[i], sent.ends[k - 1]


def _may_open_source(sent: Sentence, i: int) -> bool:
    """A name, a determiner or quantifier ("said several observers"), or a lower-case title
    before a name ("said former Ohio governor Jim Dane")."""
    low = sent.lower[i]
    return (
        sent.words[i][:1].isupper()
        or low in ("the", "a", "an", "one", "another")
        or low in lx.QUANTIFIERS
        or (low not in lx.PREPOSITIONS and any(w[:1].isupper() for w in sent.words[i + 1 : i + 4]))
    )


class _SourceWalk:
    """The walk forwards over an inverted source from ``i``: the name, then any apposition."""

    def __init__(self, sent: Sentence, i: int, n: int):
        self.sent, self.i, self.n = sent, i, n
        self.seen_comma = False
        # "who" or "prep" in a restrictive clause or phrase ("a source close to the campaign")
        self.restrictive = ""
        self.lowercase = 0  # lower-case words before any comma: a name has few ("the mayor of X")

    def end(self) -> int | None:
        """Index just after the source; None when the words read as a clause, not a name."""
        k = self.i
        while k < self.n:
            nxt = self._step(k)
            if nxt is None or nxt == k:
                return nxt
            k = nxt
        return k

    def _step(self, k: int) -> int | None:
        """Index of the source's next token after ``k``; ``k`` itself where the source ends;
        None where it is no source."""
        sent, n = self.sent, self.n
        wk = sent.words[k]
        if wk in lx.QUOTE_TOKENS and self.seen_comma:
            # 'said Ann Roe, a plaintiff who waited in an "extraordinarily long line"'
            q = sent.quotes.at(sent.starts[k])
            if q is not None and q[0] == sent.starts[k]:
                while k < n and sent.starts[k] < q[1]:
                    k += 1
                return k
        if wk in ("!", "?", ";", ":", "—", "–") or wk in lx.QUOTE_TOKENS or final_dot(sent, k):
            return k
        if wk == "(":
            # "said Jane Doe (D-Ohio)": keep a short parenthesis with the name
            close = close_paren_after(sent, k, n)
            return k if close < 0 else close + 1
        if wk == ",":
            # ('said one person with knowledge of it, who spoke on the condition ...')
            relative = k + 1 < n and sent.lower[k + 1] in ("who", "whose", "which")
            return k if self.restrictive and relative else self._after_comma(k)
        return self._in_name(k)

    def _after_comma(self, k: int) -> int:
        """An apposition after the name: "said Jane Doe, a spokeswoman for X" (but not "said Jo
        Lee, who added that ...": that clause is an attribution of its own)."""
        sent, n = self.sent, self.n
        if _relative_cue(sent, k + 1):
            return k
        if k + 1 < n and (
            sent.lower[k + 1] in ("a", "an", "the", "who", "which", "whose")
            or sent.words[k + 1][:1].isupper()
            or appositive_at(sent, k + 1)
        ):
            self.seen_comma = True
            return k + 1
        return k

    def _in_name(self, k: int) -> int | None:
        sent = self.sent
        low, wk = sent.lower[k], sent.words[k]
        if self.seen_comma or self.restrictive == "who":
            return k + 1
        if not self.restrictive and self._restricts(k):
            # "said a source close to the campaign", "said an official who was briefed": the
            # phrase or clause tells which one (PolNeAR keeps it, up to a comma)
            self.restrictive = "who" if low in ("who", "whose") else "prep"
            return k + 1
        if k > self.i and low in ("who", "whose"):
            return k  # "said one official who asked not to be named": the name ends here
        if (
            k > self.i
            and low in lx.PREPOSITIONS
            and low not in ("of", "for")
            and not self.restrictive
            and not self._surname(k)
        ):
            return k
        self.lowercase += not wk[:1].isupper()
        # ("said Will Lee": a capitalised "Will" is a name, not an auxiliary)
        if (low in lx.FINITE and wk.islower()) or low == "to" or self.lowercase >= 8:
            return None  # "..., said the records were lost": a clause, not a name
        return k + 1

    def _surname(self, k: int) -> bool:
        """ "said Al From, a founder": a capitalised preposition after a first name that ends
        the name (not in a headline set in title case)."""
        sent = self.sent
        return (
            k == self.i + 1
            and not sent.in_headline
            and within_name(sent, k)
            and sent.lower[k - 1] not in lx.FUNCTION_WORDS
            and (k + 1 >= self.n or sent.words[k + 1] in (",", "."))
        )

    def _restricts(self, k: int) -> bool:
        """A restrictive phrase or clause at ``k`` after a common noun ("a source | close to",
        "one person | with knowledge of", "the man | who built"); not after a name ("said Lee
        in a statement") nor "in a statement" / "on Monday" after a noun ("said the mayor in an
        interview")."""
        sent = self.sent
        if k == self.i or k + 1 >= self.n:
            return False
        before, low, nxt = sent.words[k - 1], sent.lower[k], sent.lower[k + 1]
        if not before.islower() or verb_like_or_finite(before):
            return False  # ("S.C., fired in June")
        if low in ("in", "on", "at", "during") and (nxt in ("a", "an") or nxt in lx.TIME_WORDS):
            return False
        if low in ("who", "whose"):
            # ("said one aide who requested anonymity", "who asked not to be named": a note on
            # the quote, not who it is)
            return not any(w in _ANONYMITY for w in sent.lower[k : k + 12])
        return low in _RESTRICTIVE_PREPOSITIONS


_ANONYMITY = frozenset(("anonymity", "named", "identified"))
_RESTRICTIVE_PREPOSITIONS = frozenset(("with", "of", "in", "to", "on", "for", "from", "at"))


def _ends_source(sent: Sentence, k: int) -> bool:
    """Token ``k`` may follow an inverted source: the source runs to the end of the
    sentence ("..., said Jane Doe, a spokeswoman."), apart from closing punctuation or a
    trailing adjunct ("said X on Tuesday")."""
    if k >= len(sent):
        return True
    w = sent.words[k]
    if w in lx.QUOTE_TOKENS:
        # '..., said Ms. Lee's letter “was late”': a clause, not a name
        return not sent.quotes.opens(sent.starts[k])
    if w in (".", "!", "?", ",", "—", "–", ";"):
        return True  # (a dash: '..., said Jo Lee, who runs the gym — which ...')
    return sent.lower[k] in lx.PREPOSITIONS or w in ("who", "whose")


def speaker_span(sent: Sentence, a: int, b: int, cue: str) -> tuple[int, int] | None:
    """The noun phrase that speaks inside a subject [a, b) found by walking back from a cue:
    never a clause fragment. A pronoun at its end is the subject of a clause of its own ("A
    night after the debate they said", "... who he called"); a past verb inside it ("she sent
    an email saying", "Sanders spent much of his campaign railing") ends the speaker before it
    when the cue is a participle or noun, and leaves the noun phrase right before a finite cue
    ("The new ad came amid signs the campaign believes"). None when no such phrase is left."""
    if b - a > 1 and sent.lower[b - 1] in lx.NOMINATIVE and sent.lower[b - 2] not in ("and", "or"):
        return b - 1, b
    second = _second_noun_phrase(sent, a, b)
    if second is not None:
        return second, b
    v = _verb_in_head(sent, a, b)
    if v is None:
        return a, b
    if not cue.endswith("ing"):
        last = _last_noun_phrase(sent, v + 1, b, cue.endswith("s"))
        if last is not None:
            return last
        if _bare_verb(cue) and _noun_phrase_before(sent, v + 1, b):
            return None  # "Lee grew up hearing her mother talk about C": who talks is unsure
    return (a, v) if v > a else None


def _bare_verb(cue: str) -> bool:
    """A base form of a cue that is no noun reading here: "talk", "say"."""
    return cue.isalpha() and not cue.endswith(("s", "ed", "ing")) and cue not in lx.NOUN_LIKE


def _noun_phrase_before(sent: Sentence, lo: int, b: int) -> bool:
    """A possessive and a noun right before ``b``: "hearing | her mother | talk"."""
    return b - 2 >= lo and sent.lower[b - 2] in lx.SECOND_SUBJECT_OPENERS - {"the"}


def _second_noun_phrase(sent: Sentence, a: int, b: int) -> int | None:
    """Where the subject of a relative clause without "that" starts after the noun it
    describes: "a pledge | her opponents said ...", "a charge | the company denies"."""
    if sent.lower[a] not in lx.DETERMINERS:
        return None
    for k in range(a + 2, b):
        word, low = sent.words[k], sent.lower[k]
        if low in lx.SECOND_SUBJECT_OPENERS:
            between = sent.words[a + 1 : k]
            nouns = all(
                w.isalpha()
                and w.islower()
                and w not in lx.FUNCTION_WORDS
                and w not in lx.RELATIVE_PRONOUNS
                for w in between
            )
            return k if nouns and not has_verb(between) else None
        if not (word.isalpha() and word.islower()):
            return None
    return None


def _verb_in_head(sent: Sentence, a: int, b: int) -> int | None:
    """A lower-case past form with an object or particle after it ("sent an email", "spent much
    of") in the subject's head, before any aside or relative clause; not an adjective before
    its noun ("registered voters") nor a reduced relative clause ("an email sent out by Lee")."""
    for k in range(a + 1, b - 1):
        w, word = sent.lower[k], sent.words[k]
        if word in (",", "(", "-", "—", "–") or w in lx.RELATIVE_PRONOUNS:
            return None
        if not (word.islower() and word.isalpha()):
            continue
        if w in lx.SIMPLE_PAST:
            return k
        past = w.endswith("ed") or w in lx.IRREGULAR_PAST
        if past and _opens_object(sent, k + 1, b):
            return k
    return None


def _opens_object(sent: Sentence, k: int, b: int) -> bool:
    """After a past form, an object or particle makes it a verb; a preposition does not: "people
    briefed on the talks say", "disclosures filed on Sunday show", nor "by" after a particle."""
    low = sent.lower[k]
    if low in lx.DETERMINERS:
        return True
    agent = k + 1 < b and sent.lower[k + 1] == "by"
    return low in lx.OBJECT_OPENERS and not agent


def _last_noun_phrase(sent: Sentence, lo: int, b: int, agrees: bool) -> tuple[int, int] | None:
    """The subject of a finite cue at ``b`` after a clause: a pronoun, a name, plural nouns
    ("the campaign's aides"), or a singular noun before an -s verb that ``agrees`` with it ("the
    campaign believes"); None otherwise (a singular noun before a bare form may be the cue's own
    determiner phrase: "delivered a snappy retort")."""
    k = b - 1
    last = sent.words[k]
    if sent.lower[k] in lx.PERSONAL_PRONOUNS:
        return k, b
    named = last[:1].isupper() and sent.lower[k] not in lx.TIME_NOUNS
    plural = sent.lower[k] in lx.PLURAL_SUBJECTS or plural_noun(last)
    if not (named or plural or (agrees and last.isalpha() and last.islower())):
        return None
    while k >= lo and sent.words[k].isalpha() and sent.lower[k] not in lx.FUNCTION_WORDS:
        k -= 1
    if k >= lo and (sent.lower[k] in lx.DETERMINERS or possessive(sent.words[k])):
        return k, b
    return (k + 1, b) if k + 1 < b else None


def can_speak(sent: Sentence, span: tuple[int, int]) -> bool:
    """Whether a source span is a phrase that can speak, not a fragment the rules left: a mark
    ("'"), a lone verb ("came"), a verb with its object ("wrote an op-ed", "publishing an
    op-ed"), a phrase opening with a preposition ("amid", "during a town hall meeting", "of
    Pagliano's Fifth Amendment", "at a rally"; not "at least 21,000")."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    if not any(sent.words[k][:1].isalnum() for k in ks):
        return False
    first, low = sent.words[ks[0]], sent.lower[ks[0]]
    if not first.islower() or low in lx.RELATIVE_PRONOUNS or low in lx.EVIDENCE_NOUNS:
        return True
    verb = low in lx.FINITE or verb_like(low) or (low.endswith("ing") and low != "including")
    preposition = low in lx.PREPOSITIONS and low not in lx.TIME_WORDS | {"about", "with", "among"}
    if len(ks) == 1:
        return not (verb or preposition)
    if preposition and low != "at":
        return False  # "during a town hall meeting", "of Pagliano's Fifth Amendment"
    # ("at least a dozen members", "at one point the crowd": "at" with a determiner is a place)
    return not ((verb or preposition) and sent.lower[ks[1]] in lx.DETERMINERS)


def without_cleft_opening(sent: Sentence, span: tuple[int, int]) -> tuple[int, int] | None:
    """A source opened by "It's" / "That's": the subject of the clause after the noun ("It's a
    plan some believe C" -> "some", "It's an idea Mayor Dunn said C" -> "Mayor Dunn"); None
    after an adjective ("It's worth noting that C", "It's hard not to wonder whether C"): the
    reporter's own aside."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    if sent.lower[ks[0]] not in _CLEFT_OPENERS or sent.ends[ks[0]] > span[1]:
        return span  # (not "It" of "It’s denouncing C": "’s" is the cue's auxiliary)
    if len(ks) < 3 or sent.lower[ks[1]] not in ("a", "an", "the"):
        return None
    for k in ks[2:]:
        low = sent.lower[k]
        if (
            sent.words[k][:1].isupper()
            or low in lx.DETERMINERS
            or low in lx.QUANTIFIERS
            or low in lx.PERSONAL_PRONOUNS
        ):
            return sent.starts[k], span[1]
    return None


_CLEFT_OPENERS = frozenset(("it's", "it’s", "that's", "that’s"))


def without_opening_preposition(sent: Sentence, span: tuple[int, int]) -> tuple[int, int] | None:
    """A source without a preposition opening its sentence ("Despite pre-event disclaimers" ->
    "pre-event disclaimers"); None when nothing else is left ("Despite"), or when the source is
    an adverbial phrase ("in fact") or a day ("Wednesday added one more twist")."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    if " ".join(sent.lower[k] for k in ks) in lx.NOT_SPEAKERS:
        return None
    if len(ks) > 1 and sent.lower[ks[0]] == "in" and _phrase_word(sent.words[ks[1]]):
        # "In a radio interview on Monday the mayor said": a phrase, with the speaker at its end
        return _speaker_ending_phrase(sent, ks)
    if not ks or not _opens_with_a_preposition(sent, ks[0]):
        return span
    return (sent.starts[ks[1]], span[1]) if len(ks) > 1 else None


def name_before_participle_aside(sent: Sentence, span: tuple[int, int]) -> tuple[int, int]:
    """ "Trump, speaking at a rally in Wilmington, N.C., warned": the name the aside follows,
    not the aside, when the name opens the sentence."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    k = ks[0] if ks else 0
    if k < 2 or sent.words[k - 1] != "," or not sent.lower[k].endswith("ing"):
        return span
    if not sent.words[k].islower():
        return span
    a = k - 1
    while a > 0 and name_part(sent.words[a - 1]) and sent.words[a - 1][:1].isupper():
        a -= 1
    opening = 0
    while opening < a and sent.lower[opening] in lx.LEADING_CONNECTIVES:
        opening += 1
    return (sent.starts[a], sent.ends[k - 2]) if a == opening and a < k - 1 else span


def without_final_verb(sent: Sentence, span: tuple[int, int]) -> tuple[int, int]:
    """A source without the verb of a clause the subject walk took in: "President Obama
    spent" -> "President Obama", "the community immediately began" -> "the community"."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    b = len(ks)
    if b < 2 or not sent.words[ks[-1]].islower() or sent.lower[ks[-1]] not in lx.CLAUSE_FINAL_VERBS:
        return span
    b -= 1
    while b > 1 and (_adverb(sent, ks[b - 1]) or sent.lower[ks[b - 1]].endswith("ly")):
        b -= 1
    if sent.lower[ks[b - 1]] in lx.DETERMINERS:
        return span  # "the left": a noun
    return (span[0], sent.ends[ks[b - 1]])


def _speaker_ending_phrase(sent: Sentence, ks: list[int]) -> tuple[int, int] | None:
    """The noun phrase that ends an opening phrase and can speak: "Trump" (a name after a noun:
    "In a meeting with the editorial board Trump"), "the mayor" (a determiner and a noun of a
    known kind: "In a radio interview on Monday the mayor"); None when there is none."""
    if len(ks) < 3:
        return None
    if sent.words[ks[-1]][:1].isupper():
        return _name_ending_phrase(sent, ks)
    return _noun_phrase_ending_phrase(sent, ks)


def _name_ending_phrase(sent: Sentence, ks: list[int]) -> tuple[int, int] | None:
    """A name after a noun ("the editorial board Trump", "on Monday Mayor Lee"), not after a
    modifier or a function word ("upcoming Apple Music", "the Washington Post", "of
    Information Act")."""
    last = k = ks[-1]
    while k > ks[1] and name_part(sent.words[k - 1]) and sent.words[k - 1][:1].isupper():
        k -= 1
    opening = k
    while k < last and sent.lower[k] in lx.TIME_NOUNS:
        k += 1  # "on Monday Mayor Lee"
    if opening <= ks[1] or sent.lower[k] in lx.TIME_NOUNS:
        return None
    before = sent.words[opening - 1]
    noun = before.isalpha() and before.islower() and not before.endswith("ing")
    if k > opening or (noun and before not in lx.FUNCTION_WORDS):
        return sent.starts[k], sent.ends[last]
    return None


def _noun_phrase_ending_phrase(sent: Sentence, ks: list[int]) -> tuple[int, int] | None:
    """A determiner, up to two modifiers and a noun of a known kind ("the mayor", "the
    company's chief executive"), after the phrase's own determiner ("In a statement" is no
    speaker)."""
    last = k = ks[-1]
    if kind_of_noun(sent.words[last]) is None:
        return None
    while k > ks[2] and last - k < 3:
        word = sent.words[k - 1]
        if not (word.isalpha() and word.islower()):
            return None
        k -= 1
        if sent.lower[k] in lx.DETERMINERS:
            return sent.starts[k], sent.ends[last]
        if sent.lower[k] in lx.FUNCTION_WORDS:
            return None
    return None


def _phrase_word(word: str) -> bool:
    """A word that goes on a phrase after "in" ("a", "1998", "response"), not a name ("In 't
    Veld", "In New Hampshire")."""
    return word.isdigit() or (word.isalpha() and word.islower())


def _opens_with_a_preposition(sent: Sentence, k: int) -> bool:
    """ "Despite", "Amid the protests": a preposition opening the sentence, capitalised."""
    return k == 0 and sent.lower[k] in lx.OPENING_PREPOSITIONS


def tidy_source(sent: Sentence, span: tuple[int, int]) -> tuple[int, int]:
    """A source without the words around the speaker that are no part of it: an adverb after
    it ("She also", "Trump, meanwhile"), an aside after a comma ("Clinton, clearly frustrated"),
    a time phrase before it ("On Sunday morning Mr. Trump"), the "with" of an absolute phrase
    ("with three in 10 saying")."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    if len(ks) < 2:
        return span
    a, b = ks[0], ks[-1] + 1
    end = _without_trailing_adverbs(sent, a, _before_clause_aside(sent, a, b))
    end = _before_setting_phrase(sent, a, end)
    start = _after_time_phrase(sent, a, end)
    if sent.lower[start] in ("with", "among", "including") and end - start > 1:
        start += 1  # "..., with three in 10 saying C": the absolute phrase's subject speaks
    start = _final_pronoun(sent, start, end)
    return (
        span[0] if start == a else sent.starts[start],
        span[1] if end == b else sent.ends[end - 1],
    )


def _before_setting_phrase(sent: Sentence, a: int, b: int) -> int:
    """End of a name (or "who") before a phrase of when or where it spoke: "Trump at the time",
    "Jeb Bush in a Medium post", "Sen. Ann Roe on Wednesday morning", "who in the past"."""
    k = a
    while k < b and (name_part(sent.words[k]) or sent.lower[k] == "who"):
        k += 1
    if k == a or k + 1 >= b or sent.lower[k] not in _SETTING_PREPOSITIONS:
        return b
    rest = sent.lower[k + 1 : b]
    timed = rest[0] in lx.TIME_NOUNS or rest in (["the", "time"], ["the", "past"])
    medium = len(rest) <= 5 and rest[-1] in lx.MEDIA_NOUNS and rest[0] in _MEDIUM_DETERMINERS
    return k if timed or medium else b


_SETTING_PREPOSITIONS = frozenset(("in", "at", "on", "during"))
_MEDIUM_DETERMINERS = frozenset(("a", "an", "his", "her", "their", "its", "the"))


def _final_pronoun(sent: Sentence, a: int, b: int) -> int:
    """Where the source starts when it ends in a subject pronoun after words that hold no
    verb: "A few minutes later they", "Pretty soon she" -> the pronoun; not "Lee and I"."""
    last = sent.lower[b - 1]
    if b - a < 2 or last not in lx.NOMINATIVE and last != "it":
        return a
    before = sent.lower[b - 2]
    if before in ("and", "or", "nor") or not sent.words[b - 2].replace("’", "").isalnum():
        return a
    return b - 1 if not has_verb(sent.words[a : b - 1]) else a


def headline_source(sent: Sentence, span: tuple[int, int]) -> tuple[int, int] | None:
    """A source in a title-case line, where every word is capitalised and the usual checks for
    a verb or an adverb do not see them: without a trailing adverb or auxiliary ("Donald Trump
    Just" -> "Donald Trump", "Donald Trump Is Now" -> "Donald Trump"), and None when a verb is
    left inside ("Mike Huckabee Makes Sexist Wife", "Tim Allen Just Got"): a fragment."""
    lows = sent.text[span[0] : span[1]].lower().split()
    if len(lows) < 2 or not (
        _headline_trailer(lows[-1]) or any(_past_form(w) or w in lx.HEADLINE_VERBS for w in lows)
    ):
        return span  # (nothing to take out: the common case, decided without the whole line)
    if not title_case(sent):
        return span
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    end = len(ks)
    while end > 1 and _headline_trailer(sent.lower[ks[end - 1]]):
        end -= 1
    for n in range(1, end):
        low = sent.lower[ks[n]]
        adjective = sent.lower[ks[n - 1]].endswith("ly")  # ("Newly Released Document")
        if low in lx.HEADLINE_VERBS or (_past_form(low) and not adjective):
            return None
    return span[0], (span[1] if end == len(ks) else sent.ends[ks[end - 1]])


def _headline_trailer(low: str) -> bool:
    """An adverb or auxiliary after a headline's speaker ("Just", "Is", "Isn’t")."""
    return low in lx.HEADLINE_ADVERBS or low in lx.CLAUSE_AUXILIARIES or low in lx.HEADLINE_NEGATED


def _past_form(low: str) -> bool:
    """A past form, not one that is also the present ("Let", "Put", "Cut")."""
    irregular = low in lx.IRREGULAR_PAST and low not in lx.PAST_LIKE_PRESENT
    return (low.endswith("ed") and len(low) > 4) or irregular


def possessor_subject(sent: Sentence, span: tuple[int, int]) -> tuple[int, int]:
    """The clause's subject for a possessive pronoun source that agrees with it: "Sanders has
    pushed his promise of C" and "He pressed his attack that C" are said by "Sanders" and "He".
    Any other source, or a subject that does not agree ("She criticised his plan to C"), stays."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    if len(ks) != 1 or sent.lower[ks[0]] not in lx.POSSESSIVE_SUBJECTS:
        return span
    a = 0
    while a < ks[0] and sent.lower[a] in lx.LEADING_CONNECTIVES:
        a += 1
    b = a
    while b < ks[0] and _subject_name_word(sent, b):
        b += 1
    if b == a or b >= ks[0] or not sent.words[b].isalpha() or not sent.words[b].islower():
        return span
    pronoun = lx.POSSESSIVE_SUBJECTS[sent.lower[ks[0]]]
    if sent.lower[a] in lx.PERSONAL_PRONOUNS:
        agrees = b == a + 1 and sent.lower[a] == pronoun
    else:
        after = sent.lower[b]
        agrees = pronoun in ("he", "she") and after not in lx.NOT_AFTER_SUBJECT
    return (sent.starts[a], sent.ends[b - 1]) if agrees else span


def _subject_name_word(sent: Sentence, k: int) -> bool:
    """A word of a name opening a sentence ("Senator Bernie Sanders"), not a capitalised
    function word ("The", "In", "After") or a possessive ("Trump's")."""
    word, low = sent.words[k], sent.lower[k]
    if not word[:1].isupper() or low in lx.FUNCTION_WORDS or low in lx.SUBORDINATORS:
        return False
    if low in lx.PREPOSITIONS or low.endswith("ing"):
        return False  # "During the debate, ...", "Appearing on TV, ..."
    return not possessive(word) and sent.quotes.at(sent.starts[k]) is None


def _before_clause_aside(sent: Sentence, a: int, b: int) -> int:
    """The end of a source before a clause about the speaker set off by a comma or dash:
    "Merkel, who has ...", "Lee -- whose husband ...", "Lee, asked about it", "Lee, when
    contacted"."""
    for q in range(a + 1, b - 1):
        if sent.words[q] in (",", "—", "–", "-") and sent.lower[q + 1] in lx.SOURCE_CLAUSE_OPENERS:
            return q
    return b


def _without_trailing_adverbs(sent: Sentence, a: int, b: int) -> int:
    while b - a > 1 and (_adverb(sent, b - 1) or sent.words[b - 1] in (",", "—", "–")):
        b -= 1
    for q in range(a + 1, b - 1):
        if sent.words[q] == "," and _adverb(sent, q + 1):
            return q  # "Clinton, clearly frustrated", "Hunter, meanwhile"
    return b


def _adverb(sent: Sentence, k: int) -> bool:
    """An adverb after a name, a pronoun or a comma ("Lee only", "she, clearly frustrated"); not
    a noun in -ly ("the foundation's tally")."""
    word, low = sent.words[k], sent.lower[k]
    if not word.islower():
        return False
    if low in lx.SOURCE_TRAILERS:
        return True
    before = sent.words[k - 1] if k > 0 else ""
    after_name = before[:1].isupper() or before == "," or before.lower() in lx.PERSONAL_PRONOUNS
    return low.endswith("ly") and low not in lx.LY_NOUNS and after_name


def _after_time_phrase(sent: Sentence, a: int, b: int) -> int:
    """ "On Sunday morning Mr. Trump": the name after an opening time phrase."""
    if sent.lower[a] not in ("on", "in", "at", "during", "after", "before", "late", "early"):
        return a
    k = a + 1
    while k < b and (sent.lower[k] in lx.TIME_NOUNS or sent.lower[k] in lx.TIME_WORDS):
        k += 1
    if a + 1 < k < b and sent.words[k][:1].isupper():
        return k
    return _noun_phrase_after_opening(sent, a + 2, b) or a


def _noun_phrase_after_opening(sent: Sentence, lo: int, b: int) -> int | None:
    """ "During the debate the mayor", "In a statement Lee": where the noun phrase after the
    opening phrase's noun starts."""
    for k in range(lo, b):
        before = sent.lower[k - 1]
        if not sent.words[k - 1].isalpha() or len(before) < 2 or before in lx.FUNCTION_WORDS:
            continue  # (not a particle of a name: "In 't Veld")
        if sent.lower[k] in ("the", "a", "an") or sent.words[k][:1].isupper():
            return k if sent.words[k - 1].islower() else None
    return None


def stance_holder(sent: Sentence, a: int) -> tuple[int, int] | None:
    """The speaker whose own verb takes the stance noun at ``a``: "The voters are split on
    whether C", "Lee bristled at the suggestion that C", "She has not made a decision on
    whether C"; None when the noun has no such subject or the subject cannot hold a view."""
    m = _verb_group_before_noun(sent, a)
    if m is None:
        return None
    subj = subject_before(sent, skip_time_before(sent, m, 0), 0)
    if subj is None or not plausible_subject(sent, subj[0], subj[1], False):
        return None
    s, e = subj
    while e - s > 1 and sent.lower[e - 1] in lx.SOURCE_TRAILERS | lx.TIME_WORDS:
        e -= 1  # "Trump earlier Tuesday backed away from ...": Trump
    return (sent.starts[s], sent.ends[e - 1]) if _holds_a_view(sent, s, e) else None


def _verb_group_before_noun(sent: Sentence, a: int) -> int | None:
    """Index of the first word of the verb group before the noun at ``a``, over the noun's
    determiner and adjectives and a preposition or particle ("has not made a decision on",
    "backed away from a suggestion"); None when no verb comes before them."""
    k = a - 1
    while (
        k >= 0 and a - k <= 3 and sent.words[k].islower() and sent.lower[k] in lx.STANCE_MODIFIERS
    ):
        k -= 1
    particles = 0
    while k >= 0 and particles < 2 and sent.lower[k] in lx.STANCE_PARTICLES:
        k -= 1
        particles += 1
    if k < 1 or not sent.words[k].islower():
        return None
    progressive = sent.lower[k].endswith("ing") and sent.lower[k - 1] in lx.BE_FORMS
    if not (verb_like_or_finite(sent.lower[k]) or progressive):
        return None
    m = k  # ("has not been operating under the assumption")
    while (
        m - 1 >= 0
        and sent.words[m - 1].islower()
        and (verb_like_or_finite(sent.lower[m - 1]) or sent.lower[m - 1] in lx.VERB_GROUP_ADVERBS)
    ):
        m -= 1
    return m if m >= 1 and sent.lower[m] != "that" else None


def _holds_a_view(sent: Sentence, s: int, e: int) -> bool:
    """Whether the subject [s, e) can hold a view of its own: a personal pronoun alone (not
    "it"), a name, or a noun phrase naming people or a body; a document or a thing raises
    questions, but the question is the reporter's ("The records raised questions about ...")."""
    if has_verb(sent.words[s:e]):
        return False  # "Trump made similarly bigoted charges": the walk took in the verb
    if sent.lower[s] in lx.PERSONAL_PRONOUNS:
        return e - s == 1 and sent.lower[s] != "it"
    if sent.words[s].islower() or sent.lower[s] in lx.DETERMINERS:
        phrase = sent.text[sent.starts[s] : sent.ends[e - 1]]
        return kind_from_phrase(phrase) in lx.VIEW_HOLDER_KINDS
    return True
