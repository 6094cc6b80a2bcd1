"""Web pages as editors save them: the article's text without the page's chrome, and the page's
own details (headline, outlet, author, date, address).

The pages in tests/fixtures/news_pages/ are written for these tests (fictional outlets and
people); gold.json says which paragraphs are the article. `python -m tests.bench.html_extraction`
measures the readers on the same pages.
"""

import datetime

import pytest

from claims.ingest import IngestError, ingest_file, ingest_text
from tests.bench.html_extraction import PAGES, gold_pages

GOLD = gold_pages()
LIMIT = 5 * 1024 * 1024


def read(name: str):
    return ingest_file(name, (PAGES / name).read_bytes(), max_bytes=LIMIT)


def html(head: str = "", body: str = "<p>Text</p>") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def details_of(data: bytes, name: str = "page.html"):
    return ingest_file(name, data, max_bytes=LIMIT)


# --- the article's text ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOLD)
def test_every_paragraph_of_the_article_is_kept(name):
    paragraphs = read(name).text.split("\n\n")
    for paragraph in GOLD[name]["paragraphs"]:
        assert paragraph in paragraphs


# Chrome of each page, as written on the page: none of it may reach the text.
CHROME = {
    "riverside-gazette-wordpress.html": [
        "We use cookies", "Share this:", "Mill Lane flooded for second time", "Leave a Reply",
        "The wall will just push the water", "Most read", "Skip to content",
    ],
    "national-daily-react.html": [
        "Let us know you agree to cookies", "More on this story", "Related Topics",
        "Quiz of the week", "Terms of Use",
    ],
    "wire-service.html": ["Read Next", "Related coverage", "Advertisement", "Purchase Licensing"],
    "daily-beacon-tabloid-cp1252.html": [
        "READ MORE", "Sign up to our free daily newsletter", "Would you still eat",
        "best crab sandwich", "MOST READ NEWS", "212 shares",
    ],
    "northern-review-longform.html": ["More from Features", "Support the Review", "Copy link"],
    "radio-publique-fr-latin1.html": ["Nous utilisons des cookies", "Lire aussi", "À la une"],
    "county-results-table.html": ["consent to our use of cookies", "Trending", "Subscribe for $1"],
    "metro-amp.html": ["Advertisement", "Read more", "Bus fares to rise"],
    "harbour-post-paywall.html": [
        "Subscribe to keep reading", "Listen to this article", "Most Viewed", "Gift this article",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", [name for name in GOLD if name in CHROME])
def test_page_chrome_is_left_out(name):
    text = read(name).text
    for chrome in CHROME[name]:
        assert chrome not in text


@pytest.mark.parametrize("name", GOLD)
def test_scripts_and_json_never_reach_the_text(name):
    text = read(name).text
    for code in ("<", "function(", "gtag", "window.", "__NEXT_DATA__", '{"', "@context"):
        assert code not in text


def test_a_fragment_is_read_whole_with_its_headline():
    result = ingest_text(
        "<h1>Budget passed</h1><p>The mayor said so.</p><p>Twice.</p>", max_bytes=LIMIT
    )
    assert result.text == "Budget passed\n\nThe mayor said so.\n\nTwice."


def test_when_trafilatura_fails_the_whole_cleaned_page_is_read(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("library bug")

    monkeypatch.setattr("trafilatura.bare_extraction", broken)
    monkeypatch.setattr("trafilatura.extract_metadata", broken)
    result = read("wire-service.html")
    assert GOLD["wire-service.html"]["paragraphs"][0] in result.text
    assert "Advertisement" not in result.text  # still cleaned by tag and class name
    assert result.title == "WHO panel backs wider use of malaria vaccine in Sahel countries"


def test_a_page_with_only_chrome_is_refused_with_a_message():
    page = html(body="<nav>Home</nav><div class='cookie-banner'>We use cookies</div>")
    with pytest.raises(IngestError, match="no readable text"):
        details_of(page)


# --- the page's details ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOLD)
def test_the_page_gives_headline_author_outlet_and_date(name):
    result, gold = read(name), GOLD[name]
    assert result.title in gold["titles"]
    assert result.author == gold["author"]
    assert result.outlet == gold["outlet"]
    assert result.published.isoformat() in gold["dates"]
    assert result.url == gold["url"]


def test_open_graph_and_json_ld_details():
    head = (
        '<meta property="og:site_name" content="The Courier">'
        '<meta property="og:title" content="Tram line approved">'
        '<link rel="canonical" href="https://courier.example/tram">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "datePublished": '
        '"2024-05-02T09:00:00Z", "author": {"@type": "Person", "name": "Ana Lopez"}}</script>'
    )
    result = details_of(html(head))
    assert (result.title, result.outlet, result.author) == (
        "Tram line approved",
        "The Courier",
        "Ana Lopez",
    )
    assert (result.published, result.url) == (
        datetime.date(2024, 5, 2),
        "https://courier.example/tram",
    )


def test_placeholder_authors_are_left_out():
    result = details_of(html('<meta name="author" content="Staff report; Jenna Ruiz">'))
    assert result.author == "Jenna Ruiz"


def test_an_author_given_as_an_address_is_not_a_name():
    head = '<meta name="author" content="https://courier.example/staff/ana-lopez">'
    assert details_of(html(head)).author is None


def test_a_byline_gives_the_author_when_the_metadata_does_not():
    body = "<p>By ROBERT KLINE, Staff Writer</p><p>The mill will close.</p>"
    assert details_of(html(body=body)).author == "Robert Kline"


def test_a_sentence_starting_with_by_is_no_byline():
    body = "<p>By Tuesday the council had voted.</p><p>The mill will close.</p>"
    assert details_of(html(body=body)).author is None


def test_the_site_name_in_the_title_tag_is_the_outlet_not_the_headline():
    result = details_of(html("<title>Tri-County Herald - Mill closure to cost 300 jobs</title>"))
    assert (result.title, result.outlet) == ("Mill closure to cost 300 jobs", "Tri-County Herald")


def test_the_file_name_is_never_the_headline():
    result = details_of(
        html("<title>council-budget-final.html</title>"), "council-budget-final.html"
    )
    assert result.title is None


def test_a_script_address_is_not_taken_as_the_page_url():
    head = '<link rel="canonical" href="javascript:alert(1)">'
    head += '<meta property="og:url" content="javascript:x">'
    assert details_of(html(head)).url is None


def test_a_date_in_the_future_is_not_a_publication_date():
    head = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    assert details_of(html(head)).published is None


def test_details_are_cut_to_the_length_of_their_fields():
    head = f'<meta property="og:site_name" content="{"O" * 500}"><title>{"T " * 400}</title>'
    result = details_of(html(head))
    assert len(result.outlet) <= 200 and len(result.title) <= 300
