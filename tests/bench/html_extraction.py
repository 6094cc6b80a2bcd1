"""Compare the readers of web pages on the hand-written news pages in tests/fixtures/news_pages/.

    .venv/bin/python -m tests.bench.html_extraction [-v]

For each reader: paragraph precision and recall of the article's text (gold.json says which
paragraphs are the article and which are neutral, counting neither way; anything else on the
page is chrome), the same counted in words, how many of the pages' headline, author, outlet,
date and address (of the pages that give one) it found right, and the time per page. Readers:
- walker: the hand-written lxml walker alone (chrome dropped by tag and class name), with the
  headline from <h1>, else <title>: how the desk read pages before trafilatura;
- trafilatura: trafilatura on the raw page, text and metadata, default settings;
- desk: what ingest_file gives now (the combination, see claims/ingest/html.py).
These pages were written while building the readers: the figures are not a held-out measure.
"""

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import lxml.html
import trafilatura

from claims.ingest import ingest_file
from claims.ingest.charset import decode
from claims.ingest.html import TEI_BLOCKS, declared_charset, drop_chrome, flow_text, page_text

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "news_pages"
FIELDS = ("title", "author", "outlet", "date", "url")
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def gold_pages() -> dict:
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    return {name: page for name, page in gold.items() if not name.startswith("_")}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold().split())


def _same(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def _words(texts) -> Counter:
    return Counter(word for text in texts for word in re.findall(r"\w+", text))


def score_text(text: str, page: dict) -> dict:
    """Paragraph and word counts of `text` against one page's gold paragraphs."""
    units = [_norm(line) for line in text.split("\n") if line.strip()]
    gold = [_norm(p) for p in page["paragraphs"]]
    neutral = [_norm(p) for p in page["neutral"]]
    counted = [u for u in units if not any(_same(n, u) for n in neutral)]
    right = [u for u in counted if any(_same(g, u) for g in gold)]
    words, gold_words = _words(units), _words(gold)
    return {
        "found": sum(any(_same(g, u) for u in units) for g in gold),
        "gold": len(gold),
        "right": len(right),
        "counted": len(counted),
        "chrome": [u for u in counted if u not in right],
        "words_found": sum((words & gold_words).values()),
        "gold_words": sum(gold_words.values()),
        "words_right": sum((words & _words(gold + neutral)).values()),
        "words": sum(words.values()),
    }


def score_details(details: dict, page: dict) -> dict:
    """Which of the page's details a reader found right."""

    def names(value):
        return _norm(re.sub(r"\s*;\s*", ", ", value or ""))

    return {
        "title": _norm(details.get("title") or "") in {_norm(t) for t in page["titles"]},
        "author": names(details.get("author")) == names(page["author"]),
        "outlet": _norm(details.get("outlet") or "") == _norm(page["outlet"]),
        "date": str(details.get("date")) in page["dates"],
        "url": page["url"] is not None and details.get("url") == page["url"],
    }


def walker(data: bytes):
    root = lxml.html.document_fromstring(decode(data, declared_charset(data)))
    head_title = root.findtext(".//title")
    drop_chrome(root)
    h1 = root.find(".//h1")
    return page_text(root), {"title": h1.text_content() if h1 is not None else head_title}


def plain_trafilatura(data: bytes):
    found = trafilatura.bare_extraction(
        decode(data, declared_charset(data)), with_metadata=True, include_comments=False
    )
    if found is None:
        return "", {}
    text = flow_text(found.body, TEI_BLOCKS, line_break="lb", cells=("cell",))
    details = {"title": found.title, "author": found.author, "outlet": found.sitename}
    return text, {**details, "date": found.date, "url": found.url}


def desk(data: bytes):
    result = ingest_file("page.html", data, max_bytes=len(data) + 1)
    details = {"title": result.title, "author": result.author, "outlet": result.outlet}
    return result.text, {**details, "date": result.published, "url": result.url}


READERS = {"walker": walker, "trafilatura": plain_trafilatura, "desk": desk}


def measure(read, pages: dict, verbose: bool = False) -> tuple[Counter, Counter, float]:
    totals, hits, seconds = Counter(), Counter(), 0.0
    for file, page in pages.items():
        data = (PAGES / file).read_bytes()
        start = time.perf_counter()
        text, details = read(data)
        seconds += time.perf_counter() - start
        score = score_text(text, page)
        totals.update({key: value for key, value in score.items() if key != "chrome"})
        hits.update(score_details(details, page))
        if verbose:
            print(f"  {file}: paragraphs {score['found']}/{score['gold']} found, "
                  f"{score['right']}/{score['counted']} right; {details}")  # fmt: skip
            for chrome in score["chrome"]:
                print(f"      chrome: {chrome[:100]}")
    return totals, hits, seconds


def main(verbose: bool = False) -> None:
    pages = gold_pages()
    print(f"{len(pages)} pages, tests/fixtures/news_pages/")
    stated = {field: len(pages) for field in FIELDS}  # pages that give each detail
    stated["url"] = sum(page["url"] is not None for page in pages.values())
    fields = "  ".join(f"{field:>6}" for field in FIELDS)
    print(
        f"{'reader':12} {'para P':>7} {'para R':>7} {'word P':>7} {'word R':>7}  {fields}  ms/page"
    )
    for name, read in READERS.items():
        if verbose:
            print(name)
        totals, hits, seconds = measure(read, pages, verbose)
        figures = (
            totals["right"] / totals["counted"],
            totals["found"] / totals["gold"],
            totals["words_right"] / totals["words"],
            totals["words_found"] / totals["gold_words"],
        )
        found = "  ".join(f"{hits[field]:>3}/{stated[field]:<2}" for field in FIELDS)
        columns = " ".join(f"{x:7.3f}" for x in figures)
        print(f"{name:12} {columns}  {found}  {1000 * seconds / len(pages):7.1f}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
