"""What reading an upload gives: normalised text, the details the document states about itself,
and the one error type, whose message is written for a journalist."""

import datetime
from dataclasses import dataclass

from claims.ingest import metadata
from claims.ingest.normalise import normalise_text


class IngestError(ValueError):
    """A problem with an upload, with a message a journalist understands (str(exc))."""


@dataclass(frozen=True)
class IngestedText:
    text: str  # normalised plain text (see normalise_text)
    format: str  # one of FORMATS
    # What the document says about itself, None where it says nothing usable.
    title: str | None = None  # its headline
    outlet: str | None = None  # the publication (og:site_name, publisher)
    author: str | None = None  # "Name" or "Name, Other Name"
    published: datetime.date | None = None
    url: str | None = None  # the page's own address (canonical), http(s) only


def finish(
    text: str,
    fmt: str,
    empty: str,
    max_chars: int | None = None,
    *,
    filename: str = "",
    **details,
) -> IngestedText:
    """The IngestedText for `text`, normalised and checked (`empty` is the message when nothing
    is left), with the document's details (title, outlet, author, published, url) cleaned: a
    value that is junk (a file name for a title, "Administrator" for an author) becomes None.
    Without an author, a byline near the top of the text ("By Jane Smith") gives one."""
    text = normalise_text(text)
    if not text:
        raise IngestError(empty)
    check_length(len(text), max_chars)
    clean = metadata.clean_details(details, filename=filename)
    clean["author"] = clean["author"] or metadata.byline_author(text)
    return IngestedText(text=text, format=fmt, **clean)


# --- limits ------------------------------------------------------------------


def size_text(n: int) -> str:
    """A number of bytes in units a journalist reads ("1.5 MB")."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def check_size(n: int, max_bytes: int, what: str) -> None:
    """Refuse `n` bytes over the limit, saying both sizes in units a journalist reads."""
    if n > max_bytes:
        raise IngestError(
            f"The {what} is too large ({size_text(n)}); the limit is {size_text(max_bytes)}."
        )


def check_length(n: int, max_chars: int | None, *, read_all: bool = True) -> None:
    """Refuse a text of `n` characters over the limit: a small file can unpack to a huge text.
    `read_all` is False when reading stopped part-way, so `n` is only a lower bound."""
    if max_chars is not None and n > max_chars:
        length = f"{n:,} characters" if read_all else f"over {n:,} characters"
        raise IngestError(
            f"The text of this article is too long ({length}); the limit is {max_chars:,}. "
            "Upload only the part you need, or split it into several articles."
        )
