"""Web pages: the article's text and what the page says about it.

A saved news page is mostly chrome (navigation, cookie banners, share buttons, related links,
comments). The main text comes from trafilatura, given the page after our own clean-up (scripts,
forms and elements named like chrome are dropped first); when trafilatura finds too little (a
fragment, a pasted article body) the whole cleaned page is read, block by block. Headline,
outlet, author, date and address come from the page's metadata (og:, JSON-LD, <meta>, htmldate),
with a byline and the <title> as fallbacks. tests/bench/html_extraction.py measures both readers
on tests/fixtures/news_pages/.
"""

import copy
import re

import lxml.html
import trafilatura
from lxml import etree

from claims.ingest.document import IngestedText, IngestError, finish
from claims.ingest.metadata import byline_author, one_line
from claims.ingest.normalise import JUNK

NO_TEXT = "The HTML contains no readable text."
# Below this many characters trafilatura's choice is not trusted (it is built for whole pages;
# on a fragment it falls back to guesses): the cleaned page is read whole instead.
MIN_MAIN_TEXT = 250


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its first 4 KB (<meta charset> or http-equiv), if any."""
    pattern = rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)"""
    match = re.search(pattern, data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def from_html(text: str, max_chars: int | None = None, *, filename: str = "") -> IngestedText:
    # libxml2 chokes on some control characters, and refuses a str that starts
    # with an XML encoding declaration.
    text = JUNK.sub("", text.replace("\r", "\n"))
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
        details = _page_details(root)
        head_title = root.findtext(".//title") or ""
        drop_chrome(root)
        h1 = root.find(".//h1")
        h1 = h1.text_content() if h1 is not None else None
        page = page_text(root)
        main = main_text(root)
    except Exception:  # lxml is robust, but never leak its errors
        raise IngestError(NO_TEXT) from None
    title, outlet = _headline_and_site(details.get("title") or h1, head_title)
    details.update(title=title, outlet=details.get("outlet") or outlet)
    details["author"] = details.get("author") or byline_author(page)
    body = main if len(main) >= MIN_MAIN_TEXT else page
    return finish(body, "html", NO_TEXT, max_chars, filename=filename, **details)


# --- the page's own details ----------------------------------------------------------------------


def _page_details(root) -> dict:
    """Headline, outlet, author, date and address as the page's metadata states them (og:,
    JSON-LD, <meta>, htmldate). Read before any clean-up: they live in <head> and in scripts."""
    try:
        # extract_metadata may change the tree it is given
        tree = copy.deepcopy(root)
        # Its headline falls back to the <h1>'s whole text: code in a script or style there
        # ("Harbour plan <script>…</script>") is not part of it. JSON-LD scripts stay.
        for element in list(tree.iter("script", "style", "noscript", "template")):
            if "ld+json" not in (element.get("type") or "").lower():
                element.drop_tree()
        found = trafilatura.extract_metadata(tree)
    except Exception:  # a library error on an odd page costs the details, not the text
        return {}
    return {
        "title": found.title,
        "outlet": found.sitename,
        "author": found.author,
        "published": found.date,
        "url": found.url,
    }


def _headline_and_site(headline: str | None, head_title: str) -> tuple[str | None, str | None]:
    """The headline, and the site's name when <title> gives it ("Headline | Site").

    Without a better headline, or when the one found is only a part of <title>, the longest
    part of <title> is the headline ("Tri-County Herald - Mill closure to cost 300 jobs").
    """
    segments = _title_segments(head_title)
    if headline is None or (len(segments) > 1 and headline in segments):
        headline = max(segments, key=len, default=None)
    return headline, _site_in_title(segments, headline) if headline else None


_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ")


def _title_segments(title: str) -> list[str]:
    """ "Story | Section | Site" -> ["Story", "Section", "Site"], split at the first kind of
    separator found (a headline may hold a hyphen: "Man, 58, fined - again | Beacon")."""
    title = one_line(title, 1000) or ""
    for separator in _TITLE_SEPARATORS:
        if separator in title:
            return [part for part in (p.strip() for p in title.split(separator)) if part]
    return [title] if title else []


def _site_in_title(segments: list[str], headline: str) -> str | None:
    """The site's name in "<headline> | <site>" or "<site> - <headline>"."""
    if len(segments) < 2:
        return None
    key = headline.casefold()
    first, last = segments[0].casefold(), segments[-1].casefold()
    if key in first or first in key:
        return segments[-1]
    if key in last or last in key:
        return segments[0]
    return None


# --- clean-up ------------------------------------------------------------------------------------

_DROP_TAGS = {
    "head", "script", "style", "noscript", "iframe", "template", "svg", "math",
    "nav", "aside", "form", "button", "select", "textarea", "object", "embed",
    "canvas", "audio", "video", "dialog",
}  # fmt: skip
_NOISE_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
    "alertdialog", "menu", "menubar",
}  # fmt: skip
_NOISE_CLASS = re.compile(
    r"(?<![a-z0-9])(nav|navbar|menu|cookies?|consent|gdpr|ads?|advert\w*|sponsored"
    r"|promo|newsletter|subscribe|paywall|share|social|breadcrumbs?|sidebar|popup"
    r"|modal|related)(?![a-z0-9])",
    re.IGNORECASE,
)


def drop_chrome(root) -> None:
    """Drop comments, scripts and everything that names itself page chrome, in place."""
    for node in root.xpath("//comment() | //processing-instruction()"):
        if node.getparent() is not None:  # top-level comments have none
            node.drop_tree()  # drop_tree keeps the text that follows
    for el in [el for el in root.iter() if isinstance(el.tag, str)]:
        if el.getparent() is not None and _is_chrome(el):
            el.drop_tree()


def _is_chrome(el) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS:
        return True
    if tag in ("header", "footer"):
        # The page's header and footer are chrome, but an <article>'s own
        # header holds the headline and byline.
        return not any(a.tag in ("article", "main") for a in el.iterancestors())
    if tag in ("html", "body", "article", "main"):
        return False  # never drop the whole page over a class like "has-sidebar"
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in _NOISE_ROLES:
        return True
    if not _NOISE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return False
    # Class names are only a hint: never drop a wrapper around the article.
    return el.find(".//article") is None and el.find(".//main") is None


# --- text ----------------------------------------------------------------------------------------


def main_text(root) -> str:
    """The article's text as trafilatura finds it in the cleaned page ("" if it finds none)."""
    try:
        found = trafilatura.bare_extraction(
            root, include_comments=False, include_tables=True, include_images=False
        )
    except Exception:  # a library error on an odd page: the page is read whole instead
        return ""
    if found is None or found.body is None:
        return ""
    # trafilatura's tree is its own XML: <p>, <head>, <quote>, <list><item>, <table><row><cell>.
    return flow_text(found.body, TEI_BLOCKS, line_break="lb", cells=("cell",)).strip()


def page_text(root) -> str:
    """All the text of a (cleaned) page, block by block: the hand-written reader."""
    return flow_text(root, HTML_BLOCKS, line_break="br", cells=("td", "th"))


HTML_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section",
    "article", "main", "header", "footer", "pre", "table", "tr", "ul", "ol", "dl",
    "dt", "dd", "figure", "figcaption", "address", "hr", "caption", "details",
    "summary",
}  # fmt: skip
TEI_BLOCKS = {"p", "head", "quote", "list", "item", "table", "row", "code", "div", "note"}
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")


def flow_text(root, blocks: set[str], *, line_break: str, cells: tuple[str, ...]) -> str:
    """Inline text flows together under HTML whitespace rules, `blocks` become paragraphs,
    `line_break` a new line, `cells` are separated by a space, <pre> keeps its lines.
    Iterative: no recursion limit."""
    out: list[str] = []
    pre = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            pre += tag == "pre"  # True counts as 1
            out.append("\n" if tag == line_break else "\n\n" if tag in blocks else "")
            text = el.text
        else:
            pre -= tag == "pre"
            out.append("\n\n" if tag in blocks else " " if tag in cells else "")
            text = el.tail
        if text:
            out.append(text if pre else _HTML_SPACE.sub(" ", text))
    return "".join(out)
