"""One article from upload to an approved claim, through the browser, with a real worker."""

import pytest
from playwright.sync_api import expect

from claims.models import Article, Claim

pytestmark = [pytest.mark.browser, pytest.mark.worker]

SEED = "seeds/moscow-washington-prisoner-exchange.txt"


def test_upload_extract_assign_check_and_approve(
    celery_worker_process, new_page, alice, bob, settings, screenshot_dir
):
    editor = new_page("alice", "pw-alice")
    editor.click("text=Upload")
    editor.set_input_files("#id_files", str(settings.BASE_DIR / SEED))
    editor.fill("#id_outlet", "RT")
    editor.click("button:has-text('Upload and extract claims')")

    # The article page polls while the worker extracts, then shows the claims without a reload.
    editor.wait_for_url("**/articles/*/")
    expect(editor.locator(".claim-side .claim-list li a").first).to_be_visible(timeout=60_000)
    expect(editor.locator("#article-live")).not_to_have_attribute("hx-trigger", "every 500ms")
    article = Article.objects.get()
    assert article.status == Article.Status.READY
    dmitriev = editor.locator(".claim-side a", has_text="the prospect of another exchange")
    expect(dmitriev).to_be_visible()
    editor.screenshot(path=str(screenshot_dir / "article-page.png"), full_page=True)

    # Alice assigns the Dmitriev claim to Bob.
    dmitriev.click()
    editor.select_option("#id_assignee", label="bob")
    editor.click("button:has-text('Assign')")
    expect(editor.locator("#claim-state")).to_have_text("Assigned")
    claim_url = editor.url

    # Bob starts work, adds evidence and proposes a verdict.
    checker = new_page("bob", "pw-bob")
    checker.goto(claim_url)
    checker.click("button[data-action=start]")
    expect(checker.locator("#claim-state")).to_have_text("In progress")
    checker.click("text=Add new evidence")
    checker.fill("#id_url", "https://example.org/axios-interview")
    checker.fill("#id_title", "Axios interview with Kirill Dmitriev")
    checker.fill("#id_excerpt", "Dmitriev said exchanges were discussed in Washington.")
    checker.select_option("#id_stance", "supports")
    checker.click("button:has-text('Add evidence')")
    expect(checker.locator(".evidence-list")).to_contain_text("Axios interview")
    checker.select_option("#id_verdict", label="True")
    checker.fill("#id_summary", "Axios published the interview; the trip took place in October.")
    checker.click("button:has-text('Propose verdict')")
    expect(checker.locator("#claim-state")).to_have_text("In review")

    # Alice (not the proposer) approves.
    editor.goto(claim_url)
    editor.click("button[data-action=approve]")
    expect(editor.locator("#claim-state")).to_have_text("Verified")
    claim = Claim.objects.get(pk=int(claim_url.rstrip("/").split("/")[-1]))
    assert claim.state == Claim.State.VERIFIED
    assert claim.verdict.slug == "true"
    assert list(claim.events.values_list("action", flat=True)).count("state") == 4

    editor.goto(article.get_absolute_url())
    expect(editor.locator(f"#c{claim.pk}")).to_have_class("claim-mark state-verified kind-indirect")
    editor.screenshot(path=str(screenshot_dir / "article-page.png"), full_page=True)
