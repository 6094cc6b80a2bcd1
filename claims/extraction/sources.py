"""Source names: classification and per-article normalisation.

Within one article "Kirill Dmitriev, an aide to ...", "Dmitriev" and "he" should all become the
source "Kirill Dmitriev"; "the outlet" after "Axios reported" becomes "Axios". Everything is
resolved against what the article has said *before* the mention, like a reader does.
"""

import re

from . import lexicon as lx

ANONYMOUS = re.compile(
    r"^(?:(?:some|several|many|two|three|four|other|senior|top|unnamed|anonymous|current|former|"
    r"western|foreign|u\.?s\.?|us|american|european|russian|ukrainian|chinese|israeli|iranian|"
    r"administration|government|intelligence|military|defense|security|law\s+enforcement|"
    r"the|a|an|one|another)\s+)*"
    r"(?:officials?|sources?|aides?|people|person|insiders?|diplomats?|analysts?|observers?|"
    r"experts?|critics?|officers?|staffers?|advisers?|advisors?|witnesses|residents|"
    r"spokes(?:man|woman|person)|an?\s+official|someone|individuals?)\b",
    re.IGNORECASE,
)
ANONYMOUS_HINT = re.compile(
    r"\b(?:familiar with|who (?:spoke|asked|requested|declined)|on condition of anonymity|"
    r"not authori[sz]ed|unnamed|anonymous)\b",
    re.IGNORECASE,
)
MEDIA = re.compile(
    r"\b(?:Axios|Reuters|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|CNN|MSNBC|"
    r"Fox News|Fox|NBC|CBS|ABC|BBC|NPR|PBS|Politico|Breitbart|The Hill|Times|Post|Journal|"
    r"Tribune|Guardian|Telegraph|Herald|Gazette|Observer|Economist|Newsweek|Daily|Bild|TASS|"
    r"RIA Novosti|Interfax|Tass|Xinhua|Al Jazeera|RT|Sputnik|Kommersant|Izvestia|Vedomosti|"
    r"Le Monde|Der Spiegel|Spiegel|BuzzFeed|HuffPost|Huffington Post|Vox|Slate|Salon|"
    r"Daily Beast|Washington Examiner|Mother Jones|National Review|Atlantic|New Yorker|Yahoo|"
    r"outlet|newspaper|broadcaster|magazine|network|news agency|media|reports?|tabloid|"
    r"channel|daily|website|reporters?|journalists?|correspondent|columnist|editorial)\b"
)
GOVERNMENT = re.compile(
    r"\b(?:White House|Kremlin|Pentagon|Congress|Senate|House|Parliament|Duma|Rada|ministry|"
    r"Ministry|department|Department|government|Government|administration|Administration|"
    r"embassy|Embassy|State Department|FBI|CIA|NSA|DOJ|Justice Department|police|Police|"
    r"military|army|Army|Navy|agency|Agency|Bureau|bureau|court|Court|council|Council|cabinet|"
    r"Cabinet|prosecutors?|Commission|commission|authorities|Treasury|Downing Street|Elysee|"
    r"Élysée|Foreign Office|Office|city hall|City Hall|regulators?|Federal Reserve|Fed)\b"
)
ORGANISATION = re.compile(
    r"\b(?:Inc|Corp|Corporation|Company|company|Co|Ltd|LLC|Group|group|firm|party|Party|"
    r"campaign|Campaign|committee|Committee|union|Union|association|Association|Foundation|"
    r"foundation|Institute|institute|University|university|organi[sz]ation|Organi[sz]ation|"
    r"Center|Centre|Council|PAC|club|Club|NATO|UN|United Nations|EU|European Union|Bank|bank|"
    r"team|Fund|fund|coalition|Coalition|movement|league|League|society|Society|network)\b"
)
DOCUMENT = re.compile(
    r"\b(?:report|study|survey|poll|polls|document|documents|statement|memo|letter|data|records?|"
    r"filing|filings|analysis|ad|advert|video|book|email|emails|tweet|post|transcript|complaint|"
    r"indictment|lawsuit|ruling|order|bill|law|review|audit|figures|estimates?|census|release|"
    r"website|page|footage|article|column|editorial|chart|map|investigation)\b",
    re.IGNORECASE,
)


def classify(name: str) -> str:
    """One of ``types.SOURCE_KINDS`` for a source as written (or its canonical name)."""
    text = name.strip()
    low = text.lower()
    first = low.split(" ", 1)[0] if low else ""
    if _anonymous(text, first):
        return "anonymous"
    if low in lx.PERSON_PRONOUNS:
        return "person"
    if DOCUMENT.search(text) and first in lx.NAME_DETERMINERS:
        return "media" if MEDIA.search(text) and " report" not in low else "document"
    if MEDIA.search(text):
        return "media"
    if GOVERNMENT.search(text):
        return "government"
    if ANONYMOUS.match(text):
        return "anonymous"
    if ORGANISATION.search(text):
        return "organisation"
    if DOCUMENT.search(text):
        return "document"
    if low in lx.THING_PRONOUNS:
        return "organisation"
    return "person"


def _anonymous(text: str, first: str) -> bool:
    """ "officials familiar with the talks", "two senior officials"; not "Senior Adviser Jo Lee"."""
    if ANONYMOUS_HINT.search(text):
        return True
    if not ANONYMOUS.match(text):
        return False
    return not _has_proper_name(text) or first in lx.ANONYMOUS_OPENERS


def _has_proper_name(text: str) -> bool:
    words = text.split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words)
        and words[0][:1].isupper()
        and words[0].lower() not in lx.NAME_DETERMINERS
        and not ANONYMOUS.match(words[0])
    )


_NAME = re.compile(
    r"(?:[A-Z][\w’'\-]*\.?|de|van|von|al|bin|da|del|la|le)"
    r"(?:\s+(?:[A-Z][\w’'\-]*\.?|de|van|von|al|bin|da|del|la|le))*"
)


def head_name(source: str) -> str:
    """The name inside a source phrase: "Kirill Dmitriev, an aide to ..." -> "Kirill Dmitriev"."""
    text = source.strip()
    # Cut appositions and relative clauses.
    text = re.split(r",|\s(?:who|which|whose)\s", text, maxsplit=1)[0].strip()
    words = text.split()
    # Strip possessive lead-ins and role words: "Russian President Vladimir Putin" -> name.
    last_title = -1
    for idx, w in enumerate(words):
        if w.lower().rstrip(".") in lx.ROLE_WORDS and idx < len(words) - 1:
            last_title = idx
    if last_title >= 0 and any(w[:1].isupper() for w in words[last_title + 1 :]):
        rest = words[last_title + 1 :]
        if rest and rest[0][:1].isupper():
            words = rest
    if words and words[0].lower() in lx.NAME_DETERMINERS and len(words) > 1:
        words = words[1:] if words[1][:1].isupper() else words
    return " ".join(words).strip(" ,.;:")


class SourceResolver:
    """Resolves source mentions to canonical names, in article order."""

    def __init__(self, text: str):
        self.text = text
        self.persons: list[tuple[int, str]] = []  # (position, canonical name) of named people
        self.things: list[tuple[int, str, str]] = []  # (position, name, kind) of others
        self._full_names: dict[str, str] = {}  # surname -> full name
        self._collect_names()

    def _collect_names(self) -> None:
        """Full person-like names in the text, so "Dmitriev" maps to "Kirill Dmitriev"."""
        for m in _NAME.finditer(self.text):
            words = m.group().split()
            # drop leading title/role words ("President Vladimir Putin")
            while words and (
                words[0].lower().rstrip(".") in lx.ROLE_WORDS
                or words[0].lower() in lx.SENTENCE_CAPITALS
            ):
                words = words[1:]
            if len(words) < 2 or len(words) > 4:
                continue
            if any(w.lower().rstrip(".") in lx.ROLE_WORDS for w in words):
                continue
            name = " ".join(words)
            if GOVERNMENT.search(name) or ORGANISATION.search(name) or MEDIA.search(name):
                continue
            surname = words[-1].rstrip(".")
            if surname.endswith(("’s", "'s")):
                continue
            self._full_names.setdefault(surname, name)

    def canonical(self, source: str) -> str:
        name = head_name(source)
        words = name.split()
        if words:
            last = words[-1].rstrip(".")
            full = self._full_names.get(last)
            if (
                full
                and len(words) <= 2
                and (len(words) == 1 or words[0].rstrip(".").lower() in lx.ROLE_WORDS)
            ):
                return full
            if (
                len(words) >= 2
                and last in self._full_names
                and words[0].rstrip(".").lower() in lx.ROLE_WORDS
            ):
                return self._full_names[last]
        return name or source.strip()

    def resolve(self, source: str, position: int) -> tuple[str, str]:
        """(canonical name, kind) for ``source`` mentioned at ``position``."""
        low = source.strip().lower()
        if low in lx.PERSON_PRONOUNS and low not in ("i", "we"):
            for pos, name in reversed(self.persons):
                if pos < position:
                    return name, "person"
            return source.strip(), "person"
        if low in lx.THING_PRONOUNS or low in (
            "the outlet",
            "the newspaper",
            "the agency",
            "the paper",
            "the network",
            "the broadcaster",
        ):
            want = "media" if low != "they" and low != "it" else None
            for pos, name, kind in reversed(self.things):
                if pos < position and (want is None or kind == want):
                    return name, kind
            return source.strip(), "media" if want else classify(source)
        kind = classify(source)
        name = self.canonical(source) if kind in ("person",) else head_name(source) or source
        if kind == "person":
            self.persons.append((position, name))
        else:
            self.things.append((position, name, kind))
        return name, kind
