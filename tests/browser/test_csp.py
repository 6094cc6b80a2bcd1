"""Every page type under the Content-Security-Policy, in Chromium: the header is there, nothing
on the page breaks it (no violation event, no CSP message in the console), and what runs on
the pages (htmx, the keys script) still works under it."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from claims import services
from claims.models import Claim, Source

pytestmark = pytest.mark.browser

# Runs before any script of the page (outside its policy): records every violation.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} ${e.sample || ""}`);
});
"""


class Watcher:
    """A browser page that collects CSP violations and console messages about the policy."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.context.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def visit(self, url):
        response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        policy = response.headers.get("content-security-policy", "")
        scripts = re.search(r"script-src [^;]*", policy)
        assert scripts and "'self'" in scripts.group(0), (url, policy)
        assert "unsafe" not in scripts.group(0), (url, policy)
        self.check(url)
        return response

    def check(self, where):
        violations = self.page.evaluate("window.__csp")
        assert violations == [], (where, violations)
        assert self.console == [], (where, self.console)


@pytest.fixture
def desk(article, alice, bob, dave, verdict_false):
    """A published claim (public page with JSON-LD), a claim in progress with evidence, and
    another editor who may use the admin."""
    claims = list(article.claims.order_by("start"))
    article.url = "https://news.example/budget"
    article.save(update_fields=["url"])
    published, working = claims[1], claims[2]
    for claim in (published, working):
        services.assign_claim(claim, bob, actor=alice)
        services.transition(claim, "start", actor=bob)
        services.add_evidence(claim, actor=bob, title="Budget book", url="https://example.org/b")
    services.propose_verdict(published, actor=bob, verdict=verdict_false, summary="It rose.")
    services.transition(published, "approve", actor=dave)
    services.transition(published, "publish", actor=alice)
    alice.is_staff = alice.is_superuser = True
    alice.save()
    return {"published": Claim.objects.get(pk=published.pk), "working": working}


def test_every_page_type_keeps_to_the_policy(browser, live_server, new_page, desk, article, vic):
    editor = Watcher(new_page("alice", "pw-alice"))
    published, working = desk["published"], desk["working"]
    source = Source.objects.exclude(claims=None).first()
    pages = [
        reverse("dashboard"),
        reverse("claim_queue"),
        reverse("claim_queue") + "?tab=mine&o=-due",
        reverse("claim_queue") + f"?tab=all&peek={working.pk}",
        working.get_absolute_url(),
        published.get_absolute_url(),
        reverse("article_list"),
        article.get_absolute_url(),
        reverse("article_upload"),
        reverse("source_list"),
        source.get_absolute_url(),
        reverse("source_merge", args=[source.pk]),
        reverse("notification_list"),
        reverse("public_claim", args=[published.pk]),
        "/claims/999999/",  # the 404 page
        reverse("admin:index"),
        reverse("admin:claims_claim_changelist"),
        reverse("admin:claims_claim_change", args=[working.pk]),
        reverse("admin:claims_verdict_changelist"),
        reverse("admin:claims_article_add"),
    ]
    for url in pages:
        editor.visit(url)

    anonymous = Watcher(browser.new_context(base_url=live_server.url).new_page())
    anonymous.visit(reverse("login"))
    response = anonymous.visit(reverse("public_claim", args=[published.pk]))
    nonce = re.search(r"'nonce-([^']+)'", response.headers["content-security-policy"]).group(1)
    assert f'<script type="application/ld+json" nonce="{nonce}">' in response.text()

    viewer = Watcher(new_page("vic", "pw-vic"))
    assert viewer.visit(reverse("article_upload")).status == 403


def test_htmx_and_the_keys_script_work_under_the_policy(new_page, desk):
    checker = Watcher(new_page("bob", "pw-bob"))
    checker.visit(desk["working"].get_absolute_url())

    checker.page.fill("#id_text", "Checked against the 2024 budget book.")
    checker.page.click("button:has-text('Comment')")
    expect(checker.page.locator(".events")).to_contain_text("Checked against the 2024 budget")
    checker.page.keyboard.press("?")
    expect(checker.page.locator("#kbd-help")).to_be_visible()

    checker.visit(reverse("claim_queue") + "?tab=all")
    checker.page.fill("#q", "ridership")
    expect(checker.page.locator("tr.row")).to_have_count(1)
    checker.page.evaluate("document.activeElement.blur()")  # shortcuts never fire in a field
    checker.page.keyboard.press("j")
    expect(checker.page.locator("tr.row.focused")).to_have_count(1)
    checker.page.keyboard.press("p")  # the quick peek, loaded by htmx
    expect(checker.page.locator("#peek-panel .in-context")).to_contain_text("ridership")
    checker.check("after the interactions")
