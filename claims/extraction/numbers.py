"""Numbers, money, percentages, dates, comparisons and named statistics inside a claim.

These are what a fact-checker checks first, and they feed the check-worthiness reasons.
One combined pass of regular expressions; earlier kinds win when matches overlap.
"""

import re

from .lexicon import words
from .types import NumberMention

_NUM_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|dozen|dozens|hundreds|thousands|millions|billions|half|a\s+third|"
    r"a\s+quarter|two-thirds|three-quarters)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|bn|mn|m|k)\b)?"
_NUMBER = rf"(?:(?:{_DIGITS}){_SCALE}|\b{_NUM_WORDS}\b(?:\s+(?:million|billion|trillion))?)"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)

_PATTERNS = [
    (
        "money",
        rf"(?:[$€£¥]\s?(?:{_DIGITS}){_SCALE}|\b(?:{_DIGITS}){_SCALE}\s+"
        r"(?:dollars|euros|pounds|yen|rubles|roubles|yuan|rupees|USD|EUR)\b)",
    ),
    ("percent", rf"(?:{_NUMBER})\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)"),
    (
        "date",
        rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTHS}"
        rf"(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{4}}|(?:in|since|by|until|before|after|from)\s+"
        r"(?:early\s+|late\s+|mid-)?(?:1[89]\d\d|20\d\d)s?|\d{4}-\d{2}-\d{2})(?!\w)",
    ),
    (
        "comparison",
        r"\b(?:(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|"
        r"faster|slower|cheaper|richer|poorer|older|younger)\s+than|twice\s+as|(?:doubled|tripled|"
        r"halved|quadrupled)|(?:the\s+)?(?:highest|lowest|largest|smallest|biggest|fastest|"
        r"slowest|worst|best|most|least|first|only)\b(?=\s+\w+)|(?:record|all-time)\s+(?:high|low)|"
        r"(?:rose|fell|increased|decreased|dropped|declined|grew|climbed|jumped|surged|plunged|"
        r"soared|tumbled)\s+(?:by\s+)?)",
    ),
    (
        "statistic",
        r"\b(?:unemployment(?:\s+rate)?|jobless\s+rate|inflation(?:\s+rate)?|GDP|gross\s+domestic"
        r"\s+product|(?:budget\s+|trade\s+)?deficit|national\s+debt|poverty\s+rate|crime\s+rate|"
        r"murder\s+rate|interest\s+rates?|median\s+(?:income|wage|household\s+income)|"
        r"minimum\s+wage|approval\s+rating|poll(?:s|ing)?\s+average|death\s+toll|birth\s+rate|"
        r"growth\s+rate|tax\s+rate|turnout|life\s+expectancy|per\s+capita|market\s+share)\b",
    ),
    ("number", rf"(?<![\w.]){_NUMBER}(?![\w])"),
]

# Anchored at word starts (or a currency sign); find_numbers tries it only where a word that can
# open a match stands (_OPENERS), not at every word.
_COMBINED = re.compile(
    r"(?<!\w)(?=[\w$€£¥])(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS)
    + ")",
    re.IGNORECASE,
)
# The first words of the patterns above, lower-case: a match can only start at a digit, a currency
# sign or one of these (tried there with match(): the pass took a seventh of the extractor's time
# when the alternation was tried at every word).
_OPENERS = frozenset(
    words(
        """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred dozen dozens hundreds thousands millions billions half a
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    dollars euros pounds yen rubles roubles yuan rupees usd eur percent per in since by until before
    after from more less fewer greater higher lower larger smaller bigger better worse faster
    slower cheaper richer poorer older younger twice doubled tripled halved quadrupled the highest
    lowest largest smallest biggest fastest slowest worst best most least first only record all
    rose fell increased decreased dropped declined grew climbed jumped surged plunged soared
    tumbled unemployment jobless inflation gdp gross budget trade deficit national poverty crime
    murder interest median minimum approval poll polls polling death birth growth tax turnout life
    market
    """
    )
)
_CANDIDATE = re.compile(r"[$€£¥]|\w+")

# Plain numbers that are rarely worth checking on their own.
_TRIVIAL = frozenset({"one", "two", "half", "a third", "a quarter"})


def find_numbers(text: str, start: int = 0, end: int | None = None) -> tuple[NumberMention, ...]:
    """Mentions in ``text[start:end]``, with offsets into ``text``."""
    if end is None:
        end = len(text)
    out: list[NumberMention] = []
    for m in _matches(text, start, end):
        kind = m.lastgroup or "number"
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        value = text[s:e]
        low = " ".join(value.lower().split())  # ("a\u00a0third": any space between the words)
        if kind == "number" and low in _TRIVIAL:
            continue
        if kind == "comparison" and low in ("the only", "only", "the first", "first"):
            continue
        if kind == "comparison" and value[:1].isupper() and value.lower().startswith("most"):
            continue
        out.append(NumberMention(text=value, start=s, end=e, kind=kind))
    return tuple(out)


def _matches(text: str, start: int, end: int):
    """What _COMBINED.finditer(text, start, end) finds, trying it only where a match can open."""
    resume = start
    for word in _CANDIDATE.finditer(text, start, end):
        token = word.group()
        if not (token[0].isdigit() or token[0] in "$€£¥" or token.lower() in _OPENERS):
            continue
        at = word.start()
        if at < resume:
            continue
        m = _COMBINED.match(text, at, end)
        if m is not None and m.end() > m.start():
            yield m
            resume = m.end()
