"""Exports: the queue as CSV (streamed, same filters as the queue) and ClaimReview JSON-LD
(built, validated with reasons, shown on the claim page, embedded in the public page).

Alice and Dave are editors, Bob a fact-checker, Vic a viewer.
"""

import csv
import io
import json
import re
from html import unescape

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from claims import services
from claims.exports import claimreview
from claims.models import Article, Claim, ClaimEvent, Source, Verdict
from tests.conftest import text_of

pytestmark = pytest.mark.django_db

State = Claim.State
SCALE = (1, 5)
ORG = {"organisation_name": "Desk", "organisation_url": "https://desk.example/"}


def csv_of(response):
    """The rows, read as a spreadsheet does (the byte-order mark says UTF-8)."""
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


@pytest.fixture
def verified(claim_in_review, dave):
    Article.objects.filter(pk=claim_in_review.article_id).update(
        url="https://news.example/budget", outlet="City News"
    )
    services.transition(claim_in_review, "approve", actor=dave)
    return Claim.objects.get(pk=claim_in_review.pk)


@pytest.fixture
def published(verified, alice):
    services.transition(verified, "publish", actor=alice)
    return Claim.objects.get(pk=verified.pk)


@pytest.fixture
def published_with_a_note(claim_in_progress, alice, bob, dave, verdict_false):
    """Published with a public document and a note of a phone call (kept on the desk)."""
    Article.objects.filter(pk=claim_in_progress.article_id).update(
        url="https://news.example/budget", outlet="City News"
    )
    services.add_evidence(
        claim_in_progress, actor=bob, kind="note", title="Call with the mayor's aide",
        publisher="Private line",
    )  # fmt: skip
    services.propose_verdict(claim_in_progress, actor=bob, verdict=verdict_false, summary="No.")
    services.transition(claim_in_progress, "approve", actor=dave)
    services.transition(claim_in_progress, "publish", actor=alice)
    return Claim.objects.get(pk=claim_in_progress.pk)


def review_of(claim, page_url="https://desk.example/public/claims/1/", scale=SCALE):
    claim = Claim.objects.select_related("article", "source", "verdict").get(pk=claim.pk)
    return claimreview.claim_review(claim, page_url=page_url, scale=scale, **ORG)


# --- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "vic"])
def test_everyone_can_export_the_queue(login, who, article):
    response = login(who).get(reverse("claim_export_csv"))

    rows = csv_of(response)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert {int(r["id"]) for r in rows} == set(article.claims.values_list("pk", flat=True))


def test_the_csv_has_the_claim_and_its_work(login, claim_in_review):
    rows = csv_of(login("vic").get(reverse("claim_export_csv")))

    row = next(r for r in rows if int(r["id"]) == claim_in_review.pk)
    assert row["claim"] == claim_in_review.text
    assert (row["state"], row["verdict"], row["assignee"]) == ("In review", "False", "bob")
    assert row["verdict_approved"] == "no"  # proposed, not yet approved
    assert row["verdict_summary"] == "The budget was $3.9m."
    assert row["article"] == "Council passes budget"


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_utf_8(login, claim):
    Claim.objects.filter(pk=claim.pk).update(text="“We cut waste,” she said — in 2021.")

    body = b"".join(login("bob").get(reverse("claim_export_csv")).streaming_content)

    assert body.startswith(b"\xef\xbb\xbf")
    assert body.count(b"\xef\xbb\xbf") == 1
    assert "“We cut waste,” she said — in 2021." in body.decode("utf-8-sig")


def test_the_csv_has_human_labels_and_the_claim_s_addresses(login, published):
    rows = {int(r["id"]): r for r in csv_of(login("bob").get(reverse("claim_export_csv")))}

    done = rows.pop(published.pk)
    assert (done["kind"], done["state"], done["verdict"]) == (
        "Reported speech",
        "Published",
        "False",
    )
    assert done["desk_url"] == f"http://testserver/claims/{published.pk}/"
    assert done["public_url"] == f"http://testserver/public/claims/{published.pk}/"
    assert {r["state"] for r in rows.values()} == {"New"}
    assert {r["public_url"] for r in rows.values()} == {""}  # not published: no public page
    assert done["verdict_approved"] == "yes"
    assert {r["verdict_approved"] for r in rows.values()} == {""}  # no verdict yet


def test_the_csv_respects_the_queue_filters(login, claim_in_review, article):
    client = login("bob")

    in_review = csv_of(client.get(reverse("claim_export_csv"), {"state": "in_review"}))
    mine = csv_of(client.get(reverse("claim_export_csv"), {"tab": "mine"}))
    searched = csv_of(client.get(reverse("claim_export_csv"), {"q": "tram line"}))

    assert [int(r["id"]) for r in in_review] == [claim_in_review.pk]
    assert [int(r["id"]) for r in mine] == [claim_in_review.pk]
    assert searched and all("tram" in r["claim"] for r in searched)


def test_the_csv_follows_the_queue_order(login, article):
    rows = csv_of(login("bob").get(reverse("claim_export_csv"), {"o": "-score"}))

    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores)


def test_the_csv_is_not_limited_to_one_page(login, settings, article):
    settings.QUEUE_PAGE_SIZE = 1

    rows = csv_of(login("bob").get(reverse("claim_export_csv")))

    assert len(rows) == article.claims.count() > 1


def test_spreadsheet_formulas_are_defused(login, claim):
    Claim.objects.filter(pk=claim.pk).update(text='=HYPERLINK("https://evil.example")')

    rows = csv_of(login("bob").get(reverse("claim_export_csv")))

    row = next(r for r in rows if int(r["id"]) == claim.pk)
    assert row["claim"] == '\'=HYPERLINK("https://evil.example")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("csv;=2+3", "csv;'=2+3"),
        ("a,=1+1", "a,'=1+1"),
        ("a|@SUM(A1)", "a|'@SUM(A1)"),
        ("a\t+1", "a\t'+1"),
        ("first line\n=1+1", "first line\n'=1+1"),
        ("one;two;-3", "one;two;'-3"),
        ("＝1+1", "'＝1+1"),
        ("costs fell; -5% is not a formula", "costs fell; -5% is not a formula"),
    ],
)
def test_a_formula_after_any_separator_is_defused(login, claim, text, expected):
    Claim.objects.filter(pk=claim.pk).update(text=text)

    rows = csv_of(login("bob").get(reverse("claim_export_csv")))

    assert next(r for r in rows if int(r["id"]) == claim.pk)["claim"] == expected


def test_every_text_cell_is_quoted(login, claim_in_review):
    response = login("bob").get(reverse("claim_export_csv"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")

    # With QUOTE_NONNUMERIC the reader turns every unquoted cell into a number: a text cell
    # written without quotes (even an empty one) fails here.
    header, *rows = csv.reader(io.StringIO(body), quoting=csv.QUOTE_NONNUMERIC)

    assert all(isinstance(name, str) for name in header)
    row = next(dict(zip(header, r, strict=True)) for r in rows if r[0] == claim_in_review.pk)
    assert isinstance(row["id"], float) and isinstance(row["score"], float)
    assert row["claim"] == claim_in_review.text and row["due_date"] == ""


def test_the_export_reads_rows_in_chunks(login, article, monkeypatch):
    from django.db.models.query import QuerySet

    seen = {}
    original = QuerySet.iterator

    def spy(self, chunk_size=None):
        seen["chunk_size"] = chunk_size
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)

    csv_of(login("bob").get(reverse("claim_export_csv")))

    assert seen == {"chunk_size": 2000}


def test_the_queue_page_links_to_the_export_with_its_filters(login, article):
    page = login("bob").get(reverse("claim_queue"), {"state": "new", "q": "budget"})

    link = re.search(r'href="(/claims/export\.csv\?[^"]*)"', page.content.decode()).group(1)
    assert "state=new" in link and "q=budget" in link


def test_anonymous_visitors_cannot_export(client, article):
    assert client.get(reverse("claim_export_csv")).status_code == 302


# --- ClaimReview: building and validating --------------------------------------------------------


def test_a_verified_claim_has_a_complete_claim_review(verified):
    review, reasons = review_of(verified)

    assert reasons == []
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == verified.text
    assert review["url"] == f"https://desk.example/public/claims/1/#claim-{verified.pk}"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Desk",
        "url": "https://desk.example/",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    item = review["itemReviewed"]
    assert item["author"]["name"] == verified.source.name
    assert item["appearance"]["url"] == "https://news.example/budget"
    approved = verified.events.get(to_value=State.VERIFIED).created_at.date()
    assert review["datePublished"] == approved.isoformat()


@pytest.mark.parametrize(
    "kind, schema_type",
    [
        (Source.Kind.PERSON, "Person"),
        (Source.Kind.GROUP, "Person"),
        (Source.Kind.ANONYMOUS, "Person"),
        (Source.Kind.ORGANISATION, "Organization"),
        (Source.Kind.DOCUMENT, "Organization"),
    ],
)
def test_the_claims_author_is_a_person_or_an_organisation_by_its_kind(verified, kind, schema_type):
    Source.objects.filter(pk=verified.source_id).update(kind=kind)
    verified.refresh_from_db()

    review, _ = review_of(verified)

    assert review["itemReviewed"]["author"]["@type"] == schema_type


def test_a_published_claim_is_dated_by_its_publication(published):
    ClaimEvent.objects.filter(claim=published, to_value=State.PUBLISHED).update(
        created_at="2030-01-02T10:00:00Z"
    )

    review, reasons = review_of(published)

    assert (review["datePublished"], reasons) == ("2030-01-02", [])


def test_the_claim_review_cites_only_public_evidence(published_with_a_note):
    review, _ = review_of(published_with_a_note)

    assert review["citation"] == [
        {"@type": "CreativeWork", "name": "Budget document", "url": "https://example.org/b"}
    ]


def test_the_public_page_lists_only_public_evidence(client, published_with_a_note):
    page = text_of(client.get(reverse("public_claim", args=[published_with_a_note.pk])))

    assert "Budget document" in page
    assert "mayor's aide" not in page and "Private line" not in page


def test_a_claim_in_review_cannot_be_exported_yet(claim_in_review):
    _, reasons = review_of(claim_in_review)

    assert any("in review" in r for r in reasons)


def test_an_unattributed_claim_cannot_be_exported(verified):
    Claim.objects.filter(pk=verified.pk).update(source=None)

    _, reasons = review_of(verified)

    assert reasons == ["The claim is unattributed: give it its speaker."]


def test_an_article_without_url_cannot_be_exported(verified):
    Article.objects.filter(pk=verified.article_id).update(url="")

    _, reasons = review_of(verified)

    assert reasons == ["The article has no URL: add where it appeared."]


def test_an_unrated_verdict_is_exported_by_name_only(verified):
    Claim.objects.filter(pk=verified.pk).update(verdict=Verdict.objects.get(slug="unverifiable"))

    review, reasons = review_of(verified)

    assert reasons == []
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_a_verdict_off_the_rating_scale_cannot_be_exported(verified):
    Verdict.objects.filter(pk=verified.verdict_id).update(rating_value=9)

    _, reasons = review_of(verified, scale=(1, 5))

    assert len(reasons) == 1 and "outside 1–5" in reasons[0]


def test_a_rated_verdict_without_a_scale_cannot_be_exported(verified):
    _, reasons = review_of(verified, scale=(None, None))

    assert reasons == ["The verdict scale has no ratings."]


def test_the_rating_scale_comes_from_the_verdicts():
    assert claimreview.rating_scale() == (1, 5)


def test_script_json_escapes_what_could_end_the_script():
    text = claimreview.as_script_json({"claimReviewed": "</script><b>&"})

    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"claimReviewed": "</script><b>&"}


def test_the_review_for_a_page_writes_its_json_only_when_asked(verified, monkeypatch):
    review = claimreview.review_for_request(None, verified)
    dumps = []
    monkeypatch.setattr(claimreview.json, "dumps", lambda *a, **k: dumps.append(a) or "{}")

    assert review["reasons"] == [] and review["data"]["@type"] == "ClaimReview"
    assert dumps == []  # built, checked, and no JSON written yet
    monkeypatch.undo()
    assert review["pretty"] == json.dumps(review["data"], ensure_ascii=False, indent=2)
    assert review["json"] == claimreview.as_script_json(review["data"])
    with pytest.raises(KeyError):
        review["other"]


# --- ClaimReview on the claim page ---------------------------------------------------------------


def test_the_claim_page_shows_the_json_ld_when_ready(login, verified):
    page = text_of(login("vic").get(reverse("claim_detail", args=[verified.pk])))

    assert "<h2>ClaimReview</h2>" in page
    assert '"@type": "ClaimReview"' in page
    assert f"#claim-{verified.pk}" in page


def test_the_claim_page_shows_why_it_cannot_be_exported(login, claim_in_review):
    page = text_of(login("bob").get(reverse("claim_detail", args=[claim_in_review.pk])))

    assert "cannot be exported as ClaimReview yet" in page
    assert "only verified or published claims are exported" in page


# --- The public page -----------------------------------------------------------------------------


def ld_json_of(response):
    match = re.search(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1)) if match else None


def test_a_published_claim_has_a_public_page_without_login(client, published):
    response = client.get(reverse("public_claim", args=[published.pk]))

    page = text_of(response)
    assert response.status_code == 200
    assert published.text in page
    assert "Jane Holloway" in page or published.source.name in page
    assert "The budget was $3.9m." in page
    assert "https://example.org/b" in page  # the evidence link
    data = ld_json_of(response)
    assert data["claimReviewed"] == published.text
    assert data["url"].startswith("http://testserver/public/claims/")
    assert data["url"].endswith(f"#claim-{published.pk}")


@pytest.mark.parametrize("state", ["claim_in_review", "verified"])
def test_an_unpublished_claim_has_no_public_page(client, request, state):
    claim = request.getfixturevalue(state)

    assert client.get(reverse("public_claim", args=[claim.pk])).status_code == 404


def test_a_missing_claim_has_no_public_page(client):
    assert client.get(reverse("public_claim", args=[999999])).status_code == 404


def test_the_public_json_ld_cannot_break_out_of_its_script(client, published):
    hostile = "</script><script>alert(1)</script> & more"
    Claim.objects.filter(pk=published.pk).update(text=hostile)
    Source.objects.filter(pk=published.source_id).update(name="<b>Evil</b>")

    response = client.get(reverse("public_claim", args=[published.pk]))

    raw = response.content.decode()
    assert "<script>alert(1)" not in raw
    assert ld_json_of(response)["claimReviewed"] == hostile


# --- The public page previews in chat and search -----------------------------------------------


def meta_of(response):
    """{name or property: content} of the page's <meta> tags."""
    tags = re.findall(
        r"<meta (?:name|property)=\"([^\"]+)\" content=\"([^\"]*)\">", response.content.decode()
    )
    return {key: unescape(value) for key, value in tags}


def test_the_public_page_has_a_description_and_open_graph_tags(client, published):
    response = client.get(reverse("public_claim", args=[published.pk]))

    meta = meta_of(response)
    page_url = f"http://testserver/public/claims/{published.pk}/"
    assert meta["description"] == (
        "False: The budget was $3.9m. A fact-check of a claim by officials, by Newsroom "
        "fact-check desk."
    )
    assert meta["og:type"] == "article"
    assert meta["og:url"] == page_url
    assert meta["og:title"] == f"Fact-check: {published.text}"
    assert meta["og:description"] == meta["description"]
    assert meta["og:site_name"] == "Newsroom fact-check desk"
    assert f'<link rel="canonical" href="{page_url}">' in response.content.decode()


def test_the_preview_quotes_a_direct_quote_and_never_a_paraphrase(client, published):
    Claim.objects.filter(pk=published.pk).update(kind="direct", text="“We cut waste,”")
    quoted = meta_of(client.get(reverse("public_claim", args=[published.pk])))["og:title"]
    Claim.objects.filter(pk=published.pk).update(claim_reviewed="Waste was cut")
    paraphrased = meta_of(client.get(reverse("public_claim", args=[published.pk])))["og:title"]

    assert quoted == "Fact-check: “We cut waste”"
    assert paraphrased == "Fact-check: Waste was cut"


def test_the_preview_is_escaped(client, published):
    Claim.objects.filter(pk=published.pk).update(verdict_summary='Not "true" <b>at all</b>')

    raw = client.get(reverse("public_claim", args=[published.pk])).content.decode()

    assert 'content="False: Not &quot;true&quot; &lt;b&gt;at all&lt;/b&gt;' in raw
