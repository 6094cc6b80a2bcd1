"""Notifications in Chromium: a proposed verdict reaches the editors, its approval the
fact-checker; the badge counts what is unread, a notification leads to its claim, and
"Mark all read" clears the rest."""

import re

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim

pytestmark = pytest.mark.browser


def test_a_verdict_goes_to_review_and_back_with_notifications(
    new_page, alice, bob, claim_in_progress
):
    claim = claim_in_progress
    checker = new_page("bob", "pw-bob")
    editor = new_page("alice", "pw-alice")
    expect(editor.locator(".notify-count")).to_have_count(0)

    checker.goto(claim.get_absolute_url())
    checker.select_option("#id_verdict", label="False")
    checker.fill("#id_summary", "The budget book shows $3.9 million.")
    checker.click("button:has-text('Propose verdict')")
    expect(checker.locator("#claim-state")).to_have_text("In review")

    editor.reload()
    expect(editor.locator(".notify-count")).to_have_text("1")
    editor.click("a.notify")
    item = editor.locator("li.notification.unseen")
    expect(item).to_contain_text(f"bob's verdict on claim {claim.pk} waits for your review")
    item.locator("a").first.click()
    editor.wait_for_url(re.compile(rf"/claims/{claim.pk}/$"))
    expect(editor.locator(".notify-count")).to_have_count(0)  # read by following it
    editor.click("button[data-action=approve]")
    expect(editor.locator("#claim-state")).to_have_text("Verified")

    services.assign_claim(  # a second one for Bob, to clear with "Mark all read"
        Claim.objects.exclude(pk=claim.pk).first(), bob, actor=alice
    )
    checker.goto("/")
    expect(checker.locator(".notify-count")).to_have_text("3")  # with the first assignment
    checker.click("a.notify")
    expect(checker.locator("li.notification.unseen")).to_have_count(3)
    expect(checker.locator("li.notification").first).to_contain_text("alice assigned claim")
    expect(checker.locator("li.notification").nth(1)).to_contain_text(
        f"alice approved your verdict on claim {claim.pk}"
    )
    checker.click("#read-all")
    expect(checker.locator(".messages")).to_contain_text("Marked 3 notifications read.")
    expect(checker.locator("li.notification.unseen")).to_have_count(0)
    expect(checker.locator(".notify-count")).to_have_count(0)


def test_the_comment_box_completes_a_mention_and_the_person_is_told(new_page, alice, bob, claim):
    bob.first_name, bob.last_name = "Bob", "Checker"
    bob.save()
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())
    box = page.locator("#id_text")

    box.press_sequentially("Could @Bo")
    menu = page.locator(".mention-menu")
    expect(menu).to_be_visible()
    expect(menu.locator("li[aria-selected=true]")).to_have_text("@bob Bob Checker")
    page.keyboard.press("Enter")  # chooses; does not send the comment
    expect(box).to_have_value("Could @bob ")
    expect(menu).to_be_hidden()
    box.press_sequentially("check the minutes?")
    page.click("button:has-text('Comment')")

    expect(page.locator(".events .comment .mention")).to_have_text("@bob")
    checker = new_page("bob", "pw-bob")
    expect(checker.locator(".notify-count")).to_have_text("1")
    checker.click("a.notify")
    expect(checker.locator("li.notification")).to_contain_text(
        f"alice mentioned you on claim {claim.pk}"
    )
