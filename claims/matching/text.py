"""Words for matching: folded, split the same way whatever the punctuation, stemmed.

"Coca-Cola", "Coca Cola" and "coca‑cola's" give the same terms; "4,000" and "4000" too.
"""

import re
import unicodedata

from .stemmer import stem

# Function words carry no topic; negations and numbers words are kept ("not", "no", "million").


def _word_set(text):
    return frozenset(text.split())


STOPWORDS = _word_set(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also say says said
    let us get got go going gone im ive youre dont thats theres whats well oh yes yeah
    okay ok mr mrs ms dr one"""
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
# A digit group separator between digits ("4,000", "1.5" stays a decimal point).
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_POSSESSIVE = re.compile(r"'s\b|s'(?=\s|$)")
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
# Words joined by hyphens or slashes, also indexed as one word: transcripts write "MS13" and
# "singlepayer" for "MS-13" and "single-payer".
_COMPOUND = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)+")


# Links, and the signature of an embedded tweet ("— Ann Lee (@annlee) May 2, 2016"): they name
# where a claim was seen, not what it says.
_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+")
_TWEET_SIGNATURE = re.compile(r"[—–-]\s*[^—–()]{0,80}\(@\w+\)\s*\w+\s+\d{1,2},\s+\d{4}\s*$")


def strip_links(text: str) -> str:
    return _TWEET_SIGNATURE.sub(" ", _LINK.sub(" ", text))


# "#BlackLivesMatter", "ObamaCare": a capital after three small letters starts a new word (not
# "McDonald" or "iPhone"); the word is also kept whole, as compounds are.
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")
_CAMEL_WORD = re.compile(r"\b[A-Za-z]*[a-z]{3}[A-Z][A-Za-z]*")


def fold(text: str) -> str:
    """Lower case, accents removed, quotes unified, thousands separators dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).lower()
    text = _THOUSANDS.sub("", text)
    return _POSSESSIVE.sub("", text).replace("'", "")


def words(text: str) -> list[str]:
    """The folded words of `text`, punctuation and hyphens as spaces ("coca-cola" → coca, cola)."""
    return _WORD.findall(fold(text))


def terms(text: str) -> list[str]:
    """The stemmed content words of `text`, in order, repeats kept, then each compound joined."""
    text = strip_links(text)
    folded = fold(_CAMEL.sub(" ", text))
    found = [stem(w) for w in _WORD.findall(folded) if w not in STOPWORDS]
    found.extend(stem(w.lower()) for w in _CAMEL_WORD.findall(text))
    for compound in _COMPOUND.findall(folded):
        found.append(stem(compound.replace("-", "").replace("/", "")))
    return found


# Titles before a name, as transcripts and bylines write them ("PRESIDENT OBAMA", "MR. ROMNEY").
_TITLES = _word_set(
    """mr mrs ms dr president senator sen rep representative governor gov former vice secretary
    sir madam speaker mayor judge"""
)


def name_words(name: str) -> frozenset[str]:
    """The words of a person's name that identify them: the surname (the last word) only, so that
    "Donald Trump", "TRUMP" and "President Trump" agree; empty for no name."""
    found = [w for w in words(name or "") if w not in _TITLES and not w.isdigit()]
    return frozenset(found[-1:])
