"""Stage 6c: shapes of a whole line: headlines and colons that introduce a quotation.

"Bernie Sanders: Brexit vote could help Trump", "Judge slams county's new map", 'More from Jo Lee:
"C."', 'Trump leaned in and boomed: "C."'.
"""

import functools
import re

from .. import lexicon as lx
from .contents import Attribution, make_attribution
from .cues import is_verb_use
from .quotes import starts_paragraph
from .subjects import from_phrase_before, initial_subject
from .tokens import Sentence, is_cue_word, name_part, s_form, verb_like, verb_like_or_finite


def name_colon_quote(sent: Sentence) -> Attribution | None:
    """'More from Jo Lee: “C.”' / 'From the report: “C.”': a name (or a noun phrase after
    "from") and a colon introduce a quotation."""
    n = len(sent)
    for k in range(1, n - 1):
        if sent.words[k] != ":" or not sent.quotes.opens(sent.starts[k + 1]):
            continue
        a = k  # the name: up to five capitalised words before the colon
        while a > 0 and k - a < 5:
            w = sent.words[a - 1]
            if not (w == "." or (w.isalpha() and name_part(w))):
                break
            a -= 1
        if a == k or not sent.words[a][:1].isupper():
            a = from_phrase_before(sent, k)  # ("From the report: “C.”")
            if a is None:
                continue
        elif sent.lower[a] in lx.NOT_HEADLINE_SOURCE:
            continue  # ("Update: ...")
        elif a > 0 and sent.words[a - 1] not in lx.NAME_LEADS:
            continue  # ("He spoke to Jo Lee: ...")
        q = sent.quotes.at(sent.starts[k + 1])
        return make_attribution(
            sent, q, (sent.starts[a], sent.ends[k - 1]), (sent.starts[k], sent.ends[k])
        )
    return None


def clause_colon_quote(sent: Sentence) -> Attribution | None:
    """ "Trump leaned in and boomed: “C.”": a clause ending in a colon introduces a
    quotation; its subject is the source, its verb phrase the cue."""
    k = next((k for k in range(2, len(sent) - 1) if sent.words[k] == ":"), None)
    if k is None or not sent.quotes.opens(sent.starts[k + 1]):
        return None
    if any(sent.words[x] == ";" or sent.words[x] in lx.QUOTE_TOKENS for x in range(k)):
        return None
    subj = initial_subject(sent, k)
    if subj is None:
        return None
    a, b = subj
    verb = (verb_like_or_finite(sent.lower[x]) or s_form(sent.lower[x]) for x in range(b, k))
    if b >= k or not any(verb):
        return None
    q = sent.quotes.at(sent.starts[k + 1])
    return make_attribution(
        sent, q, (sent.starts[a], sent.ends[b - 1]), (sent.starts[b], sent.ends[k])
    )


def headline_verb(sent: Sentence) -> Attribution | None:
    """ "Judge slams county's new map": an article's first line that the other shapes left
    alone, a name and a cue verb with no article before it (headline style)."""
    n = len(sent)
    if sent.start != 0 or n > 25:
        return None
    for i in range(1, min(n - 1, 8)):
        w = sent.lower[i]
        if not is_cue_word(w) or w in lx.FUNCTION_WORDS or w in lx.FINITE:
            continue
        names = sent.words[:i]
        if not all(name_part(x) or x in ("'s", "’s") for x in names):
            return None
        if any(x.lower() in lx.FUNCTION_WORDS for x in names) or w in lx.RAISING:
            return None  # "The support for ...", "Lee appears on TV"
        if not is_verb_use(sent, i):
            return None
        end = next((k for k in range(i + 1, n) if sent.words[k] in lx.HEADLINE_BREAKS), n)
        if end <= i + 1:
            return None
        content = (sent.starts[i + 1], sent.end if end >= n else sent.starts[end])
        return make_attribution(
            sent,
            content,
            (sent.starts[0], sent.ends[i - 1]),
            (sent.starts[i], sent.ends[i]),
        )
    return None


def headline_colon(sent: Sentence) -> Attribution | None:
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
    if sent.lower[k - 1] in lx.NOT_HEADLINE_SOURCE or any(verb_like(w) for w in sent.lower[:k]):
        return None  # "Delegate Update: ...", "Fix Is In: ...", "Just Leaked: ..."
    label_end = _label_end(sent, k)
    if label_end is None:
        return None
    if _a_list(sent, k):
        return None
    source = (sent.starts[0], sent.ends[label_end - 1])
    cue = (sent.starts[k], sent.ends[k])
    end = sent.end
    label = sent.words[:k]
    if starts_paragraph(sent.text, sent.start) and all(
        w.isupper() or not w.isalpha() for w in label
    ):
        # "LEE: A. B. C.": a speaker's turn in a transcript runs to the paragraph's end
        nl = sent.text.find("\n", sent.end)
        end = len(sent.text) if nl < 0 else nl
    return make_attribution(sent, (sent.ends[k], end), source, cue)


def _a_list(sent: Sentence, k: int) -> bool:
    """A list after the colon at ``k`` ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...":
    names), or the line one of several short labelled lines ("Lee: Win in a walk.", "Roe:
    Finish second.": the heads of a scorecard): no claims."""
    items = sent.text[sent.ends[k] : sent.end].split(",")
    if len(items) >= 4 and all(x.strip()[:1].isupper() for x in items):
        return True
    return _in_label_list(sent.text, sent.start, sent.end)


_SHORT_LABEL_LINE = re.compile(r"^[A-Z][a-z][\w.’' -]{0,30}: (?:\S+ ?){1,6}$", re.MULTILINE)


@functools.lru_cache(maxsize=4)
def _short_label_lines(text: str) -> int:
    """How many lines of the article are a short "Name: phrase" line (not a transcript's
    "LEE:")."""
    return sum(1 for _ in _SHORT_LABEL_LINE.finditer(text))


def _in_label_list(text: str, start: int, end: int) -> bool:
    """Whether the short line [start, end) ("Lee: Win in a walk.") is one of three or more such
    lines in the article: section heads of a scorecard, not headlines."""
    line = text[start:end]
    if not starts_paragraph(text, start) or not _SHORT_LABEL_LINE.fullmatch(line):
        return False
    return _short_label_lines(text) >= 3


def _label_end(sent: Sentence, k: int) -> int | None:
    """Where the speaker of a headline's label before the colon at ``k`` ends: at the colon, at
    "On" before a topic ("CNN President On Trump:"); None for a title in title case, which a
    capitalised preposition gives away ("Stealth Over Health:", "Big Win For Bernie:")."""
    j = next((j for j in range(1, k) if _title_case_preposition(sent.words[j])), k)
    return j if j == k or sent.lower[j] == "on" else None


def _title_case_preposition(word: str) -> bool:
    """A capitalised preposition inside a headline's label ("Over", "For", "In"): title case,
    which a name does not use ("Bank of America"; "Of" is let through for names set in it)."""
    low = word.lower()
    return word[:1].isupper() and low in lx.PREPOSITIONS and low != "of"
