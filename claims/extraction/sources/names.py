"""The name inside a source phrase, and the names written in an article's text."""

import re
from functools import lru_cache

from .. import lexicon as lx

_PARTICLE = "|".join(sorted(lx.NAME_PARTICLES))
_CAPITALISED = r"[A-Z][\w’'\-]*\.?"
# Capitalised words, with lower-case particles only between them ("Ursula von der Leyen").
NAME = re.compile(rf"{_CAPITALISED}(?:\s+(?:(?:{_PARTICLE})\s+)*{_CAPITALISED})*")
# (not "that" after a preposition: "a memo from that year")
_APPOSITION = re.compile(
    r",|\s(?:who|which|whose)\s|(?<!\bfrom)(?<!\bof)(?<!\bin)(?<!\bon)\sthat\s|\s[-–—]\s|\s\("
)
_POSSESSIVE = re.compile(r"[’']s$")
# A possessor: "CNN’s", "Fox News’" (a plural's apostrophe after its s).
_POSSESSOR = re.compile(r"[’']s$|(?<=s)[’']$")


def without_possessor(phrase: str) -> str:
    """A name without the possessor before it: "CNN’s Jake Tapper" -> "Jake Tapper", "Fox News’
    Bret Baier" -> "Bret Baier"; a possessed noun stays ("Sanders’ campaign")."""
    words = phrase.split()
    for k in range(len(words) - 1, 0, -1):
        if _POSSESSOR.search(words[k - 1]) and words[k][:1].isupper():
            if k == len(words) - 1 and words[k].lower() in lx.ORGANISATION_NOUNS:
                return phrase  # a body named for its members: "the Dockworkers’ Union"
            return " ".join(words[k:])
    return phrase


@lru_cache(maxsize=1024)  # a source is asked for its head by several rules
def head_phrase(source: str) -> str:
    """The source without its apposition or relative clause: "Kirill Dmitriev, an aide to the
    president" -> "Kirill Dmitriev"."""
    return _APPOSITION.split(source.strip(), maxsplit=1)[0].strip()


def head_name(source: str) -> str:
    """The name inside a source phrase: no apposition, title, possessive, leading article or
    stray particle: "Russian President Vladimir Putin" -> "Vladimir Putin", "de Douglas Band" ->
    "Douglas Band", "The Valley Herald's" -> "Valley Herald"; a role before the name in an
    apposition gives way to it: "Her finance director, Paul Sandoval" -> "Paul Sandoval"."""
    named = _name_in_apposition(source)
    words = (named or head_phrase(source)).split()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    words = _without_titles(words)
    if len(words) > 1 and words[0].lower() in lx.NAME_DETERMINERS and words[1][:1].isupper():
        words = words[1:]
    while len(words) > 1 and words[0] in lx.NAME_PARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in lx.NAME_PARTICLES:
        words = words[:-1]
    return " ".join(words).strip(" ,.;:")


def _name_in_apposition(source: str) -> str | None:
    """The name after a role that has none: "Tanner's founder, Owen Tanner", "the fund's owner,
    the pension fund Northgate Capital"."""
    head = head_phrase(source)
    rest = source.strip()[len(head) :]
    if not rest.startswith(",") or any(w[:1].isupper() for w in _own_words(head) if not _date(w)):
        return None  # ("The governor’s opponent in November, state Sen. Carla Whitmore")
    apposition = rest[1:].split(",", 1)[0].split()
    k = len(apposition)
    while k > 0 and (apposition[k - 1][:1].isupper() or apposition[k - 1] in lx.NAME_PARTICLES):
        k -= 1
    descriptors = apposition[:k]
    if k == len(apposition) or any(
        w[:1].isupper() or w in lx.RELATIVE_PRONOUNS for w in descriptors
    ):
        return None
    return " ".join(apposition[k:])


def _date(word: str) -> bool:
    low = word.lower().strip(".,")
    return low in lx.MONTH_NAMES or low in lx.WEEKDAYS


def _own_words(head: str) -> list[str]:
    """The words of a phrase that could name it: not a determiner ("Her", "The") nor a possessor
    ("Tanner's")."""
    return [
        w for w in head.split() if w.lower() not in lx.NAME_DETERMINERS and not _POSSESSOR.search(w)
    ]


def title_words(words: list[str]) -> int:
    """How many of the first words are titles or roles ("US President", "Sen.")."""
    last_title = -1
    for idx, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in lx.ROLE_WORDS:
            last_title = idx
    if last_title >= 0 and words[last_title + 1][:1].isupper():
        return last_title + 1
    return 0


def _without_titles(words: list[str]) -> list[str]:
    """A person's name without the titles before it; a group keeps them ("Senate Democrats")."""
    if words and words[-1].lower() in lx.PLURAL_SUBJECTS:
        return words
    return words[title_words(words) :]


def name_words(text: str) -> list[str]:
    """The words of a capitalised name as written, without a possessive ending."""
    words = text.split()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return words
