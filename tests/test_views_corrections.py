"""The corrections' pages and forms: what each role gets, and what bad input gets back."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article, Claim, ClaimEvent
from tests.conftest import SAMPLE_TEXT

pytestmark = pytest.mark.django_db


def page(response):
    return unescape(response.content.decode())


def u16(text):
    """The length of `text` as a browser counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


def test_the_add_claim_panel_is_prefilled_from_a_browser_selection(as_alice, article):
    start = SAMPLE_TEXT.index("the new tram line")
    end = start + len("the new tram line would open in 2027")
    url = reverse("add_claim_panel", args=[article.pk])

    selection = {"u16start": u16(SAMPLE_TEXT[:start]), "u16end": u16(SAMPLE_TEXT[:end])}
    response = as_alice.get(url, selection, HTTP_HX_REQUEST="true")

    content = page(response)
    assert response.status_code == 200
    assert "the new tram line would open in 2027" in content
    assert 'value="indirect" required id="id_kind_1" checked' in response.content.decode()
    assert "The text says “Holloway”, which is Jane Holloway." in content


def test_offsets_from_a_browser_count_emoji_as_the_browser_does(as_alice, alice):
    body = "Fans cheered 🎉🎉 loudly. The club said ticket prices rose by 20 percent."
    article = Article.objects.create(headline="Club", body=body, content_hash="club",
                                     status="ready")  # fmt: skip
    start = body.index("ticket")

    response = as_alice.get(
        reverse("add_claim_panel", args=[article.pk]),
        {"u16start": u16(body[:start]), "u16end": u16(body[: body.index(" percent")])},
        HTTP_HX_REQUEST="true",
    )

    assert "ticket prices rose by 20</blockquote>" in response.content.decode()


def test_the_keyboard_picks_a_sentence(as_alice, article):
    start = SAMPLE_TEXT.index("Holloway said")
    response = as_alice.get(
        reverse("add_claim_panel", args=[article.pk]),
        {"sentence": f"{start}-{len(SAMPLE_TEXT)}"},
        HTTP_HX_REQUEST="true",
    )

    assert "Holloway said the new tram line would open in 2027." in page(response)


def test_the_article_page_offers_every_sentence_to_the_keyboard(as_alice, article):
    content = page(as_alice.get(article.get_absolute_url()))

    assert 'id="pick-sentence"' in content
    assert content.count('<option value="') >= 4
    assert 'data-selection-url="' in content


def test_a_viewer_gets_no_add_claim_and_is_refused(client, vic, article):
    client.force_login(vic)

    assert "data-selection-url" not in page(client.get(article.get_absolute_url()))
    response = client.get(reverse("add_claim_panel", args=[article.pk]), {"start": 0, "end": 9})
    assert response.status_code == 403


def test_adding_a_claim_redirects_to_it_in_the_article(as_alice, article):
    start = SAMPLE_TEXT.index("bus ridership")
    response = as_alice.post(
        reverse("add_claim", args=[article.pk]),
        {"start": start, "end": start + 13, "kind": "unattributed", "speaker": ""},
    )

    claim = Claim.objects.get(added_by__isnull=False)
    assert response["Location"] == f"{article.get_absolute_url()}?added={claim.pk}#c{claim.pk}"
    assert claim.text == "bus ridership"


def test_a_refused_claim_comes_back_with_the_message_and_the_input(as_alice, article):
    response = as_alice.post(
        reverse("add_claim", args=[article.pk]),
        {"start": 3, "end": 3, "kind": "direct", "cue": "vowed", "speaker": ""},
        HTTP_HX_REQUEST="true",
    )

    content = page(response)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#add-claim"
    assert "The selection is empty" in content
    assert 'value="vowed"' in content


def test_a_new_speaker_needs_a_name_and_a_kind(as_alice, article):
    start = SAMPLE_TEXT.index("bus ridership")
    response = as_alice.post(
        reverse("add_claim", args=[article.pk]),
        {"start": start, "end": start + 13, "kind": "indirect", "speaker": "new"},
        HTTP_HX_REQUEST="true",
    )

    content = page(response)
    assert "Write the new speaker" in content and "Choose what kind of speaker" in content
    assert not Claim.objects.filter(added_by__isnull=False).exists()


def test_the_speaker_search_finds_names_and_aliases(as_alice, article):
    content = page(as_alice.get(reverse("source_search"), {"q": "hollo"}))

    assert "Jane Holloway" in content and 'name="speaker"' in content


def test_a_correction_through_the_claim_page(as_alice, article, claim):
    department = article.claims.get(text__contains="bus").source
    response = as_alice.post(
        reverse("claim_correct", args=[claim.pk]),
        {"version": claim.version, "kind": "indirect", "cue": "said",
         "speaker": department.pk, "claim_reviewed": claim.text},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip

    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).source == department
    assert "Correction saved." in page(response)


def test_a_stale_correction_keeps_what_was_typed(as_alice, article, claim):
    response = as_alice.post(
        reverse("claim_correct", args=[claim.pk]),
        {"version": claim.version - 1, "kind": "indirect", "cue": "told the council",
         "speaker": claim.source_id, "claim_reviewed": ""},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip

    content = page(response)
    assert "was changed" in content
    assert 'value="told the council"' in content


def test_reselecting_the_claim_in_its_context(as_alice, article, claim):
    context_start = 0  # the claim is the article's first sentence: its context starts the text
    end = SAMPLE_TEXT.index(" on Monday")

    as_alice.post(
        reverse("claim_span", args=[claim.pk]),
        {"version": claim.version, "base": context_start, "u16start": 4, "u16end": end},
        HTTP_HX_REQUEST="true",
    )

    assert Claim.objects.get(pk=claim.pk).text == "city council approved a budget of $4.2 million"


def test_the_claim_page_offers_corrections_to_editors_only(client, article, claim, alice, vic):
    client.force_login(vic)
    assert 'id="corrections"' not in page(client.get(claim.get_absolute_url()))
    client.force_login(alice)
    assert 'id="corrections"' in page(client.get(claim.get_absolute_url()))


def test_split_merge_and_not_a_claim_through_the_claim_page(as_alice, article, claim):
    other = article.claims.get(text__contains="tram")
    at = SAMPLE_TEXT.index("on Monday")

    as_alice.post(reverse("claim_split", args=[claim.pk]), {"version": claim.version, "at": at})
    merge_menu = page(as_alice.get(reverse("claim_merge_choices", args=[claim.pk])))
    as_alice.post(reverse("claim_merge", args=[claim.pk]), {"others": [other.pk]})
    second = Claim.objects.get(text="on Monday")
    as_alice.post(reverse("claim_reject", args=[second.pk]),
                  {"version": second.version, "reason": "fragment"})  # fmt: skip

    assert f"{other.pk}: the new tram line" in merge_menu
    assert Claim.objects.get(pk=other.pk).duplicate_of_id == claim.pk
    assert Claim.objects.get(pk=second.pk).rejection == "fragment"
    actions = set(ClaimEvent.objects.values_list("action", flat=True))
    assert {"split", "merged", "rejected"} <= actions


def test_an_editor_edits_the_article_details(as_alice, article):
    response = as_alice.post(
        reverse("article_details", args=[article.pk]),
        {"headline": "Council passes a $4.2m budget", "outlet": "The Courier",
         "url": "news.example.org/budget-2", "published_on": "2026-12-01"},
    )  # fmt: skip

    article.refresh_from_db()
    assert response.status_code == 302
    assert (article.headline, article.url) == (
        "Council passes a $4.2m budget",
        "https://news.example.org/budget-2",
    )


def test_bad_article_details_are_refused_on_the_form(as_alice, article):
    response = as_alice.post(
        reverse("article_details", args=[article.pk]),
        {"headline": "", "url": "not a url", "published_on": "2026-13-40"},
    )

    content = page(response)
    assert response.status_code == 200
    assert "Enter a valid URL." in content and "Enter a valid date." in content


def test_a_new_version_keeps_the_old_text_as_a_revision(as_alice, article):
    new_text = SAMPLE_TEXT.replace("12 percent", "14 percent")
    response = as_alice.post(
        reverse("article_version", args=[article.pk]),
        {"file": SimpleUploadedFile("budget-v2.txt", new_text.encode())},
    )

    article.refresh_from_db()
    assert response.status_code == 302
    assert (article.status, article.revision) == ("queued", 2)
    assert article.revisions.get().body == SAMPLE_TEXT


def test_a_new_version_needs_text_or_a_file(as_alice, article):
    response = as_alice.post(reverse("article_version", args=[article.pk]), {"text": "  "})

    assert "Paste the new text or choose one file" in page(response)
    assert Article.objects.get(pk=article.pk).revision == 1


def test_the_claim_page_says_what_the_score_means(as_alice, article):
    high, low = article.claims.order_by("start")[:2]
    Claim.objects.filter(pk=high.pk).update(score=0.5)
    Claim.objects.filter(pk=low.pk).update(score=0.49)

    high_page = page(as_alice.get(high.get_absolute_url()))
    low_page = page(as_alice.get(low.get_absolute_url()))

    assert 'check-worthy</strong> <span class="muted">(0.5 and above)' in high_page
    assert "below the check-worthy line (0.5)" in low_page
