"""In Chromium, no payload in user-supplied text runs: article, claims, evidence, comments,
source names and file names all carry scripts and event handlers (tests/test_security.py)."""

import pytest

from tests.conftest import restore_reference_data
from tests.test_security import hostile_desk, hostile_pages

pytestmark = pytest.mark.browser


def test_no_payload_runs_on_any_page(transactional_db, new_page, alice, bob):
    restore_reference_data()
    article, claim = hostile_desk(alice, bob)
    page = new_page("alice", "pw-alice")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in hostile_pages(article, claim):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, url
    # The payload is on the page as text, where the journalist can read it.
    page.goto(claim.get_absolute_url())
    assert page.get_by_text("window.__xss=1").first.is_visible()
    assert not dialogs
