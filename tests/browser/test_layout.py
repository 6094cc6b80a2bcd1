"""The desk's pages at 1440×900 in Chromium: nothing wider than the window, even when a headline,
a file name or a speaker is one long unbroken token (a URL, a slug, a hash)."""

import pytest

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
