"""Stage 1: a sentence's tokens, and the guesses made from one word's shape.

A ``Sentence`` is the context every rule reads: its tokens (words, lower-case words and their
character offsets in the article), its span, the article's text and quotations, and whether it is
a title-case headline. Without part-of-speech tags the rules guess from a word's form and the
lexicon: ``verb_like`` ("a past form, an auxiliary or a cue verb"), ``name_part``, ``possessive``.
"""

import re
from itertools import islice
from typing import TYPE_CHECKING

from .. import lexicon as lx

if TYPE_CHECKING:
    from .quotes import Quotes


# Words (with inner apostrophes, hyphens, dots, slashes: "9/11"), titles and initials with their
# period ("Sen.", "J."), numbers with thousands separators ("2,472"), the two-apostrophe quote
# mark some outlets use ('', three after a word read as ' then ''), or one punctuation character.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Sgt|Capt|Prof|Rev|Hon|Maj|Adm|Sens|Reps)\."
    r"|(?:[A-Z]\.)+(?=\s+[A-Z])|(?:[A-Z]\.){2,}(?=\s+[a-z])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[’'\-./]\w+)*|(?<=\S)'(?='')|''|[^\w\s]"
)

# Each token with the spaces before it (the token is group 1): the regular expression engine then
# passes over the spaces in one step instead of trying every token shape at each of them. (A
# sentence's span is trimmed, so spaces are always followed by a token.)
_SPACED_TOKEN = re.compile(rf"\s*({_TOKEN.pattern})")

_MAX_SENTENCE_TOKENS = 400

# Any space but a plain one or a line break: a non-breaking space (U+00A0), a thin space, a tab.
_INLINE_SPACE = re.compile(r"[^\S \n]")


def plain_spaces(text: str) -> str:
    """``text`` with every space but a line break written as a plain space, character for
    character (offsets do not move): the rules compare words, particles and quotation edges
    with a plain space in mind ("wrote of\u00a0living" reads as "wrote of living")."""
    return _INLINE_SPACE.sub(" ", text)


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
        tokens = list(islice(_SPACED_TOKEN.finditer(text, start, end), _MAX_SENTENCE_TOKENS))
        self.starts: list[int] = [m.start(1) for m in tokens]
        self.ends: list[int] = [m.end() for m in tokens]
        self.words: list[str] = [m.group(1) for m in tokens]
        self.lower = [w.lower() for w in self.words]

    def within(self, span: tuple[int, int]) -> list[str]:
        """Lower-case tokens starting inside the character span."""
        return [w for w, st in zip(self.lower, self.starts, strict=True) if span[0] <= st < span[1]]

    def __len__(self) -> int:
        return len(self.words)


def final_dot(sent: Sentence, k: int) -> bool:
    """A "." token that ends a sentence; inside a sentence a dot is an abbreviation ("U.S.",
    "Mich.") because the splitter has already cut the text at real sentence ends."""
    if sent.words[k] != ".":
        return False
    return (
        k + 1 >= len(sent) or sent.words[k + 1] in lx.QUOTE_TOKENS or sent.words[k + 1] in "“”\"'"
    )


def open_paren_before(sent: Sentence, k: int, stop: int) -> int:
    """Index of the "(" matching the ")" at ``k`` within 8 tokens, or -1."""
    for m in range(k - 1, max(stop, k - 9) - 1, -1):
        if sent.words[m] == "(":
            return m
        if sent.words[m] in (")", ",", ";") or sent.words[m] in lx.QUOTE_TOKENS:
            return -1
    return -1


def close_paren_after(sent: Sentence, k: int, hi: int) -> int:
    """Index of the ")" matching the "(" at ``k`` within 8 tokens, or -1."""
    for m in range(k + 1, min(hi, k + 9)):
        if sent.words[m] == ")":
            return m
        if sent.words[m] in ("(", ",", ";") or sent.words[m] in lx.QUOTE_TOKENS:
            return -1
    return -1


def past_intensifier(sent: Sentence, i: int) -> int:
    """``i + 1`` when the word at ``i`` only stresses the subordinator after it ("Just | when
    ...", "Even | though ..."), otherwise ``i``."""
    if (
        i + 1 < len(sent)
        and sent.lower[i] in lx.SUBORDINATOR_INTENSIFIERS
        and sent.lower[i + 1] in lx.FRONTED_SUBORDINATORS
    ):
        return i + 1
    return i


def name_part(word: str) -> bool:
    return word[:1].isupper() or word.lower() in ("of", "for", "’s", "'s", "-", "&")


def within_name(sent: Sentence, k: int) -> bool:
    """A capitalised word after a capitalised word is part of a name, though it is also an
    auxiliary: "Theresa May", "Rep. Will Hurd" (not in a line set in capitals)."""
    word = sent.words[k]
    return k > 0 and word[:1].isupper() and not word.isupper() and sent.words[k - 1][:1].isupper()


def title_case(sent: Sentence) -> bool:
    """Most words capitalised, as in a headline ("Senator Says Deal Is Dead")."""
    alpha = [w for w in sent.words if w[:1].isalpha() and len(w) > 3]
    return len(alpha) >= 3 and sum(w[0].isupper() for w in alpha) >= 0.8 * len(alpha)


def possessive(word: str) -> bool:
    """ "his", "her", "their", "its" or a name with "'s" ("Lee's", "Trump’s")."""
    low = word.lower()
    if low in ("his", "her", "their", "its", "our"):
        return True
    return word[:1].isupper() and low.endswith(("'s", "’s"))


def plural_possessive_mark(sent: Sentence, k: int) -> bool:
    """ "Sanders’ campaign", "the workers’ union": the mark at ``k`` is an apostrophe, set
    right after a word in -s and before the next word, not a closing single quote."""
    return (
        sent.words[k] == "’"
        and 0 < k < len(sent) - 1
        and sent.ends[k - 1] == sent.starts[k]
        and sent.lower[k - 1].endswith("s")
        and sent.starts[k + 1] > sent.ends[k]
        and sent.words[k + 1].isalpha()
    )


def named_plural_possessive(sent: Sentence, k: int) -> bool:
    """The mark at ``k`` makes a name a plural possessive: "Sanders’ decision", "the Joneses’
    plan"; not a lower-case word ("the voters’ choice") nor a closing quote ("a ‘yes’ vote")."""
    return (
        k > 0
        and plural_possessive_mark(sent, k)
        and sent.words[k - 1][:1].isupper()
        and not (k > 1 and sent.words[k - 2] in lx.QUOTE_TOKENS)
    )


def verb_like(low: str) -> bool:
    """A guess without tags: past forms, auxiliaries and cue verbs (not noun-like ones)."""
    if low in lx.NOUN_LIKE:
        return False
    if low.endswith("ed") or low in lx.IRREGULAR_PAST:
        return True
    return is_cue_word(low) or low in lx.FINITE


def s_form(word: str) -> bool:
    """A lower-case -s form that may be a verb ("makes", "lacks"; not "class", "plans")."""
    return (
        len(word) > 3
        and word.isalpha()
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in lx.NOUN_LIKE
    )


def plural_noun(word: str) -> bool:
    """A guess without tags: a lower-case word in -s that is not a verb ("advocates")."""
    low = word.lower()
    return (
        word.islower()
        and len(low) > 4
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ous"))
        and low not in lx.FUNCTION_WORDS
        and not verb_like(low)
    )


def verb_like_or_finite(low: str) -> bool:
    return low in lx.FINITE or verb_like(low)


def has_verb(tokens: list[str]) -> bool:
    """Whether the tokens hold a verb (a guess: see ``verb_like``) or "that"; capitalised
    words inside a sentence are names ("in May", "Will Lee")."""
    return any(w.islower() and verb_like_or_finite(w) for w in tokens)


def is_cue_word(low: str) -> bool:
    return low in lx.STRONG or low in lx.WEAK
