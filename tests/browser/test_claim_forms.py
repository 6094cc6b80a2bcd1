"""The claim page's forms in Chromium, as an editor uses them (issue 16)."""

import datetime

import pytest
from playwright.sync_api import expect

from claims.models import Claim

pytestmark = pytest.mark.browser


def test_a_due_date_survives_a_reload_and_a_change_of_priority(new_page, claim, alice):
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())

    page.fill("#id_due_date", "2026-12-20")
    page.click(".schedule button:has-text('Set')")
    expect(page.locator(".claim-main .facts")).to_contain_text("20 Dec 2026")
    page.reload()
    expect(page.locator("#id_due_date")).to_have_value("2026-12-20")

    page.select_option("#id_priority", label="Urgent")
    page.click(".schedule button:has-text('Set')")
    expect(page.locator(".claim-main .facts")).to_contain_text("urgent priority")

    claim = Claim.objects.get(pk=claim.pk)
    assert (claim.due_date, claim.priority) == (datetime.date(2026, 12, 20), Claim.Priority.URGENT)
    expect(page.locator(".claim-main .facts")).to_contain_text("20 Dec 2026")


def test_a_send_back_reason_stays_in_its_field_after_a_conflict(
    new_page, claim_in_review, alice, dave
):
    first = new_page("alice", "pw-alice")
    first.goto(claim_in_review.get_absolute_url())
    second = first.context.new_page()  # a second tab, same person
    second.goto(claim_in_review.get_absolute_url())

    first.select_option("#id_priority", label="Urgent")
    first.click(".schedule button:has-text('Set')")
    expect(first.locator(".claim-main .facts")).to_contain_text("urgent priority")
    reason = second.get_by_label("Reason to send back")
    reason.fill("Needs a second source for the 2021 figure.")
    second.click("button[data-action=send_back]")

    expect(second.locator(".changes")).to_contain_text("Your input is still in the form below")
    expect(reason).to_have_value("Needs a second source for the 2021 figure.")
    second.click("button[data-action=send_back]")  # applied again, on the current version
    expect(second.locator("#claim-state")).to_have_text("In progress")
    claim = Claim.objects.get(pk=claim_in_review.pk)
    assert claim.events.last().text == "Needs a second source for the 2021 figure."


def test_a_comment_typed_when_the_session_ended_is_kept_and_sent_after_logging_in_again(
    new_page, live_server, claim, alice
):
    """The session ends while a comment is typed: the comment stays in its box with a notice and
    a link to log in in another tab (htmx used to swap the login page into the claim page, the
    comment gone); once logged in there, the same button sends it, with the new CSRF token."""
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())
    comment = page.locator("textarea[name=text]")
    comment.fill("The 2021 figure comes from the audit, page 4.")
    page.context.clear_cookies(name="sessionid")

    page.click("form[action$='/comment/'] button")

    notice = page.locator(".request-failure")
    expect(notice).to_contain_text("You are logged out")
    expect(notice.locator("a")).to_have_attribute("target", "_blank")
    expect(comment).to_have_value("The 2021 figure comes from the audit, page 4.")
    assert page.locator("#id_username").count() == 0
    again = page.context.new_page()
    again.goto(live_server.url + "/login/")
    again.fill("#id_username", "alice")
    again.fill("#id_password", "pw-alice")
    again.click("button[type=submit]")
    again.wait_for_url(live_server.url + "/")
    again.close()

    page.click("form[action$='/comment/'] button")

    expect(page.locator(".history")).to_contain_text("The 2021 figure comes from the audit")
    expect(notice).to_have_count(0)
    assert claim.events.filter(text="The 2021 figure comes from the audit, page 4.").exists()


def test_back_to_a_claim_page_shows_the_claim_as_it_is_now(new_page, claim, alice, bob):
    """Alice assigns the claim on its page (htmx), goes to the dashboard and comes Back: the
    browser showed the page as first loaded from its cache (New, nobody, the Assign form),
    as if the assignment had not been made."""
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())
    page.select_option("#claim-panel select[name=assignee]", label="bob")
    page.click("#claim-panel button:has-text('Assign')")
    expect(page.locator("#claim-state")).to_have_text("Assigned")
    page.locator("textarea[name=text]").fill("Bob: the minutes are in the shared folder.")

    page.click("nav >> text=Dashboard")
    page.wait_for_url("**/")
    page.go_back()

    expect(page.locator("#claim-state")).to_have_text("Assigned")
    expect(page.locator(".claim-main .facts")).to_contain_text("bob")
    expect(page.locator(".messages")).to_contain_text("it now shows it as it is")
    expect(page.locator("textarea[name=text]")).to_have_value(
        "Bob: the minutes are in the shared folder."
    )


def test_a_comment_typed_but_not_sent_survives_going_away_and_back(new_page, claim, alice):
    """The comment box said autocomplete="off", and the browser then keeps nothing typed in it
    for Back: a half-written comment was gone after a look at the article or a source."""
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())
    page.locator("textarea[name=text]").fill("Half-written: the audit says")

    page.click("nav >> text=Dashboard")
    page.wait_for_url("**/")
    page.go_back()

    expect(page.locator("textarea[name=text]")).to_have_value("Half-written: the audit says")


def test_a_comment_whose_answer_was_lost_is_not_said_to_be_unsaved(new_page, claim, alice):
    """The server saved the comment but its answer never arrived (it restarted, the network
    dropped): the page said "this was not saved", and sending it again made it twice."""
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())

    def saved_then_lost(route):
        route.fetch()  # reaches the desk, which saves it
        route.abort("connectionreset")

    page.route("**/comment/", saved_then_lost)
    page.locator("textarea[name=text]").fill("The audit is on page 4.")
    page.click("form[action$='/comment/'] button")

    notice = page.locator(".request-failure")
    expect(notice).to_contain_text("may have been saved or not")
    expect(notice).not_to_contain_text("was not saved")
    assert claim.events.filter(text="The audit is on page 4.").count() == 1
