"""Text typed into the upload form outlives a session that ended before it was sent."""

import pytest
from playwright.sync_api import expect

from claims.models import Article

pytestmark = pytest.mark.browser

TEXT = "The harbour authority said on Friday that dredging would cost $12 million."


def test_an_upload_sent_after_the_session_ended_keeps_its_text(new_page, live_server, alice, dave):
    page = new_page("alice", "pw-alice")
    page.goto("/articles/new/")
    page.fill("#id_text", TEXT)
    page.fill("#id_headline", "Dredging costs")
    page.context.clear_cookies(name="sessionid")  # logged out in another tab, or timed out

    page.click("button:has-text('Upload and extract claims')")
    page.wait_for_url("**/login/**")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "pw-alice")
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/new/")

    expect(page.locator("#id_text")).to_have_value(TEXT)
    expect(page.locator("#id_headline")).to_have_value("Dredging costs")
    expect(page.locator(".draft-restored")).to_contain_text("had not sent")
    assert not Article.objects.exists()

    page.click("button:has-text('Upload and extract claims')")
    page.wait_for_url("**/articles/*/")
    assert Article.objects.get().headline == "Dredging costs"
    page.goto("/articles/new/")  # received: nothing is put back
    expect(page.locator("#id_text")).to_have_value("")
    expect(page.locator(".draft-restored")).to_have_count(0)

    page.fill("#id_text", "A draft of Alice's.")
    page.click("button:has-text('Log out')")  # a shared computer: the next person logs in
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "dave")
    page.fill("#id_password", "pw-dave")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    page.goto("/articles/new/")
    expect(page.locator("#id_text")).to_have_value("")
    expect(page.locator(".draft-restored")).to_have_count(0)


def test_a_restored_draft_can_be_discarded(new_page, alice):
    page = new_page("alice", "pw-alice")
    page.goto("/articles/new/")
    page.fill("#id_text", TEXT)
    page.reload()
    expect(page.locator("#id_text")).to_have_value(TEXT)

    page.click(".draft-restored button:has-text('Discard it')")

    expect(page.locator("#id_text")).to_have_value("")
    page.reload()
    expect(page.locator("#id_text")).to_have_value("")


def test_article_details_sent_after_the_session_ended_come_back_on_the_article_page(
    new_page, article
):
    page = new_page("alice", "pw-alice")
    page.goto(article.get_absolute_url())
    page.click("text=Edit the article's details")
    page.fill("#id_headline", "Council passes a $4.2m budget")
    page.context.clear_cookies(name="sessionid")

    page.click("button:has-text('Save details')")
    page.wait_for_url("**/login/**")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "pw-alice")
    page.click("button[type=submit]")
    page.wait_for_url(f"**{article.get_absolute_url()}")

    expect(page.locator("#article-details")).to_have_attribute("open", "")
    expect(page.locator("#id_headline")).to_have_value("Council passes a $4.2m budget")
    expect(page.locator("#article-details .draft-restored")).to_contain_text("had not sent")
    article.refresh_from_db()
    assert article.headline == "Council passes budget"

    page.click("button:has-text('Save details')")
    expect(page.locator(".messages")).to_contain_text("details are saved")
    article.refresh_from_db()
    assert article.headline == "Council passes a $4.2m budget"
    page.reload()  # received: the saved headline is shown, and no draft is put back
    expect(page.locator(".draft-restored")).to_have_count(0)
    expect(page.locator("#id_headline")).to_have_value("Council passes a $4.2m budget")


def test_a_draft_that_equals_the_saved_details_is_not_offered(new_page, article):
    page = new_page("alice", "pw-alice")
    page.goto(article.get_absolute_url())
    page.click("text=Edit the article's details")
    page.fill("#id_headline", "Council passes budget!")
    page.fill("#id_headline", "Council passes budget")  # typed, then put back as it was
    page.reload()

    expect(page.locator("#id_headline")).to_have_value("Council passes budget")
    expect(page.locator(".draft-restored")).to_have_count(0)
