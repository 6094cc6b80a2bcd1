"""Checked before: import a partner's fact-checks, upload an article repeating one, confirm it."""

import json

import pytest
from playwright.sync_api import expect

from claims.models import ClaimMatch, FactCheck
from tests.conftest import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.worker]

FEED = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "dataFeedElement": [
        {
            "@type": "DataFeedItem",
            "item": [
                {
                    "@type": "ClaimReview",
                    "url": "https://partner.example/checks/waste-cuts",
                    "claimReviewed": "Mayor Holloway says the city cut waste by 30 percent.",
                    "datePublished": "2025-05-14",
                    "author": {"@type": "Organization", "name": "Partner Checks"},
                    "reviewRating": {"@type": "Rating", "alternateName": "Mostly false"},
                    "itemReviewed": {
                        "@type": "Claim",
                        "author": {"@type": "Person", "name": "Jane Holloway"},
                    },
                }
            ],
        },
        {"@type": "DataFeedItem", "item": {"@type": "ClaimReview", "claimReviewed": "No URL"}},
    ],
}
ARTICLE = (
    "The council met on Tuesday to debate the new budget.\n\n"
    "“We have cut waste by 30 percent since 2021,” Mayor Jane Holloway told reporters.\n\n"
    "The opposition leader said the library would close in March."
)


def test_import_upload_see_checked_before_and_confirm(
    celery_worker_process, new_page, alice, bob, tmp_path, screenshot_dir
):
    feed = tmp_path / "partner-feed.json"
    feed.write_text(json.dumps(FEED))
    article = tmp_path / "budget.txt"
    article.write_text(ARTICLE)

    editor = new_page("alice", "pw-alice")
    editor.click("nav >> text=Archive")
    editor.set_input_files("#id_file", str(feed))
    editor.click("#archive-import button")
    expect(editor.locator(".messages")).to_contain_text("is being imported")
    imports = editor.locator("#archive-imports")  # the page follows the worker's import
    expect(imports).to_contain_text("1 new", timeout=60_000)
    imports.locator("summary", has_text="skipped").click()
    expect(imports).to_contain_text("it has no URL")
    editor.reload()
    expect(editor.locator("table.changelist")).to_contain_text("cut waste by 30 percent")
    assert FactCheck.objects.count() == 1

    editor.click("text=Upload")
    editor.set_input_files("#id_files", str(article))
    editor.click("button:has-text('Upload and extract claims')")
    editor.wait_for_url("**/articles/*/")
    quote = editor.locator(".claim-side a", has_text="cut waste by 30 percent")
    expect(quote).to_be_visible(timeout=60_000)
    wait_for(lambda: ClaimMatch.objects.exists(), timeout=60, message="the matching task")
    quote.click()

    section = editor.locator("#checked-before")
    expect(section).to_contain_text("Mostly false")
    expect(section).to_contain_text("Partner Checks")
    expect(section).to_contain_text("14 May 2025")
    link = section.locator("a[href='https://partner.example/checks/waste-cuts']")
    expect(link).to_be_visible()
    editor.screenshot(path=str(screenshot_dir / "checked-before.png"), full_page=True)

    checker = new_page("bob", "pw-bob")
    checker.goto(editor.url)
    checker.locator("#checked-before button", has_text="Same claim").click()
    expect(checker.locator("#checked-before .badge.match-confirmed")).to_have_text("Same claim")
    match = ClaimMatch.objects.get()
    assert (match.status, match.decided_by) == (ClaimMatch.Status.CONFIRMED, bob)

    checker.goto("/claims/?tab=all&matched=yes")  # a fact-checker lands on Mine
    expect(checker.locator("tr[data-claim]")).to_have_count(1)
    expect(checker.locator("tr[data-claim]")).to_contain_text("checked before?")
