"""Find attributions (content, source, cue) in an article.

A rule-based pass over sentences, tuned for news prose:

* quotations are found first over the whole article, so that a quote running over several
  sentences or paragraphs ("... / "... ," he said.) is one content span;
* each sentence is then searched for cues: "according to X", "reportedly", passive
  "it was reported that", an opening "Asked (by Y) whether C, ...", possessive nouns ("X's
  claim that C", "her support for C"), speech/belief verbs from ``lexicon`` and multi-word cues
  that read as one of them ("made it clear", "took aim at");
* a verb cue is read in one of these shapes: forward ("X said (that) C"), inverted
  ("C, X said." / "C, said X, a spokesman."), a lead-in to a following quote ("X said:"),
  a participle or second verb of the same subject ("X closed the road, saying C"; "X declined
  to comment but said C"; "Noting that C, X ..."), a passive ("C was endorsed by X"), or a
  relative clause ("X, who said C, ..."; "the rule, which critics said was unfair");
* a forward content runs to the end of the sentence for clause verbs ("said"), and to the end
  of the noun phrase for the others ("praised the plan, which ...");
* a reporting verb at the end of a sentence ("..., Axios reported") takes over an earlier cue
  whose content it contains, since PolNeAR gives each token to one attribution.

The output is a list of ``Attribution`` records with raw spans; ``sources`` resolves names and
``__init__`` builds the public ``ExtractedClaim`` objects.
"""

import logging
import re
from dataclasses import dataclass
from typing import NamedTuple

from . import lexicon as lx
from .sentences import split_sentences

log = logging.getLogger(__name__)

# Words (with inner apostrophes, hyphens, dots, slashes: "9/11"), titles and initials with their
# period ("Sen.", "J."), numbers with thousands separators ("2,472"), the two-apostrophe quote
# mark some outlets use (''), or one punctuation character.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Sgt|Capt|Prof|Rev|Hon|Maj|Adm|Sens|Reps)\."
    r"|(?:[A-Z]\.)+(?=\s+[A-Z])|(?:[A-Z]\.){2,}(?=\s+[a-z])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[’'\-./]\w+)*|''|[^\w\s]"
)
# "U.S.", "F.B.I.": before a noun-like cue an adjective ("the F.B.I. report"), not a subject.
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
# A subject with its apposition ("Rich Lee, a top operative who ..., said") is at most this many
# tokens; the search backwards for it stops there.
_MAX_SOURCE_TOKENS = 50
_MAX_SENTENCE_TOKENS = 400

# A pronoun's contracted auxiliary: "he’s hoping", "they're proposing".
_CONTRACTION = re.compile(r"[’'](?:s|re|ve|ll|d)$")


class _Cue(NamedTuple):
    """A verb cue in a sentence's tokens."""

    i: int  # the verb
    w: str  # the verb, lower case
    m: int  # first token of the cue (auxiliaries and adverbs: "has also said")
    start: int  # where the subject must end (before a time phrase: "Lee on Monday said")
    end: int  # just after the cue (and its particle: "pointed out")
    span: tuple[int, int]  # character offsets of the cue


_NO_SHAPE = object()  # "no shape matched; try the next ones" (None means "not a cue here")


@dataclass
class Attribution:
    start: int
    end: int
    kind: str  # "direct" or "indirect"
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    sentence: tuple[int, int]


class Sentence:
    """One sentence of an article: its tokens with their offsets, and what the rules need to
    read them (the article's text and quotations, and whether the line is a headline)."""

    __slots__ = (
        "text",
        "quotes",
        "start",
        "end",
        "starts",
        "ends",
        "words",
        "lower",
        "in_headline",
    )

    def __init__(self, text: str, quotes: "Quotes", start: int, end: int):
        self.text = text
        self.quotes = quotes
        self.start = start
        self.end = end
        self.in_headline = False  # a title-case line (set by the analysis)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words: list[str] = []
        for m in _TOKEN.finditer(text, start, end):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.words.append(m.group())
            if len(self.words) >= _MAX_SENTENCE_TOKENS:
                break
        self.lower = [w.lower() for w in self.words]

    def within(self, span: tuple[int, int]) -> list[str]:
        """Lower-case tokens starting inside the character span."""
        return [w for w, st in zip(self.lower, self.starts, strict=True) if span[0] <= st < span[1]]

    def __len__(self) -> int:
        return len(self.words)


# ---------------------------------------------------------------------------------------------
# Quotations


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of double-quoted passages.

    Handles curly and straight quotes (and an opening curly mark misprinted as the closing one,
    '“A,“ said Lee'). A quote still open at the end of a paragraph continues
    when the next paragraph opens with a quote mark (the newspaper convention for multi-paragraph
    quotations); otherwise it is closed at the end of its paragraph.
    """
    quotes: list[tuple[int, int]] = []
    open_at = -1
    n = len(text)
    for m in re.finditer(r"''|[“”\"\n]", text):
        i = m.start()
        ch = m.group()
        if ch == "''":
            ch = '"'  # two apostrophes used as a straight double quote
        if ch == "\n":
            if open_at >= 0:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and text[j] in lx.OPEN_QUOTES:
                    continue  # the quotation goes on in the next paragraph
                end = i
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                if end - open_at > 2:
                    quotes.append((open_at, end))
                open_at = -1
            continue
        if ch == "“":
            if open_at < 0:
                open_at = i
            elif i > 0 and not text[i - 1].isspace() and (i + 1 >= n or text[i + 1].isspace()):
                quotes.append((open_at, i + 1))  # '“A,“ said Lee': a misprinted closing mark
                open_at = -1
            elif not _starts_paragraph(text, i):
                open_at = i  # unbalanced: restart at the newer mark
        elif ch == "”":
            if open_at >= 0:
                quotes.append((open_at, i + 1))
                open_at = -1
        else:  # straight quote: opening after space/start/bracket, closing otherwise
            before = text[i - 1] if i > 0 else " "
            if open_at < 0:
                if before.isspace() or before in "([{—–-/":
                    open_at = i
            elif _starts_paragraph(text, i):
                continue  # continuation mark of a multi-paragraph quote
            elif before.isspace() and i + 1 < n and not text[i + 1].isspace():
                open_at = i  # looks like a new opening mark: the previous one was stray
            else:
                quotes.append((open_at, m.end()))
                open_at = -1
    if open_at >= 0:
        end = n
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        if end - open_at > 2:
            quotes.append((open_at, end))
    return quotes


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] == "\n"


class Quotes:
    """The article's quotations, sorted and disjoint, as (start, end) spans with their marks."""

    __slots__ = ("spans",)

    def __init__(self, text: str):
        self.spans = find_quotes(text)

    def at(self, pos: int) -> tuple[int, int] | None:
        """The quotation containing ``pos`` (binary search)."""
        quotes = self.spans
        lo, hi = 0, len(quotes)
        while lo < hi:
            mid = (lo + hi) // 2
            if quotes[mid][1] <= pos:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(quotes) and quotes[lo][0] <= pos < quotes[lo][1]:
            return quotes[lo]
        return None

    def opens(self, start: int) -> bool:
        """Whether a quotation opens at ``start``."""
        q = self.at(start)
        return q is not None and q[0] == start

    def closes(self, end: int) -> bool:
        """Whether a quotation closes just before ``end``."""
        q = self.at(end - 1)
        return q is not None and q[1] == end


# ---------------------------------------------------------------------------------------------
# Sentence-level cue analysis


def _cue_modifiers_before(sent: Sentence, i: int, lo: int) -> int:
    """Index of the first auxiliary/adverb directly before token ``i`` ("has also said")."""
    j = i
    while j - 1 >= lo and i - j < 4 and _cue_modifier(sent, j - 1):
        j -= 1
    # "Trump on Tuesday said": skip a time phrase too (not part of the cue).
    return j


def _cue_modifier(sent: Sentence, k: int) -> bool:
    """An auxiliary or adverb that belongs to a cue ("has", "never", "sharply")."""
    w = sent.lower[k]
    return w in lx.CUE_MODIFIERS or (
        w.endswith("ly") and len(w) > 4 and w not in lx.LY_NOUNS and sent.words[k].islower()
    )


def _skip_time_before(sent: Sentence, j: int, lo: int) -> int:
    if j - 2 >= lo and sent.lower[j - 2] == "so" and sent.lower[j - 1] == "far":
        return j - 2  # "Trump so far hasn’t attacked"
    # ("USA TODAY reported": a name in capitals, not a time)
    if j - 1 >= lo and sent.lower[j - 1] in lx.WEEKDAYS and not sent.words[j - 1].isupper():
        j -= 1
        if j - 1 >= lo and sent.lower[j - 1] in ("on", "late", "early", "last"):
            j -= 1
    elif j - 2 >= lo and sent.lower[j - 1] in lx.TIME_NOUNS:
        # "Lee, the party chairman, this past week announced"
        k = j - 2
        if sent.lower[k] == "past" and k - 1 >= lo:
            k -= 1
        if sent.lower[k] in ("this", "last", "next", "earlier", "later"):
            j = k
    return j


def _subject_start(sent: Sentence, j: int, lo: int) -> int | None:
    """Index just before the subject ending at ``j``; None when it cannot be delimited.

    A comma or dash directly before the verb opens an appositive or relative clause ("X, a
    spokesman for Y, said"; "X - who ... - said"), which the source span keeps, as PolNeAR
    does; inside it anything goes up to the matching mark. Any other comma ends the subject
    ("On Tuesday, X said") unless an age or place follows a name ("Ann Roe, 34, of Ely, said").
    """
    k = j - 1
    opener = None
    in_quote = False  # inside a quotation in the appositive ('X, author of "Y, Z," said')
    if k - 1 >= lo and sent.words[k] in lx.QUOTE_TOKENS and sent.words[k - 1] == ",":
        opener, in_quote = ",", True  # the appositive ends with a quoted title
        k -= 2
    elif k >= lo and sent.words[k] in (",", "-", "—", "–"):
        opener = sent.words[k]
        while k >= lo and sent.words[k] == opener:
            k -= 1
    stop = max(lo, j - _MAX_SOURCE_TOKENS)
    while k >= stop:
        w = sent.lower[k]
        if opener is not None:
            if w in lx.QUOTE_TOKENS:
                in_quote = not in_quote
                k -= 1
            elif w == ")":
                k = _open_paren_before(sent, k, stop)
                if k < 0:
                    break
                k -= 1
            elif w == opener and not in_quote:
                while k >= stop and sent.words[k] == opener:
                    k -= 1
                opener = None  # back at the head of the appositive
            elif w in (";", ":", "(") or _final_dot(sent, k):
                break
            else:
                k -= 1
            continue
        if w == ",":
            if not _age_or_place(sent, k + 1, j):
                break
        elif w == ")":
            # "Jane Doe (D-Ohio) said": skip the parenthesis
            k = _open_paren_before(sent, k, stop)
            if k < 0:
                break
        elif _ends_subject(sent, k, j, lo):
            r = _relative_pronoun_before(sent, k, stop)
            if r is None:
                break
            k = r  # "people who have battled X say": the clause belongs to the subject
        k -= 1
    return None if opener is not None else k


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
            and not _verb_like_or_finite(before)
            and not _is_cue_word(before)
            and k + 1 < len(sent)
            and _verb_like(sent.lower[k + 1])
        ):
            return k
        return None
    if not (w in lx.FINITE or _verb_like(w)):
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
        and not _verb_like_or_finite(before)
        and (after.endswith("ed") or after in lx.PREPOSITIONS)
    )


def _ends_subject(sent: Sentence, k: int, j: int, lo: int) -> bool:
    """Token ``k`` (outside an appositive) is a boundary before a subject ending at ``j``."""
    w = sent.lower[k]
    if w in (";", ":", "(", "-", "—", "–") or w in lx.QUOTE_TOKENS or _final_dot(sent, k):
        return True
    if w in lx.SUBJECT_STOPS:
        return True
    if (w in lx.FINITE or w in lx.WH_WORDS) and k < j - 1:
        return True  # "That's why he said", "what he said": a clause, not a subject
    if w == "and" and k - 1 >= lo and sent.words[k - 1] == ",":
        return True
    if w == "and" and _name_after_common_noun(sent, k, j, lo):
        return True  # "he was copied on the questions and Gates said": a new clause
    if w == "and" and _coordinated_nouns(sent, k, j, lo):
        return False  # "Many experts and some lawmakers say": one subject
    return w in ("and", "but") and k + 1 < j and sent.words[k + 1][:1].islower()


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
    if any(_verb_like(w) or (w in lx.FUNCTION_WORDS and w not in determiners) for w in right):
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
        if _verb_like(w) or not sent.words[left].replace(".", "").isalpha():
            return False
        if w in lx.FUNCTION_WORDS and w not in determiners:
            return False
        left -= 1
    return k - left > 1


def _subject_before(sent: Sentence, j: int, lo: int) -> tuple[int, int] | None:
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
    if sent.lower[end] in lx.NOT_SUBJECT_LAST and not (sent.lower[end] == "here" and end > a):
        return None  # ("officials here say": a subject; "here" alone is not)
    if end - a + 1 > _MAX_SOURCE_TOKENS:
        return None
    return a, end + 1


def _age_or_place(sent: Sentence, a: int, j: int) -> bool:
    """Tokens from ``a`` are an age or place after a name: "Ann Roe, 34, of Flint, Mich., said"."""
    w = sent.words[a] if a < j else ""
    if w == "of" or (w.isdigit() and a + 1 < j and sent.words[a + 1] == ","):
        return True  # not "Asked X, 46 percent of voters said": an age has its own comma
    return a + 2 < j and w[:1].isupper() and sent.words[a + 1] == "." and sent.words[a + 2] == ","


def _final_dot(sent: Sentence, k: int) -> bool:
    """A "." token that ends a sentence; inside a sentence a dot is an abbreviation ("U.S.",
    "Mich.") because the splitter has already cut the text at real sentence ends."""
    if sent.words[k] != ".":
        return False
    return (
        k + 1 >= len(sent) or sent.words[k + 1] in lx.QUOTE_TOKENS or sent.words[k + 1] in "“”\"'"
    )


def _open_paren_before(sent: Sentence, k: int, stop: int) -> int:
    """Index of the "(" matching the ")" at ``k`` within 8 tokens, or -1."""
    for m in range(k - 1, max(stop, k - 9) - 1, -1):
        if sent.words[m] == "(":
            return m
        if sent.words[m] in (")", ",", ";") or sent.words[m] in lx.QUOTE_TOKENS:
            return -1
    return -1


def _close_paren_after(sent: Sentence, k: int, hi: int) -> int:
    """Index of the ")" matching the "(" at ``k`` within 8 tokens, or -1."""
    for m in range(k + 1, min(hi, k + 9)):
        if sent.words[m] == ")":
            return m
        if sent.words[m] in ("(", ",", ";") or sent.words[m] in lx.QUOTE_TOKENS:
            return -1
    return -1


def _initial_subject(sent: Sentence, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase opening the sentence, before index ``hi``.

    Without part-of-speech tags this is conservative: a pronoun, a run of capitalised words
    ("Florida Gov. Jane Doe (R)"), or a determiner with a few lower-case nouns ("the state
    court"), ending at the first word that looks like a verb.
    """
    a = 0
    while a < hi and sent.lower[a] in lx.LEADING_CONNECTIVES:
        a += 1
    first = sent.lower[a] if a < hi else ""
    if first in lx.PREPOSITIONS or first in lx.SUBORDINATORS or first.endswith(("ing", "ed")):
        # an introductory phrase: "In her speech, ...", "Meeting workers on Monday, ..."
        comma = next((k for k in range(a, min(hi, a + 20)) if sent.words[k] == ","), -1)
        a = comma + 1 if comma >= 0 else hi
    if a >= hi:
        return None
    if sent.lower[a] in lx.PERSONAL_PRONOUNS:
        return a, a + 1
    nominal = sent.lower[a] in lx.DETERMINERS
    b = a + 1 if nominal else a
    while b < hi:
        w, low = sent.words[b], sent.lower[b]
        if w == "(":
            close = _close_paren_after(sent, b, hi)
            if close < 0:
                return None
            b = close + 1
        elif _name_part(w) or (nominal and w.isalpha() and not _verb_like(low)):
            b += 1
        else:
            break
    if b == a or b >= hi or b - a > 12:
        return None
    v = b
    if sent.words[b] == "," and b + 1 < hi and _aside_opener(sent.lower[b + 1]):
        # "Democrats, looking for a way out, seized ...", "Lee, who chairs the panel, stood
        # up ...", "Lee, the chair, stood up ...": an aside between the subject and its verb
        close = next((k for k in range(b + 2, min(hi, b + 25)) if sent.words[k] == ","), None)
        if close is None or close + 1 >= hi:
            return None
        v = close + 1
    while v + 1 < hi and _cue_modifier(sent, v) and sent.lower[v] not in lx.FINITE:
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
    if not (_verb_like(low) or present):
        return None
    return a, b


def _aside_opener(low: str) -> bool:
    """Whether a word after "Name," opens an aside: a participle, "who", an appositive."""
    return low.endswith("ing") or low in ("who", "the", "a", "an")


def _evidence_head(sent: Sentence, a: int, b: int) -> bool:
    """Whether the noun phrase [a, b) is headed by an evidence noun with a complement: "a
    study by the council", "new data from the state"."""
    return any(
        sent.lower[k] in lx.EVIDENCE_NOUNS and sent.lower[k + 1] in ("by", "from", "of", "for")
        for k in range(a, min(b - 1, a + 4))
    )


def _name_part(word: str) -> bool:
    return word[:1].isupper() or word.lower() in ("of", "for", "’s", "'s", "-", "&")


def _relative_cue(sent: Sentence, k: int) -> bool:
    """Tokens from ``k`` are "who [adverbs] CUE": a relative clause with its own attribution."""
    if k >= len(sent) or sent.lower[k] != "who":
        return False
    j = k + 1
    while j < len(sent) and sent.lower[j] in lx.CUE_MODIFIERS:
        j += 1
    return j < len(sent) and _is_cue_word(sent.lower[j])


def _title_case(sent: Sentence) -> bool:
    """Most words capitalised, as in a headline ("Senator Says Deal Is Dead")."""
    alpha = [w for w in sent.words if w[:1].isalpha() and len(w) > 3]
    return len(alpha) >= 3 and sum(w[0].isupper() for w in alpha) >= 0.8 * len(alpha)


def _possessive(word: str) -> bool:
    """ "his", "her", "their", "its" or a name with "'s" ("Lee's", "Trump’s")."""
    low = word.lower()
    if low in ("his", "her", "their", "its", "our"):
        return True
    return word[:1].isupper() and low.endswith(("'s", "’s"))


def _agent(sent: Sentence, after: int) -> tuple[int, int] | None:
    """The agent of a passive cue ending before ``after``: "was praised | by the mayor"."""
    n = len(sent)
    if after + 1 >= n or sent.lower[after] != "by":
        return None
    k = after + 1
    while k < n and sent.words[k] not in (",", ";", ".", "—", "–") and k - after < 12:
        if k > after + 1 and sent.lower[k] in lx.PREPOSITIONS and sent.lower[k] != "of":
            break
        k += 1
    return (sent.starts[after + 1], sent.ends[k - 1]) if k > after + 1 else None


def _passive_cue(sent: Sentence, m: int, i: int) -> bool:
    """The cue words [m, i] are a passive: a form of "be" and a participle ("was endorsed")."""
    w = sent.lower[i]
    if not (w.endswith("ed") or w in ("known", "seen", "shown", "thought", "said", "held")):
        return False
    return any(sent.lower[k] in lx.BE_FORMS for k in range(m, i))


def _verb_like(low: str) -> bool:
    """A guess without tags: past forms, auxiliaries and cue verbs (not noun-like ones)."""
    if low in lx.NOUN_LIKE:
        return False
    if low.endswith("ed") or low in lx.IRREGULAR_PAST:
        return True
    return _is_cue_word(low) or low in lx.FINITE


def _listener_end(sent: Sentence, i: int, hi: int, verb: str = "") -> int:
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
    for k in range(i + 1, min(hi, i + 15)):
        # "told customers at a diner in Manchester that C": a long listener up to "that"
        if sent.words[k] in (";", ":", ".") or sent.lower[k] in lx.STRONG:
            break
        if (
            sent.lower[k] in lx.WH_WORDS
            or sent.lower[k] == "if"
            or (sent.lower[k] in lx.BE_OR_HAVE and k > i + 1)
        ):
            break  # "asked whether he was sure that ...": the question, not a listener
        if sent.lower[k] == "that":
            nxt = sent.lower[k + 1] if k + 1 < hi else ""
            if _verb_like_or_finite(nxt) and nxt not in lx.BE_OR_HAVE:
                break  # "told a crowd at a bar that spilled onto the street": a relative clause
            return k
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


def _past_verb_before_that(sent: Sentence, i: int) -> bool:
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


def _s_form(word: str) -> bool:
    """A lower-case -s form that may be a verb ("makes", "lacks"; not "class", "plans")."""
    return (
        len(word) > 3
        and word.isalpha()
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in lx.NOUN_LIKE
    )


def _plural_noun(word: str) -> bool:
    """A guess without tags: a lower-case word in -s that is not a verb ("advocates")."""
    low = word.lower()
    return (
        word.islower()
        and len(low) > 4
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ous"))
        and low not in lx.FUNCTION_WORDS
        and not _verb_like(low)
    )


def _verb_like_or_finite(low: str) -> bool:
    return low in lx.FINITE or _verb_like(low)


def _has_verb(tokens: list[str]) -> bool:
    """Whether the tokens hold a verb (a guess: see ``_verb_like``) or "that"; capitalised
    words inside a sentence are names ("in May", "Will Lee")."""
    return any(w.islower() and _verb_like_or_finite(w) for w in tokens)


def _short_adjunct_tail(sent: Sentence, i: int, hi: int) -> bool:
    """True when tokens [i, hi) are at most a short adjunct ("on Tuesday", "in a statement")."""
    if i >= hi or sent.words[i] in (".", "!", "?"):
        return True
    if sent.lower[i] not in lx.PREPOSITIONS or hi - i > 8:
        return False
    return not any(w in lx.FINITE or w in lx.PERSONAL_PRONOUNS for w in sent.lower[i:hi])


def _tail_is_adjunct(sent: Sentence, i: int, hi: int) -> bool:
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


def _that_after_adjunct(sent: Sentence, i: int, hi: int) -> int | None:
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
        relative = nxt in lx.BE_OR_HAVE or nxt in lx.TIME_NOUNS or _verb_like_or_finite(nxt)
        if sent.lower[k] == "that" and not relative:  # not "in a speech that won praise"
            return k
    return None


def _new_clause_at(sent: Sentence, k: int, hi: int) -> bool:
    """Whether a clause with its own subject starts at ``k``: a pronoun, or a short noun
    phrase or name, then a finite verb ("he wants", "the market did", "Lee has")."""
    low = sent.lower[k]
    v = k + 1
    if low in lx.CLAUSE_SUBJECT_OPENERS or sent.words[k][:1].isupper():
        while v < hi and v - k < 5 and sent.words[v].isalpha():
            if _verb_like_or_finite(sent.lower[v]):
                break
            v += 1
    elif low not in ("he", "she", "they", "we", "i", "it"):
        return False
    while v < hi and sent.lower[v] in lx.CUE_MODIFIERS and sent.lower[v] not in lx.FINITE:
        v += 1
    if v >= hi:
        return False
    contracted = sent.lower[v].endswith(("’s", "'s")) and low in ("he", "she", "it")
    return sent.lower[v] in lx.FINITE or contracted


def _short_aside(sent: Sentence, j: int, stop: int) -> bool:
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
            if _has_verb(sent.words[j + 1 : k]):
                return False
            if _concessive_aside(sent, j, k):
                return True  # "a crucial, although brief, opportunity"
            return _verb_like_or_finite(sent.lower[k + 1])
        if not sent.words[k].isalpha():
            return False
    return False


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


def _after_opening_aside(sent: Sentence, after: int, stop: int) -> int:
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


def _from_phrase_before(sent: Sentence, k: int) -> int | None:
    """Start of "the report" in "From the report:" ending at the colon ``k``, or None."""
    f = next((f for f in range(k - 1, max(-1, k - 6), -1) if sent.lower[f] == "from"), None)
    if f is None or f + 1 >= k or sent.lower[f + 1] not in lx.DETERMINERS:
        return None
    return f + 1 if all(x.isalpha() for x in sent.words[f + 1 : k]) else None


def _after_comma_quote(sent: Sentence, k: int) -> bool:
    """Token ``k`` follows a quotation closed by a comma ('... “dead,” adding')."""
    return (
        k > 1
        and sent.words[k - 1] in lx.QUOTE_TOKENS
        and sent.words[k - 2] == ","
        and sent.quotes.closes(sent.ends[k - 1])
    )


def _skip_prepositional_phrase(sent: Sentence, i: int, hi: int) -> int:
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


# Multi-word cues by first word: (the words after it, the one-word cue it reads as).
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _verb in lx.PHRASE_CUES.items():
    _first, *_rest = _phrase.split()
    _PHRASES.setdefault(_first, []).append((tuple(_rest), _verb))
for _options in _PHRASES.values():
    _options.sort(key=lambda option: -len(option[0]))  # the longest match first


def _phrase_cue(sent: Sentence, i: int):
    """(end, verb) for a multi-word cue at ``i`` ("made it clear", "took aim at"), or None."""
    options = _PHRASES.get(sent.lower[i])
    if not options:
        return None
    for tail, canon in options:
        if tuple(sent.lower[i + 1 : i + 1 + len(tail)]) == tail:
            return i + 1 + len(tail), canon
    return None


def _fronted_clause(sent: Sentence, a: int) -> bool:
    """Whether the subject at ``a`` opens a subordinate clause before the main one ("Although
    Lee planned C, ...")."""
    return (
        a > 0
        and sent.lower[a - 1] in lx.FRONTED_SUBORDINATORS
        and all(w in lx.LEADING_CONNECTIVES or w in lx.QUOTE_TOKENS for w in sent.lower[: a - 1])
    )


def _main_clause_comma(sent: Sentence, i: int, hi: int) -> int | None:
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
            if _is_cue_word(w) and (w.endswith("ed") or w.endswith("s")) and j > k + 1:
                return k
            if j <= k + 3 and w.endswith("ed") and sent.words[j].isalpha():
                return k  # ", nobody objected"
    return None


def _medium_adjunct_at(sent: Sentence, k: int) -> bool:
    """ "in a statement", "during an interview with X", "on Twitter": where it was said."""
    if sent.lower[k] not in ("in", "on", "during", "at", "via"):
        return False
    j = k + 1
    if j < len(sent) and sent.lower[j] in lx.MEDIA_NAMES:
        return True
    while j < len(sent) and j - k <= 3 and sent.lower[j] in lx.MEDIA_MODIFIERS:
        j += 1
    return j < len(sent) and sent.lower[j] in lx.MEDIA_NOUNS


def _time_adjunct_at(sent: Sentence, k: int) -> bool:
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


def _list_tail(sent: Sentence, k: int, hi: int) -> bool:
    """Tokens [k, hi) end a list: "fake and charlatan", "fake, rude and wrong"."""
    words_ = [w for w in sent.lower[k:hi] if w not in (".", "!", "?")]
    if not 3 <= len(words_) <= 7 or ("and" not in words_ and "or" not in words_):
        return False
    return all(w.isalpha() and not _verb_like_or_finite(w) or w == "," for w in words_)


def _evidence_subject_before(sent: Sentence, i: int) -> bool:
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
        if not sent.words[k].replace("’", "").replace("'", "").isalnum() or _verb_like(
            sent.lower[k]
        ):
            return False
    return False


def _compound_cue(low: str) -> bool:
    """A cue verb that, after "and"/"but", starts a second attribution of the same subject
    ("condemned the vote but praised the senators")."""
    return low in lx.COMPOUND_CUES or (low in lx.STRONG and low[-2:] in ("ed", "es"))


def _continues_noun_phrase(sent: Sentence, k: int) -> bool:
    """A comma before token ``k`` goes on with the same noun phrase (a list, a date)."""
    return sent.lower[k] in ("including", "or") or sent.words[k].isdigit()


def _participle_clause_at(sent: Sentence, k: int) -> bool:
    """A comma before token ``k`` opens the reporter's participle clause ("..., siding with")."""
    w = sent.words[k]
    return w.endswith("ing") and w.isalpha() and w.islower() and w not in lx.NP_PARTICIPLES


def _appositive_at(sent: Sentence, k: int) -> bool:
    """ "..., said Jo Lee, | director of X" / "said Jo Lee, | 34": a title or an age after the
    name, not a clause ("said Jo Lee, adding that ...")."""
    w = sent.lower[k]
    if w.isdigit():
        return True
    if not w.isalpha() or w in lx.FUNCTION_WORDS or w in lx.FINITE or w.endswith("ing"):
        return False
    return w not in lx.STRONG and w not in lx.WEAK


def _takes_listener(low: str) -> bool:
    """Past forms that take a listener: '“A,” Lee assured the crowd.'"""
    return low in lx.LISTENER_VERBS or low in ("assured", "reminded", "warned", "promised")


def _is_cue_word(low: str) -> bool:
    return low in lx.STRONG or low in lx.WEAK


def _drop_trailing_clause(sent: Sentence, a: int, b: int) -> int:
    """End of a subject [a, b) without an aside set off by a comma or dash: "Mr. Kirk, still
    weak from a stroke, said" / "Ms. Lee, wearing a cape, said" → "Mr. Kirk", "Ms. Lee". PolNeAR
    gives the source as the name there, and keeps "X, who chairs the panel," whole unless the
    clause reports something itself."""
    for q in range(a + 1, b - 1):
        nxt = sent.lower[q + 1]
        if sent.words[q] in lx.CLAUSE_MARKS and (nxt in lx.SUBJECT_ASIDES or nxt.endswith("ing")):
            return q
        reports = nxt == "who" and any(_is_cue_word(x) for x in sent.lower[q:b])
        if sent.words[q] == "," and reports:
            return q  # "Lee, who said in May that ..., added": that clause is its own attribution
    return b


def _content_span(sent: Sentence, s: int, e: int) -> tuple[int, int] | None:
    """Trim whitespace and a leading comma/colon; None when nothing is left."""
    text = sent.text
    while s < e and (text[s].isspace() or text[s] in ",:;—–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–"):
        e -= 1
    if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return s, e


def _extend_with_quote(sent: Sentence, s: int, e: int) -> tuple[int, int]:
    """Grow a content span to cover quotations it opens or closes."""
    text = sent.text
    while s < e and text[s] in " \t,:;—–":
        s += 1
    q = sent.quotes.at(s)
    if q and q[0] < s and text[q[0] : s].strip() in ("", "“", '"', "''"):
        s = q[0]
    q = sent.quotes.at(s)
    if q and q[1] > e:
        e = q[1]
    q = sent.quotes.at(max(s, e - 1))
    if q and q[0] < s:
        s = q[0]
    elif q and q[1] > e and q[1] - e < 600:
        e = q[1]  # 'X said the vote "was rigged. We will appeal."': the quotation goes on
    return s, e


def analyse(sent: Sentence) -> list[Attribution]:
    """The attributions of one sentence."""
    n = len(sent)
    found: list[Attribution] = []
    if n < 2:
        return found
    covered_until = -1  # token index up to which the sentence is already content
    head = _headline_colon(sent)
    if head is not None:
        return [head]
    # a title-case line: the article's headline, or a related one quoted in the text
    sent.in_headline = (sent.start == 0 or n <= 20) and _title_case(sent)
    i = 0
    asked = _asked_opener(sent)
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
            att = _according_to(sent, i)
            if att is not None and found:
                att = _after_own_speaker(sent, att, found)
        elif w == "whether" and i > 1 and sent.lower[i - 1] in lx.WHETHER_AFTER:
            att = _whether_question(sent, i)
        elif (
            w in lx.AS_REPORTED
            and i + 2 < n
            and sent.lower[i + 1] == "by"
            and (att := _as_reported_by(sent, i)) is not None
        ):
            pass
        elif w == "reportedly":
            att = _reportedly(sent, i)
        elif w == "it" and i + 2 < n:
            att = _passive(sent, i)
        elif w in lx.NOUN_CUES and i > 0 and _possessive(sent.words[i - 1]):
            att = _noun_cue(sent, i)
        elif (
            w in lx.THAT_NOUNS
            and i + 3 < n
            and sent.lower[i + 1] == "that"
            and (att := _that_noun(sent, i)) is not None
        ):
            pass
        elif w in lx.EVIDENCE_PARTICIPLES and i > 0 and sent.lower[i - 1] in lx.EVIDENCE_NOUNS:
            att = _evidence_participle(sent, i)
        elif w in ("is", "was") and i > 1:
            att = _possessive_copula(sent, i)
        elif (
            _is_cue_word(w)
            or _past_verb_before_that(sent, i)
            or _phrase_cue(sent, i)
            or (w in lx.EVIDENCE_VERBS and _evidence_subject_before(sent, i))  # "a poll finds"
        ):
            att = _verb(sent, i, found[-1] if found else None)
        # (or an -s form: '“C,” agrees Jo Lee.', '“C,” the ad states.')
        present = i > 0 and _s_form(w) and sent.lower[i - 1] not in lx.PREPOSITIONS
        past = w.endswith("ed") or w in lx.OTHER_PAST or present
        if att is None and i > 0 and past and sent.words[i].isalpha():
            att = _quote_speaker_verb(sent, i)
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
            (_headline_verb(sent) if sent.start == 0 else None)
            or _in_phrase(sent)
            or _name_colon_quote(sent)
            or _clause_colon_quote(sent)
        )
        if att is not None:
            found.append(att)
    return found


def _name_colon_quote(sent: Sentence) -> Attribution | None:
    """'More from Jo Lee: “C.”' / 'From the report: “C.”': a name (or a noun phrase after
    "from") and a colon introduce a quotation."""
    n = len(sent)
    for k in range(1, n - 1):
        if sent.words[k] != ":" or not sent.quotes.opens(sent.starts[k + 1]):
            continue
        a = k  # the name: up to five capitalised words before the colon
        while a > 0 and k - a < 5:
            w = sent.words[a - 1]
            if not (w == "." or (w.isalpha() and _name_part(w))):
                break
            a -= 1
        if a == k or not sent.words[a][:1].isupper():
            a = _from_phrase_before(sent, k)  # ("From the report: “C.”")
            if a is None:
                continue
        elif sent.lower[a] in lx.NOT_HEADLINE_SOURCE:
            continue  # ("Update: ...")
        elif a > 0 and sent.words[a - 1] not in lx.NAME_LEADS:
            continue  # ("He spoke to Jo Lee: ...")
        q = sent.quotes.at(sent.starts[k + 1])
        return _mk(sent, q, (sent.starts[a], sent.ends[k - 1]), (sent.starts[k], sent.ends[k]))
    return None


def _clause_colon_quote(sent: Sentence) -> Attribution | None:
    """ "Trump leaned in and boomed: “C.”": a clause ending in a colon introduces a
    quotation; its subject is the source, its verb phrase the cue."""
    k = next((k for k in range(2, len(sent) - 1) if sent.words[k] == ":"), None)
    if k is None or not sent.quotes.opens(sent.starts[k + 1]):
        return None
    if any(sent.words[x] == ";" or sent.words[x] in lx.QUOTE_TOKENS for x in range(k)):
        return None
    subj = _initial_subject(sent, k)
    if subj is None:
        return None
    a, b = subj
    verb = (_verb_like_or_finite(sent.lower[x]) or _s_form(sent.lower[x]) for x in range(b, k))
    if b >= k or not any(verb):
        return None
    q = sent.quotes.at(sent.starts[k + 1])
    return _mk(sent, q, (sent.starts[a], sent.ends[b - 1]), (sent.starts[b], sent.ends[k]))


def _evidence_participle(sent: Sentence, i: int) -> Attribution | None:
    """ "..., with new polls showing Lee ahead": the poll is the source of what follows."""
    n = len(sent)
    if i + 1 >= n:
        return None  # the sentence ends at the participle
    a = i - 1  # the evidence noun phrase: up to four words before the participle
    while a > 0 and i - a < 5 and sent.words[a - 1].isalpha():
        before = sent.lower[a - 1]
        if before in lx.NOT_IN_EVIDENCE_PHRASE or before in lx.PREPOSITIONS or _verb_like(before):
            break
        a -= 1
    k = _forward_end(sent, i + 1, sent.lower[i])
    end = sent.end if k >= n else sent.starts[k]
    source = (sent.starts[a], sent.ends[i - 1])
    return _mk(sent, (sent.starts[i + 1], end), source, (sent.starts[i], sent.ends[i]))


def _headline_verb(sent: Sentence) -> Attribution | None:
    """ "Judge slams county's new map": an article's first line that the other shapes left
    alone, a name and a cue verb with no article before it (headline style)."""
    n = len(sent)
    if n > 25:
        return None
    for i in range(1, min(n - 1, 8)):
        w = sent.lower[i]
        if not _is_cue_word(w) or w in lx.FUNCTION_WORDS or w in lx.FINITE:
            continue
        names = sent.words[:i]
        if not all(_name_part(x) or x in ("'s", "’s") for x in names):
            return None
        if any(x.lower() in lx.FUNCTION_WORDS for x in names) or w in lx.RAISING:
            return None  # "The support for ...", "Lee appears on TV"
        if not _is_verb_use(sent, i):
            return None
        end = next((k for k in range(i + 1, n) if sent.words[k] in lx.HEADLINE_BREAKS), n)
        if end <= i + 1:
            return None
        content = (sent.starts[i + 1], sent.end if end >= n else sent.starts[end])
        return _mk(
            sent,
            content,
            (sent.starts[0], sent.ends[i - 1]),
            (sent.starts[i], sent.ends[i]),
        )
    return None


def _in_phrase(sent: Sentence) -> Attribution | None:
    """An opening "In ...," phrase that names where the clause comes from: 'In the new
    poll, 40 percent back Lee' (the poll is the source) or 'In their view, C' (the owner
    of the view is)."""
    n = len(sent)
    i = 0
    while i < n and sent.lower[i] in lx.LEADING_CONNECTIVES:
        i += 1
    if i >= n or sent.lower[i] != "in":
        return None
    k = i + 1
    while k < n and sent.words[k] != "," and k - i <= 14:
        k += 1
    if k >= n - 3 or sent.words[k] != ",":
        return None
    if k - i in (3, 4) and _possessive(sent.words[k - 2]) and sent.lower[k - 1] in lx.OPINION_NOUNS:
        # "In their view, C" / "In Mr. Lee's opinion, C": the owner is the source
        owner = (sent.starts[i + 1], sent.ends[k - 2])
        return _mk(sent, (sent.ends[k], sent.end), owner, (sent.starts[k - 1], sent.ends[k - 1]))
    if not any(sent.lower[m] in lx.EVIDENCE_NOUNS for m in range(i + 1, k)):
        return None
    # an apposition after the poll ("In the poll, conducted March 1-3, ...")
    m = k + 1
    if sent.lower[m].endswith("ed") and sent.lower[m] != "led":
        while m < n and sent.words[m] != ",":
            m += 1
        k = m if m < n - 3 else k
    cue = (sent.starts[i], sent.ends[i])
    return _mk(sent, (sent.ends[k], sent.end), (sent.starts[i + 1], sent.ends[k - 1]), cue)


def _quote_speaker_verb(sent: Sentence, i: int):
    """'“Denver,” he answered.' / '“Why?” asked Ms. Lee.': a quotation closed by a comma,
    question or exclamation mark, then a speaker and any past-tense verb, and nothing but
    an adjunct after them, is attributed to that speaker whatever the verb."""
    n = len(sent)
    a = i - 1  # the speaker before the verb: a pronoun, a short name or "the editorial"
    if sent.lower[a] not in lx.PERSONAL_PRONOUNS:
        while a > 0 and _name_part(sent.words[a - 1]) and i - a < 5:
            a -= 1
        if (
            a == i - 1
            and a > 1
            and sent.words[a].isalpha()
            and sent.lower[a - 1] in ("the", "a", "an")
        ):
            a -= 1
    end = i + 1  # after the verb and its particle ("pointed out", "shot back")
    if end < n and sent.lower[end] in lx.QUOTE_PARTICLES:
        end += 1
    if _speaker_end(sent, a) == i:
        q = _quote_ending_at(sent, a - 1)
        after = _listener_end(sent, end, n) if _takes_listener(sent.lower[i]) else end
        if q is not None and _tail_is_adjunct(sent, after, n):
            source = (sent.starts[a], sent.ends[i - 1])
            return _mk(sent, q, source, (sent.starts[i], sent.ends[end - 1]))
    b = _speaker_end(sent, i + 1)  # the speaker after the verb
    q = _quote_ending_at(sent, i - 1)
    if q is not None and b is not None and _tail_is_adjunct(sent, b, n):
        source = (sent.starts[i + 1], sent.ends[b - 1])
        return _mk(sent, q, source, (sent.starts[i], sent.ends[i]))
    return None


def _quote_ending_at(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The quotation closed by token ``k`` when it ends with a comma, "?" or "!"."""
    if k < 0 or sent.words[k] not in lx.QUOTE_TOKENS:
        return None
    q = sent.quotes.at(sent.starts[k])
    if q is None or q[1] != sent.ends[k]:
        return None
    return q if sent.text[q[0] : q[1]].rstrip("”\"' ")[-1:] in ",?!" else None


def _speaker_end(sent: Sentence, a: int) -> int | None:
    """End of a pronoun, a short capitalised name or "the editorial" starting at ``a``."""
    n = len(sent)
    if a < n and sent.lower[a] in lx.PERSONAL_PRONOUNS:
        return a + 1
    if a + 1 < n and sent.lower[a] in ("the", "a", "an") and sent.words[a + 1].isalpha():
        return a + 2
    b = a
    while b < n and b - a < 5 and _name_part(sent.words[b]):
        b += 1
    return b if b > a else None


def _after_own_speaker(sent: Sentence, att: Attribution, found: list) -> Attribution | None:
    """ "Officials confirmed that A, but B, according to Axios.": A has its own speaker, so
    "according to" covers only what follows it (as ``_prefer_outer`` decides for cues
    inside a content)."""
    for last in reversed(found):
        if last.cue is None or not (att.start <= last.cue[0] < last.end <= att.cue[0]):
            continue
        inner = sent.text[last.cue[0] : last.cue[1]].split()[-1].lower()
        if inner not in lx.CLAUSE_VERBS:
            continue
        span = _content_span(sent, last.end, att.cue[0])
        if span is None:
            return None
        att.start, att.end = span
        break
    return att


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
        outer = _according_to(sent, i)
    else:
        outer = _verb(sent, i, None)
    if (
        outer is not None
        and outer.start <= last.cue[0]
        and outer.cue[0] >= last.cue[1]
        and outer.end > last.start
    ):
        found[-1] = outer


def _possessive_copula(sent: Sentence, i: int) -> Attribution | None:
    """ "Her answer was that C", "Lee's main goal is to C", "My advice is: C": the
    possessor is the source; the noun phrase and the verb are the cue."""
    n = len(sent)
    if i + 2 >= n or sent.quotes.at(sent.starts[i]) is not None:
        return None
    nxt = sent.lower[i + 1]
    if not (nxt in ("that", "to", ":") or sent.words[i + 1] in lx.QUOTE_TOKENS):
        return None
    if sent.lower[i - 1] not in lx.NOUN_CUES and sent.lower[i - 1] not in lx.STATEMENT_NOUNS:
        return None  # "His car was ...": only nouns that report a view or a statement
    # the possessor: up to five words back, "his", "their", "Lee's", "The campaign's"
    for k in range(i - 1, max(-1, i - 7), -1):
        word = sent.words[k]
        if not word.replace("-", "").replace("’", "").replace("'", "").isalnum():
            return None
        if _possessive(word) or sent.lower[k] in ("his", "her", "their", "its", "our", "my"):
            break
    else:
        return None
    if k == i - 1 or not sent.words[i - 1].islower() or _verb_like_or_finite(sent.lower[i - 1]):
        return None
    a = k
    if sent.lower[k].endswith(("'s", "’s")):
        while a > 0 and sent.words[a - 1][:1].isupper() and sent.lower[a - 1] != "the":
            a -= 1
        if a > 0 and sent.lower[a - 1] == "the":
            a -= 1
    before = sent.lower[a - 1] if a > 0 else ","
    opens = before in lx.CLAUSE_MARKS or before in lx.LEADING_CONNECTIVES
    if not opens and before not in lx.SUBJECT_STOPS:
        return None  # the possessive phrase must open a clause
    poss_end = sent.ends[k]
    if sent.lower[k].endswith(("'s", "’s")) and len(sent.words[k]) > 2:
        poss_end = sent.ends[k] - 2
    source = (sent.starts[a], poss_end)
    cue = (sent.starts[k + 1] if poss_end == sent.ends[k] else sent.ends[k] - 2, sent.ends[i])
    start = i + 2 if nxt == ":" else i + 1
    return _mk(sent, (sent.starts[start], sent.end), source, cue)


def _noun_cue(sent: Sentence, i: int) -> Attribution | None:
    """ "Lee's claim that C", "her call for C": the possessor is the source; the content
    is what follows, to the end of its phrase (a comma, dash, semicolon, adjunct)."""
    n = len(sent)
    if i + 2 >= n or sent.quotes.at(sent.starts[i]) is not None:
        return None
    nxt = sent.lower[i + 1]
    end = i + 1
    if nxt in lx.NOUN_CUE_PARTICLES:
        end = i + 2  # the preposition belongs to the cue: "support for"
    elif nxt not in ("that", "to"):
        return None
    a = i - 1
    if sent.words[a][:1].isupper() and sent.lower[a] not in lx.PERSONAL_PRONOUNS:
        while a > 0 and sent.words[a - 1][:1].isupper() and sent.lower[a - 1] not in ("the",):
            a -= 1  # "Donald Trump's"
    clause = nxt in ("that", "to")
    k = end + 1
    while k < n and sent.words[k] not in lx.CLAUSE_MARKS and sent.words[k] not in (".", ":"):
        low = sent.lower[k]
        stop = low in lx.ADJUNCTS or (not clause and (low in lx.FINITE or _verb_like(low)))
        if stop and sent.quotes.at(sent.starts[k]) is None:
            break  # "her support for the wall | was never in doubt"
        k += 1
    content_end = sent.starts[k] if k < n else sent.end
    cue = (sent.starts[i], sent.ends[end - 1])
    source = (sent.starts[a], sent.ends[i - 1])
    return _mk(sent, (sent.starts[end], content_end), source, cue)


def _that_noun(sent: Sentence, i: int) -> Attribution | None:
    """ "complaints that they distort democracy", "the idea that C": a noun and its
    complement clause, to the clause's end; no source (a possessor makes ``_noun_cue``)."""
    n = len(sent)
    before = sent.lower[i - 1] if i > 0 else ""
    # (after a past form it is the object: "stoked speculation that C")
    past = before.endswith("ed") or before in lx.IRREGULAR_PAST
    noun = not before or before in lx.NOUN_CONTEXT or not before.isalpha() or past
    if not noun or not _complement_that(sent, i + 1):
        return None  # ("The mayor promises that C": a verb)
    k = _clause_end(sent, i + 2)
    last = max((m for m in range(i + 2, k) if sent.words[m].isalpha()), default=i + 2)
    low = sent.lower[last]
    if low.endswith("ed") or low in lx.IRREGULAR_PAST or sent.lower[last - 1] in lx.MODALS:
        return None  # "a charge that Lee has always denied": a relative clause
    a = i
    while a > 0 and sent.lower[a - 1] in lx.THAT_NOUN_MODIFIERS:
        a -= 1
    end = sent.starts[k] if k < n else sent.end
    return _mk(sent, (sent.starts[i + 1], end), None, (sent.starts[a], sent.ends[i]))


def _as_reported_by(sent: Sentence, i: int) -> Attribution | None:
    """ "As (first) reported by the Times, C": the agent is the source, the main clause after
    the comma the content."""
    a = i - 1
    while a > 0 and sent.lower[a] in lx.AS_REPORTED_ADVERBS:
        a -= 1
    if sent.lower[a] != "as":
        return None
    k = _clause_end(sent, i + 2)
    if k >= len(sent) - 2 or sent.words[k] != "," or k - i > 14:
        return None
    source = (sent.starts[i + 2], sent.ends[k - 1])
    return _mk(sent, (sent.ends[k], sent.end), source, (sent.starts[a], sent.ends[i]))


def _whether_question(sent: Sentence, i: int) -> Attribution | None:
    """ "questions about whether C", "a debate over whether C": the open question, to its
    clause's end, with the noun and preposition as the cue and no source."""
    if not sent.words[i - 2].isalpha() or sent.lower[i - 2] in lx.FUNCTION_WORDS:
        return None
    if not _outside_quote(sent, i):
        return None
    k = _clause_end(sent, i + 1)
    end = sent.starts[k] if k < len(sent) else sent.end
    return _mk(sent, (sent.starts[i], end), None, (sent.starts[i - 2], sent.ends[i - 1]))


def _complement_that(sent: Sentence, k: int) -> bool:
    """Whether "that" at ``k`` opens a clause with its own subject and verb ("complaints
    that they distort democracy"), not a relative clause ("the claims that made news")."""
    j = k + 1
    if not _outside_quote(sent, k):
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


def _clause_end(sent: Sentence, k: int) -> int:
    """The first comma, semicolon, colon or dash from ``k`` outside quotation marks."""
    while k < len(sent) and not (sent.words[k] in lx.CLAUSE_END_MARKS and _outside_quote(sent, k)):
        k += 1
    return k


def _outside_quote(sent: Sentence, k: int) -> bool:
    return sent.quotes.at(sent.starts[k]) is None


def _mk(sent: Sentence, content, source, cue) -> Attribution | None:
    if content is None:
        return None
    s, e = content
    s, e = _extend_with_quote(sent, s, e)
    span = _content_span(sent, s, e)
    if span is None:
        return None
    s, e = span
    piece = sent.text[s:e]
    if piece.strip(" .,;:!?").lower() in lx.NO_CONTENT_WORDS:
        return None  # "Lee said Tuesday.", "... said that."
    first, _, rest = piece.partition(" ")
    if first.lower() in lx.CUE_PARTICLES and rest.strip() and cue is not None and cue[1] <= s:
        # "agrees with Dean", "wrote of living under his reign": the particle is the cue's
        cue = (cue[0], s + len(first))
        s = e - len(rest.lstrip())
        piece = sent.text[s:e]
    word = piece.strip(" .,;:!?").lower()
    if word.endswith("ing") and _is_cue_word(word):
        return None  # "He continued, saying, “A.”": the participle has the content
    direct = any(ch in '“”"' for ch in piece) or "''" in piece
    if not direct and cue is not None and cue[1] <= s and _adjunct_only(piece):
        return None  # "Lee reported from Los Angeles.", "Cruz continued on Saturday."
    sent = (min(sent.start, s), max(sent.end, e))
    return Attribution(s, e, "direct" if direct else "indirect", source, cue, sent)


def _headline_colon(sent: Sentence) -> Attribution | None:
    """Headline style "Bernie Sanders: Brexit vote could help Trump"."""
    n = len(sent)
    # An article's first line may name the speaker with a phrase: "Lee to the Council:",
    # "EXCLUSIVE – Jo Lee:" (still capitalised at both ends).
    first_line = sent.start == 0
    for k in range(1, min(8 if first_line else 5, n - 3)):
        if sent.words[k] == ":":
            break
        linking = sent.lower[k] in lx.PREPOSITIONS or sent.lower[k] in ("the", "–", "-", "—")
        if not sent.words[k][:1].isupper() and not (first_line and linking):
            return None
    else:
        return None
    if not sent.words[k - 1][:1].isupper():
        return None
    if not sent.words[0][:1].isupper() or sent.lower[0] in lx.NOT_HEADLINE_SOURCE:
        return None
    if sent.lower[k - 1] in lx.NOT_HEADLINE_SOURCE:
        return None  # "Delegate Update: ..."
    items = sent.text[sent.ends[k] : sent.end].split(",")
    if len(items) >= 4 and all(x.strip()[:1].isupper() for x in items):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a list of names
    source = (sent.starts[0], sent.ends[k - 1])
    cue = (sent.starts[k], sent.ends[k])
    end = sent.end
    label = sent.words[:k]
    if _starts_paragraph(sent.text, sent.start) and all(
        w.isupper() or not w.isalpha() for w in label
    ):
        # "LEE: A. B. C.": a speaker's turn in a transcript runs to the paragraph's end
        nl = sent.text.find("\n", sent.end)
        end = len(sent.text) if nl < 0 else nl
    return _mk(sent, (sent.ends[k], end), source, cue)


def _asked_opener(sent: Sentence) -> Attribution | None:
    """'Asked (by Y) whether C, X said ...': the question is an attribution of its own,
    with the interviewer as source when named; the main clause is analysed after it."""
    n = len(sent)
    i = 1 if sent.lower[0] in ("when", "if", "after") else 0
    if i + 2 >= n or sent.lower[i] != "asked":
        return None
    k = i + 1
    source = None
    if sent.lower[k] == "by":
        j = k + 1
        while j < n and sent.words[j][:1].isupper():
            j += 1
        if j == k + 1:
            return None
        source = (sent.starts[k + 1], sent.ends[j - 1])
        k = j
    end = k
    while end < n and not (sent.words[end] == "," and sent.quotes.at(sent.starts[end]) is None):
        end += 1
    if end >= n - 1 or end == k:
        return None  # no main clause after the question: not this pattern
    if sent.lower[k] not in lx.QUESTION_OPENERS:
        # "Asked at a briefing Monday about C": the question starts at "about"
        q = next((j for j in range(k + 1, end) if sent.lower[j] in lx.QUESTION_OPENERS), None)
        if q is not None and not _has_verb(sent.words[k:q]):
            k = q
    cue = (sent.starts[i], sent.ends[i])
    return _mk(sent, (sent.starts[k], sent.starts[end]), source, cue)


def _according_to(sent: Sentence, i: int) -> Attribution | None:
    n = len(sent)
    cue = (sent.starts[i], sent.ends[i + 1])
    k = i + 2
    while k < n and sent.words[k] not in (",", ";", "—", "–", ":") and k - i < 25:
        if sent.words[k] in (".", "!", "?") and k == n - 1:
            break
        k += 1
    if k == i + 2:
        return None
    before = sent.starts[i] - sent.start
    intro = before < 25 and sent.words[i - 1] == ","
    if intro and _has_verb(sent.words[: i - 1]):
        intro = False  # "The levy failed, according to Lee.": a clause, not "In May,"
    content_first = not (i == 0 or intro)
    appositive = k + 1 < n and sent.words[k] == ","
    appositive = appositive and (
        sent.lower[k + 1] in lx.APPOSITION_OPENERS or _appositive_at(sent, k + 1)
    )
    if appositive and sent.lower[k + 1] not in lx.APPOSITION_OPENERS:
        # "The tax, according to a study, reduced ...", "C, according to X, although D":
        # the sentence goes on after the source; the words are no description of it
        nxt = sent.lower[k + 1]
        verb = _verb_like_or_finite(nxt) and nxt not in lx.CONTRAST_OPENERS
        appositive = not (verb or nxt in lx.CONCESSIVES)
    if content_first and appositive:
        # "C, according to Jo Lee, who advised the campaign.": the rest is about the source
        k = n - 1 if sent.words[n - 1] in (".", "!", "?") else n
    source = (sent.starts[i + 2], sent.ends[k - 1])
    if not content_first:
        # "According to X, C." (maybe after a short introductory phrase)
        start = sent.ends[k] if k < n else sent.end
        content = (start, sent.end) if k < n else None
        if content is None and i > 0:
            content = (sent.start, sent.starts[i])
    else:
        # "C, according to X." or "C according to X, D": content before the cue
        content = (sent.start, sent.starts[i])
        if k < n - 2:
            content = (sent.start, sent.end)
    return _mk(sent, content, source, cue)


def _reportedly(sent: Sentence, i: int) -> Attribution | None:
    """ "The FBI is reportedly making arrangements ...": the clause around the adverb, from
    the clause mark before it to the one after it ("With Lee reportedly considering a run,
    a poll found ..."); "Lee reportedly said" is left to the verb."""
    n = len(sent)
    if i + 1 < n and _is_cue_word(sent.lower[i + 1]):
        return None
    a = _cue_modifiers_before(sent, i, 0)
    cue = (sent.starts[a], sent.ends[i])
    first, end = 0, sent.end
    for k in range(a - 1, 0, -1):
        if sent.words[k] in lx.CLAUSE_END_MARKS and _outside_quote(sent, k):
            first = k + 1
            break
    if first + 1 < a and sent.lower[first] in lx.REPORTEDLY_LEADS:
        first += 1  # "With Lee reportedly eyeing a run, ..."
    k = _clause_end(sent, i + 2)  # ("Reportedly, he made ...": not the comma after it)
    if k < n:
        end = sent.starts[k]
    start = sent.start if first == 0 else sent.starts[first]
    return _mk(sent, (start, end), None, cue)


def _passive(sent: Sentence, i: int) -> Attribution | None:
    # "it was reported that", "it is believed that", "it has been announced that"
    n = len(sent)
    k = i + 1
    while k < n and k - i <= 3 and sent.lower[k] in ("is", "was", "has", "had", "been", "being"):
        k += 1
    if k == i + 1 or k >= n or sent.lower[k] not in lx.PASSIVE_CUES:
        return None
    if k + 1 >= n or sent.lower[k + 1] not in ("that", "by"):
        return None
    cue = (sent.starts[i], sent.ends[k])
    return _mk(sent, (sent.starts[k + 1], sent.end), None, cue)


def _verb(sent: Sentence, i: int, prev: Attribution | None) -> Attribution | None:
    """An attribution with the verb cue at token ``i`` (see ``_shape_*`` for the shapes)."""
    if not _is_verb_use(sent, i):
        return None
    n = len(sent)
    w = sent.lower[i]
    end = i + 1
    if end < n and sent.lower[end] == "up" and w in lx.NOT_CUE_BEFORE_UP:
        return None
    if end < n and (w, sent.lower[end]) in lx.COMPOUND_NOUNS:
        return None  # "a liberal think tank", "(Reporting by Jo Lee)"
    phrase = _phrase_cue(sent, i)
    if phrase is not None:
        end, w = phrase
        if end < n and sent.lower[end] in lx.STATEMENT_PARTICIPLES:
            end += 1  # "issued a statement saying C"
    particles = lx.PARTICLES.get(w)
    if phrase is None and particles and end < n and sent.lower[end] in particles:
        end += 1
    m = _cue_modifiers_before(sent, i, 0)
    c = _Cue(i, w, m, _skip_time_before(sent, m, 0), end, (sent.starts[m], sent.ends[end - 1]))
    att = _shape_without_subject(sent, c, prev)
    if att is not _NO_SHAPE:
        return att
    if m > 1 and sent.lower[m - 1] == "to":
        return _infinitive(sent, c)
    return _shape_with_subject(sent, c)


def _infinitive(sent: Sentence, c: "_Cue"):
    """ "Lee refused to say whether C", "He went on to tell reporters C": the subject of the
    verb before "to" is the source; the cue runs from that verb to the speech verb."""
    k = c.m - 2  # the token before "to": the controlling verb, maybe after an adverb
    while k > 0 and not (_verb_like(sent.lower[k]) or sent.lower[k] in lx.FINITE):
        if c.m - 2 - k >= 3:
            return None
        k -= 1
    if k <= 0:
        return None
    start = _cue_modifiers_before(sent, k, 0)
    subj = _subject_before(sent, _skip_time_before(sent, start, 0), 0)
    if subj is None or not _plausible_subject(sent, subj[0], subj[1], False):
        return None
    source = (sent.starts[subj[0]], sent.ends[subj[1] - 1])
    after = _listener_end(sent, c.end, len(sent), c.w) if c.w in lx.LISTENER_VERBS else c.end
    return _forward(sent, after, source, (sent.starts[start], c.span[1]), c.w)


def _is_verb_use(sent: Sentence, i: int) -> bool:
    """Whether the cue word at ``i`` is used as a verb here."""
    n = len(sent)
    w = sent.lower[i]
    # Not a cue inside a quotation ("'I said no,' he recalled" has its cue outside).
    if sent.quotes.at(sent.starts[i]) is not None:
        return False
    if w in lx.ADD_FORMS and i + 1 < n and sent.lower[i + 1] == "to":
        return False  # "adding to her delegate lead": not speech
    if w == "found" and (
        (i > 0 and sent.lower[i - 1] in ("help", "helped", "helping"))
        or (i + 1 < n and sent.lower[i + 1] in lx.REFLEXIVES)
    ):
        return False  # "helped found the group", "found himself on the street"
    # "a said", "the report": not a verb; "to say" only for strong verbs ("declined to say")
    if (
        i > 0
        and sent.lower[i - 1] in ("to", "a", "the", "an", "this", "that", "his", "her")
        and (sent.lower[i - 1] != "to" or w not in lx.STRONG)
    ):
        return False
    # "Trump’s tweets", "the mayor's claims": a possessive and a noun, not "’s" + verb
    if i > 0 and _possessive(sent.words[i - 1]) and w.endswith("s") and not w.endswith("ss"):
        return False
    # "Trump’s tweet": after "’s" only a participle is a verb ("he’s said", "she’s hoping")
    participle = w.endswith(("ing", "ed", "en")) or w in lx.IRREGULAR_PAST or w in lx.FINITE
    if i > 0 and sent.lower[i - 1].endswith(("'s", "’s")) and not participle:
        return False
    if (
        i > 1
        and _possessive(sent.words[i - 1])
        and sent.lower[i - 2] in lx.PREPOSITIONS
        and sent.words[i - 2].islower()
    ):
        return False  # "familiar with Cruz’s thinking": a possessive, not "Cruz is"
    # "pledged delegates", "endorsed candidates": a participle used as an adjective
    if (
        i + 1 < n
        and sent.lower[i + 1] in lx.PARTICIPLE_ADJECTIVE_NOUNS
        and not _takes_listener(w)  # "told delegates"
    ):
        return False
    # "Islamic State": a capitalised cue word inside a sentence is a name, not a verb,
    # except in a title-case headline ("Mayor Says Bridge Is Safe").
    if (
        i > 0
        and sent.words[i][:1].isupper()
        and sent.words[i - 1] not in lx.QUOTE_TOKENS
        and not sent.in_headline
    ):
        return False
    # Forms that are also nouns ("his home state", "the attacks") need a subject-like word
    # right before them, unless "that" or a possessive follows ("X, a historian, notes that
    # ...", "the candidate claims his fortune is ...").
    if w in lx.NOUN_LIKE and i > 0 and (i + 1 >= n or sent.lower[i + 1] not in lx.VERB_AFTER):
        before = sent.lower[i - 1]
        if before == "to" and i + 1 < n and sent.lower[i + 1] in lx.PARTICLES.get(w, ()):
            return True  # "was quick to point out"
        return (
            (sent.words[i - 1][:1].isupper() and not _DOTTED.fullmatch(sent.words[i - 1]))
            or before in lx.PERSONAL_PRONOUNS
            or _cue_modifier(sent, i - 1)
            or before in lx.PLURAL_SUBJECTS
            or before in lx.EVIDENCE_NOUNS
            or _plural_noun(sent.words[i - 1])  # "most senators support"
            or before == ","  # "Mr. Lee, a career politician, hopes C"
            or _evidence_head_before(sent, i)  # "video of the incident shows"
            or (w in lx.EVIDENCE_VERBS and _evidence_subject_before(sent, i))  # "polls there show"
        )
    return True


def _shape_without_subject(sent: Sentence, c: "_Cue", prev):
    """Shapes whose source is not a subject right before the cue; ``_NO_SHAPE`` if none.

    "C, said X." (inverted), ", saying C" (participle), "X declined ... but said C"
    (compound), "The plan was endorsed by X" (passive), "Lee, who said C, ..." (relative).
    """
    n = len(sent)
    w, m, cue = c.w, c.m, c.span
    if (
        w in lx.INVERTIBLE
        and w not in lx.LISTENER_VERBS
        and m > 1
        and c.end < n
        and (sent.words[m - 1] == "," or sent.quotes.closes(sent.ends[m - 1]))
    ):
        src = _source_after(sent, c.end, n)
        content = _content_before(sent, m - 1) if src is not None else None
        if content is not None and not _clause_like(sent, content):
            # No verb before the comma: "Jo Lee, a nurse, said Monday her worry is C" is
            # a forward cue, unless the clause goes on after the source ("The contrast,
            # said Lee, would be clear").
            k = next((k for k in range(n) if sent.starts[k] >= src[1]), n)
            if k + 1 < n and sent.words[k] == "," and _verb_like_or_finite(sent.lower[k + 1]):
                content = (content[0], sent.end)
            elif (k >= n or sent.words[k] in ".!?") and "," not in sent.within(content):
                pass  # "Costs rise, says Lee.": a clause whose verb is not known
            else:
                content = None
        if content is not None:
            content = _quote_after_source(sent, content, src[1])
            return _mk(sent, content, src, cue)
    after = _listener_end(sent, c.end, n, w) if w in lx.LISTENER_VERBS else c.end
    agent = _agent(sent, c.end)
    if w.endswith("ed") and m == c.i and m > 1 and sent.words[m - 1] == "," and agent:
        # "The bill, opposed by House Republicans, never passed": the noun phrase before
        # the comma is the content, the agent the source
        subj = _subject_before(sent, m - 1, 0)
        if subj is not None and not _has_verb(sent.words[subj[0] : subj[1]]):
            a, b = subj
            return _mk(sent, (sent.starts[a], sent.ends[b - 1]), agent, cue)
    if (
        w.endswith("ing")
        and m > 0
        and (sent.lower[m - 1] in lx.PARTICIPLE_OPENERS or _after_comma_quote(sent, m))
        and not any(x in lx.BE_FORMS for x in sent.lower[m : c.i])  # (", is planning": a verb)
    ):
        # ", adding ...", "by saying ...", "— saying ...": the previous cue's source or the
        # sentence's subject
        source = _compound(sent, m - 1, prev)
        return None if source is None else _forward(sent, after, source, cue, w)
    if w.endswith("ing") and m > 0 and sent.lower[m - 1] in lx.PARTICIPLE_SUBORDINATORS:
        return _participle_after_subordinator(sent, c, after, prev)
    having = c.i == 1 and sent.words[0] == "Having"  # "Having announced that C, Lee left"
    if (
        ((w.endswith("ing") and m == 0 and sent.words[c.i][:1].isupper()) or having)
        # ("Writing for the Times, Lee ...", "Speaking at a rally, ...": no content)
        and not (c.end < n and sent.lower[c.end] in lx.PREPOSITIONS - lx.TOPIC_PREPOSITIONS)
    ):
        if having:
            c = c._replace(span=(sent.starts[0], c.span[1]))
        att = _opening_participle(sent, c, after)
        if att is not None:
            return att
    if (
        w in ("asked", "pressed", "questioned")
        and m > 0
        and sent.lower[m - 1] in ("when", "after", "if", "once")
    ):
        return _when_asked(sent, c)
    if c.start > 1 and sent.lower[c.start - 1] in ("and", "but"):
        source = _compound(sent, c.start - 1, prev)
        return None if source is None else _forward(sent, after, source, cue, w)
    feeling = w in lx.FEELINGS and c.end < n and sent.lower[c.end] in lx.FEELING_PARTICLES
    if _passive_cue(sent, m, c.i) and w not in lx.LISTENER_VERBS and not feeling:
        att = _passive_verb(sent, c.start, c.end, cue)
        if att is not None:
            return att
    if (
        c.start > 2
        and sent.lower[c.start - 1] in ("whom", "which")
        and sent.lower[c.start - 2] == "of"
        and (
            sent.lower[c.start - 3] in lx.NOMINAL_OPENERS
            or sent.lower[c.start - 3] in lx.QUANTIFIERS
        )
    ):
        # "victims, many of whom say C": the quantified pronoun is the source
        source = (sent.starts[c.start - 3], sent.ends[c.start - 1])
        return _forward(sent, after, source, cue, w)
    relative = c.start > 1 and sent.lower[c.start - 1] in ("who", "which")
    if relative and agent is not None and _passive_cue(sent, m, c.i):
        # "the attacks, which were claimed by the group": the pronoun is the content
        pronoun = (sent.starts[c.start - 1], sent.ends[c.start - 1])
        return _mk(sent, pronoun, agent, cue)
    if relative:
        # the relative pronoun is the source, as in PolNeAR
        source = (sent.starts[c.start - 1], sent.ends[c.start - 1])
        return _relative_content(sent, c.end, source, cue)
    return _NO_SHAPE


def _opening_participle(sent: Sentence, c: "_Cue", after: int):
    """ "Noting that C, Lee put ..." / 'Citing “C,” the aide told ...': an opening
    participle's content runs to its comma; its source is the main clause's subject."""
    n = len(sent)
    k = None
    for j in range(after + 1, n - 2):
        if sent.words[j] == "," and sent.quotes.at(sent.starts[j]) is None:
            k, end = j, sent.starts[j]
            break
        if _after_comma_quote(sent, j):
            k, end = j - 1, sent.ends[j - 1]
            break
    if k is None or after >= k:
        return None
    a = k + 1
    while a < n and sent.words[a] in lx.QUOTE_TOKENS:
        a += 1
    for b in range(a + 1, min(n, a + 9)):
        w = sent.lower[b]
        if sent.words[b] in (",", ";", ":") or w in lx.QUOTE_TOKENS:
            return None
        if w in lx.FINITE or _verb_like(w) or _cue_modifier(sent, b):
            if not _plausible_subject(sent, a, b, False):
                return None
            source = (sent.starts[a], sent.ends[b - 1])
            return _mk(sent, (sent.starts[after], end), source, c.span)
    return None


def _when_asked(sent: Sentence, c: "_Cue"):
    """'“Yes,” Lee said when asked (by a reporter) whether C': the question is the content,
    its asker (if named) the source."""
    n = len(sent)
    k = c.end
    source = None
    if k < n and sent.lower[k] == "by":
        b = k + 1
        while (
            b < n and sent.lower[b] not in lx.WH_WORDS and sent.lower[b] not in ("if", "about", ",")
        ):
            b += 1
        if b == k + 1 or b >= n:
            return None
        source = (sent.starts[k + 1], sent.ends[b - 1])
        k = b
    if k >= n or (sent.lower[k] not in lx.WH_WORDS and sent.lower[k] not in ("if", "about")):
        return None
    end = _forward_end(sent, k, c.w)
    return _mk(sent, (sent.starts[k], sent.end if end >= n else sent.starts[end]), source, c.span)


def _participle_after_subordinator(sent: Sentence, c: "_Cue", after: int, prev):
    """ "After blasting the report, Lee left": the source is the main clause's subject (after
    the opening phrase, which is the content); "Lee agreed, while saying C": the
    sentence's subject, as after ", saying"."""
    opener = c.m - 1
    if any(sent.lower[k] not in lx.LEADING_CONNECTIVES for k in range(opener)):
        source = _compound(sent, opener, prev)
        return None if source is None else _forward(sent, after, source, c.span, c.w)
    return _opening_participle(sent, c, after)


def _shape_with_subject(sent: Sentence, c: "_Cue"):
    """Shapes with the subject before the cue as source: "C, X said.", "“C,” X said.",
    "which critics said ...", and forward "X said (that) C" / "X told Y C" / "X said:"."""
    n = len(sent)
    w, cue = c.w, c.span
    strong = w in lx.STRONG
    subj = _subject_before(sent, c.start, 0)
    if subj is None:
        return None
    a, b = subj
    if w in lx.RAISING and c.end + 1 < n:
        nxt, then = sent.lower[c.end], sent.lower[c.end + 1]
        dummy = b - a == 1 and sent.lower[a] in ("it", "there")
        if nxt in lx.PREPOSITIONS and nxt != "to" or nxt in lx.APPEARING_SOMEWHERE:
            return None  # "she appeared on television", "they appeared together": not a belief
        cue_next = nxt == "to" and _is_cue_word(then)
        if not cue_next and (dummy or _plausible_subject(sent, a, b, False)):
            return _raising(sent, c, a, b)
    if not _plausible_subject(sent, a, b, strong):
        return None
    b = _drop_trailing_clause(sent, a, b)
    source = (sent.starts[a], sent.ends[b - 1])
    contraction = _CONTRACTION.search(sent.words[b - 1])
    if contraction and b == c.start:
        # "he’s hoping": the contracted auxiliary belongs to the cue
        source = (source[0], sent.starts[b - 1] + contraction.start())
        cue = (source[1], cue[1])
    if a > 0 and sent.lower[a - 1] in ("which", "that", "whom") and b - a <= 4:
        # "the rule, which critics said was unfair, ...": the rest of the relative clause
        nxt = sent.lower[c.end] if c.end < n else ""
        adjunct = nxt in ("later", "earlier") or (nxt in lx.SUBORDINATORS and nxt != "as")
        ends = c.end >= n or sent.words[c.end] in lx.CLAUSE_END or nxt in lx.TIME_WORDS
        if ends or (adjunct and w not in lx.CLAUSE_VERBS):
            # "a tax, which Lee opposed." / "which Lee denounced Thursday": the pronoun
            return _mk(sent, (sent.starts[a - 1], sent.ends[a - 1]), source, cue)
        return _relative_content(sent, c.end, source, cue)
    after = _listener_end(sent, c.end, n, w) if w in lx.LISTENER_VERBS else c.end
    if (
        (w in lx.LISTENER_VERBS or w in lx.INVERTIBLE)
        and a > 0
        and sent.words[a - 1] in lx.QUOTE_TOKENS
        and sent.quotes.closes(sent.ends[a - 1])
        and _quote_opens_clause(sent, a - 1)
        and not any(x in ("that", ":") for x in sent.lower[c.end : n])
        and not _long_quote_in(sent, c.end, n)
    ):
        # '“C,” he told cheering supporters in Ely.' / '“C,” Lee said 30 minutes into the
        # debate.': after a quotation, the rest is no content
        after = n
    # "C, records show." as well as "C, Lee said."
    evidence = w in lx.EVIDENCE_VERBS and (
        sent.lower[b - 1] in lx.EVIDENCE_NOUNS or _evidence_head(sent, a, b)
    )
    # ("Before the vote, the firm said on Friday that C": the forward reading)
    after_quote = a > 0 and sent.words[a - 1] in lx.QUOTE_TOKENS
    that_clause = not after_quote and _that_after_adjunct(sent, after, n) is not None
    # ('“C,” he vowed, adding ...': after a quotation any cue inverts before a participle)
    participle_tail = (
        after_quote
        and sent.quotes.closes(sent.ends[a - 1])
        and after + 1 < n
        and sent.words[after] == ","
        and sent.lower[after + 1].endswith("ing")
    )
    inverted = (w in lx.INVERTIBLE or evidence) and _tail_is_adjunct(sent, after, n)
    if (inverted and not that_clause) or participle_tail:
        att = _inverted_with_subject(sent, a, after, source, cue)
        if att is not None:
            return att
    if a > 0 and not (a == 1 and sent.words[0] in "“\"'‘"):
        # Subjects start at a clause boundary: sentence start, comma, "that", a quote...
        prev = sent.lower[a - 1]
        # (a spaced hyphen is a dash: "He was a planner - a former aide said she ...")
        if prev == "what" and w in lx.NAMING and after < n and sent.words[after] in lx.QUOTE_TOKENS:
            q = sent.quotes.at(sent.starts[after])
            if q is not None and q[0] == sent.starts[after]:
                return _mk(sent, q, source, cue)  # "what Lee called “a farce”"
        if prev not in lx.SUBJECT_STOPS and prev not in lx.SUBJECT_OPENERS and prev != "-":
            return None
    att = _forward(sent, after, source, cue, w)
    if (
        att is not None
        and _fronted_clause(sent, a)
        and after < n
        and sent.lower[after] not in lx.FRONTED_SUBORDINATORS
        and sent.lower[after] != "even"
        and sent.words[after] not in lx.QUOTE_TOKENS
    ):
        k = _main_clause_comma(sent, after + 1, n)
        if k is not None and sent.starts[k] < att.end and sent.starts[k] > att.start:
            att.end = sent.starts[k]  # "Although Lee planned to protest, others stayed": the
            # main clause is the reporter's
    return att


def _quote_opens_clause(sent: Sentence, k: int) -> bool:
    """Whether the quotation closed at token ``k`` opens the sentence or a clause ('“A,”
    Lee said' / 'Then, “A,” Lee said'), rather than being the object of an earlier cue or
    a title ('Lee claimed that “A,” ...' / 'on Fox's “Hannity,” ...')."""
    q = sent.quotes.at(sent.starts[k])
    if q is None:
        return False
    j = k
    while j > 0 and sent.starts[j] > q[0]:
        j -= 1
    return (
        j == 0
        or sent.words[j - 1] in (",", ":", "—", "–", "(")
        or sent.lower[j - 1] in lx.LEADING_CONNECTIVES
    )


def _raising(sent: Sentence, c: "_Cue", a: int, b: int):
    """ "The plan seems to be working", "It appears that C": nobody is quoted; what seems
    so is the subject and the rest (PolNeAR: no source, "The plan | to be working")."""
    k = _forward_end(sent, c.end, c.w)
    end = sent.end if k >= len(sent) else sent.starts[k]
    dummy = b - a == 1 and sent.lower[a] in ("it", "there")
    start = sent.starts[c.end] if dummy else sent.starts[a]
    return _mk(sent, (start, end), None, c.span)


def _inverted_with_subject(sent: Sentence, a: int, after: int, source, cue):
    """ "C, X said [adjunct]." with the subject X at ``a``; or '“Why?” X said.' after a
    quotation that the splitter left in the previous sentence."""
    n = len(sent)
    if a == 0:
        # the splitter ends a sentence after '?”' or '!”' followed by a capital
        # ('“Why?” Lee asked, turning to the crowd.')
        participle = (
            after + 1 < n and sent.words[after] == "," and sent.lower[after + 1][-3:] == "ing"
        )
        # ('“Why?” Lee said of the plan in May, when ...': an adjunct, not a content)
        adjunct = (
            _tail_is_adjunct(sent, after, n)
            and not _long_quote_in(sent, after, n)
            and not any(x in ("that", ":") for x in sent.lower[after:n])
        )
        tail_ok = _short_adjunct_tail(sent, after, n) or participle or adjunct
        q = _exclaimed_quote_before(sent) if tail_ok else None
        return None if q is None else _mk(sent, q, source, cue)
    if not (sent.words[a - 1] in (",", "—", "–") or sent.words[a - 1] in lx.QUOTE_TOKENS):
        return None
    content = _content_before(sent, a - 1)
    if content is None:
        return None
    k = _skip_prepositional_phrase(sent, after, n)
    quoted = k != after and sent.words[k + 1] in lx.QUOTE_TOKENS
    if k != after and (
        (quoted and _long_quote_in(sent, k, n)) or (not quoted and not _clause_like(sent, content))
    ):
        # '“A,” she said of the plan, “B.”' / 'The staff, Lee said in May, were paid well'
        after = k
    if (
        after + 2 < n
        and sent.words[after] == ","
        and sent.words[after + 1] in lx.QUOTE_TOKENS
        and sent.text[content[1] - 1] not in "”\"'"
        and (_clause_like(sent, content) or sent.within(content)[0].lower() in lx.INTRO_WORDS)
    ):
        return None  # 'After the vote, Lee said, “We will appeal.”': the quotation is it
    if (
        after + 2 < n
        and sent.words[after] == ","
        and not sent.lower[after + 1].endswith("ing")
        and sent.lower[after + 1] not in ("a", "an", "the", "who")
        and _continues_after_cue(sent, after + 1, content)
    ):
        # "The plan, he said, is dead." / "“A,” she said, “B.”": both sides
        return _mk(sent, (content[0], sent.end), source, cue)
    intro = sent.within(content)
    if not _clause_like(sent, content) and (len(intro) <= 8 or intro[0] in lx.INTRO_WORDS):
        return None  # "During the service, Lee asked ...": an opening phrase, not a content
    if (
        intro[0].lower() in lx.FRONTED_SUBORDINATORS
        and content[0] == sent.start
        and not _short_adjunct_tail(sent, after, n)
    ):
        return None  # "While A, many said Monday that C": the forward reading
    return _mk(sent, content, source, cue)


def _continues_after_cue(sent: Sentence, k: int, content: tuple[int, int]) -> bool:
    """Whether the words at ``k``, after "C, X said,", go on with the content: after a
    quotation only a second quotation does ('“A,” she said, “B.”'; not '“A,” she said, in
    reply to a question.')."""
    return sent.text[content[1] - 1] not in "”\"'" or sent.words[k] in lx.QUOTE_TOKENS


def _forward(sent: Sentence, after: int, source, cue, verb: str = ""):
    """Content after the cue: to the end of the sentence or clause (``_forward_end``), or
    the quotation after "X said:"."""
    n = len(sent)
    if after >= n or all(sent.words[k] in ".:!?,;" for k in range(after, n)):
        # "X said:" then the quotation (or paragraph) that follows.
        nxt = _following_quote(sent)
        if nxt is None and sent.words[n - 1] == ":":
            nxt = _following_paragraph(sent)  # a block quotation
        if nxt is None:
            return None
        return _mk(sent, nxt, source, cue)
    if sent.lower[after] == "by" and (
        any(w in lx.BE_FORMS for w in sent.within(cue))
        or (after + 1 < n and sent.lower[after + 1].endswith("ing"))
    ):
        # "Lee was asked by a host", "Lee responded by shouting": no content here
        if verb in ("asked", "pressed", "questioned"):
            # "Lee was asked by a host whether C": the host asks C
            q = next(
                (
                    j
                    for j in range(after + 2, min(n - 1, after + 8))
                    if sent.lower[j] in lx.WH_OR_IF
                ),
                None,
            )
            if q is not None and not _has_verb(sent.words[after + 1 : q]):
                host = (sent.starts[after + 1], sent.ends[q - 1])
                return _mk(sent, (sent.starts[q], sent.end), host, cue)
        return None
    if sent.words[n - 1] == ":" and verb in lx.STRONG:
        nxt = _following_quote(sent)
        if nxt is not None:
            return _mk(sent, nxt, source, cue)  # 'Lee said of the plan: “C.”'
    after = _skip_adjunct(sent, after, n)
    after, cue = _light_verb_object(sent, after, n, verb, cue)
    if verb in lx.FEELINGS and after + 1 < n and sent.lower[after] in lx.FEELING_PARTICLES:
        cue = (cue[0], sent.ends[after])  # "are concerned about | C"
        after += 1
    k = _forward_end(sent, after, verb)
    if _in_opening_phrase(sent, after):
        # "In a statement announcing the pick, the union called ...": the opening phrase
        # ends at its comma
        comma = _main_clause_comma(sent, after, n)
        if comma is not None and comma < k:
            k = comma
    end = sent.end if k >= n else sent.starts[k]
    return _mk(sent, (sent.starts[after], end), source, cue)


def _in_opening_phrase(sent: Sentence, i: int) -> bool:
    """Whether token ``i`` is inside a sentence-opening prepositional phrase."""
    first = 0
    while first < i and sent.lower[first] in lx.LEADING_CONNECTIVES:
        first += 1
    if sent.lower[first] not in lx.PREPOSITIONS or sent.lower[first] in ("according", "to", "as"):
        return False
    return not any(w in (",", ";", ":") for w in sent.words[first:i])


def _long_quote_in(sent: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) hold a quotation longer than a title ('told NBC's “Today”')."""
    for k in range(lo, hi):
        if sent.words[k] in lx.QUOTE_TOKENS:
            q = sent.quotes.at(sent.starts[k])
            if q is None or len(sent.text[q[0] : q[1]].split()) > 4:
                return True
    return False


def _quote_after_source(sent: Sentence, content: tuple[int, int], src_end: int):
    """'“A,” said Jo Lee, a nurse, “B.”': a quotation that goes on after the source (and
    its apposition or a participle phrase) in the same sentence belongs to the content."""
    if sent.text[content[0] : content[1]].rstrip("”\"' ")[-1:] != ",":
        return content
    for k in range(len(sent)):
        if sent.starts[k] < src_end:
            continue
        if sent.words[k] in lx.QUOTE_TOKENS:
            q = sent.quotes.at(sent.starts[k])
            if q is None or q[0] != sent.starts[k] or sent.words[k - 1] != ",":
                return content
            return content[0], q[1]
    return content


def _sibling_speaker(sent: Sentence, after: int, stop: int) -> int | None:
    """Where a second speaker starts inside a content running from ``after``: 'Lee said
    that “A,” one of the prosecutors said B' / 'Lee said A and officials said B'. The
    second attribution is a sibling, not nested; the first content ends before it."""
    for j in range(after + 2, stop):
        if sent.lower[j] not in lx.STRONG or sent.quotes.at(sent.starts[j]) is not None:
            continue
        subj = _subject_before(sent, j, after + 1)
        if subj is None or subj[0] <= after + 1:
            continue
        a, b = subj
        if b != j and _cue_modifiers_before(sent, j, 0) != b:
            continue  # something other than "has also" between the subject and the cue
        if not _plausible_subject(sent, a, b, False):
            continue
        if sent.lower[a - 1] in ("and", "but") and a - 2 > after:
            return a - 1
        if sent.words[a - 1] == ",":
            return a - 1
        if sent.words[a - 1] in lx.QUOTE_TOKENS:
            return a
    return None


def _light_verb_object(sent: Sentence, after: int, n: int, verb: str, cue):
    """ "Lee expressed his condolences over C", "voiced skepticism that C": the noun after
    a verb of expressing belongs to the cue; the content is what follows its preposition."""
    if verb not in lx.LIGHT_VERBS:
        return after, cue
    k = after
    if k < n and (sent.lower[k] in lx.DETERMINERS or _possessive(sent.words[k])):
        k += 1
    for m in range(k + 1, min(n - 1, k + 3)):
        w = sent.lower[m]
        if w in lx.LIGHT_PARTICLES and all(x.isalpha() and x.islower() for x in sent.words[k:m]):
            start = m if w == "that" else m + 1
            return start, (cue[0], sent.ends[m - 1] if w == "that" else sent.ends[m])
    return after, cue


def _skip_adjunct(sent: Sentence, after: int, n: int) -> int:
    """Index after an adverb or phrase that stands between the cue and its content: 'Lee
    replied evenly, “C.”', 'as Lee pointed out in December, “C.”', 'Lee described, in
    blistering terms, a set of ...'; ``after`` itself when there is none."""
    if sent.words[after] in ("—", "–", "-", "--"):
        # 'Lee said — on Twitter, as it happens — that C'
        for k in range(after + 2, min(n - 2, after + 12)):
            if sent.words[k] == sent.words[after]:
                return k + 1
    if (
        sent.words[after] == ","
        and after + 1 < n
        and (sent.lower[after + 1] in lx.PREPOSITIONS or sent.lower[after + 1].endswith("ly"))
    ):
        for k in range(after + 2, min(n - 2, after + 10)):
            if sent.words[k] == ",":
                return after if _has_verb(sent.words[after + 1 : k]) else k + 1
    for k in range(after + 1, min(n - 1, after + 16)):
        w = sent.words[k]
        if w in (",", ":") and sent.quotes.opens(sent.starts[k + 1]):
            if not _long_quote_in(sent, k + 1, k + 2):
                break  # 'said in his book, “River Town,” that C': a title, not the content
            return after if _has_verb(sent.words[after:k]) else k + 1
        if w in lx.QUOTE_TOKENS or w in (";", "."):
            break
    # 'Lee said on Friday that C', 'Lee announced last week that C'
    that = _that_after_adjunct(sent, after, n)
    first = sent.lower[after]
    adjunct = first in lx.PREPOSITIONS or first in lx.TIME_WORDS or first in lx.WEEKDAYS
    if adjunct and that is not None and not _has_verb(sent.words[after:that]):
        return that
    return after


def _forward_end(sent: Sentence, after: int, verb: str) -> int:
    """Token index where the content of a forward cue ends (``len(sent)``: the sentence end).

    Ends: a semicolon; a second cue verb of the same subject ("declined to comment but
    said ..."); a quotation closed by a comma ('said "A," but in fact ...'); and, for verbs
    whose object is a noun phrase ("called the plan a disgrace in a tweet"), the first
    comma, adjunct preposition or "and" + verb after that phrase.
    """
    n = len(sent)
    k = _compound_break(sent, after + 1, n)
    stop = n if k is None else (k - 1 if sent.words[k - 1] == "," else k)
    sibling = _sibling_speaker(sent, after, stop)
    if sibling is not None:
        stop = sibling
    if sent.words[after] in lx.QUOTE_TOKENS:
        q = sent.quotes.at(sent.starts[after])
        if q is not None and sent.text[q[0] : q[1]].rstrip("”\"' ")[-1:] == ",":
            j = after
            while j < stop and sent.starts[j] < q[1]:
                j += 1
            return j
    object_np = verb not in lx.CLAUSE_VERBS and sent.lower[after] not in lx.CLAUSE_OPENERS
    for j in range(_after_opening_aside(sent, after, stop), stop):
        w = sent.lower[j]
        participle = object_np and verb.endswith("ing")
        if participle and _main_verb_after_participle(sent, after, j, stop):
            return j  # "Democrats supporting Mrs. Clinton | have pointed to ..."
        contrast = (
            w in lx.CONTRAST_OPENERS
            and sent.words[j - 1] in lx.CLAUSE_MARKS
            # ("said that A, but that B": a second complement of the same cue)
            and not (w == "but" and j + 1 < stop and sent.lower[j + 1] == "that")
            and not _short_aside(sent, j, stop)
        )
        if (
            object_np
            and _medium_adjunct_at(sent, j)
            and not any(x in lx.GOES_ON or x in lx.FINITE for x in sent.lower[j:stop])
        ):
            return j  # "blamed local officials | on Twitter before the speech."
        if (
            object_np
            and _time_adjunct_at(sent, j)
            and sent.quotes.at(sent.starts[j]) is None
            and all(x.isalnum() or x in ".," for x in sent.words[j:stop])
            and len([x for x in sent.words[j:stop] if x.isalnum()]) <= 4
        ):
            return j  # "endorsed Lee | last week.": a time phrase that ends the clause
        if (
            j - 2 > after
            and _after_comma_quote(sent, j)
            and (w in lx.CONTRAST_OPENERS or _participle_clause_at(sent, j))
        ):
            return j  # 'said it was “dead,” adding ...' / '“dead,” but ...'

        if (
            w not in (";", ",", "—", "–", "and")
            and (not object_np or w not in lx.ADJUNCTS)
            and not contrast
        ):
            continue
        if sent.quotes.at(sent.starts[j]) is not None:
            continue
        if w == ";":
            return j
        if (
            w == ","
            and j + 2 < stop
            and sent.lower[j + 1] == "and"
            and _new_clause_at(sent, j + 2, stop)
        ):
            return j  # "said A, and the market did nothing": the reporter's own clause
        if object_np and w == "," and j + 1 < stop and _continues_noun_phrase(sent, j + 1):
            continue  # "proposed a mandate for all fuels, including ..." / "Sept. 11, 2001"
        if object_np and w == "," and _list_tail(sent, j + 1, stop):
            return stop  # "called Oz a quack, fake and charlatan"
        if (
            w == ","
            and j - after >= 4
            and j + 2 < stop
            and sent.lower[j + 1] in ("a", "an", "one", "whose")
            and "," not in sent.words[j + 2 : stop]
        ):
            return j  # "said A, a move the council approved" / ", whose ...": the reporter's
        if w == "," and j - after >= 2 and j + 1 < stop and _participle_clause_at(sent, j + 1):
            return j  # "proposed to scale back the rule, siding with its critics"
        if object_np and (w != "and" or (j + 1 < stop and _verb_like(sent.lower[j + 1]))):
            return j
        if contrast:
            return j - 1  # "said A, but B": the contrast is the reporter's
    return stop


def _passive_verb(sent: Sentence, j: int, after: int, cue):
    """The subject before the auxiliary is the content; the agent after "by", if any, is
    the source. With "to" the infinitive belongs to the content too ("X is expected to
    win": both pieces, here one span)."""
    subj = _subject_before(sent, j, 0)
    if subj is None:
        return None
    a, b = subj
    if b - a == 1 and sent.lower[a] in ("there", "that", "this"):
        return None  # ("it was announced": PolNeAR takes the pronoun as the content)
    n = len(sent)
    if after < n and sent.lower[after] == "to":
        return _mk(sent, (sent.starts[a], sent.end), None, cue)
    source = _agent(sent, after)
    if (
        source is None
        and after < n
        and sent.words[after] not in (".", ",", ";")
        and sent.lower[after] not in (lx.PREPOSITIONS)
    ):
        return None  # "was told the plan ...": an object follows, not a passive
    reason = _passive_complement(sent, after, source)
    if reason is not None and reason[1] - reason[0] > sent.ends[b - 1] - sent.starts[a]:
        # "Lee was criticized by rivals for skipping the debate": the subject and the
        # reason are the content (one span, the agent between them included)
        return _mk(sent, (sent.starts[a], reason[1]), source, cue)
    return _mk(sent, (sent.starts[a], sent.ends[b - 1]), source, cue)


def _main_verb_after_participle(sent: Sentence, after: int, j: int, stop: int) -> bool:
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
        and (_verb_like(sent.lower[j + 1]) or sent.lower[j + 1].endswith("ing"))
        and sent.words[after - 2].isalpha()
        and sent.lower[after - 2] not in lx.FUNCTION_WORDS
        and sent.lower[after - 2] not in lx.PERSONAL_PRONOUNS
        and not any(x in lx.RELATIVE_MARKS or x in lx.PERSONAL_PRONOUNS for x in between)
        and _outside_quote(sent, j)
    )


def _passive_complement(sent: Sentence, after: int, source):
    """Character span of "for C" / "as C" / "over C" after a passive cue and its agent, to
    the clause's end; None when there is none."""
    n = len(sent)
    c = after
    while source is not None and c < n and sent.starts[c] < source[1]:
        c += 1
    if c + 1 >= n or sent.lower[c] not in lx.PASSIVE_COMPLEMENTS or sent.lower[c + 1] == "well":
        return None
    k = _clause_end(sent, c + 1)
    return sent.starts[c], (sent.ends[k - 1] if k < n else sent.end)


def _relative_content(sent: Sentence, after: int, source, cue):
    """Content of a cue inside a relative clause: up to the clause's end (a comma, dash or
    semicolon outside quotation marks) or the end of the sentence."""
    n = len(sent)
    k = after
    while k < n:
        if sent.words[k] in lx.CLAUSE_MARKS and sent.quotes.at(sent.starts[k]) is None:
            break
        k += 1
    if k == after:
        return None
    end = sent.ends[k - 1] if k < n else sent.end
    return _mk(sent, (sent.starts[after], end), source, cue)


def _compound_break(sent: Sentence, lo: int, hi: int) -> int | None:
    """Index of "and"/"but" that starts a second cue verb of the same subject, e.g. "and
    said", "but added" (not inside a quotation)."""
    for k in range(lo, hi - 1):
        if sent.lower[k] not in ("and", "but"):
            continue
        j = k + 1
        while j < hi - 1 and sent.lower[j] in lx.CUE_MODIFIERS:
            j += 1
        if (_compound_cue(sent.lower[j]) or _phrase_cue(sent, j)) and sent.quotes.at(
            sent.starts[k]
        ) is None:
            return k
    return None


def _compound(sent: Sentence, k: int, prev: Attribution | None) -> tuple[int, int] | None:
    """Source of a verb after "and"/"but" at ``k``: the previous cue's source in the same
    sentence, otherwise the noun phrase opening the sentence ("The court disagreed and
    said ...")."""
    if prev is not None and prev.source and prev.cue and prev.cue[1] <= sent.starts[k]:
        return prev.source
    span = _initial_subject(sent, k)
    if span is None:
        span = _main_subject(sent, k)
    if span is None:
        return None
    a, b = span
    return sent.starts[a], sent.ends[b - 1]


def _main_subject(sent: Sentence, hi: int) -> tuple[int, int] | None:
    """The subject of the sentence's first verb before ``hi``, when the opening is not a
    plain noun phrase ("Republicans, who hold the Senate, have blocked ..., saying C";
    "Here in Ohio, Lee stepped up ..., saying C")."""
    for k in range(1, hi):
        w = sent.lower[k]
        finite = w in lx.FINITE and w not in ("that", "not")
        past = (w.endswith("ed") and sent.words[k - 1] != ",") or w in lx.IRREGULAR_PAST
        if not (finite or past):
            continue
        m = _cue_modifiers_before(sent, k, 0)
        subj = _subject_before(sent, _skip_time_before(sent, m, 0), 0)
        if subj is None:
            return None
        a, b = subj
        b = _drop_trailing_clause(sent, a, b)
        return (a, b) if _plausible_subject(sent, a, b, False) else None
    return None


def _plausible_subject(sent: Sentence, a: int, b: int, strong: bool) -> bool:
    first = sent.words[a]
    last = sent.lower[b - 1]
    if last in lx.NOT_SUBJECT_LAST and not (last == "here" and b - a > 1):
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
            or (_plural_noun(sent.words[b - 1]) and b - a <= 3)  # "private lenders"
            or (last in lx.PLURAL_SUBJECTS and b - a <= 4)  # "mainstream Republicans"
        ):
            return False
    return not (b - a == 1 and sent.lower[a] in ("it",) and not strong)


def _source_after(sent: Sentence, i: int, n: int) -> tuple[int, int] | None:
    """Source of "..., said X, a spokesman for Y." starting at token ``i``."""
    if i >= n:
        return None
    first = sent.words[i]
    if not (
        first[:1].isupper()
        or sent.lower[i] in ("the", "a", "an", "one", "another")
        or sent.lower[i] in lx.QUANTIFIERS  # "said several observers"
        # "said former Ohio governor Jim Dane": a lower-case title before a name
        or (
            sent.lower[i] not in lx.PREPOSITIONS
            and any(w[:1].isupper() for w in sent.words[i + 1 : i + 4])
        )
    ):
        return None
    k = i
    seen_comma = False
    lowercase = 0  # lower-case words before any comma: a name has few ("the mayor of X")
    while k < n:
        wk = sent.words[k]
        if wk in lx.QUOTE_TOKENS and seen_comma:
            # 'said Ann Roe, a plaintiff who waited in an "extraordinarily long line"'
            q = sent.quotes.at(sent.starts[k])
            if q is not None and q[0] == sent.starts[k]:
                while k < n and sent.starts[k] < q[1]:
                    k += 1
                continue
        if wk in ("!", "?", ";", ":", "—", "–") or wk in lx.QUOTE_TOKENS or _final_dot(sent, k):
            break
        if wk == "(":
            # "said Jane Doe (D-Ohio)": keep a short parenthesis with the name
            close = _close_paren_after(sent, k, n)
            if close < 0:
                break
            k = close + 1
            continue
        if wk == ",":
            # an apposition after the name: "said Jane Doe, a spokeswoman for X" (but not
            # "said Jo Lee, who added that ...": that clause is an attribution of its own)
            if _relative_cue(sent, k + 1):
                break
            if k + 1 < n and (
                sent.lower[k + 1] in ("a", "an", "the", "who", "which", "whose")
                or sent.words[k + 1][:1].isupper()
                or _appositive_at(sent, k + 1)
            ):
                seen_comma = True
                k += 1
                continue
            break
        low = sent.lower[k]
        if not seen_comma and k > i and low in ("who", "whose"):
            break  # "said one official who asked not to be named": the name ends here
        if not seen_comma and k > i and low in lx.PREPOSITIONS and low not in ("of", "for"):
            break
        if not seen_comma:
            lowercase += not wk[:1].isupper()
            # ("said Will Lee": a capitalised "Will" is a name, not an auxiliary)
            if (low in lx.FINITE and wk.islower()) or low == "to" or lowercase >= 8:
                return None  # "..., said the records were lost": a clause, not a name
        k += 1
    # (a long apposition may run on: "said Jo Lee, a nurse who ... and who ...")
    if k == i or k - i > (60 if seen_comma else 30) or not _ends_source(sent, k):
        return None
    return sent.starts[i], sent.ends[k - 1]


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


def _content_before(sent: Sentence, k: int) -> tuple[int, int] | None:
    """Content ending at token ``k`` (a comma or closing quote) in an inverted sentence."""
    end = sent.ends[k] if sent.words[k] != "," else sent.starts[k]
    if sent.words[k] == "," and k > 0 and sent.words[k - 1] in lx.QUOTE_TOKENS:
        end = sent.ends[k - 1]
    # quotation ending here: the whole quotation, however many sentences it spans
    q = sent.quotes.at(end - 1)
    # Only the quotation when the reporter's words before it end in ":" or ","
    # ('In her speech she urged calm: "Stay home," Lee said.')
    lead = sent.text[sent.start : q[0]].rstrip() if q is not None else ""
    if (
        q is not None
        and q[1] >= end - 1
        and (q[0] <= sent.start or lead[-1:] in ("", ":", ","))
        and not (lead[-1:] == "," and _quoted_predicate(sent, q))
    ):
        return q[0], max(end, q[1])
    if k < 2 or all(w in lx.LEADING_CONNECTIVES for w in sent.lower[:k]):
        return None  # ("And yet, Lee said, C": no content before the speaker)
    # The content starts after a dash, colon or semicolon before it: "He had a rally that
    # night - and the permit, his aide said, was hard to get."
    start = sent.start
    for j in range(k - 1, 0, -1):
        if sent.words[j] in lx.CLAUSE_BREAKS and sent.quotes.at(sent.starts[j]) is None:
            start = sent.ends[j]
            break
    if start == sent.start and sent.lower[0].endswith("ing") and sent.words[0][:1].isupper():
        # "Emerging from the talks, the minister looked ashen, Lee said": the opening
        # participle phrase is the reporter's
        for j in range(1, min(k - 2, 16)):
            if sent.words[j] in lx.QUOTE_TOKENS:
                break
            if sent.words[j] == ",":
                start = sent.ends[j]
                break
    return start, end


def _quoted_predicate(sent: Sentence, q: tuple[int, int]) -> bool:
    """A quotation that opens with a lower-case verb, the predicate of the reporter's subject
    before it: 'The party, held every year, "allows us to get our message out," X said.'"""
    first = sent.text[q[0] + 1 : q[1]].split(None, 1)[:1]
    word = first[0] if first else ""
    return word[:1].islower() and (_verb_like_or_finite(word) or _s_form(word))


def _clause_like(sent: Sentence, content: tuple[int, int]) -> bool:
    """Whether the span holds a quotation, a verb outside a relative clause or opens with a
    pronoun subject: "the plan is dead", not "Jo Lee, a nurse who organized the letter"."""
    low = sent.within(content)
    if any(w in lx.QUOTE_TOKENS for w in low):
        return True
    if next((w for w in low if w not in lx.LEADING_CONNECTIVES), "") in lx.NOMINATIVE:
        return True  # "But he operates on a new principle": a pronoun opens a clause
    relative = False
    for k, w in enumerate(low):
        if w in ("who", "which", "whose") and k > 0:
            relative = True
        elif w == ",":
            relative = False
        elif not relative and _verb_like_or_finite(w):
            return True
        elif not relative and k > 0 and low[k - 1] in lx.S_VERB_SUBJECTS and _s_form(w):
            return True  # "This makes it hard", "Lee also lacks ...": an -s verb
    return False


def _exclaimed_quote_before(sent: Sentence) -> tuple[int, int] | None:
    """A quotation ending in "?", "!" or "." directly before the sentence on the same line."""
    text = sent.text
    j = sent.start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    q = sent.quotes.at(j - 1)
    if q is None or q[1] != j or text[q[0] : q[1]].rstrip("”\"' ")[-1:] not in "?!.":
        return None
    return q


def _following_paragraph(sent: Sentence) -> tuple[int, int] | None:
    """'Lee added:' then a paragraph of her words, set off without quotation marks."""
    text = sent.text
    j = sent.end
    while j < len(text) and text[j] in " \t":
        j += 1
    if not text.startswith("\n", j):
        return None
    while j < len(text) and text[j].isspace():
        j += 1
    end = text.find("\n", j)
    end = len(text) if end < 0 else end
    return (j, end) if end > j else None


def _following_quote(sent: Sentence) -> tuple[int, int] | None:
    text = sent.text
    j = sent.end
    n = len(text)
    while j < n and text[j].isspace() and j - sent.end < 5:
        j += 1
    if j < n and text[j] in lx.OPEN_QUOTES:
        q = sent.quotes.at(j)
        if q is not None:
            return q
    return None


def _adjunct_only(piece: str) -> bool:
    """A short phrase opening with a preposition of place, time or agent: an adjunct of the
    verb, not what was said ("from Los Angeles", "on Saturday", "in a tweet", "by Japan")."""
    first, *rest = piece.lower().split()
    if _has_verb(rest):
        return False  # "said by the end of the year the plant would close"
    if first == "by":
        return len(rest) < 10  # "changes proposed by the government": the agent of a participle
    if first == "at" and rest[:1] in (["least"], ["most"]):
        return False  # "reported at least six planes": a quantity
    return len(rest) < 6 and first in lx.ADJUNCT_OPENERS


def find_attributions(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> list[Attribution]:
    """All attributions of ``text``, ordered by content start, non-overlapping."""
    if sentences is None:
        sentences = split_sentences(text)
    quotes = Quotes(text)
    found: list[Attribution] = []
    for ss, se in sentences:
        try:
            found.extend(analyse(Sentence(text, quotes, ss, se)))
        except Exception:  # noqa: BLE001 - one unreadable sentence must not cost the article
            log.exception("attribution failed for the sentence at %d-%d; skipped", ss, se)
    found.sort(key=lambda a: (a.start, -a.end))
    # Keep content spans disjoint: a quotation attributed at its end may have been picked up
    # again from an inner sentence.
    kept: list[Attribution] = []
    for att in found:
        if kept and att.start < kept[-1].end:
            prev = kept[-1]
            if (att.end - att.start) > (prev.end - prev.start) and att.source and not prev.source:
                kept[-1] = att
            elif (
                _inside(prev.cue, prev)
                and att.source
                and not _inside(att.cue, att)
                and att.start <= prev.start + 2
                and att.end >= prev.end - 2
            ):
                kept[-1] = att  # '“A, according to X. B,” Y reported.': the outer speaker
            continue
        kept.append(att)
    try:
        _continue_quotes(text, quotes, kept)
    except Exception:  # noqa: BLE001 - the attributions found so far still stand
        log.exception("continuing quotations failed; attributions kept as found")
    return kept


def _inside(cue: tuple[int, int] | None, att: Attribution) -> bool:
    """Whether the cue lies within the attribution's own content."""
    return cue is not None and att.start <= cue[0] < att.end


def _continue_quotes(text: str, quotes: Quotes, atts: list[Attribution]) -> None:
    """Extend '“A,” she said.', 'A, she said.' and 'She said A.' over the quotations after them.

    Reporters attribute a long quotation once, after its first sentence: '“A,” she said. “B. C.”'
    The speaker of B and C is the same, and PolNeAR annotates them as one content (quoted, so
    the claim becomes direct).
    """
    for idx, att in enumerate(atts):
        if not (
            _quote_speaker_before(text, att)
            or _said_then_quote(text, att)
            or _said_at_the_end(text, att)
        ):
            continue
        pos = att.sentence[1]
        # The next attribution after this sentence ('“A,” said X, referring to Y. “B.”': the
        # participle's attribution inside the sentence does not stop the quotation).
        nxt_start = next((a.start for a in atts[idx + 1 :] if a.start >= pos), len(text))
        first_len = att.end - att.start
        quoted = 0
        first_q = None
        for _ in range(4):  # a few quotations at most
            j = pos
            newlines = 0
            while j < len(text) and text[j].isspace():
                newlines += text[j] == "\n"
                j += 1
            # (the next paragraph too: '“A,” she said.\n\n“B.”')
            if newlines == 0 and quoted == 0:
                # (a few words may lead into it: '“A,” he said. But “B.”', 'That makes her “B.”')
                j += _lead_into_quote(text, j)
            if j >= len(text) or newlines > 2 or text[j] not in lx.OPEN_QUOTES and text[j] != "'":
                break
            q = quotes.at(j)
            if q is None or q[0] != j or q[1] > nxt_start:
                break
            # The quotation must end its sentence: '“B.” Then she left.' is fine,
            # '“B,” he added.' has its own cue and is left alone.
            k = q[1]
            while k < len(text) and text[k] in " \t\xa0":
                k += 1
            if (
                k < len(text)
                and text[k] not in '\n“"'
                and text[q[0] : q[1]].rstrip("”\"'’ ")[-1:] not in ".!?"
            ):
                break
            att.end = q[1]
            att.kind = "direct"
            att.sentence = (att.sentence[0], max(att.sentence[1], q[1]))
            pos = q[1]
            quoted += q[1] - q[0]
            if first_q is None:
                first_q = q[0]
        if first_q is not None:
            _tighten_interrupted_quote(att, first_len, first_q, quoted)


_LEAD_INTO_QUOTE = re.compile(r"(?:[\w’']+ ){1,4}(?=[“\"])")


def _lead_into_quote(text: str, j: int) -> int:
    """Length of up to four words at ``j`` that run into a quotation, none of them a cue."""
    m = _LEAD_INTO_QUOTE.match(text, j, j + 60)
    if m is None or any(_is_cue_word(w.lower()) for w in m.group().split()):
        return 0
    return m.end() - j


def _quote_speaker_before(text: str, att: Attribution) -> bool:
    """'“A,” she said.': a quotation attributed after it."""
    return (
        att.kind == "direct"
        and att.cue is not None
        and att.cue[0] >= att.end
        and text[att.end - 1] in "”\"'"
    )


def _said_at_the_end(text: str, att: Attribution) -> bool:
    """'A, Lee said.' / 'A, said Lee.': a plain speech verb and its speaker end the sentence."""
    if att.cue is None or att.cue[0] < att.end or not _plain_speech(text, att.cue):
        return False
    last = att.source[1] if att.source is not None and att.source[0] > att.cue[0] else att.cue[1]
    tail = text[last : att.sentence[1]].strip(" .").split()
    # (or a short adjunct after them: 'A, he said in an interview.')
    return not tail or len(tail) <= 6 and (tail[0] in lx.PREPOSITIONS or tail[0] in lx.TIME_WORDS)


def _said_then_quote(text: str, att: Attribution) -> bool:
    """'She said A. “B.”': a plain speech verb whose content ends the sentence."""
    return (
        att.cue is not None
        and att.cue[1] <= att.start
        and not text[att.end : att.sentence[1]].strip()
        and _plain_speech(text, att.cue)
    )


def _plain_speech(text: str, cue: tuple[int, int]) -> bool:
    return text[cue[0] : cue[1]].split()[-1].lower() in lx.PLAIN_SPEECH


def _tighten_interrupted_quote(att: Attribution, first_len: int, first_q: int, quoted: int):
    """Keep the larger quotation alone when the words between them outweigh them.

    '“A,” X said in L, recalling M at length. “B.”': the content is A and B, but a claim is one
    span; A through B carries the interruption along, so the claim is whichever single span
    holds the larger share of the quoted words: the whole when the interruption is short, the
    longer of A and B when the interruption dominates. (A small margin keeps '“A,” the mayor
    said. “B.”' whole, which a reader expects, for about 6 attributions on PolNeAR train.)
    """
    both = first_len + quoted
    if max(first_len, quoted) / both <= both / (att.end - att.start) + 0.05:
        return
    if first_len >= quoted:
        att.end = att.start + first_len
    else:
        att.start = first_q
