"""Find attributions (content, source, cue) in an article.

A rule-based pass over sentences, tuned for news prose:

* quotations are found first over the whole article, so that a quote running over several
  sentences or paragraphs ("... / "... ," he said.) is one content span;
* each sentence is then searched for cues: "according to X", "reportedly", passive
  "it was reported that", and speech/belief verbs from ``lexicon``;
* a verb cue is read in one of three shapes: forward ("X said (that) C"), inverted
  ("C, X said." / "C, said X, a spokesman."), or a lead-in to a following quote ("X said:").

The output is a list of ``Attribution`` records with raw spans; ``sources`` resolves names and
``__init__`` builds the public ``ExtractedClaim`` objects.
"""

import re
from dataclasses import dataclass

from . import lexicon as lx
from .lexicon import words
from .sentences import split_sentences

# Words (with inner apostrophes, hyphens, dots), titles and initials with their period ("Sen.",
# "J."), the two-apostrophe quote mark some outlets use (''), or one punctuation character.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Sgt|Capt|Prof|Rev|Hon|Maj|Adm|Sens|Reps)\."
    r"|(?:[A-Z]\.)+(?=\s+[A-Z])|\w+(?:[’'\-.]\w+)*|''|[^\w\s]"
)
QUOTE_TOKENS = frozenset(["“", "”", '"', "''"])
OPEN_QUOTES = '“"'
CLOSE_QUOTES = '”"'
# Sentences longer than this (in tokens) are not searched backwards further than the window.
_MAX_SOURCE_TOKENS = 30
_MAX_SENTENCE_TOKENS = 400
_FINITE = frozenset(
    words(
        """
        is was were are has have had will would could can should may might did does do be
        been not that
        """
    )
)
_LEADING_CONNECTIVES = frozenset(
    words(
        """
        and but so then meanwhile also yet , now later earlier still instead however
        separately indeed previously afterwards afterward moreover
        """
    )
)
_SUBJECT_OPENERS = frozenset(words(", and but so then also yet meanwhile later now"))
_NOT_HEADLINE_SOURCE = frozenset(
    words("update updated note editor’s editor's watch read related photo video live breaking")
)
_DETERMINERS = frozenset(
    words("the a an his her their its our this that these those some many several two three")
)
_WH = frozenset(words("what why how where when whether which"))
_TIME_NOUNS = frozenset(
    words(
        """
        week weekend month year morning afternoon evening night spring summer fall autumn
        winter monday tuesday wednesday thursday friday saturday sunday
        """
    )
)


# Second verbs of a compound predicate that start a new attribution: "... and said C".
_COMPOUND_CUES = frozenset(
    words(
        """
        said says added adds told tells noted argued insisted warned acknowledged admitted
        stressed suggested called urged vowed promised predicted declared explained wrote
        tweeted asked claimed conceded maintained pledged questioned criticized accused
        """
    )
)


@dataclass
class Attribution:
    start: int
    end: int
    kind: str  # "direct" or "indirect"
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    sentence: tuple[int, int]


class Tokens:
    """Tokens of one sentence with their offsets in the article."""

    __slots__ = ("starts", "ends", "words", "lower")

    def __init__(self, text: str, start: int, end: int):
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

    def __len__(self) -> int:
        return len(self.words)


# ---------------------------------------------------------------------------------------------
# Quotations


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (including the marks) of double-quoted passages.

    Handles curly and straight quotes. A quote still open at the end of a paragraph continues
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
                if j < n and text[j] in OPEN_QUOTES:
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


def _quote_at(quotes: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quotation containing ``pos`` (binary search; quotes are sorted and disjoint)."""
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


# ---------------------------------------------------------------------------------------------
# Sentence-level cue analysis


def _cue_modifiers_before(tk: Tokens, i: int, lo: int) -> int:
    """Index of the first auxiliary/adverb directly before token ``i`` ("has also said")."""
    j = i
    while j - 1 >= lo and i - j < 4:
        w = tk.lower[j - 1]
        if w in lx.CUE_MODIFIERS or (
            w.endswith("ly") and len(w) > 4 and w not in lx.LY_NOUNS and tk.words[j - 1].islower()
        ):
            j -= 1
        else:
            break
    # "Trump on Tuesday said": skip a time phrase too (not part of the cue).
    return j


def _skip_time_before(tk: Tokens, j: int, lo: int) -> int:
    if j - 1 >= lo and tk.lower[j - 1] in lx.WEEKDAYS:
        j -= 1
        if j - 1 >= lo and tk.lower[j - 1] in ("on", "late", "early", "last"):
            j -= 1
    return j


def _subject_before(tk: Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """Token range [a, j) of the subject that ends just before index ``j``.

    Walks backwards to a clause boundary. A comma directly before the verb opens an appositive
    or relative clause ("X, a spokesman for Y, said"; "X, who ..., said"), which the source span
    keeps, as PolNeAR does; any other comma ends the subject ("On Tuesday, X said").
    """
    k = j - 1
    mode = "head"
    if k >= lo and tk.words[k] == ",":
        mode = "appositive"
        k -= 1
    stop = max(lo, j - _MAX_SOURCE_TOKENS)
    while k >= stop:
        w = tk.lower[k]
        if w == ",":
            if mode == "appositive":
                mode = "head"
                k -= 1
                continue
            break
        if w == ")":
            # "Jane Doe (D-Ohio) said", "X, whose farm (in 2010) flooded, said": skip the group
            k = _open_paren_before(tk, k, stop)
            if k < 0:
                break
            k -= 1
            continue
        if w in (";", ":", ".", "(") or w in QUOTE_TOKENS:
            break
        if mode == "appositive":
            k -= 1  # inside "X, a ... and ... at Y, said" anything goes up to the comma
            continue
        if w in lx.SUBJECT_STOPS:
            break
        if (w in _FINITE or w in _WH) and k < j - 1:
            break  # "That's why he said", "what he said": a clause, not a subject
        if w == "and" and k - 1 >= lo and tk.words[k - 1] == ",":
            break
        if w in ("and", "but") and k + 1 < j and tk.words[k + 1][:1].islower():
            break
        k -= 1
    a = k + 1
    if mode == "appositive":
        return None  # never found the head of the appositive
    # Drop leading conjunctions, connectives and time phrases ("This week he said").
    while a < j:
        if tk.lower[a] in _LEADING_CONNECTIVES:
            a += 1
        elif (
            tk.lower[a] in ("this", "last", "next", "earlier", "later")
            and a + 2 < j
            and tk.lower[a + 1] in _TIME_NOUNS
        ):
            a += 2
        elif tk.lower[a] in lx.WEEKDAYS and a + 1 < j:
            a += 1
        else:
            break
    end = j - 1
    while end >= a and tk.words[end] == ",":
        end -= 1
    if end < a:
        return None
    if tk.lower[end] in lx.NOT_SUBJECT_LAST:
        return None
    if end - a + 1 > 25:
        return None
    return a, end + 1


def _open_paren_before(tk: Tokens, k: int, stop: int) -> int:
    """Index of the "(" matching the ")" at ``k`` within 8 tokens, or -1."""
    for m in range(k - 1, max(stop, k - 9) - 1, -1):
        if tk.words[m] == "(":
            return m
        if tk.words[m] in (")", ",", ";") or tk.words[m] in QUOTE_TOKENS:
            return -1
    return -1


def _close_paren_after(tk: Tokens, k: int, hi: int) -> int:
    """Index of the ")" matching the "(" at ``k`` within 8 tokens, or -1."""
    for m in range(k + 1, min(hi, k + 9)):
        if tk.words[m] == ")":
            return m
        if tk.words[m] in ("(", ",", ";") or tk.words[m] in QUOTE_TOKENS:
            return -1
    return -1


def _initial_subject(tk: Tokens, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase opening the sentence, before index ``hi``.

    Without part-of-speech tags this is conservative: a pronoun, a run of capitalised words
    ("Florida Gov. Jane Doe (R)"), or a determiner with a few lower-case nouns ("the state
    court"), ending at the first word that looks like a verb.
    """
    a = 0
    while a < hi and tk.lower[a] in _LEADING_CONNECTIVES:
        a += 1
    if a < hi and tk.lower[a] in lx.PREPOSITIONS:  # "In her speech, the governor ..."
        comma = next((k for k in range(a, min(hi, a + 10)) if tk.words[k] == ","), -1)
        a = comma + 1 if comma >= 0 else hi
    if a >= hi:
        return None
    if tk.lower[a] in lx.PERSONAL_PRONOUNS:
        return a, a + 1
    nominal = tk.lower[a] in _DETERMINERS
    b = a + 1 if nominal else a
    while b < hi:
        w, low = tk.words[b], tk.lower[b]
        if w == "(":
            close = _close_paren_after(tk, b, hi)
            if close < 0:
                return None
            b = close + 1
        elif _name_part(w) or (nominal and w.isalpha() and not _verb_like(low)):
            b += 1
        else:
            break
    if b == a or b >= hi or not _verb_like(tk.lower[b]) or b - a > 12:
        return None
    return a, b


def _name_part(word: str) -> bool:
    return word[:1].isupper() or word.lower() in ("of", "for", "’s", "'s", "-", "&")


def _verb_like(low: str) -> bool:
    """A guess without tags: past forms, auxiliaries and cue verbs (not noun-like ones)."""
    if low in lx.NOUN_LIKE:
        return False
    return low.endswith("ed") or low in lx.STRONG or low in lx.WEAK or low in _FINITE


def _listener_end(tk: Tokens, i: int, hi: int) -> int:
    """For "told X ...", the index just after the listener X (or ``i`` if none)."""
    if i >= hi:
        return i
    w = tk.lower[i]
    if w in lx.LISTENER_WORDS:
        return i + 1
    k = i
    if w in ("the", "a", "an", "his", "her", "their", "its", "our", "my"):
        k += 1
        while (
            k < hi
            and k - i < 5
            and tk.lower[k] not in lx.PREPOSITIONS
            and tk.lower[k] not in ("that", ",", "he", "she", "they", "it", "the", "“", '"')
        ):
            k += 1
        return k
    while k < hi and tk.words[k][:1].isupper() and tk.lower[k] not in lx.PERSONAL_PRONOUNS:
        k += 1
        if k < hi and tk.words[k] in ("’s", "'s"):
            k += 1
    return k


def _short_adjunct_tail(tk: Tokens, i: int, hi: int) -> bool:
    """True when tokens [i, hi) are at most a short adjunct ("on Tuesday", "in a statement")."""
    if i >= hi or tk.words[i] in (".", "!", "?"):
        return True
    if tk.lower[i] not in lx.PREPOSITIONS or hi - i > 8:
        return False
    return not any(w in _FINITE or w in lx.PERSONAL_PRONOUNS for w in tk.lower[i:hi])


def _tail_is_adjunct(tk: Tokens, i: int, hi: int) -> bool:
    """True when tokens [i, hi) after an inverted cue are only adjuncts, not a clause."""
    if i >= hi:
        return True
    w = tk.lower[i]
    if tk.words[i] in (",", ".", "!", "?", ";", "—", "–", ":") and tk.words[i] != ":":
        return True
    if w in lx.PREPOSITIONS or w in lx.WEEKDAYS or w in ("in", "on", "at", "during"):
        return True
    return hi - i <= 1


class SentenceAnalyser:
    def __init__(self, text: str, quotes: list[tuple[int, int]]):
        self.text = text
        self.quotes = quotes

    # ----- helpers on spans
    def _content_span(self, s: int, e: int) -> tuple[int, int] | None:
        """Trim whitespace and a leading comma/colon; None when nothing is left."""
        text = self.text
        while s < e and (text[s].isspace() or text[s] in ",:;—–"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]):
            return None
        return s, e

    def _extend_with_quote(self, s: int, e: int) -> tuple[int, int]:
        """Grow a content span to cover quotations it opens or closes."""
        text = self.text
        while s < e and text[s] in " \t,:;—–":
            s += 1
        q = _quote_at(self.quotes, s)
        if q and q[0] < s and text[q[0] : s].strip() in ("", "“", '"', "''"):
            s = q[0]
        q = _quote_at(self.quotes, s)
        if q and q[1] > e:
            e = q[1]
        q = _quote_at(self.quotes, max(s, e - 1))
        if q and q[0] < s:
            s = q[0]
        return s, e

    # ----- main
    def analyse(self, ss: int, se: int) -> list[Attribution]:
        text = self.text
        tk = Tokens(text, ss, se)
        n = len(tk)
        found: list[Attribution] = []
        if n < 2:
            return found
        covered_until = -1  # token index up to which the sentence is already content
        head = self._headline_colon(tk, ss, se)
        if head is not None:
            return [head]
        i = 0
        while i < n:
            w = tk.lower[i]
            if i < covered_until:
                i += 1
                continue
            att = None
            if w == "according" and i + 1 < n and tk.lower[i + 1] == "to":
                att = self._according_to(tk, i, ss, se)
            elif w == "reportedly":
                att = self._reportedly(tk, i, ss, se)
            elif w == "it" and i + 2 < n:
                att = self._passive(tk, i, ss, se)
            elif w in lx.STRONG or w in lx.WEAK:
                att = self._verb(tk, i, ss, se, found[-1] if found else None)
            if att is not None:
                found.append(att)
                # Skip tokens inside the content (nested attributions are not separate claims).
                if att.end > tk.starts[i]:
                    k = i + 1
                    while k < n and tk.starts[k] < att.end:
                        k += 1
                    covered_until = k
            i += 1
        return found

    def _mk(self, content, source, cue, ss, se) -> Attribution | None:
        if content is None:
            return None
        s, e = content
        s, e = self._extend_with_quote(s, e)
        span = self._content_span(s, e)
        if span is None:
            return None
        s, e = span
        piece = self.text[s:e]
        direct = any(ch in '“”"' for ch in piece) or "''" in piece
        sent = (min(ss, s), max(se, e))
        return Attribution(s, e, "direct" if direct else "indirect", source, cue, sent)

    def _headline_colon(self, tk: Tokens, ss: int, se: int) -> Attribution | None:
        """Headline style "Bernie Sanders: Brexit vote could help Trump"."""
        n = len(tk)
        for k in range(1, min(5, n - 3)):
            if tk.words[k] == ":":
                break
            if not tk.words[k][:1].isupper():
                return None
        else:
            return None
        if not tk.words[0][:1].isupper() or tk.lower[0] in _NOT_HEADLINE_SOURCE:
            return None
        source = (tk.starts[0], tk.ends[k - 1])
        cue = (tk.starts[k], tk.ends[k])
        return self._mk((tk.ends[k], se), source, cue, ss, se)

    def _according_to(self, tk: Tokens, i: int, ss: int, se: int) -> Attribution | None:
        n = len(tk)
        cue = (tk.starts[i], tk.ends[i + 1])
        k = i + 2
        while k < n and tk.words[k] not in (",", ";", "—", "–", ":") and k - i < 25:
            if tk.words[k] in (".", "!", "?") and k == n - 1:
                break
            k += 1
        if k == i + 2:
            return None
        source = (tk.starts[i + 2], tk.ends[k - 1])
        before = tk.starts[i] - ss
        if i == 0 or (before < 25 and tk.words[i - 1] == ","):
            # "According to X, C." (maybe after a short introductory phrase)
            start = tk.ends[k] if k < n else se
            content = (start, se) if k < n else None
            if content is None and i > 0:
                content = (ss, tk.starts[i])
        else:
            # "C, according to X." or "C according to X, D": content before the cue
            content = (ss, tk.starts[i])
            if k < n - 2:
                content = (ss, se)
        return self._mk(content, source, cue, ss, se)

    def _reportedly(self, tk: Tokens, i: int, ss: int, se: int) -> Attribution | None:
        a = _cue_modifiers_before(tk, i, 0)
        cue = (tk.starts[a], tk.ends[i])
        return self._mk((ss, se), None, cue, ss, se)

    def _passive(self, tk: Tokens, i: int, ss: int, se: int) -> Attribution | None:
        # "it was reported that", "it is believed that", "it has been announced that"
        n = len(tk)
        k = i + 1
        while k < n and k - i <= 3 and tk.lower[k] in ("is", "was", "has", "had", "been", "being"):
            k += 1
        if k == i + 1 or k >= n or tk.lower[k] not in lx.PASSIVE_CUES:
            return None
        if k + 1 >= n or tk.lower[k + 1] not in ("that", "by"):
            return None
        cue = (tk.starts[i], tk.ends[k])
        return self._mk((tk.starts[k + 1], se), None, cue, ss, se)

    def _verb(
        self, tk: Tokens, i: int, ss: int, se: int, prev: Attribution | None
    ) -> Attribution | None:
        n = len(tk)
        w = tk.lower[i]
        strong = w in lx.STRONG
        # Not a cue inside a quotation ("'I said no,' he recalled" has its cue outside).
        q = _quote_at(self.quotes, tk.starts[i])
        if q is not None:
            return None
        # "a said", "the report": not a verb; "to say" only for strong verbs ("declined to say")
        if (
            i > 0
            and tk.lower[i - 1] in ("to", "a", "the", "an", "this", "that", "his", "her")
            and (tk.lower[i - 1] != "to" or not strong)
        ):
            return None
        # "Islamic State", "Trump Says": a capitalised cue word inside a sentence is a name or
        # a headline, not a verb.
        if i > 0 and tk.words[i][:1].isupper() and tk.words[i - 1] not in QUOTE_TOKENS:
            return None
        # Forms that are also nouns ("his home state", "the attacks") need a subject-like word
        # right before them.
        if w in lx.NOUN_LIKE and i > 0:
            before = tk.words[i - 1]
            if not (
                before[:1].isupper()
                or before.lower() in lx.PERSONAL_PRONOUNS
                or before.lower() in lx.CUE_MODIFIERS
                or before.lower() in lx.PLURAL_SUBJECTS
            ):
                return None
        cue_end = i + 1
        particles = lx.PARTICLES.get(w)
        if particles and cue_end < n and tk.lower[cue_end] in particles:
            cue_end += 1
        m = _cue_modifiers_before(tk, i, 0)
        cue = (tk.starts[m], tk.ends[cue_end - 1])
        before_cue = _skip_time_before(tk, m, 0)

        # --- inverted: "C, said X[, apposition]." / "“C,” said X."
        if (
            w in lx.INVERTIBLE
            and w not in lx.LISTENER_VERBS
            and m > 0
            and (tk.words[m - 1] == "," or tk.words[m - 1] in QUOTE_TOKENS)
            and cue_end < n
        ) and (tk.words[m - 1] == "," or _closes_quote(tk.ends[m - 1], self.quotes)):
            src = self._source_after(tk, cue_end, n)
            if src is not None and m - 1 >= 1:
                content = self._content_before(tk, m - 1, ss)
                if content is not None:
                    return self._mk(content, src, cue, ss, se)

        # --- ", adding/citing/saying ...": a participle continuing the previous attribution
        if w.endswith("ing") and m > 0 and tk.words[m - 1] == ",":
            if prev is None or prev.source is None:
                return None
            return self._mk((tk.ends[cue_end - 1], se), prev.source, cue, ss, se)

        # --- "X declined to comment but said C": the second verb of a compound predicate
        if before_cue > 1 and tk.lower[before_cue - 1] in ("and", "but"):
            source = self._compound(tk, before_cue - 1, prev)
            if source is None:
                return None
            after = _listener_end(tk, cue_end, n) if w in lx.LISTENER_VERBS else cue_end
            return self._forward(tk, after, source, cue, ss, se)

        # --- "Ann Lee, who said C, ...": the relative pronoun is the source (as in PolNeAR)
        if before_cue > 1 and tk.lower[before_cue - 1] == "who":
            source = (tk.starts[before_cue - 1], tk.ends[before_cue - 1])
            return self._relative_content(tk, cue_end, source, cue, ss, se)

        # --- "C, X said [adjuncts]." / "“C,” X said."
        subj = _subject_before(tk, before_cue, 0)
        if subj is None:
            return None
        a, b = subj
        if a > 0 and tk.lower[a - 1] in ("which", "that") and b - a <= 4:
            # "the rule, which critics said was unfair, ...": the rest of the relative clause
            if self._plausible_subject(tk, a, b, strong):
                source = (tk.starts[a], tk.ends[b - 1])
                return self._relative_content(tk, cue_end, source, cue, ss, se)
        if not self._plausible_subject(tk, a, b, strong):
            return None
        source = (tk.starts[a], tk.ends[b - 1])
        after = cue_end
        if w in lx.LISTENER_VERBS:
            after = _listener_end(tk, cue_end, n)
        if (
            w in lx.INVERTIBLE
            and a > 0
            and (tk.words[a - 1] in (",", "—", "–") or tk.words[a - 1] in QUOTE_TOKENS)
            and _tail_is_adjunct(tk, after, n)
        ):
            content = self._content_before(tk, a - 1, ss)
            if content is not None:
                if (
                    after + 2 < n
                    and tk.words[after] == ","
                    and not tk.lower[after + 1].endswith("ing")
                    and tk.lower[after + 1] not in ("a", "an", "the", "who")
                ):
                    # "The plan, he said, is dead." / "“A,” she said, “B.”": both sides
                    content = (content[0], se)
                return self._mk(content, source, cue, ss, se)
        if a == 0 and w in lx.INVERTIBLE and _short_adjunct_tail(tk, after, n):
            # '“Why not?” Jane Doe said.': the splitter ends a sentence after '?”' or '!”'
            # followed by a capital, so the quotation sits just before this sentence.
            q = self._exclaimed_quote_before(ss)
            if q is not None:
                return self._mk(q, source, cue, ss, se)
        if a > 0 and not (a == 1 and tk.words[0] in "“\"'‘"):
            # Subjects start at a clause boundary: sentence start, comma, "that", a quote...
            prev = tk.lower[a - 1]
            if prev not in lx.SUBJECT_STOPS and prev not in _SUBJECT_OPENERS:
                return None

        # --- forward: "X said (that) C" / "X told Y (that) C" / "X said: “C”"
        return self._forward(tk, after, source, cue, ss, se)

    def _forward(self, tk: Tokens, after: int, source, cue, ss: int, se: int):
        """Content after the cue: to the end of the sentence, or to a second verb of the same
        subject ("declined to comment but said ..."), or the quotation after "X said:"."""
        n = len(tk)
        if after >= n or all(tk.words[k] in ".:!?,;" for k in range(after, n)):
            # "X said:" then the quotation (or paragraph) that follows.
            nxt = self._following_quote(se)
            if nxt is None:
                return None
            return self._mk(nxt, source, cue, ss, se)
        end = se
        k = self._compound_break(tk, after + 1, n)
        if k is not None:
            end = tk.starts[k - 1] if tk.words[k - 1] == "," else tk.starts[k]
        return self._mk((tk.starts[after], end), source, cue, ss, se)

    def _relative_content(self, tk: Tokens, after: int, source, cue, ss: int, se: int):
        """Content of a cue inside a relative clause: up to the clause's end (a comma, dash or
        semicolon outside quotation marks) or the end of the sentence."""
        n = len(tk)
        k = after
        while k < n:
            if tk.words[k] in (",", ";", "—", "–") and _quote_at(self.quotes, tk.starts[k]) is None:
                break
            k += 1
        if k == after:
            return None
        end = tk.ends[k - 1] if k < n else se
        return self._mk((tk.starts[after], end), source, cue, ss, se)

    def _compound_break(self, tk: Tokens, lo: int, hi: int) -> int | None:
        """Index of "and"/"but" that starts a second cue verb of the same subject, e.g. "and
        said", "but added" (not inside a quotation)."""
        for k in range(lo, hi - 1):
            if tk.lower[k] not in ("and", "but"):
                continue
            j = k + 1
            while j < hi - 1 and tk.lower[j] in lx.CUE_MODIFIERS:
                j += 1
            if tk.lower[j] in _COMPOUND_CUES and _quote_at(self.quotes, tk.starts[k]) is None:
                return k
        return None

    def _compound(self, tk: Tokens, k: int, prev: Attribution | None) -> tuple[int, int] | None:
        """Source of a verb after "and"/"but" at ``k``: the previous cue's source in the same
        sentence, otherwise the noun phrase opening the sentence ("The court disagreed and
        said ...")."""
        if prev is not None and prev.source is not None and prev.cue[1] <= tk.starts[k]:
            return prev.source
        span = _initial_subject(tk, k)
        if span is None:
            return None
        a, b = span
        return tk.starts[a], tk.ends[b - 1]

    def _plausible_subject(self, tk: Tokens, a: int, b: int, strong: bool) -> bool:
        first = tk.words[a]
        last = tk.lower[b - 1]
        if last in lx.NOT_SUBJECT_LAST:
            return False
        if not strong:
            # Weak cues need a short, clearly nominal subject: a pronoun, a name, "officials".
            if b - a > 12:
                return False
            if not (
                first[:1].isupper()
                or tk.lower[a] in lx.PERSONAL_PRONOUNS
                or tk.lower[a] in ("the", "a", "an", "some", "many", "most", "officials")
                or tk.lower[a] in lx.PLURAL_SUBJECTS
            ):
                return False
        return not (b - a == 1 and tk.lower[a] in ("it",) and not strong)

    def _source_after(self, tk: Tokens, i: int, n: int) -> tuple[int, int] | None:
        """Source of "..., said X, a spokesman for Y." starting at token ``i``."""
        if i >= n:
            return None
        first = tk.words[i]
        if not (first[:1].isupper() or tk.lower[i] in ("the", "a", "an", "one", "another")):
            return None
        k = i
        seen_comma = False
        lowercase = 0  # lower-case words before any comma: a name has few ("the mayor of X")
        while k < n:
            wk = tk.words[k]
            if wk in (".", "!", "?", ";", ":", "—", "–") or wk in QUOTE_TOKENS:
                break
            if wk == "(":
                # "said Jane Doe (D-Ohio)": keep a short parenthesis with the name
                close = _close_paren_after(tk, k, n)
                if close < 0:
                    break
                k = close + 1
                continue
            if wk == ",":
                # an apposition after the name: "said Jane Doe, a spokeswoman for X"
                if k + 1 < n and (
                    tk.lower[k + 1] in ("a", "an", "the", "who", "which", "whose")
                    or tk.words[k + 1][:1].isupper()
                ):
                    seen_comma = True
                    k += 1
                    continue
                break
            low = tk.lower[k]
            if not seen_comma and k > i and low in ("who", "whose"):
                break  # "said one official who asked not to be named": the name ends here
            if not seen_comma and k > i and low in lx.PREPOSITIONS and low not in ("of", "for"):
                break
            if not seen_comma:
                lowercase += not wk[:1].isupper()
                if low in _FINITE or low == "to" or lowercase >= 6:
                    return None  # "..., said the records were lost": a clause, not a name
            k += 1
        if k == i or k - i > 30:
            return None
        # The source runs to the end of the sentence ("..., said Jane Doe, a spokeswoman."),
        # apart from closing punctuation or a trailing adjunct ("said X on Tuesday").
        if (
            k < n
            and tk.words[k] not in (".", "!", "?", ",")
            and tk.words[k] not in QUOTE_TOKENS
            and tk.lower[k] not in lx.PREPOSITIONS
            and tk.lower[k] not in ("who", "whose")
        ):
            return None
        return tk.starts[i], tk.ends[k - 1]

    def _content_before(self, tk: Tokens, k: int, ss: int) -> tuple[int, int] | None:
        """Content ending at token ``k`` (a comma or closing quote) in an inverted sentence."""
        end = tk.ends[k] if tk.words[k] != "," else tk.starts[k]
        if tk.words[k] == "," and k > 0 and tk.words[k - 1] in QUOTE_TOKENS:
            end = tk.ends[k - 1]
        # quotation ending here: the whole quotation, however many sentences it spans
        q = _quote_at(self.quotes, end - 1)
        if q is not None and q[1] >= end - 1 and (q[0] <= ss or not self.text[ss : q[0]].strip()):
            return q[0], max(end, q[1])
        if k < 2:
            return None
        return ss, end

    def _exclaimed_quote_before(self, ss: int) -> tuple[int, int] | None:
        """A quotation ending in '?' or '!' directly before ``ss`` on the same line."""
        text = self.text
        j = ss
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        q = _quote_at(self.quotes, j - 1)
        if q is None or q[1] != j or text[q[0] : q[1]].rstrip("”\"' ")[-1:] not in "?!":
            return None
        return q

    def _following_quote(self, se: int) -> tuple[int, int] | None:
        text = self.text
        j = se
        n = len(text)
        while j < n and text[j].isspace() and j - se < 5:
            j += 1
        if j < n and text[j] in OPEN_QUOTES:
            q = _quote_at(self.quotes, j)
            if q is not None:
                return q
        return None


def _closes_quote(end: int, quotes: list[tuple[int, int]]) -> bool:
    q = _quote_at(quotes, end - 1)
    return q is not None and q[1] == end


def find_attributions(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> list[Attribution]:
    """All attributions of ``text``, ordered by content start, non-overlapping."""
    if sentences is None:
        sentences = split_sentences(text)
    quotes = find_quotes(text)
    analyser = SentenceAnalyser(text, quotes)
    found: list[Attribution] = []
    for ss, se in sentences:
        found.extend(analyser.analyse(ss, se))
    found.sort(key=lambda a: (a.start, -a.end))
    # Keep content spans disjoint: a quotation attributed at its end may have been picked up
    # again from an inner sentence.
    kept: list[Attribution] = []
    for att in found:
        if kept and att.start < kept[-1].end:
            prev = kept[-1]
            if (att.end - att.start) > (prev.end - prev.start) and att.source and not prev.source:
                kept[-1] = att
            continue
        kept.append(att)
    _continue_quotes(text, quotes, kept)
    return kept


def _continue_quotes(text: str, quotes: list[tuple[int, int]], atts: list[Attribution]) -> None:
    """Extend '“A,” she said.' over the quotations that directly follow it.

    Reporters attribute a long quotation once, after its first sentence: '“A,” she said. “B. C.”'
    The speaker of B and C is the same, and PolNeAR annotates them as one content.
    """
    starts = [a.start for a in atts]
    for idx, att in enumerate(atts):
        if att.kind != "direct" or att.cue is None or att.cue[0] < att.end:
            continue
        if text[att.end - 1] not in "”\"'":
            continue
        nxt_start = starts[idx + 1] if idx + 1 < len(starts) else len(text)
        pos = att.sentence[1]
        for _ in range(4):  # a few quotations at most
            j = pos
            newlines = 0
            while j < len(text) and text[j].isspace():
                newlines += text[j] == "\n"
                j += 1
            if j >= len(text) or newlines > 1 or text[j] not in OPEN_QUOTES and text[j] != "'":
                break
            q = _quote_at(quotes, j)
            if q is None or q[0] != j or q[1] > nxt_start:
                break
            # The quotation must end its sentence: '“B.” Then she left.' is fine,
            # '“B,” he added.' has its own cue and is left alone.
            k = q[1]
            while k < len(text) and text[k] in " \t":
                k += 1
            if (
                k < len(text)
                and text[k] not in '\n“"'
                and text[q[0] : q[1]].rstrip("”\"' ")[-1:] not in ".!?"
            ):
                break
            att.end = q[1]
            att.sentence = (att.sentence[0], max(att.sentence[1], q[1]))
            pos = q[1]
