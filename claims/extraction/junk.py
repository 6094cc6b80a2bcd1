"""Sentences that are not claims at all, decided in one place.

Web pages and wire copy arrive with more than the reporter's prose: embed codes for a tweet or a
video, the byline, photo captions and credits, "Read more" links. None of that is something a
fact-checker checks, so the pipeline never makes a claim of it and it never scores.

    reason = not_a_claim(sentence)   # a reason an editor can read, or None
    words = prose(sentence)          # the sentence without markup, embed codes and links

Each rule is a row of ``RULES``: a name, the pattern, the reason shown to editors and an example
(the tests run every example through its rule).
"""

import re
from functools import lru_cache
from typing import NamedTuple

# Markup and embed codes: HTML/XML tags (a raw ``<tweet id=...>``), WordPress-style shortcodes
# (``[embed]...``), template braces, links and bare handles left by an embed.
_MARKUP = re.compile(
    r"<[!/?]?[A-Za-z][^<>]{0,400}>"
    r"|\[/?(?:embed|tweet|caption|video|audio|gallery|iframe|instagram|youtube|twitter)\b[^\]]{0,400}\]"
    r"|\{\{[^{}]{0,400}\}\}"
    r"|\b(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+",
    re.IGNORECASE,
)
# (every alternative opens with a literal, so the regular expression engine skips ahead to them)
_MAYBE_MARKUP = re.compile(r"<|\[|\{|https?:|www\.|pic\.")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_TAGS_AND_HANDLES = re.compile(r"[#@]\w+")
# Fewer letter words than this once markup is gone: the sentence was the markup.
_MIN_PROSE_WORDS = 3

_NAME = r"[A-Z][\w.'’-]*"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,3}}"
# A byline's role after the names: "Staff writers", "Health Correspondent", "Senior Editor".
_ROLE = (
    r"(?i:(?:[a-z]+\s+){0,3}(?:writers?|reporters?|correspondents?|editors?|columnists?|"
    r"contributors?|photographers?))"
)
_AGENCY = r"(?:AP|AFP|EPA|Reuters|REUTERS|Getty(?:\s+Images)?|Shutterstock|Bloomberg|Xinhua)"


class Rule(NamedTuple):
    name: str
    pattern: re.Pattern
    reason: str
    example: str
    max_words: int | None = None  # the rule holds only for sentences this short
    whole: bool = False  # the rule holds for a whole sentence only, not an attribution's content


# Keywords match in any case ``(?i:...)``; names and agencies only capitalised.
RULES: tuple[Rule, ...] = (
    Rule(
        "embed-signature",
        # The line a tweet embed leaves behind: "— Name (@handle) October 2, 2020".
        re.compile(r"^\W*[—–-]+\s*[^()]{0,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\W*$"),
        "markup or embed code",
        "— Jane Roe (@janeroe) October 2, 2020",
    ),
    Rule(
        "byline",
        re.compile(
            rf"^\W*(?i:(?:(?:written|reported|edited|compiled)\s+)?by)\s+{_NAMES}"
            rf"(?:\s*(?:,|and|&)\s*{_NAMES})*(?:\s*(?:,|\||-|–|—|in)\s*{_NAMES})?"
            rf"(?:\s*(?:,|\||-|–|—)\s*{_ROLE})?\W*$"
            r"|^\W*(?i:(?:additional\s+)?reporting\s+by)\s+[^.;]{2,80}"
            r"(?:;\s*(?i:editing\s+by)\s+[^.;]{2,80})?\W*$"
        ),
        "byline",
        "By Jane Roe and Sam Poe, Associated Press",
    ),
    Rule(
        "photo-credit",
        re.compile(
            rf"\((?:[^()]{{0,80}}/)?{_AGENCY}(?:\s+(?i:photo|images?))?(?:/[^()]{{0,60}})?\)\W*$"
            rf"|\b{_AGENCY}\s+(?i:photo)\s*/|/\s*{_AGENCY}\W*$|^\W*{_NAMES}\s*/\s*{_NAMES}\W*$"
            r"|^\W*(?i:(?:photo(?:graph)?|image|picture|video)\s*(?:credit|courtesy|source|copyright|"
            r"caption)?\s*(?::|by\b))"
            r"|^\W*(?i:credit|image\s+copyright|image\s+caption|photo\s+illustration)\s*:"
            # a credit of its own in brackets, agency and photographer: "(Coastline Wire/Jo Lee)"
            rf"|^\W*\(\s*{_NAMES}\s*/\s*{_NAMES}(?:\s*/\s*{_NAMES})?\s*\)\W*$"
        ),
        "photo caption or credit",
        "Supporters wait outside the hall on Monday. (AP Photo/Sam Poe)",
    ),
    Rule(
        "timestamp",
        # "Published Dec. 7, 2026, 5:45 a.m. ET | Updated ...", "Last updated 9:10 a.m."
        re.compile(
            r"^\W*(?i:(?:first\s+|last\s+|originally\s+)?(?:published|updated|posted|modified))"
            r"(?:\s+(?i:on|at))?:?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}[:.]\d\d|"
            r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d)"
        ),
        "publication time",
        "Published Dec. 7, 2026, 5:45 a.m. ET | Updated Dec. 7, 2026, 9:10 a.m. ET",
        max_words=25,
    ),
    Rule(
        "contact",
        # an e-mail address in a short sentence: "Contact the reporter at jo@paper.com."
        re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        "contact details",
        "Contact Jane Roe at jroe@example.com or 555-0100.",
        max_words=20,
    ),
    Rule(
        "editorial-note",
        re.compile(
            r"^\W*(?i:editor[’']?s\s+note|note\s+to\s+readers|clarification)\s*:"
            r"|^\W*(?i:this\s+(?:article|story|report|piece)\s+(?:was|has\s+been|is)\s+"
            r"(?:(?:originally|first)\s+)?(?:produced|updated|corrected|supported|funded|"
            r"published|amended|part)\b)"
        ),
        "editor's note",
        "Editor’s note: This story has been updated with a comment from the council.",
    ),
    Rule(
        "menu",
        # a line of links: "Terms of Service | Privacy Policy | Cookie Settings"
        re.compile(r"^[^|.!?\d]{1,40}(?:\|[^|.!?\d]{1,40}){2,}$"),
        "navigation or page furniture",
        "Terms of Service | Privacy Policy | Cookie Settings",
        max_words=25,
    ),
    Rule(
        "label",
        # One word on its own: a section label or a platform ("LETTERS.", "FACEBOOK."), or a
        # bare "Yes." in a transcript; nothing there a fact-checker could check.
        re.compile(r"^\W*[^\W\d_]+\W*$"),
        "a label or a single word",
        "LETTERS.",
        whole=True,  # ("Ted Cruz endorses Trump.": "Trump." is a claim's content)
    ),
    Rule(
        "navigation",
        re.compile(
            r"^\W*(?i:read\s+more|read\s+next|related(?:\s+(?:stories|articles|coverage))?\s*:|"
            r"see\s+also|more\s+on\s+this(?:\s+story)?|share\s+(?:this|on)\b|click\s+here|"
            r"sign\s+up\b|subscribe\b|follow\s+us\b|advertisement|skip\s+to\b|"
            r"continue\s+reading|most\s+(?:read|popular)|watch\s*:|listen\s*:|"
            r"(?:print|email|comments?|share)\W*$|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|"
            r"all\s+rights\s+reserved)"
        ),
        "navigation or page furniture",
        "Read more: The senator's full interview",
        max_words=15,
    ),
)


# A headline: the article's first line, short, with no final punctuation ("Council approves $4m
# flood wall after heated debate"). It sums up the story in the desk's own words; the claims are
# in the article's sentences. (An attributed headline, "Mayor says ...", is read by the
# attribution rules; this is about the line as an unattributed claim.)
_HEADLINE_MAX_WORDS = 20
_FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def headline_line(text: str) -> tuple[int, int] | None:
    """The span of ``text``'s first line if it reads as a headline, else None."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    line = text[start:end].rstrip()
    if not line or end == len(text) or len(line.split()) > _HEADLINE_MAX_WORDS:
        return None  # (a text of one line is a sentence, not an article with a headline)
    if _FINAL_PUNCTUATION.search(line):
        return None
    return start, start + len(line)


# A wire dateline opening a paragraph: the place in capitals, maybe a region and a date, maybe the
# agency in brackets, then a dash: "PORT SELWYN, Nov. 18 (Coastline Wire) — ", "LONDON (AP) - ".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
    r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
    r"(?:, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?))?"
    r"(?: ?\([^()\n]{2,40}\))?"
    r"(?P<dash> ?(?:—|–|--?) ?)"
)


def without_dateline(text: str, start: int, end: int) -> int:
    """Where the span ``text[start:end]`` starts once a wire dateline that opens its paragraph
    is left out ("PORT SELWYN, Nov. 18 (Coastline Wire) — More than 1,200 dockworkers ...")."""
    if start > 0 and text[start - 1] != "\n":
        return start
    m = _DATELINE.match(text, start, end)
    if m is None or len(m.group().split()[0]) < 3 or not text[m.end() : m.end() + 1].isalnum():
        return start
    if m.group("dash").strip() == "-" and (")" not in m.group() or m.group("dash") == "-"):
        return start  # (a plain hyphen only after the agency: "USA - China trade", "AFL-CIO")
    return m.end()


_TAG_AT_START = re.compile(r"\s*<[!/?]?[A-Za-z][^<>]{0,400}>\s*")
_TAG_AT_END = re.compile(r"\s*<[!/?]?[A-Za-z][^<>]{0,400}>[\W]*$")


def without_edge_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` without the tags that open or close it: a raw
    ``<tweet id=...>`` before an embedded tweet's words, a ``<tweet/>`` after them."""
    while start < end and text[start] == "<":
        m = _TAG_AT_START.match(text, start, end)
        if m is None:
            break
        start = m.end()
    m = _TAG_AT_END.search(text, start, end) if "<" in text[start:end] else None
    if m is not None and m.start() > start:
        end = m.start()
    return start, end


def prose(sentence: str) -> str:
    """The sentence without markup, embed codes and links (what the model should read)."""
    if not _MAYBE_MARKUP.search(sentence):
        return sentence
    return " ".join(_MARKUP.sub(" ", sentence).split())


@lru_cache(maxsize=1024)  # the pipeline asks it twice of an unattributed sentence
def not_a_claim(sentence: str, part: bool = False) -> str | None:
    """Why ``sentence`` is not a claim at all (markup, byline, caption, navigation, a label), or
    None; ``part``: the text is an attribution's content, not a whole sentence."""
    words = prose(sentence)
    # (the cheap test first: most sentences hold no markup, and prose() gives them back whole)
    if len(words) < len(sentence.strip()) and len(_LETTER_WORD.findall(words)) < _MIN_PROSE_WORDS:
        return "markup or embed code"
    tags = _TAGS_AND_HANDLES.search(words)
    if tags is not None and not _LETTER_WORD.findall(_TAGS_AND_HANDLES.sub(" ", words)):
        return "markup or embed code"  # "#sanbernardino #California", "@thehill"
    n_words = len(words.split())
    for rule in RULES:
        if (rule.max_words is not None and n_words > rule.max_words) or (part and rule.whole):
            continue
        if rule.pattern.search(sentence if rule.name == "embed-signature" else words):
            return rule.reason
    return None
