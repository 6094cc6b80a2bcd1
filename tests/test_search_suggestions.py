""" "Did you mean …?": misspelt query words corrected from the desk's own vocabulary."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.models import Article, Claim
from claims.search.suggestions import closest, did_you_mean, edits
from tests.conftest import text_of

HARBOUR = "Westhaven harbour dredging will cost the port authority more than planned."


@pytest.fixture
def desk(article, alice):
    """The sample article (a council budget, bus ridership, Mayor Jane Holloway) and another
    on Westhaven's harbour."""
    Article.objects.create(
        headline="Westhaven harbour works",
        body=HARBOUR,
        content_hash=services.content_hash(HARBOUR),
        uploaded_by=alice,
    )
    return article


def corrected(q):
    suggestion = did_you_mean(q)
    return suggestion and suggestion.q


@pytest.mark.parametrize(
    "a, b, expected",
    [("budgte", "budget", 1), ("budgte", "budge", 1), ("dreging", "dredging", 1), ("ta", "ta", 0)],
)
def test_a_swap_of_neighbours_is_one_edit(a, b, expected):
    assert edits(a, b) == expected


def test_a_swap_comes_before_a_dropped_letter():
    assert closest("budgte", ["budge", "budget", "budgets"]) == "budget"


def test_the_more_common_word_wins_a_tie():
    assert closest("electon", {"elector": 0.001, "election": 0.2}) == "election"


def test_a_short_word_gets_one_slip():
    assert closest("zqxwv", ["zqxqp"]) is None


def test_a_word_more_than_two_slips_away_is_not_close():
    assert closest("budgte", ["bridge"]) is None


@pytest.mark.django_db
class TestDidYouMean:
    def test_a_misspelt_word_gets_the_written_word(self, desk):
        assert corrected("budgte") == "budget"

    def test_the_query_keeps_its_case(self, desk):
        assert corrected("Westhavn dreging") == "Westhaven dredging"

    def test_a_word_written_in_another_form_is_not_misspelt(self, desk):
        assert did_you_mean("budgets approved ridership") is None

    def test_only_the_misspelt_words_change(self, desk):
        assert corrected("council budgte") == "council budget"

    def test_phrases_or_and_excluded_words_are_kept(self, desk):
        q = '"bus ridrship" or tram -budgte'
        assert corrected(q) == '"bus ridership" or tram -budgte'

    def test_a_name_is_corrected_too(self, desk):
        assert corrected("Holoway") == "Holloway"

    def test_a_word_nothing_is_close_to_gets_no_suggestion(self, desk):
        assert did_you_mean("xylophone") is None

    def test_stop_words_numbers_and_short_words_are_left_alone(self, desk):
        assert did_you_mean("the of 2021 ab") is None

    def test_the_vocabulary_follows_new_and_corrected_rows(self, desk):
        claim = Claim.objects.get(text__contains="tram")
        claim.text = "The new monorail line would open in 2027."
        claim.save()
        assert corrected("monorial") == "monorail"
        Article.objects.create(headline="Ferryboat timetable", body="", content_hash="x")
        assert corrected("ferryboats timetabel") == "ferryboats timetable"

    def test_the_corrected_words_are_marked(self, desk):
        assert str(did_you_mean("council budgte").marked) == "council <b>budget</b>"

    @pytest.mark.parametrize(
        "q",
        [
            "budgte " * 40,
            "budgte\x00 <script>alert(1)</script>",
            '"budgte',
            "-",
            '""" or -"" \x01\x02',
            "ß" * 200,
        ],
    )
    def test_hostile_queries_are_answered(self, desk, q):
        suggestion = did_you_mean(q)
        if suggestion is not None:
            assert "<script>" not in suggestion.marked
            assert "\x00" not in suggestion.q and len(suggestion.q) <= 220

    def test_html_in_the_query_is_escaped(self, desk):
        suggestion = did_you_mean("<i>budgte</i>")
        assert suggestion.q == "<i>budget</i>"
        assert str(suggestion.marked) == "&lt;i&gt;<b>budget</b>&lt;/i&gt;"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the vocabulary table (PostgreSQL)")
class TestPostgresVocabulary:
    def test_the_suggestion_reads_the_vocabulary_alone(self, desk):
        with CaptureQueriesContext(connection) as queries:
            assert corrected("budgte") == "budget"
        assert len(queries) == 1
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + queries[0]["sql"])
            plan = json.dumps(cursor.fetchone()[0])
        read = set(re.findall(r'"Relation Name": "(\w+)"', plan))
        assert "claims_searchword" in read
        assert not {t for t in read if t.startswith("claims_") and t != "claims_searchword"}

    def test_the_more_common_word_is_suggested(self, desk, alice):
        for n in range(20):
            body = f"The election result number {n} was announced."
            Article.objects.create(headline=f"Election {n}", body=body, content_hash=f"e{n}")
        Article.objects.create(headline="An elector", body="One elector.", content_hash="x")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claims_article")
        assert corrected("electon") == "election"

    def test_a_stop_word_is_never_suggested(self, desk):
        assert did_you_mean("thier") is None  # "their" is written, and not indexed

    def test_a_state_change_does_not_touch_the_vocabulary(self, desk):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM claims_searchword")
            before = cursor.fetchone()[0]
            Claim.objects.update(state=Claim.objects.first().state)
            cursor.execute("SELECT count(*) FROM claims_searchword")
            assert cursor.fetchone()[0] == before


@pytest.mark.django_db
class TestPages:
    def test_the_search_page_offers_the_corrected_query(self, desk, login):
        html = login("alice").get(reverse("site_search"), {"q": "budgte"}).content.decode()
        assert 'id="did-you-mean"' in html
        assert "?q=budget" in html and "<b>budget</b>" in html

    def test_a_search_that_finds_enough_offers_nothing(self, desk, login):
        html = login("alice").get(reverse("site_search"), {"q": "budget"}).content.decode()
        assert "Did you mean" not in html

    def test_the_queue_offers_the_corrected_query_with_its_filters(self, desk, login):
        page = login("alice").get(reverse("claim_queue"), {"tab": "all", "q": '"bus ridrship"'})
        html = page.content.decode()
        assert "No claims match" in html and 'id="did-you-mean"' in html
        assert "?tab=all&amp;q=%22bus+ridership%22" in html
        found = login("alice").get(reverse("claim_queue"), {"tab": "all", "q": '"bus ridership"'})
        assert "ridership" in text_of(found) and "Did you mean" not in text_of(found)

    def test_html_in_a_query_stays_text(self, desk, login):
        q = '<img src=x onerror=alert(1)> "budgte'
        html = login("alice").get(reverse("site_search"), {"q": q}).content.decode()
        assert "<img" not in html and "&lt;img" in html and "<b>budget</b>" in html
