"""What a document says about itself (headline, outlet, author, date, address), cleaned of the
junk that file properties are full of: "Microsoft Word - draft3.docx" is no headline,
"Administrator" no author, and a date from 1980 or next year no publication date.

Every function returns None rather than a doubtful value: an empty field is filled by the editor,
a wrong one is easily published.
"""

import datetime
import re
import unicodedata

from claims.ingest.normalise import JUNK

TITLE_MAX = 300  # Article.headline
NAME_MAX = 200  # Article.outlet, Article.author
URL_MAX = 1000  # Article.url
EARLIEST = datetime.date(1990, 1, 1)


def one_line(value, limit: int) -> str | None:
    """`value` as one line of at most `limit` characters, or None when nothing is left."""
    if not isinstance(value, str):
        return None
    line = " ".join(unicodedata.normalize("NFC", JUNK.sub("", value)).split())
    return line[:limit].rstrip() or None


# Titles that word processors and PDF makers write when nobody typed one.
_JUNK_TITLE = re.compile(
    r"""(?:microsoft\s+(?:word|powerpoint|excel)\b.*      # "Microsoft Word - draft3.docx"
       | untitled\b.* | (?:new\s+)?document\s*\d* | doc\d+ | title | slide\s*\d+
       | presentation\s*\d* | .*\.(?:docx?|pdf|rtf|odt|txt|html?|indd|qxd|pages|pptx?|xlsx?)
       | \S*[\\/]\S*                                     # a path
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def _stem(name: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)).casefold()


def clean_title(value, filename: str = "") -> str | None:
    """A headline, never a file name or a placeholder."""
    title = one_line(value, TITLE_MAX)
    if not title or _JUNK_TITLE.fullmatch(title) or not any(c.isalpha() for c in title):
        return None
    if filename and _stem(title) == _stem(filename):
        return None
    return title


# Author fields that name no author: placeholders, program names, desks, user ids.
_NOT_A_PERSON = re.compile(
    r"""(?:admin(?:istrator)? | user | owner | unknown | anonymous | author | editors? | staff
       | staff\s+(?:reports?|writers?|reporters?) | (?:the\s+)?newsroom | (?:news|web)\s*desk
       | the\s+editors | agencies | wire\s+services? | python-docx | microsoft\s+office\s+user
       | windows\s+user | \S*\d\S*                       # "user123", "jsmith2"
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|\||&|\band\b)\s*")


def _person(name: str) -> str | None:
    name = re.sub(r"^(?:by|von|par|por)\s+", "", name.strip(" ,.;:"), flags=re.IGNORECASE)
    if not name or _NOT_A_PERSON.fullmatch(name) or re.search(r"[@/]|https?:|www\.", name):
        return None
    if not any(c.isalpha() for c in name):
        return None
    if any(c.islower() for c in name) and not any(c.isupper() for c in name):
        return None  # "jsmith", a login; scripts without capitals have neither
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):  # "SAM PRICE"
        name = name.title()
    return name


def clean_author(value) -> str | None:
    """One name, or several joined with ", "; placeholders and addresses left out."""
    line = one_line(value, NAME_MAX)
    if not line:
        return None
    names = [_person(part) for part in _AUTHOR_SEPARATORS.split(line)]
    kept = list(dict.fromkeys(name for name in names if name))
    return ", ".join(kept)[:NAME_MAX] or None


def clean_outlet(value) -> str | None:
    outlet = one_line(value, NAME_MAX)
    if not outlet or re.match(r"https?:", outlet, re.IGNORECASE):
        return None
    return outlet.removeprefix("www.")


def clean_date(value) -> datetime.date | None:
    """A publication date: from 1990 to tomorrow (a time zone ahead), else None."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    if not isinstance(value, datetime.date):
        return None
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    return value if EARLIEST <= value <= tomorrow else None


_URL = re.compile(r"https?://[\w-]+(?:\.[\w-]+)+(?::\d{1,5})?(?:[/?#]\S*)?", re.IGNORECASE)


def clean_url(value) -> str | None:
    url = one_line(value, URL_MAX + 1)
    return url if url and len(url) <= URL_MAX and _URL.fullmatch(url) else None


def clean_details(details: dict, *, filename: str = "") -> dict:
    """The cleaned values of title, outlet, author, published and url found in `details`."""
    clean = {
        "title": clean_title(details.get("title"), filename),
        "outlet": clean_outlet(details.get("outlet")),
        "author": clean_author(details.get("author")),
        "published": clean_date(details.get("published")),
        "url": clean_url(details.get("url")),
    }
    if (
        clean["title"]
        and clean["outlet"]
        and clean["title"].casefold() == clean["outlet"].casefold()
    ):
        clean["title"] = None  # the site's name, not the article's headline
    return clean


# --- bylines -------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"(?:by|words\s+by|written\s+by|text\s+by|von|par|por)\s+(?P<names>.+)", re.IGNORECASE
)
# Where the names stop: "By Robert Kline, Staff Writer", "By SAM PRICE FOR THE DAILY BEACON",
# "Par Claire Dubois - Radio Publique", "Words by Ruth Alder · Photographs by Iain Moss".
_BYLINE_END = re.compile(r"\s*[,|·•–—(]\s*|\s+-\s+|\s+(?:for|in|at)\s+", re.IGNORECASE)
_BYLINE_AND = re.compile(r"\s+(?:and|&|und|et|y)\s+", re.IGNORECASE)
_PARTICLES = {"de", "da", "di", "van", "von", "der", "den", "del", "la", "le", "bin", "al", "ibn"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
BYLINE_LINES = 40  # how far down a page a byline is looked for


def byline_author(text: str) -> str | None:
    """The names of a byline line ("By Jane Smith and Ali Khan") near the top of `text`."""
    for line in text.split("\n", BYLINE_LINES)[:BYLINE_LINES]:
        names = byline_names(line.strip())
        if names:
            return clean_author(", ".join(names))
    return None


def byline_names(line: str) -> list[str]:
    """The people a byline line names ("By Robert Kline, Staff Writer" -> ["Robert Kline"]),
    [] if the line is no byline ("By Tuesday the council had voted.")."""
    match = len(line) <= 100 and _BYLINE.fullmatch(line)
    if not match:
        return []
    names = _BYLINE_END.split(match["names"], maxsplit=1)[0]
    people = [_person(name) for name in _BYLINE_AND.split(names)]
    return people if all(p and _is_name(p) for p in people) else []


def _is_name(text: str) -> bool:
    """Two to four capitalised words, particles allowed between them ("Ludwig van Beethoven")."""
    words = text.split()
    capitalised = [w for w in words if w not in _PARTICLES]
    return (
        2 <= len(capitalised) <= 4
        and words[0] in capitalised
        and all(_WORD.fullmatch(w) and w[0].isupper() for w in capitalised)
    )
