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
