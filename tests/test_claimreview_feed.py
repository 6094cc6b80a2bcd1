"""The public ClaimReview feed (/public/claimreview.json): every published claim's ClaimReview,
the same JSON-LD as its public page, in a DataFeed with dateModified, paged by cursor."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import Article, Claim

FEED = "/public/claimreview.json"


@pytest.fixture
def publish(article, alice, bob, dave, verdict_false):
    """publish(claim) takes a claim of the article through the workflow to published."""
    Article.objects.filter(pk=article.pk).update(url="https://news.example/budget")

    def go(claim):
        services.assign_claim(claim, bob, actor=alice)
        services.transition(claim, "start", actor=bob)
        services.add_evidence(claim, actor=bob, title="Budget", url="https://example.org/b")
        services.propose_verdict(claim, actor=bob, verdict=verdict_false, summary="Not so.")
        services.transition(claim, "approve", actor=dave)
        services.transition(claim, "publish", actor=alice)
        return Claim.objects.get(pk=claim.pk)

    return go


def attributed(article):
    return list(article.claims.exclude(source=None).order_by("start"))


def json_ld_of_public_page(client, claim):
    page = client.get(reverse("public_claim", args=[claim.pk])).content.decode()
    found = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    return json.loads(unescape(found.group(1)))


def test_the_feed_lists_published_claims_only_without_login(client, article, publish):
    first = publish(attributed(article)[0])
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    feed = response.json()
    assert feed["@type"] == "DataFeed" and feed["@context"] == "https://schema.org"
    items = feed["dataFeedElement"]
    assert [item["item"]["claimReviewed"] for item in items] == [first.reviewed_text]
    assert items[0]["@type"] == "DataFeedItem"
    assert feed["dateModified"] == items[0]["dateModified"] == first.updated_at.isoformat()


def test_each_item_is_the_json_ld_of_its_public_page(client, article, publish):
    claim = publish(attributed(article)[0])
    (item,) = client.get(FEED).json()["dataFeedElement"]
    assert item["item"] == json_ld_of_public_page(client, claim)


def test_the_feed_pages_with_a_link_to_the_next(client, article, publish, settings):
    settings.FEED_PAGE_SIZE = 1
    claims = [publish(claim) for claim in attributed(article)[:2]]
    first = client.get(FEED)
    link = re.match(r"<([^>]+)>; rel=\"next\"", first["Link"]).group(1)
    second = client.get(link.replace("http://testserver", ""))
    seen = [r.json()["dataFeedElement"][0]["item"]["claimReviewed"] for r in (first, second)]
    assert seen == [c.reviewed_text for c in reversed(claims)]  # newest change first
    assert "Link" not in second


def test_since_keeps_what_changed_after(client, article, publish):
    old, new = (publish(claim) for claim in attributed(article)[:2])
    Claim.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=2))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    items = client.get(FEED, {"since": since}).json()["dataFeedElement"]
    assert [i["item"]["claimReviewed"] for i in items] == [new.reviewed_text]


def test_a_reader_that_has_the_latest_gets_304(client, article, publish):
    publish(attributed(article)[0])
    first = client.get(FEED)
    again = client.get(FEED, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 304


def test_an_empty_feed_is_still_a_feed(client, db):
    feed = client.get(FEED).json()
    assert feed["dataFeedElement"] == [] and feed["dateModified"] is None


def test_the_feed_costs_a_few_queries_whatever_its_length(
    client, article, publish, django_assert_max_num_queries
):
    for claim in attributed(article):
        publish(claim)
    with django_assert_max_num_queries(8):
        client.get(FEED)
