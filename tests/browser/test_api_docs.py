"""The API's interactive docs render in Chromium from the desk's own files, under its
Content-Security-Policy, and "Try it out" works with the signed-in session (CSRF included)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_csp import Watcher

pytestmark = pytest.mark.browser


def test_the_docs_render_and_call_the_api(new_page, live_server, article, alice):
    watcher = Watcher(new_page("alice", "pw-alice"))
    page = watcher.page
    outside = []
    page.on(
        "request",
        lambda req: outside.append(req.url) if not req.url.startswith(live_server.url) else None,
    )
    watcher.visit("/api/v1/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Fact-check desk API")
    operation = page.locator("#operations-me-claims_api_me")
    expect(operation).to_be_visible()
    operation.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(operation.locator(".responses-wrapper .live-responses-table")).to_contain_text(
        '"username": "alice"'
    )
    watcher.check("after Try it out")
    assert outside == []


def test_the_integration_pages_keep_to_the_policy(new_page, alice, settings, worker_queue):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    watcher = Watcher(new_page("alice", "pw-alice"))
    page = watcher.page
    watcher.visit("/account/tokens/")
    page.fill("#id_name", "CMS")
    page.click("button:has-text('Create token')")
    expect(page.locator("#new-key")).to_contain_text("fcd_")
    watcher.visit("/webhooks/")
    page.fill("#id_url", "http://127.0.0.1:9/hooks")
    page.check("input[value='article.ready']")
    page.click("button:has-text('Register')")
    expect(page.locator("code.key")).to_contain_text("whsec_")
    page.click("button:has-text('Send test event')")
    expect(page.locator("table.deliveries")).to_contain_text("webhook.test")
    watcher.check("the webhook page")
    watcher.visit("/public/claimreview.json")
