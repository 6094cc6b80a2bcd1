"""What kind of source a phrase names, from its own words and from the article around it.

The head of the phrase decides, not every word in it: "Jo Lee, who wrote the report," is a
person (the report is in her relative clause), "a report by the auditor" a document, "the
audit office" a government body. A title before a name makes a person ("press secretary Jo
Lee"), a suffix an organisation ("Acme Corp."). A bare name the phrase says nothing about
takes what the article says of it elsewhere ("Acme Corp.", "Acme, a chemicals maker,").
"""

import re

from .. import lexicon as lx
from .names import head_phrase, name_words

_TOKEN = re.compile(r"[\w’'&.\-]+")
# A name of up to five capitalised words, from a word's start. The \b before its first capital is
# written as a look-behind after it, "[A-Z](?<!\w\w)": the same matches, but the regular expression
# engine then skips ahead to capitals instead of trying every position of the article.
_NAME_RUN = r"([A-Z](?<!\w\w)[\w&’'\-]*(?:\s+[A-Z][\w&’'\-]*){0,4})"
_ORG_SUFFIX = re.compile(
    _NAME_RUN
    + r",?\s+(?:"
    + "|".join(w.capitalize() for w in sorted(lx.ORGANISATION_SUFFIXES) if len(w) > 2)
    + r"|LLC|PLC|Co|AG|SA)\b\.?"
)
_NAMED_APPOSITION = re.compile(_NAME_RUN + r"(,\s+(?:a|an|the)\s+[^,.;:()]{1,60})")

_NAME_THEN_ITS = re.compile(_NAME_RUN + r"\s+\w+(?:ed|s)\s+its\b")


def classify(phrase: str) -> str:
    """One of ``types.SOURCE_KINDS`` for a source as written; a person when nothing says
    otherwise."""
    return kind_from_phrase(phrase) or "person"


def kind_from_phrase(phrase: str) -> str | None:
    """The kind the phrase's own words give it, or None when they give none (a bare name)."""
    text = phrase.strip()
    low = text.lower()
    if not text:
        return None
    if _anonymous(text):
        return "anonymous"
    if low in lx.PERSON_PRONOUNS or low in lx.FIRST_PERSON:
        return "person"
    if low in lx.THING_PRONOUNS:
        return "organisation"
    head = head_phrase(text)
    kind = _kind_of_head(head) or _kind_of_apposition(text[len(head) :])
    if kind == "group" and low.startswith("one of "):
        return "person"  # "one of his advisers"
    return kind


def kind_of_noun(noun: str, capitalised: bool = False) -> str | None:
    """The kind a head noun gives: "ministry" a government body, "memo" a document."""
    low = noun.lower().rstrip(".")
    if capitalised and low in lx.MEDIA_NAME_ENDINGS:
        return "media"  # "The Valley Herald", "The Washington Post"
    if capitalised and low in lx.ORGANISATION_NAME_ENDINGS:
        return "organisation"  # "Tanner Freight", "Northgate Capital"
    if low in lx.GOVERNMENT_NOUNS:
        return "government"
    if low in lx.ORGANISATION_NOUNS or low in lx.ORGANISATION_SUFFIXES:
        return "organisation"
    if low in lx.MEDIA_NOUNS_OF_SOURCES:
        return "media"
    if low in lx.DOCUMENT_NOUNS:
        return "document"
    if low in lx.PERSON_ROLES:
        return "person"
    if low in lx.GROUP_NOUNS:
        return "group"  # "her opponents on the council", "Senate Democrats"
    return None


def _kind_of_head(head: str) -> str | None:
    words = _TOKEN.findall(head)
    if not words:
        return None
    low = " ".join(words).lower()
    if _titled_name(words):
        return "person"  # "press secretary Jo Lee", "Sen. Ames"
    named = _named_kind(words, low)
    if named is not None:
        return named
    noun, capitalised = _head_noun(words)
    kind = kind_of_noun(noun, capitalised)
    if kind == "person" and capitalised:
        kind = None  # a capitalised role is a name's part ("Department of Justice")
    if kind is None and "of" in words[1:-1]:
        # "Bank of America", "Department of Justice": the institution before "of"
        before = words[words.index("of", 1) - 1]
        kind = kind_of_noun(before, before[:1].isupper())
    return kind


def _titled_name(words: list[str]) -> bool:
    """A title or role followed by a name: "President Vladimir Putin", "aide Jo Lee"."""
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in lx.PERSON_ROLES and words[k + 1][:1].isupper():
            rest = words[k + 1 :]
            return all(x[:1].isupper() or x in lx.NAME_PARTICLES for x in rest)
    return False


def _named_kind(words: list[str], low: str) -> str | None:
    """Outlets, government bodies and organisations known by name or by acronym."""
    lows = {w.lower().rstrip(".") for w in words}
    if lows & lx.MEDIA_OUTLETS or any(p in low for p in lx.MEDIA_OUTLET_PHRASES):
        return "media"
    if any(p in low for p in lx.GOVERNMENT_PHRASES) or lows & lx.GOVERNMENT_ACRONYMS:
        return "government"
    if lows & lx.ORGANISATION_ACRONYMS:
        return "organisation"
    return None


def _head_noun(words: list[str]) -> tuple[str, bool]:
    """The head noun of a phrase: its last word before a lower-case preposition ("a report |
    by the auditor"), with whether it is capitalised."""
    end = len(words)
    for k in range(1, len(words)):
        if k > 1 and words[k].islower() and words[k].endswith(("ed", "ing")):
            end = k  # "an audit | released on Thursday by the comptroller"
            break
        if (words[k] in lx.PREPOSITIONS or words[k] == "by") and words[k].islower():
            if k + 1 < len(words) and words[k + 1][:1].isupper() and words[k] == "of":
                continue  # "Department of Justice"
            end = k
            break
    noun = name_words(" ".join(words[:end]))[-1]
    return noun, noun[:1].isupper()


def _kind_of_apposition(rest: str) -> str | None:
    """ "Acme, a chemicals company based in Ohio": the apposition's head noun."""
    rest = rest.lstrip(" ,").lower()
    words = _TOKEN.findall(rest)[:6]
    if not words or words[0] not in ("a", "an", "the"):
        return None
    for w in words[1:]:
        if w in lx.PREPOSITIONS or w in lx.RELATIVE_PRONOUNS:
            break
        kind = kind_of_noun(w)
        if kind is not None:
            return kind
    return None


def _anonymous(text: str) -> bool:
    """ "officials familiar with the talks", "two senior officials", "a spokesman for the
    company"; not "Senior Adviser Jo Lee"."""
    low = text.lower()
    if any(hint in low for hint in lx.ANONYMOUS_HINTS):
        return True
    words = _TOKEN.findall(head_phrase(text))
    k = 0
    while k < len(words) and k < 6 and words[k].lower() in lx.ANONYMOUS_MODIFIERS:
        k += 1
    if k >= len(words) or words[k].lower() not in lx.ANONYMOUS_NOUNS:
        return False
    rest = words[k + 1 :]
    return not any(w[:1].isupper() for w in rest) or (bool(rest) and rest[0] in lx.PREPOSITIONS)


def organisations_named(text: str) -> list[tuple[int, str]]:
    """Where the article names an organisation by its legal form ("Acme Corp.", "Harbour
    Logistics Inc."), in order: (position, name without the suffix)."""
    return [(m.start(), m.group(1)) for m in _ORG_SUFFIX.finditer(text)]


def kind_evidence(text: str, organisations: list[tuple[int, str]]) -> dict[str, str]:
    """What the article says of names elsewhere: "Acme Corp." (an organisation), "Acme, a
    chemicals maker," (an organisation), "Jo Lee, a lawyer," (a person), "Acme said its board"
    (an organisation). ``organisations``: what ``organisations_named(text)`` found."""
    found: dict[str, str] = {}
    for _, name in organisations:
        found.setdefault(name, "organisation")
        found.setdefault(name.split()[0], "organisation")  # "Acme Chemical Corp." -> "Acme"
    for m in _NAMED_APPOSITION.finditer(text):
        kind = _kind_of_apposition(m.group(2))
        if kind is not None:
            found.setdefault(m.group(1), kind)
    for m in _NAME_THEN_ITS.finditer(text):
        found.setdefault(m.group(1), "organisation")  # "Tanner Freight said its board ..."
    return found
