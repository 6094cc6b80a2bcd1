"""The queue in Chromium: keyboard, bulk change with confirmation and undo, and two editors
saving the same claim at once."""

import re

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim

pytestmark = pytest.mark.browser


def test_keyboard_moves_selects_assigns_and_opens(new_page, alice, article, screenshot_dir):
    page = new_page("alice", "pw-alice")
    page.goto("/claims/")
    rows = page.locator("tr.row")
    first_id = rows.nth(0).get_attribute("data-claim")

    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(rows.nth(0)).to_have_class("row focused")
    page.keyboard.press("x")
    expect(rows.nth(0).locator("input[name=claims]")).to_be_checked()
    expect(page.locator("#selected-count")).to_have_text("1 selected")

    page.keyboard.press("a")  # assign to me; the list refreshes in place and keeps the focus
    expect(rows.nth(0).locator("td.assignee")).to_have_text("alice")
    expect(page.locator(".messages")).to_have_text("Assigned to you.")
    expect(page.locator(f'tr.row.focused[data-claim="{first_id}"]')).to_have_count(1)
    expect(rows.nth(0).locator("input[name=claims]")).to_be_checked()
    unassigned = Claim.objects.filter(assignee=None).count()
    expect(page.locator("[data-tab=unassigned] .count")).to_have_text(str(unassigned))
    assert Claim.objects.get(pk=first_id).assignee == alice
    page.screenshot(path=str(screenshot_dir / "queue.png"))

    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("j")  # typing in a field is not a shortcut
    expect(page.locator(f'tr.row.focused[data-claim="{first_id}"]')).to_have_count(1)
    page.locator("#q").blur()

    page.keyboard.press("?")
    expect(page.locator("#kbd-help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#kbd-help")).to_be_hidden()

    page.keyboard.press("o")
    page.wait_for_url(re.compile(rf"/claims/{first_id}/\?tab=all"))
    expect(page.locator("#claim-state")).to_have_text("Assigned")


def test_a_live_search_carries_over_to_the_export_link(new_page, alice, article):
    page = new_page("alice", "pw-alice")
    page.goto("/claims/?kind=indirect")
    export = page.locator("#queue-export")
    assert "q=" not in export.get_attribute("href")

    page.fill("#q", "tram")  # the list updates in place (htmx), without a page load

    expect(page.locator("tr.row")).to_have_count(1)
    expect(export).to_have_attribute("href", re.compile(r"[?&]q=tram(&|$)"))
    assert "kind=indirect" in export.get_attribute("href")


def test_a_filter_clicked_after_a_live_search_keeps_the_search(new_page, alice, article):
    page = new_page("alice", "pw-alice")
    page.goto("/claims/")
    page.fill("#q", "tram")
    expect(page.locator("tr.row")).to_have_count(1)

    page.locator(".filters a", has_text="Reported speech").click()

    page.wait_for_url(re.compile(r"kind=indirect"))
    assert re.search(r"[?&]q=tram(&|$)", page.url)
    expect(page.locator("#q")).to_have_value("tram")
    expect(page.locator("tr.row")).to_have_count(1)


def test_e_opens_the_next_claim_in_my_queue(new_page, alice, bob, article):
    first, second = Claim.objects.order_by("-score", "id")[:2]
    for claim in (first, second):
        services.assign_claim(claim, bob, actor=alice)
    page = new_page("bob", "pw-bob")
    page.goto(f"/claims/{first.pk}/")

    page.keyboard.press("e")

    page.wait_for_url(re.compile(rf"/claims/{second.pk}/\?tab=mine$"))


def test_bulk_dismiss_confirms_the_count_and_can_be_undone(new_page, alice, article):
    count = Claim.objects.count()
    page = new_page("alice", "pw-alice")
    page.goto("/claims/")

    page.check("#select-all")
    expect(page.locator("#selected-count")).to_have_text(f"{count} selected")
    page.select_option("#id_action", "dismiss")
    page.fill("input[name=reason]", "Opinion, not fact.")
    page.click("text=Apply to selected")
    expect(page.locator("h1")).to_have_text(f"Dismiss {count} claims?")
    assert not Claim.objects.filter(state=Claim.State.DISMISSED).exists()
    page.click("#confirm-bulk")

    expect(page.locator(".messages")).to_contain_text(f"Dismissed: {count} claims.")
    assert Claim.objects.filter(state=Claim.State.DISMISSED).count() == count
    page.click("#undo-bulk")
    expect(page.locator(".messages")).to_contain_text(f"{count} restored")
    assert not Claim.objects.filter(state=Claim.State.DISMISSED).exists()


def test_two_editors_saving_one_claim_the_second_sees_what_changed(
    new_page, alice, dave, bob, claim_in_review
):
    url = f"/claims/{claim_in_review.pk}/"
    first = new_page("alice", "pw-alice")
    second = new_page("dave", "pw-dave")
    first.goto(url)
    second.goto(url)

    second.fill("input[name=reason]", "Needs a second source.")
    second.click("button[data-action=send_back]")
    expect(second.locator("#claim-state")).to_have_text("In progress")

    first.click("button[data-action=approve]")  # Alice's page is out of date
    expect(first.locator(".messages")).to_contain_text("changed by dave while you were editing")
    expect(first.locator(".changes")).to_contain_text("Needs a second source.")
    expect(first.locator("#claim-state")).to_have_text("In progress")
    claim = Claim.objects.get(pk=claim_in_review.pk)
    assert claim.state == Claim.State.IN_PROGRESS
    assert claim.events.filter(to_value=Claim.State.VERIFIED).count() == 0
