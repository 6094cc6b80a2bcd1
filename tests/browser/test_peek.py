"""The queue's quick peek in Chromium: a claim opens in a side panel beside the list, j/k move
and the panel follows, the URL keeps the open claim, actions work in the panel, Escape closes
it, and the full page stays one key away."""

import re

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim

pytestmark = pytest.mark.browser


def ordered():
    return list(Claim.objects.order_by("-score", "id"))


def test_a_claim_opens_beside_the_list_and_follows_j_and_k(new_page, alice, article):
    first, second = ordered()[:2]
    page = new_page("alice", "pw-alice")
    page.goto("/claims/?tab=all")
    panel = page.locator("#peek-panel")
    expect(panel).to_be_hidden()

    page.locator(f'tr.row[data-claim="{first.pk}"] a.claim-text').click()

    expect(panel).to_have_attribute("data-claim", str(first.pk))
    expect(panel.locator(".in-context mark")).to_have_text(first.text)
    expect(page.locator(".filters")).to_be_hidden()  # the panel takes the sidebar's place
    assert re.search(rf"[?&]peek={first.pk}(&|$)", page.url)
    assert "/claims/?" in page.url  # no page load: still the queue

    page.keyboard.press("j")
    expect(panel).to_have_attribute("data-claim", str(second.pk))
    expect(page.locator(f'tr.row.peeked[data-claim="{second.pk}"]')).to_have_count(1)
    assert re.search(rf"[?&]peek={second.pk}(&|$)", page.url)

    page.reload()  # the URL shows the same thing
    expect(panel).to_have_attribute("data-claim", str(second.pk))
    expect(page.locator(f'tr.row.focused[data-claim="{second.pk}"]')).to_have_count(1)

    page.keyboard.press("k")
    expect(panel).to_have_attribute("data-claim", str(first.pk))

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(page.locator(".filters")).to_be_visible()
    assert "peek=" not in page.url

    page.keyboard.press("Enter")  # the focused row, in the panel again
    expect(panel).to_have_attribute("data-claim", str(first.pk))
    page.keyboard.press("o")  # and its full page
    page.wait_for_url(re.compile(rf"/claims/{first.pk}/\?tab=all"))


def test_assign_dismiss_and_comment_in_the_panel(new_page, alice, bob, article):
    claim = ordered()[0]
    row = f'tr.row[data-claim="{claim.pk}"]'
    page = new_page("alice", "pw-alice")
    page.goto(f"/claims/?tab=all&peek={claim.pk}")
    panel = page.locator("#peek-panel")

    panel.locator("select[name=assignee]").select_option(label="bob")
    panel.locator("button", has_text="Assign").click()
    expect(panel.locator("#peek-assignee")).to_have_text("bob")
    expect(page.locator(f"{row} td.assignee")).to_have_text("bob")  # the list shows it too
    expect(page.locator(".messages")).to_have_text("Assigned to bob.")  # and stays

    panel.locator("textarea[name=text]").fill("Check the council minutes first.")
    panel.locator("button", has_text="Comment").click()
    expect(panel.locator(".events")).to_contain_text("Check the council minutes first.")

    panel.locator("[data-action=dismiss]").click()  # no reason: refused, nothing lost
    expect(panel.locator("#peek-state")).to_have_text("Assigned")
    panel.locator("input[aria-label='Reason to dismiss']").fill("An opinion, not a fact.")
    panel.locator("[data-action=dismiss]").click()
    expect(panel.locator("#peek-state")).to_have_text("Dismissed")
    expect(page.locator(f"{row} .badge")).to_have_text("Dismissed")
    assert Claim.objects.get(pk=claim.pk).state == Claim.State.DISMISSED


def test_a_fact_checker_takes_and_starts_a_claim_in_the_panel(new_page, bob, article):
    claim = ordered()[0]
    page = new_page("bob", "pw-bob")
    page.goto(f"/claims/?tab=unassigned&peek={claim.pk}")
    panel = page.locator("#peek-panel")

    panel.locator("#take-claim").click()
    expect(panel.locator("#peek-assignee")).to_have_text("bob")
    panel.locator("[data-action=start]").click()

    expect(panel.locator("#peek-state")).to_have_text("In progress")
    assert Claim.objects.get(pk=claim.pk).state == Claim.State.IN_PROGRESS


def test_a_comment_being_typed_in_the_panel_is_not_thrown_away_by_j(new_page, alice, article):
    """j, Escape or a click on another claim replaced the panel and its half-written comment;
    now the person is asked first, and keeps the text by saying no."""
    first, second = ordered()[:2]
    page = new_page("alice", "pw-alice")
    page.goto(f"/claims/?tab=all&peek={first.pk}")
    panel = page.locator("#peek-panel")
    comment = panel.locator("textarea[name=text]")
    comment.fill("Half a thought about the 2021 figure")
    comment.blur()  # shortcuts never fire inside a text field
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.dismiss() if len(asked) < 3 else dialog.accept()

    page.on("dialog", answer)
    page.locator("body").press("j")
    page.keyboard.press("Escape")
    expect(panel).to_have_attribute("data-claim", str(first.pk))
    expect(comment).to_have_value("Half a thought about the 2021 figure")
    page.locator(f'tr.row[data-claim="{second.pk}"] a.claim-text').click()

    assert len(asked) == 3 and "not saved" in asked[0]
    expect(panel).to_have_attribute("data-claim", str(second.pk))  # the third time: discarded
    page.keyboard.press("k")  # an empty comment box asks nothing
    expect(panel).to_have_attribute("data-claim", str(first.pk))
    assert len(asked) == 3


def test_a_stale_panel_refused_by_a_change_elsewhere_updates_the_list_too(
    new_page, alice, bob, article
):
    """Bob takes the claim Alice has open in the panel; her dismissal is refused and the panel
    shows the claim as it is now: the list beside it must not go on showing it as new and
    unassigned, as if her dismissal had only failed."""
    claim = ordered()[0]
    row = f'tr.row[data-claim="{claim.pk}"]'
    page = new_page("alice", "pw-alice")
    page.goto(f"/claims/?tab=all&peek={claim.pk}")
    panel = page.locator("#peek-panel")
    expect(page.locator(f"{row} td.assignee")).to_have_text("—")
    services.assign_claim(Claim.objects.get(pk=claim.pk), bob, actor=bob)

    panel.locator("input[aria-label='Reason to dismiss']").fill("An opinion, not a fact.")
    panel.locator("[data-action=dismiss]").click()

    expect(page.locator(".messages")).to_contain_text("changed by bob")
    expect(panel.locator("#peek-assignee")).to_have_text("bob")
    expect(page.locator(f"{row} td.assignee")).to_have_text("bob")
    expect(page.locator(f"{row} .badge")).to_have_text("Assigned")
    assert Claim.objects.get(pk=claim.pk).state == Claim.State.ASSIGNED
