"""The people an article names, in order, and the gender the article gives each of them.

A person is a name of two to four capitalised words that no kind of organisation claims
("Douglas Band"), or a title and a surname ("Mr. Band"). A surname alone stands for the person
of that surname named last before it ("Band" = "Douglas Band"). The gender comes from a title
("Mr.", "Ms.", "spokeswoman"), a first name the lexicon knows, or a pronoun that follows the name
in its sentence ("Jo Lee said she would run"); when these disagree,
the stronger kind of evidence wins, and a person without any keeps no gender.
"""

import bisect
import re
from dataclasses import dataclass, field

from .. import lexicon as lx
from .kinds import kind_of_noun
from .names import NAME, head_name, name_words, title_words

MALE = "male"
FEMALE = "female"
# Evidence for a gender, strongest first.
_TITLE, _FIRST_NAME, _ROLE, _PRONOUN = range(4)
_PRONOUN_WORD = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the|his|her)\s+([^,.;:()]{1,50})")


@dataclass
class Person:
    name: str
    gender: str | None = None
    evidence: int = 99  # the strongest kind of evidence for ``gender`` so far

    def give(self, gender: str | None, evidence: int) -> None:
        if gender is not None and evidence < self.evidence:
            self.gender, self.evidence = gender, evidence


@dataclass
class People:
    """Every mention of a person in an article, in text order."""

    text: str
    starts: list[int] = field(default_factory=list)
    mentions: list[tuple[int, Person, bool]] = field(default_factory=list)  # (at, who, subject)
    _by_name: dict[str, Person] = field(default_factory=dict)
    _by_surname: dict[str, list[tuple[int, Person]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # each capitalised run, its words as written and the words of the name in it (read once,
        # used three times)
        found = []
        for m in NAME.finditer(self.text):
            raw = name_words(m.group())
            found.append((m, raw, _name_of(raw)))
        # full names first, so that a surname before its full name is known
        for m, _, words in found:
            self._full_name(m, words)
        for m, raw, words in found:  # then people the article names only by title ("Mr. Hale")
            self._titled_surname(m, raw, words)
        for m, raw, words in found:
            self._mention(m, raw, words)
        self.mentions.sort(key=lambda x: x[0])
        self.starts = [at for at, _, _ in self.mentions]
        for k, (at, person, _) in enumerate(self.mentions):
            following = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            person.give(_pronoun_gender(self.text, at, following), _PRONOUN)

    def _full_name(self, m: re.Match, words: list[str]) -> None:
        if 2 <= len(words) <= 4 and _is_person(words):
            name = " ".join(words)
            person = self._by_name.get(name) or self._same_name(words) or Person(name)
            self._by_name[name] = person
            self._by_surname.setdefault(words[-1].rstrip("."), []).append((m.start(), person))

    def _same_name(self, words: list[str]) -> Person | None:
        """The person already named by these words with a stray word before them ("Hold
        Melania Trump" for "Melania Trump", who then keeps the shorter name) or without it."""
        for _, person in self._by_surname.get(words[-1].rstrip("."), []):
            known = person.name.split()
            if len(known) > len(words) >= 2 and known[-len(words) :] == words:
                person.name = " ".join(words)
                return person
            if len(words) > len(known) >= 2 and words[-len(known) :] == known:
                return person
        return None

    def _titled_surname(self, m: re.Match, raw: list[str], words: list[str]) -> None:
        """ "Mr. Hale", "Sen. Ortiz": a person whose first name the article never gives."""
        if not title_words(raw) or len(words) != 1 or not _is_person(words):
            return
        if head_name(" ".join(raw[-2:])) != words[0]:
            return  # a group keeps its title: "Senate Democrats"
        surname = words[0].rstrip(".")
        if surname in self._by_surname:
            return
        person = self._by_name.setdefault(surname, Person(surname))
        self._by_surname.setdefault(surname, []).append((m.start(), person))

    def _mention(self, m: re.Match, raw: list[str], words: list[str]) -> None:
        titles = title_words(raw)
        if not words:
            return
        person = self._by_name.get(" ".join(words))
        if person is None and (len(words) == 1 or titles):
            person = self.by_surname(words[-1].rstrip("."), m.start())
        if person is None:
            return
        title = raw[titles - 1].lower().rstrip(".") if titles else ""
        person.give(_gender_of(title, lx.MALE_TITLES, lx.FEMALE_TITLES), _TITLE)
        if len(words) > 1:
            first = words[0].lower()
            person.give(_gender_of(first, lx.MALE_FIRST_NAMES, lx.FEMALE_FIRST_NAMES), _FIRST_NAME)
        person.give(_role_gender(self.text, m.end()), _ROLE)
        self.mentions.append((m.start(), person, _opens_clause(self.text, m.start())))

    def by_surname(self, surname: str, position: int) -> Person | None:
        """The person of that surname named last before ``position`` (else first after it);
        of two people of one surname, one whose gender agrees with the pronoun after the
        mention in its sentence ("Trump says he would pay" is not Ivanka Trump)."""
        named = self._by_surname.get(surname)
        if not named:
            return None
        if len({id(person) for _, person in named}) > 1:
            wanted = _subject_pronoun_gender(self.text, position)
            known = [(at, p) for at, p in named if p.gender == wanted]
            unknown = [(at, p) for at, p in named if p.gender is None]
            if wanted is not None:
                named = known or unknown or named
        before = [person for at, person in named if at <= position]
        return before[-1] if before else named[0][1]

    def person(self, source: str, position: int) -> Person | None:
        """The person a source names ("Band", "Mr. Band", "White House aide Douglas Band")."""
        words = head_name(source).split()
        if not words:
            return None
        known = self._by_name.get(" ".join(words))
        if known is not None:
            return known
        if len(words) == 1 or words[0].lower().rstrip(".") in lx.ROLE_WORDS:
            return self.by_surname(words[-1].rstrip("."), position)
        return None

    def before(self, position: int, window: int):
        """Mentions before ``position`` within ``window`` characters, the latest first."""
        k = bisect.bisect_left(self.starts, position)
        while k > 0:
            k -= 1
            at, person, subject = self.mentions[k]
            if position - at > window:
                return
            yield person, subject


def _name_of(written: list[str]) -> list[str]:
    """The words of a person's name in a capitalised run (its words as written, ``name_words``):
    no title, no sentence opener, nothing before a sentence's end ("Monday. Acme")."""
    words = written
    last = words[-1] if words else ""
    if _first_name_then_full_stop(words):
        # the sentence ends after the name: "..., Maria Delgado." (not "Monday. Acme")
        words = [*words[:-1], last[:-1]]
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        short = word.lower()[:-1] in lx.MONTH_NAMES  # "by May. Hale said"
        if (
            word.endswith(".")
            and (len(word) > 4 or short)
            and word.lower()[:-1] not in lx.ROLE_WORDS
        ):
            words = words[k + 1 :]
            break
    for k in range(len(words) - 2, -1, -1):
        if _opening_word(words[k]):
            words = words[k + 1 :]  # "Although Scott", "For Trump", "Despite Ted Cruz"
            break
    return words[title_words(words) :]


def _first_name_then_full_stop(words: list[str]) -> bool:
    """ "Maria Delgado.": a first name the lexicon knows, then a surname and the sentence's
    full stop (a book or a show at a sentence's end, "Tough Choices.", is no one)."""
    if len(words) != 2 or not words[1].endswith(".") or len(words[1]) < 4:
        return False
    first = words[0].lower()
    return words[1][-2].islower() and (
        first in lx.MALE_FIRST_NAMES or first in lx.FEMALE_FIRST_NAMES
    )


def _opening_word(word: str) -> bool:
    """A capitalised word that opens a sentence and names nobody: "Although", "For", "Despite"
    (inside a name such words are lower case: "Secretary of State")."""
    low = word.lower()
    return word[:1].isupper() and (
        low in lx.SENTENCE_CAPITALS
        or low in lx.PREPOSITIONS
        or low in lx.FRONTED_SUBORDINATORS
        or low in lx.NAME_OPENERS_NOT_NAMES
    )


def _is_person(words: list[str]) -> bool:
    """No word of the name is a role or makes it an organisation, an outlet or a government,
    and its last word does not make it a place or an event ("Fairfax County")."""
    if words and words[-1].lower().rstrip(".") in lx.NOT_PERSON_NAME_ENDINGS:
        return False
    for k, w in enumerate(words):
        low = w.lower().rstrip(".")
        if low in lx.ROLE_WORDS or low in lx.MEDIA_OUTLETS or low in lx.GOVERNMENT_ACRONYMS:
            return False
        kind = kind_of_noun(w, capitalised=k == len(words) - 1)
        if kind is not None and kind != "person":
            return False
    return True


def plausible_name(name: str) -> bool:
    """Whether a capitalised run the article never gives a gender reads as a person's name, so
    that a pronoun may stand for it: not "One California", "It", "Trump May", "New Hampshire"."""
    words = [w.rstrip(".’'").removesuffix("’s").removesuffix("'s") for w in name.split()]
    lows = [w.lower() for w in words]
    if not words or any(not w[:1].isupper() for w in words):
        return False
    if any(w in lx.SENTENCE_CAPITALS or w in lx.NOT_NAME_WORDS for w in lows):
        return False
    joined = " ".join(lows)
    return not any(w in lx.PLACE_NAMES for w in lows) and not any(
        place in joined for place in lx.PLACE_NAMES if " " in place
    )


def _gender_of(word: str, male: frozenset, female: frozenset) -> str | None:
    return MALE if word in male else FEMALE if word in female else None


def _role_gender(text: str, end: int) -> str | None:
    """ "Jo Lee, a spokeswoman for ...", "Ana Ruiz, his wife,": the apposition's role."""
    m = _ROLE_AFTER.match(text, end, end + 60)
    if m is None:
        return None
    for word in m.group(1).lower().split():
        gender = _gender_of(word, lx.MALE_TITLES, lx.FEMALE_TITLES)
        if gender is not None:
            return gender
    return None


def _pronoun_gender(text: str, start: int, following: int) -> str | None:
    """The first gendered pronoun after a name in its sentence, before the next person is named
    ("Jo Lee said she would run"). (Not a pronoun opening the next sentence: that is the very
    pronoun to be resolved, and would give its gender to whoever was named last.)"""
    m = _PRONOUN_WORD.search(text, start, min(_sentence_end(text, start), following))
    low = m.group().lower() if m else ""
    return MALE if low in lx.MALE_PRONOUNS else FEMALE if low in lx.FEMALE_PRONOUNS else None


def _subject_pronoun_gender(text: str, start: int) -> str | None:
    """The gender of "he" or "she" after ``start`` in its sentence ("Trump says he would pay");
    not "his" or "him", which may stand for someone else ("Clinton cited his remarks")."""
    m = _SUBJECT_PRONOUN.search(text, start, _sentence_end(text, start))
    return None if m is None else MALE if m.group().lower() == "he" else FEMALE


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n")


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.end() if m else len(text)


def _opens_clause(text: str, start: int) -> bool:
    """Whether a name stands where a subject does: at a sentence's or a paragraph's start, or
    after a comma or a connective ("Later, Lee said"; "But Lee said")."""
    before = text[max(0, start - 25) : start].rstrip()
    if not before or before[-1] in '.!?\n:;”"':
        return True
    last = before.split()[-1].lower().strip(",")
    return before[-1] == "," or last in lx.LEADING_CONNECTIVES
