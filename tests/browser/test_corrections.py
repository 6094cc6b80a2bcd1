"""Corrections in Chromium: a journalist selects words to add a claim, changes a speaker through
the search, splits a claim, marks junk "not a claim", and fixes an article's URL to publish."""

import pytest
from playwright.sync_api import expect

from claims import services
from claims.extraction import extract
from claims.models import Article, Claim
from tests.conftest import SAMPLE_TEXT

pytestmark = pytest.mark.browser

MISSED = "The deputy mayor put the total cost of the tram at $9 million."
BODY = SAMPLE_TEXT + "\n\n" + MISSED

SELECT = """(words) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(words);
    if (at >= 0 && node.parentElement.closest('[data-selection-url]')) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      node.parentElement.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
      return true;
    }
  }
  return false;
}"""


def select_words(page, words):
    assert page.evaluate(SELECT, words), f"{words!r} is not on the page"


@pytest.fixture
def story(alice):
    article = Article.objects.create(
        headline="Budget", body=BODY, content_hash="story", url="", status="ready"
    )
    extracted = [c for c in extract(BODY) if "deputy mayor" not in c.text]
    return services.apply_extraction(article, extracted)


def test_select_words_in_an_article_and_add_them_as_a_claim(new_page, alice, story, screenshot_dir):
    page = new_page("alice", "pw-alice")
    page.goto(story.get_absolute_url())

    select_words(page, "the total cost of the tram at $9 million")
    page.click("button.selection-button:has-text('Add claim')")
    form = page.locator("#add-claim-form")
    expect(form.locator("blockquote.selection")).to_have_text(
        "the total cost of the tram at $9 million"
    )
    form.locator("input[name=kind][value=indirect]").check()
    form.locator("input[name=cue]").fill("put")
    form.locator("input[name=speaker][value=new]").check()
    form.locator("#id_source_name").fill("Ann Okafor")
    form.locator("#id_source_kind").select_option("person")
    select_words(page, "the total cost of the tram at $9 million")  # shown, for the picture
    page.screenshot(path=str(screenshot_dir / "add-claim.png"))
    form.locator("button:has-text('Add claim')").click()

    page.wait_for_url(f"**/articles/{story.pk}/?added=*")
    claim = Claim.objects.get(added_by__isnull=False)
    assert page.url.endswith(f"#c{claim.pk}")
    expect(page.locator(f"#c{claim.pk}")).to_have_text(claim.text)
    assert (claim.source.name, claim.kind, claim.cue) == ("Ann Okafor", "indirect", "put")


def test_a_sentence_becomes_a_claim_from_the_keyboard(new_page, alice, story):
    page = new_page("alice", "pw-alice")
    page.goto(story.get_absolute_url())

    page.keyboard.press("c")
    expect(page.locator("#pick-sentence")).to_be_focused()
    page.select_option("#pick-sentence", label=MISSED)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#add-claim-form blockquote.selection")).to_have_text(MISSED)


def test_change_a_claims_speaker_through_the_search(new_page, alice, story):
    claim = story.claims.get(text__contains="tram line")
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())

    page.fill("#fix-speaker-search", "transport")
    choice = page.locator("#fix-speaker-results label", has_text="the transport department")
    choice.locator("input").check()
    page.click("#correct-form button:has-text('Save correction')")

    expect(page.locator(".messages")).to_contain_text("Correction saved.")
    expect(page.locator("#claim-panel .facts")).to_contain_text("the transport department")
    assert Claim.objects.get(pk=claim.pk).source.name == "the transport department"


def test_split_a_claim_at_a_word(new_page, alice, story):
    claim = story.claims.get(text__contains="city council")
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())

    page.select_option("#split-at", label="“on Monday…”")
    page.click("button:has-text('Split')")

    expect(page.locator(".messages")).to_contain_text("Split: the rest is now claim")
    expect(page.locator("mark.claim-mark")).to_have_text(
        "The city council approved a budget of $4.2 million"
    )
    assert story.claims.filter(text="on Monday").exists()


def test_mark_a_claim_not_a_claim(new_page, alice, story):
    claim = story.claims.get(text__contains="bus ridership")
    page = new_page("alice", "pw-alice")
    page.goto(claim.get_absolute_url())

    page.select_option("#id_reason", "not_checkable")
    page.click("button:has-text('Not a claim')")

    expect(page.locator(".rejected-note")).to_contain_text("Not a claim")
    page.goto("/claims/")
    expect(page.locator(f'tr[data-claim="{claim.pk}"]')).to_have_count(0)


def test_edit_the_articles_url_then_publish(new_page, alice, dave, bob, story, verdict_false):
    claim = story.claims.get(text__contains="cut waste")
    services.assign_claim(claim, bob, actor=alice)
    services.transition(Claim.objects.get(pk=claim.pk), "start", actor=bob)
    services.add_evidence(Claim.objects.get(pk=claim.pk), actor=bob, title="Audit",
                          url="https://audit.example.org/")  # fmt: skip
    services.propose_verdict(Claim.objects.get(pk=claim.pk), actor=bob, verdict=verdict_false,
                             summary="The audit shows 12 percent.")  # fmt: skip
    services.transition(Claim.objects.get(pk=claim.pk), "approve", actor=alice)
    page = new_page("dave", "pw-dave")
    page.goto(claim.get_absolute_url())

    page.click("button[data-action=publish]")
    expect(page.locator(".messages")).to_contain_text("The article has no URL")
    page.goto(story.get_absolute_url())
    page.click("text=Edit the article's details")
    page.fill("#id_url", "https://news.example.org/budget")
    page.click("button:has-text('Save details')")
    expect(page.locator(".messages")).to_contain_text("details are saved")
    page.goto(claim.get_absolute_url())
    page.click("button[data-action=publish]")

    expect(page.locator("#claim-state")).to_have_text("Published")
