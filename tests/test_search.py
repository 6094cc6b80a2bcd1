"""Full-text search: web-search syntax, stemming, hyphens, typos in names, snippets, ranking."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import search, services
from claims.extraction import extract
from claims.models import Article, Claim, Evidence, FactCheck, Source
from claims.search import fts5_query, normalise
from tests.conftest import SAMPLE_TEXT


def test_hyphens_inside_words_are_spaces():
    assert normalise("Coca-Cola 9/11 -tax") == "Coca Cola 9/11 -tax"


@pytest.mark.parametrize(
    "q, expected",
    [
        ("tax cuts", '("tax" AND "cuts")'),
        ('"bus ridership" fell', '("bus ridership" AND "fell")'),
        ("tram or bus", '("tram") OR ("bus")'),
        ("budget -waste", '(("budget")) NOT ("waste")'),
        ("-waste", None),
        ('"" or', None),
    ],
)
def test_websearch_syntax_becomes_fts5(q, expected):
    assert fts5_query(q) == expected


@pytest.fixture
def corpus(article, alice):
    FactCheck.objects.create(
        url="https://checks.example/cola",
        claim_reviewed="Coca-Cola paid no taxes in Freedonia last year.",
        verdict="False",
        publisher="Example Checkers",
        claimant="Jane Holloway",
    )
    Evidence.objects.create(title="Council accounts", excerpt="Waste spending rose by 4%.")
    return article


def texts(q, model=Claim):
    return sorted(str(o) for o in model.objects.filter(search.text_match(model, q)))


@pytest.mark.django_db
class TestTextMatch:
    def test_stemming_finds_other_forms(self, corpus):
        assert texts("approve budgets") == texts("approved budget") != []

    def test_a_phrase_needs_its_words_in_order(self, corpus):
        assert len(texts('"bus ridership"')) == 1
        assert texts('"ridership bus"') == []

    def test_minus_excludes_and_or_widens(self, corpus):
        assert all("tram" not in t for t in texts("percent -tram"))
        both = texts("ridership or tram")
        assert len(both) == 2

    def test_coca_cola_with_or_without_hyphen(self, corpus):
        found = texts("Coca Cola", FactCheck)
        assert found == texts("Coca-Cola", FactCheck) == texts("coca-cola taxes", FactCheck)
        assert len(found) == 1

    def test_index_follows_updates_and_deletes(self, corpus):
        claim = Claim.objects.get(text__contains="tram")
        claim.text = "The monorail will open in 2031."
        claim.save()
        assert texts("tram") == [] and len(texts("monorail")) == 1
        claim.delete()
        assert texts("monorail") == []

    @pytest.mark.parametrize("q", ['NEAR("x y") AND *', "a:b OR", '"unclosed', "^x + (y"])
    def test_operators_of_the_engine_are_plain_words(self, corpus, q):
        texts(q)  # no syntax error from the engine
        search.site_search(q)

    def test_nothing_to_search_finds_nothing(self, corpus):
        assert texts("-tram") == [] and texts('""') == []


@pytest.mark.django_db
def test_similar_names_allow_typos(corpus):
    holloway = Source.objects.get(name__contains="Holloway")
    assert holloway.pk in search.similar_names("Holoway")
    assert search.similar_names("Zebedee") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q", ['"Holoway"', "Holoway -tram", 'Holoway "tram line"', "Holoway or tram"]
)
def test_a_query_in_the_search_syntax_asks_for_names_as_written(corpus, q):
    assert search.similar_names(q) == []
    assert search.similar_names("Jane Holoway") != []


@pytest.mark.django_db
def test_site_search_ranks_and_highlights(corpus):
    results = search.site_search("cola")
    hit = results["fact_checks"][0]
    assert "<mark>Cola</mark>" in hit.snippet
    results = search.site_search("holoway")
    assert [h.obj.name for h in results["sources"]] == ["Jane Holloway"]


@pytest.mark.django_db
def test_a_broad_search_ranks_its_newest_matches_and_says_so(client, bob, corpus, monkeypatch):
    monkeypatch.setattr(search, "RANKED_NEWEST", 2)
    q = "percent OR tram"
    matching = sorted(c.pk for c in Claim.objects.filter(search.text_match(Claim, q)))
    assert len(matching) > 2

    hits = search.ranked_hits("claims", q)

    client.force_login(bob)
    html = client.get(reverse("site_search"), {"q": q}).content.decode()
    if connection.vendor == "postgresql":
        assert hits.narrowed and sorted(hit.obj.pk for hit in hits) == matching[-2:]
        assert "the best of the 2 newest" in html
    else:  # SQLite's FTS5 ranks every match
        assert not hits.narrowed and len(hits) == len(matching)
        assert "newest" not in html


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's FTS5 ranks every match")
def test_articles_rank_fewer_of_their_newest_matches(client, bob, corpus, alice, monkeypatch):
    monkeypatch.setattr(search, "RANKED_NEWEST_OF", {"articles": 1})
    Article.objects.create(headline="Again", body=SAMPLE_TEXT, content_hash="2", uploaded_by=alice)

    client.force_login(bob)
    html = client.get(reverse("site_search"), {"q": "tram"}).content.decode()

    articles = html[html.index('id="search-articles"') :]
    assert "the best of the 1 newest" in articles and articles.count("<li>") == 1
    assert "newest" not in html[: html.index('id="search-articles"')]  # claims: all ranked


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's FTS5 ranks every match")
@pytest.mark.parametrize("ferries_oldest", [False, True], ids=["in the window", "widened"])
def test_the_newest_matches_are_looked_for_in_the_newest_rows_first(monkeypatch, ferries_oldest):
    monkeypatch.setattr(search, "RANKED_NEWEST", 3)
    monkeypatch.setattr(search, "WINDOW", 4)
    monkeypatch.setattr(search, "WINDOW_SHARE", 0)
    texts = ["The ferry fares rose."] * 5 + ["The budget was approved."] * 5
    for k, text in enumerate(texts if ferries_oldest else texts[::-1]):
        FactCheck.objects.create(url=f"https://checks.example/{k}", claim_reviewed=text)
    ferries = FactCheck.objects.filter(claim_reviewed__contains="ferry").order_by("pk")

    with CaptureQueriesContext(connection) as queries:
        hits = search.ranked_hits("fact_checks", "ferries")

    assert hits.narrowed and sorted(hit.obj.pk for hit in hits) == [f.pk for f in ferries][-3:]
    windows = [q for q in queries if "ORDER BY id DESC LIMIT" in q["sql"]]
    assert len(windows) == (2 if ferries_oldest else 1)  # the newest 4 rows hold 0 or 4 ferries


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's FTS5 ranks every match")
def test_a_window_with_enough_of_the_newest_matches_is_the_last(client, bob, monkeypatch):
    monkeypatch.setattr(search, "RANKED_NEWEST", 4)
    monkeypatch.setattr(search, "WINDOW", 4)
    monkeypatch.setattr(search, "WINDOW_SHARE", 0)
    # Oldest first: six ferries, then the newest four rows, two of them ferries (half of 4).
    texts = ["The ferry fares rose."] * 6 + ["The ferry was late.", "The budget passed."] * 2
    for k, text in enumerate(texts):
        FactCheck.objects.create(url=f"https://checks.example/{k}", claim_reviewed=text)
    newest = FactCheck.objects.order_by("-pk")[:4]

    with CaptureQueriesContext(connection) as queries:
        hits = search.ranked_hits("fact_checks", "ferries")

    assert len([q for q in queries if "ORDER BY id DESC LIMIT" in q["sql"]]) == 1
    assert hits.narrowed == 2
    assert {hit.obj.pk for hit in hits} == {f.pk for f in newest if "ferry" in f.claim_reviewed}
    client.force_login(bob)
    html = client.get(reverse("site_search"), {"q": "ferries"}).content.decode()
    assert "the best of the 2 newest" in html


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's FTS5 ranks every match")
def test_the_first_window_is_a_share_of_the_table_at_least(monkeypatch):
    monkeypatch.setattr(search, "RANKED_NEWEST", 3)
    monkeypatch.setattr(search, "WINDOW", 4)
    monkeypatch.setattr(search, "WINDOW_SHARE", 1)  # the whole table, past WINDOW's 4 rows
    texts = ["The ferry fares rose."] * 5 + ["The budget was approved."] * 5
    for k, text in enumerate(texts):
        FactCheck.objects.create(url=f"https://checks.example/{k}", claim_reviewed=text)

    with CaptureQueriesContext(connection) as queries:
        hits = search.ranked_hits("fact_checks", "ferries")

    assert len(hits) == 3
    assert len([q for q in queries if "ORDER BY id DESC LIMIT" in q["sql"]]) == 1


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_rows_added_after_the_newest_id_was_read_are_searched(monkeypatch):
    monkeypatch.setattr(search, "WINDOW", 1)
    FactCheck.objects.create(url="https://checks.example/old", claim_reviewed="Old news.")
    search.newest_ids(["claims_factcheck"])  # remembered
    fresh = FactCheck.objects.create(url="https://checks.example/new", claim_reviewed="Ferry news.")

    assert [hit.obj for hit in search.ranked_hits("fact_checks", "ferry")] == [fresh]


@pytest.mark.django_db
def test_snippets_are_escaped(alice):
    body = "The <script>alert(1)</script> budget was approved, the mayor said."
    article = Article.objects.create(
        headline="Escapes", body=body, content_hash="x", uploaded_by=alice
    )
    hits = search.ranked_hits("articles", "budget")
    assert hits[0].obj == article
    assert "<script>" not in hits[0].snippet and "<mark>budget</mark>" in hits[0].snippet


@pytest.mark.django_db
class TestPages:
    def test_search_page_lists_every_kind(self, client, bob, corpus):
        client.force_login(bob)
        page = client.get(reverse("site_search"), {"q": "budget OR cola OR council"})
        html = page.content.decode()
        for section in ("search-claims", "search-fact-checks", "search-articles",
                        "search-evidence"):  # fmt: skip
            assert section in html

    def test_the_claims_section_leads_to_every_match_in_the_queue(self, client, bob, corpus):
        client.force_login(bob)
        html = client.get(reverse("site_search"), {"q": '"bus ridership"'}).content.decode()
        assert f"{reverse('claim_queue')}?tab=all&amp;q=%22bus%20ridership%22" in html
        queue = client.get(reverse("claim_queue"), {"tab": "all", "q": '"bus ridership"'})
        assert queue.content.decode().count("data-claim=") >= 1

    def test_search_page_says_when_nothing_matches(self, client, bob, corpus):
        client.force_login(bob)
        html = client.get(reverse("site_search"), {"q": "zeppelin"}).content.decode()
        assert "Nothing matches" in html

    def test_a_search_of_only_excluded_words_says_what_to_add(self, client, bob, corpus):
        client.force_login(bob)
        html = client.get(reverse("site_search"), {"q": "-budget"}).content.decode()
        assert "Add a word to look for" in html and "Nothing matches" not in html

    def test_queue_search_uses_stemming_and_names(self, client, alice, corpus):
        client.force_login(alice)
        for q in ("riderships", "Holoway"):
            html = client.get(reverse("claim_queue"), {"q": q}).content.decode()
            assert html.count("data-claim=") >= 1, q


def search_page(client, q):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("site_search"), {"q": q}).content.decode()
    return len(queries), html


@pytest.mark.django_db
def test_the_search_page_reads_its_hits_once(client, alice, bob, corpus, verdict_false):
    """Each kind's hits are read in one query with the fields the page shows (SECTIONS): none
    is read again hit by hit, however many there are."""
    client.force_login(bob)
    q = "budget OR cola OR council OR holloway OR ridership"
    before, _ = search_page(client, q)
    second = Article.objects.create(
        headline="Council budget, again", body=SAMPLE_TEXT, content_hash="again", uploaded_by=alice
    )
    services.apply_extraction(second, extract(SAMPLE_TEXT))
    Claim.objects.filter(article=second).update(verdict=verdict_false)
    FactCheck.objects.create(
        url="https://checks.example/cola-2",
        claim_reviewed="Cola is untaxed.",
        verdict="True",
        publisher="Other Checkers",
        published_on=datetime.date(2026, 3, 1),
    )
    Evidence.objects.create(title="Council minutes", url="https://example.org/m", excerpt="Budget")
    Source.objects.create(name="Holloway Council Trust", normalized_name="holloway council trust")

    cache.clear()  # the newest ids are read again, as they were the first time
    after, html = search_page(client, q)

    assert after == before
    assert "Jane Holloway" in html and "False" in html and "Council budget, again" in html
    assert "Other Checkers" in html and "1 Mar 2026" in html and "Council minutes" in html


def test_queue_search_query_count(client, alice, corpus, django_assert_max_num_queries):
    client.force_login(alice)
    # No claim says "Coca-Cola": the empty page then asks the vocabulary for a "Did you mean"
    # (one query: its words are known, so there is nothing to suggest).
    with django_assert_max_num_queries(11):
        client.get(reverse("claim_queue"), {"q": "Coca-Cola -tram"})


@pytest.mark.django_db
def test_a_source_is_renamed_in_the_index(corpus):
    source = Source.objects.get(name__contains="Holloway")
    services.merge_sources  # noqa: B018 - the service exists; renaming by ORM is enough here
    source.name = "Janet Hollis"
    source.save()
    assert texts("Hollis", Source) == ["Janet Hollis"]


# The site search's list of claims as its template wrote it before {% claim_hits %}.
CLAIM_HITS_TEMPLATE = (
    '{% for hit in claims %}<li><a href="{{ hit.obj.get_absolute_url }}">{{ hit.snippet }}</a> '
    '<small class="muted">{{ hit.obj.source.name|default:"unattributed" }} · '
    "{{ hit.obj.get_state_display|lower }}{% if hit.obj.verdict %} · {{ hit.obj.verdict.label }}"
    "{% endif %} · {{ hit.obj.article.headline|truncatechars:60 }}</small></li>{% endfor %}"
)


def test_claim_hits_write_what_the_template_wrote():
    from django.template import Context, Template

    from claims.models import Verdict

    long_headline = 'Council <budget> & "tram" line: ' + "a very long headline " * 4
    hits = []
    for n, (source, verdict, headline, state) in enumerate(
        [
            (Source(name="Jane <Holloway> & Co"), Verdict(label="Half & half"), "Short", "new"),
            (None, None, long_headline, "in_review"),
            (Source(name=""), Verdict(label="False"), "Exactly sixty " + "x" * 46, "published"),
        ]
    ):
        claim = Claim(pk=40 + n, state=state, source=source, verdict=verdict)
        claim.article = Article(pk=7, headline=headline)
        hits.append(search.Hit(claim, 0.5, search.highlight("a \x01tram\x02 & <b>")))
    context = Context({"claims": hits})

    ours = Template("{% load search_hits %}{% claim_hits claims %}").render(context)

    assert ours == Template(CLAIM_HITS_TEMPLATE).render(context)


def test_a_hit_s_headline_is_cut_as_truncator_cuts_it():
    from django.utils.text import Truncator

    from claims.templatetags.search_hits import _headline

    combining = "Cafe\u0301 " * 12  # not in composed form: Truncator composes it
    headlines = ["", "Short", "x" * 59, "x" * 60, "x" * 61, "é" * 60, combining, combining[:20]]
    for headline in headlines:
        assert _headline(headline) == Truncator(headline).chars(60), headline


ARTICLE_HITS_TEMPLATE = (
    '{% for hit in articles %}<li><a href="{{ hit.obj.get_absolute_url }}">{{ hit.obj.headline }}'
    "</a><br><small>{{ hit.snippet }}</small></li>{% endfor %}"
)


def test_article_hits_write_what_the_template_wrote():
    from django.template import Context, Template

    hits = [
        search.Hit(Article(pk=7 + n, headline=headline), 0.5, search.highlight(snippet))
        for n, (headline, snippet) in enumerate(
            [('Council <budget> & "tram"', "a \x01tram\x02 & <b>"), ("", ""), ("Plain", "x")]
        )
    ]
    context = Context({"articles": hits})

    ours = Template("{% load search_hits %}{% article_hits articles %}").render(context)

    assert ours == Template(ARTICLE_HITS_TEMPLATE).render(context)


@pytest.mark.django_db
@pytest.mark.parametrize("few, looked_up", [(search.FEW_IDS, True), (0, True), (0, False)])
def test_claim_search_by_headline_and_speaker_as_lists_or_subqueries(
    corpus, monkeypatch, few, looked_up
):
    # Headlines and speakers looked up (PostgreSQL) are passed to the claims' query as lists
    # when few; more than FEW_IDS (0 here), or not looked up, as subqueries: the same claims.
    monkeypatch.setattr(search, "FEW_IDS", few)
    holloway = Source.objects.get(name__contains="Holloway")

    def found(q):
        condition = search.claim_search(q, search.look_up([q]) if looked_up else None)
        return set(Claim.objects.filter(condition).values_list("pk", flat=True))

    everything = set(Claim.objects.values_list("pk", flat=True))
    assert found("ouncil passes bud") == everything  # a piece of the headline, no word of a claim
    assert found("Holoway") >= set(holloway.claims.values_list("pk", flat=True)) != set()
    assert found("Zqxwv") == set()


@pytest.mark.django_db
def test_searches_look_up_headlines_and_speakers_in_one_query(corpus):
    with CaptureQueriesContext(connection) as queries:
        found = search.look_up(["Holoway", "passes budget", "Zqxwv"])
    if connection.vendor != "postgresql":
        assert (found, len(queries)) == ({}, 0)  # SQLite keeps the subqueries
        return
    holloway = Source.objects.get(name__contains="Holloway")
    assert len(queries) == 1
    assert found["Holoway"] == ([], [holloway.pk])
    assert found["passes budget"] == ([Article.objects.get().pk], [])
    assert found["Zqxwv"] == ([], [])
