"""Resolve each source of an article, in order, to a canonical name and a kind.

Pronouns resolve only to an antecedent that agrees: "he" and "she" to the latest person within a
few paragraphs whose gender is that one or unknown (speakers and subjects first), "it" to the
latest organisation, outlet, government body or document that spoke (else the organisation
named last by its legal form, "Acme Corp."), "they" to the latest group
or organisation; "I" and "we" speak in their own name. Without such an antecedent the pronoun
stays unresolved: the claim keeps the pronoun as written and no name.
"""

import re

from .. import lexicon as lx
from .kinds import kind_evidence, kind_from_phrase, organisations_named
from .names import head_name, without_possessor
from .people import FEMALE, MALE, People, plausible_name

# A capitalised name ending a text: "... the Westhaven Water Board" before ", which".
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w&’'.\-]*\s+){0,4}[A-Z][\w&’'.\-]*$")
# How far back (characters) a pronoun looks for its antecedent: a few paragraphs.
_WINDOW = 1500
_THINGS = ("organisation", "media", "government", "document")
# A sentence that opens with a plural noun phrase: "The researchers", "Many local doctors".
_GROUP_OPENING = re.compile(
    r"(?:^|(?<=[.!?”\n])\s*|(?<=[.!?”] ))((?:The|These|Those|Many|Some|Most|Local)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?([a-z]+s))\b",
    re.MULTILINE,
)


class SourceResolver:
    """Resolves source mentions to canonical names, in article order."""

    def __init__(self, text: str):
        self.text = text
        self.people = People(text)
        self.organisations = organisations_named(text)
        self.evidence = kind_evidence(text, self.organisations)
        self.spoke: list[tuple[int, str, str, bool]] = []  # (at, name, kind, plural) resolved

    def resolve(self, source: str, position: int) -> tuple[str | None, str]:
        """(canonical name, kind) for ``source`` mentioned at ``position``; the name is None for
        a pronoun that has no agreeing antecedent."""
        low = source.strip().lower()
        if low in lx.MALE_PRONOUNS or low in lx.FEMALE_PRONOUNS:
            return self._person_pronoun(low, position), "person"
        if low in lx.FIRST_PERSON:
            return None, "person"
        if low in lx.RELATIVE_PRONOUNS:
            return self._antecedent(position)
        if low in lx.NEUTER_PRONOUNS or low in lx.PLURAL_PRONOUNS:
            return self._thing_pronoun(low, position)
        back = _back_reference(low)
        if back is not None:
            named = self._latest(position, _refers_back(back, low.split()[-1]))
            if named is not None:
                return named
        return self._named(source, position)

    def _named(self, source: str, position: int) -> tuple[str, str]:
        source = without_possessor(source)
        kind = kind_from_phrase(source)
        person = self.people.person(source, position) if kind in (None, "person") else None
        if person is not None:
            name, kind = person.name, "person"
        else:
            name = head_name(source) or source.strip()
            kind = kind or self.evidence.get(name) or "person"
        last = name.split()[-1].lower() if name.split() else ""
        plural = (
            kind == "anonymous"
            or last in lx.PLURAL_SUBJECTS
            or (kind != "person" and last.endswith("s"))
        )
        self.spoke.append((position, name, kind, plural))
        return name, kind

    def _antecedent(self, position: int) -> tuple[str | None, str]:
        """ "Teresa Llewellyn, who has called for an inquiry": the name the pronoun follows."""
        before = self.text[max(0, position - 120) : position].rstrip(" ,—–-")
        for person, _ in self.people.before(position, 120):
            if before.endswith(person.name.split()[-1]):
                return person.name, "person"
        m = _TRAILING_NAME.search(before)
        if m is None:
            return None, "person"
        return self._named(m.group(), position)

    def _person_pronoun(self, low: str, position: int) -> str | None:
        """The latest person that agrees in gender: a speaker or a subject first."""
        wanted = MALE if low in lx.MALE_PRONOUNS else FEMALE
        speakers = {name for at, name, kind, _ in self.spoke if kind == "person" and at < position}
        fallback = None
        for person, subject in self.people.before(position, _WINDOW):
            if person.gender not in (None, wanted):
                continue
            if person.gender is None and not plausible_name(person.name):
                continue  # ("One California", "New Hampshire": no one "she" stands for)
            if subject or person.name in speakers:
                return person.name
            fallback = fallback or person.name
        return fallback

    def _thing_pronoun(self, low: str, position: int) -> tuple[str | None, str]:
        """ "it" the latest organisation, outlet, body or document that spoke; "they" the latest
        group or organisation."""
        plural = low in lx.PLURAL_PRONOUNS
        named = self._latest(position, _agrees_with_they if plural else _agrees_with_it)
        if named is not None:
            return named
        if not plural:
            organisation = self._organisation_before(position)
            if organisation is not None:
                return organisation, "organisation"
        else:
            group = self._group_subject_before(position)
            if group is not None:
                return group, "group"
        return None, "group" if plural else "organisation"

    def _group_subject_before(self, position: int) -> str | None:
        """ "The researchers, from Eastbrook University, compared ... They found ...": the
        plural noun that opens the sentence before, when nobody who spoke agrees."""
        start = max(0, position - _WINDOW)
        found = None
        for m in _GROUP_OPENING.finditer(self.text, start, position):
            if m.group(2).lower() in lx.GROUP_NOUNS:
                found = m.group(1)
        return found

    def _organisation_before(self, position: int) -> str | None:
        """ "Acme Corp. filed the suit. It said ...": the organisation named last before."""
        for at, name in reversed(self.organisations):
            if at < position:
                return name if position - at <= _WINDOW else None
        return None

    def _latest(self, position: int, agrees) -> tuple[str, str] | None:
        for at, name, kind, plural in reversed(self.spoke):
            if at < position and position - at <= _WINDOW and agrees(kind, plural, name):
                return name, kind
        return None


def _agrees_with_it(kind: str, many: bool, name: str) -> bool:
    return kind in _THINGS


def _agrees_with_they(kind: str, many: bool, name: str) -> bool:
    """ "they": a group, a body or an organisation, or a plural; not a person, nor one document
    ("a study ..." is no "they": the researchers are)."""
    return many or kind not in ("person", "document")


def _refers_back(kind: str, noun: str):
    """Whether a source agrees with "the <noun>": of the same kind, and a document of the same
    noun ("the memo" is a memo, not the filing named last)."""

    def agrees(other: str, plural: bool, name: str) -> bool:
        return other == kind and (kind != "document" or noun in name.lower())

    return agrees


def _back_reference(low: str) -> str | None:
    """ "the outlet", "the company", "the ministry": the kind of what it stands for."""
    words = low.split()
    if len(words) != 2 or words[0] != "the":
        return None
    return next((kind for kind, nouns in lx.BACK_REFERENCES.items() if words[1] in nouns), None)
