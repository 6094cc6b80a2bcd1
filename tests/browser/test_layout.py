"""The desk's pages at 1440×900 in Chromium: nothing wider than the window, even when a headline,
a file name or a speaker is one long unbroken token (a URL, a slug, a hash)."""

import pytest

from claims import services
from claims.extraction.types import ExtractedClaim
from claims.models import Article, Claim, Source
from tests.browser.conftest import VIEWPORT

pytestmark = pytest.mark.browser

LONG = "Quarterly_budget_report_" + "x" * 150 + "_final_v2.pdf"


@pytest.fixture
def long_tokens(article, alice):
    Article.objects.filter(pk=article.pk).update(headline=LONG, original_filename=LONG)
    claim = article.claims.order_by("start").first()
    source = Source.objects.create(name="Spokesperson" + "_" * 120, normalized_name="long")
    Claim.objects.filter(pk=claim.pk).update(source=source, source_text=source.name)
    return article, claim, source


def test_no_page_is_wider_than_the_window(new_page, alice, long_tokens):
    """Issue 16, bug 6: the page was 1469 px wide and the filter sidebar clipped."""
    article, claim, source = long_tokens
    page = new_page("alice", "pw-alice")
    too_wide = {}
    for url in [
        "/",
        "/claims/",
        "/claims/?tab=all&q=Quarterly",
        "/articles/",
        article.get_absolute_url(),
        claim.get_absolute_url(),
        "/sources/",
        source.get_absolute_url(),
    ]:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > VIEWPORT["width"]:
            too_wide[url] = width
    assert too_wide == {}


@pytest.fixture
def busy_queue(alice):
    """Twenty claims, each long enough to take two lines in the claim column."""
    sentence = (
        "The regional health authority said waiting times for routine operations had fallen by "
        "{n} percent over the last year, the largest fall since records began in 1998."
    )
    sentences = [sentence.format(n=n + 10) for n in range(20)]
    body = " ".join(sentences)
    article = Article.objects.create(
        headline="Waiting times fall across the region", body=body, content_hash="busy",
        uploaded_by=alice,
    )  # fmt: skip
    found, start = [], 0
    for text in sentences:
        start = body.index(text, start)
        found.append(ExtractedClaim(
            text=text, start=start, end=start + len(text), sentence_start=start,
            sentence_end=start + len(text), kind="indirect", score=0.9, source="health authority",
            source_name="health authority",
            source_start=start + 4, source_end=start + 29, cue="said",
        ))  # fmt: skip
    services.apply_extraction(article, found)
    return article


def test_the_queue_shows_twelve_claims_at_1440_by_900(new_page, alice, busy_queue):
    page = new_page("alice", "pw-alice")
    page.goto("/claims/?tab=all")

    visible = page.evaluate(
        """() => [...document.querySelectorAll("tr.row")]
            .filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length"""
    )
    widths = page.evaluate(
        """() => [...document.querySelectorAll(".queue-table thead th")]
            .map(th => [th.className, th.getBoundingClientRect().width])"""
    )
    first = page.locator("tr.row").first
    lines = page.evaluate(
        "el => Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))",
        first.locator(".claim-text").element_handle(),
    )

    assert visible >= 12
    assert max(widths, key=lambda w: w[1])[0] == "claim-col"
    assert lines == 2  # the claims are long: each takes two lines, and still twelve fit
    assert first.locator(".claim-meta").inner_text().startswith("health authority · Waiting times")


ARABIC = "قال الوزير إن البطالة انخفضت إلى 5 في المئة."


@pytest.fixture
def two_scripts(alice):
    """An article with an Arabic paragraph, then an English one; the Arabic sentence a claim."""
    body = f"{ARABIC}\n\nThe minister said unemployment fell to 5 percent."
    article = Article.objects.create(
        headline=ARABIC, body=body, content_hash="two-scripts", uploaded_by=alice
    )
    services.apply_extraction(article, [ExtractedClaim(
        text=ARABIC, start=0, end=len(ARABIC), sentence_start=0, sentence_end=len(ARABIC),
        kind="unattributed", score=0.9,
    )])  # fmt: skip
    return article


def full_stop_is_on_the_left(page, selector):
    """Whether the final full stop of the Arabic text in `selector` is drawn at its left end, as
    Arabic is read (right to left), rather than at its right end as in an English line."""
    return page.evaluate(
        """([selector, text]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(text);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at + text.length - 1);
                range.setEnd(node, at + text.length);
                const stop = range.getBoundingClientRect();
                range.setStart(node, at);
                range.setEnd(node, at + 3);
                const first = range.getBoundingClientRect();
                return stop.left < first.left;
            }
            return null;
        }""",
        [selector, ARABIC],
    )


def test_arabic_text_reads_right_to_left_beside_english(new_page, alice, two_scripts):
    """An Arabic paragraph was laid out as an English line: its full stop at the right end and
    a number or a Latin word inside it out of place. Each paragraph, headline and claim takes
    the direction of its own text."""
    page = new_page("alice", "pw-alice")
    claim = two_scripts.claims.get()

    page.goto(two_scripts.get_absolute_url())
    assert full_stop_is_on_the_left(page, "#article-body")
    assert full_stop_is_on_the_left(page, "h1")
    assert full_stop_is_on_the_left(page, ".claim-list")

    page.goto("/claims/?tab=all")
    assert full_stop_is_on_the_left(page, f'tr[data-claim="{claim.pk}"] .claim-text')

    page.goto(claim.get_absolute_url())
    assert full_stop_is_on_the_left(page, ".in-context")
