"""The fact-check archive: importing ClaimReview feeds, matching claims, deciding matches."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.extraction import extract
from claims.models import ArchiveImport, Article, Claim, ClaimEvent, ClaimMatch, FactCheck
from claims.services.archive import ArchiveImportError, import_fact_checks, parse_items
from tests.conftest import SAMPLE_TEXT


def review(url, claim, verdict="False", claimant="Jane Holloway", **extra):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "datePublished": "2025-03-02",
        "author": {"@type": "Organization", "name": "Example Checkers"},
        "reviewRating": {"@type": "Rating", "alternateName": verdict, "ratingValue": 1},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": claimant}},
        **extra,
    }


WASTE = review(
    "https://checkers.example/waste",
    "Holloway says the council cut waste by 30 percent since 2021.",
    verdict="Mostly false",
)
TRAMS = review("https://checkers.example/trams", "The tram line will open in 2027.", "True")


def feed(*items):
    elements = [{"@type": "DataFeedItem", "item": [item]} for item in items]
    return json.dumps({"@type": "DataFeed", "dataFeedElement": elements})


@pytest.mark.django_db
class TestImport:
    def test_a_datafeed_is_imported_with_every_field(self):
        report = import_fact_checks(feed(WASTE))
        assert (report.created, report.skipped) == (1, [])
        fc = FactCheck.objects.get()
        assert fc.claim_reviewed.startswith("Holloway says the council cut waste")
        assert (fc.verdict, fc.rating_value, fc.claimant) == ("Mostly false", 1.0, "Jane Holloway")
        assert (fc.publisher, str(fc.published_on)) == ("Example Checkers", "2025-03-02")

    def test_single_object_list_and_graph_are_read(self):
        assert len(parse_items(json.dumps(WASTE))) == 1
        assert len(parse_items(json.dumps([WASTE, TRAMS]))) == 2
        assert len(parse_items(json.dumps({"@graph": [WASTE, TRAMS]}))) == 2

    def test_importing_twice_updates_by_url(self):
        import_fact_checks(json.dumps([WASTE, TRAMS]))
        changed = {**WASTE, "reviewRating": {"alternateName": "False"}}
        report = import_fact_checks(json.dumps([changed, TRAMS]))
        assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
        assert FactCheck.objects.count() == 2
        assert FactCheck.objects.get(url=WASTE["url"]).verdict == "False"

    def test_bad_items_are_skipped_with_the_reason(self):
        items = [WASTE, {**TRAMS, "url": "ftp://x"}, {**TRAMS, "claimReviewed": ""},
                 {"@type": "Person", "name": "Ann"}, "text"]  # fmt: skip
        report = import_fact_checks(json.dumps(items))
        assert report.created == 1
        reasons = [reason for _where, reason in report.skipped]
        assert "URL is not a web address" in reasons[0]
        assert "no claimReviewed" in reasons[1]
        assert "not a ClaimReview (Person)" in reasons[2]
        assert "not an object" in reasons[3]
        assert [where for where, _ in report.skipped] == ["item 2", "item 3", "item 4", "item 5"]

    def test_lab_jsonl_lines_are_read(self):
        line = {"id": "v1", "text": "Crime fell 10% in Milltown.", "title": "Crime check",
                "date": "stated on October 22, 2019 in a speech:", "verdict": "false",
                "speaker": "Ann Lee", "url": "https://www.checks.example/crime"}  # fmt: skip
        report = import_fact_checks(json.dumps(line) + "\n\n" + json.dumps(WASTE) + "\n")
        assert report.created == 2
        fc = FactCheck.objects.get(url=line["url"])
        assert (fc.claimant, str(fc.claim_date), fc.publisher) == (
            "Ann Lee", "2019-10-22", "checks.example"
        )  # fmt: skip

    @pytest.mark.parametrize(
        "data, message",
        [(b"", "empty"), (b"\xff\xfe\x00", "not UTF-8"), (b"{not json\n", "line 1 is not JSON")],
    )
    def test_unreadable_files_are_refused_as_a_whole(self, data, message):
        with pytest.raises(ArchiveImportError, match=message):
            import_fact_checks(data)

    def test_a_fact_checker_cannot_import(self, bob):
        with pytest.raises(services.WorkflowError):
            import_fact_checks(json.dumps(WASTE), user=bob)

    def test_the_command_reports_skipped_items(self, tmp_path, capsys):
        path = tmp_path / "feed.json"
        path.write_text(json.dumps([WASTE, {"@type": "ClaimReview", "claimReviewed": "x"}]))
        call_command("import_claimreviews", str(path))
        out = capsys.readouterr().out
        assert "1 new" in out and "item 2: skipped because it has no URL" in out


def upload(alice, body, headline):
    article = Article.objects.create(
        headline=headline, body=body, content_hash=services.content_hash(body), uploaded_by=alice
    )
    return services.apply_extraction(article, extract(body))


@pytest.fixture
def archive(db):
    import_fact_checks(json.dumps([WASTE, TRAMS]))


@pytest.mark.django_db
class TestMatching:
    def test_a_repeated_claim_matches_its_fact_check(self, archive, article):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        claim.refresh_from_db()
        match = claim.matches.get()
        assert match.fact_check.url == WASTE["url"]
        assert claim.open_matches == 1 and claim.matched_at is not None
        assert set(match.features) >= {"text", "speaker"}

    def test_an_unrelated_claim_has_no_match(self, archive, article):
        claim = article.claims.get(text__contains="bus ridership")
        services.match_claim(claim.pk)
        assert not ClaimMatch.objects.filter(claim=claim).exists()

    def test_earlier_claims_of_other_articles_match(self, alice, article):
        later = upload(alice, SAMPLE_TEXT.replace("Monday", "Tuesday"), "Budget, day two")
        claim = later.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        other = claim.matches.get().other_claim
        assert other.article == article and "cut waste" in other.text

    def test_matching_twice_keeps_decisions(self, archive, article, bob):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        services.decide_match(claim.matches.get(), actor=bob, same=False)
        services.match_claim(claim.pk)
        assert claim.matches.get().status == ClaimMatch.Status.REJECTED
        assert Claim.objects.get(pk=claim.pk).open_matches == 0

    def test_confirming_records_an_event(self, archive, article, bob):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        services.decide_match(claim.matches.get(), actor=bob, same=True)
        event = claim.events.get(action=ClaimEvent.Action.MATCH)
        assert (event.actor, event.to_value) == (bob, "confirmed")

    def test_a_viewer_cannot_decide(self, archive, article, vic):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        with pytest.raises(services.WorkflowError):
            services.decide_match(claim.matches.get(), actor=vic, same=True)

    def test_confirmed_desk_match_joins_families_and_verdict_is_reused(
        self, alice, bob, dave, article, verdict_false
    ):
        first = article.claims.get(text__contains="cut waste")
        services.assign_claim(first, bob, actor=alice)
        services.transition(first, "start", actor=bob)
        services.add_evidence(first, actor=bob, title="Council accounts")
        services.propose_verdict(first, actor=bob, verdict=verdict_false, summary="Waste rose.")
        services.transition(first, "approve", actor=dave)
        later = upload(alice, SAMPLE_TEXT.replace("Monday", "Friday"), "Budget again")
        claim = later.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        services.decide_match(claim.matches.get(), actor=bob, same=True)
        claim.refresh_from_db()
        assert [c.pk for c in services.family_of(claim)] == [first.pk]
        assert [c.pk for c in services.family_of(first)] == []  # a stale copy: no family yet
        first.refresh_from_db()
        assert [c.pk for c in services.family_of(first)] == [claim.pk]
        services.assign_claim(claim, bob, actor=alice)
        services.transition(claim, "start", actor=bob)
        services.reuse_verdict(claim, first, actor=bob)
        claim.refresh_from_db()
        assert (claim.state, claim.verdict) == (Claim.State.IN_REVIEW, verdict_false)
        assert claim.evidence_links.get().evidence.title == "Council accounts"

    def test_a_verdict_outside_the_family_cannot_be_reused(self, alice, bob, article):
        other = upload(alice, SAMPLE_TEXT.replace("Monday", "Sunday"), "Other")
        claim = other.claims.get(text__contains="cut waste")
        with pytest.raises(services.WorkflowError, match="confirmed to be the same"):
            services.reuse_verdict(claim, article.claims.first(), actor=bob)

    def test_decided_pairs_are_exported_for_the_evaluation(self, archive, article, bob, tmp_path):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        services.decide_match(claim.matches.get(), actor=bob, same=True)
        call_command("export_match_pairs", str(tmp_path))
        query = json.loads((tmp_path / "queries.jsonl").read_text())
        vclaims = [json.loads(x) for x in (tmp_path / "vclaims.jsonl").read_text().splitlines()]
        assert query["gold"] == [vclaims[0]["id"]] and query["rejected"] == []
        assert query["text"] == claim.text and query["context"]["after"]


@pytest.mark.django_db
class TestPages:
    @pytest.fixture
    def matched(self, archive, article):
        claim = article.claims.get(text__contains="cut waste")
        services.match_claim(claim.pk)
        return claim

    def test_claim_page_shows_checked_before(self, client, bob, matched):
        client.force_login(bob)
        page = client.get(matched.get_absolute_url()).content.decode()
        assert "Checked before" in page and "Mostly false" in page
        assert "Example Checkers" in page and WASTE["url"] in page and "2 Mar 2025" in page

    def test_fact_checker_confirms_from_the_page(self, client, bob, matched):
        client.force_login(bob)
        match = matched.matches.get()
        url = reverse("claim_decide_match", args=[matched.pk, match.pk])
        client.post(url, {"same": "yes"})
        match.refresh_from_db()
        assert match.status == ClaimMatch.Status.CONFIRMED and match.decided_by == bob

    def test_queue_marks_and_filters_matched_claims(self, client, alice, matched):
        client.force_login(alice)
        page = client.get(reverse("claim_queue"), {"matched": "yes"}).content.decode()
        assert "checked before?</span>" in page and page.count("data-claim=") == 1
        other = client.get(reverse("claim_queue"), {"matched": "no"}).content.decode()
        assert "checked before?</span>" not in other and other.count("data-claim=") == 3

    def test_editor_uploads_a_feed_and_a_worker_imports_it(
        self, client, alice, eager_celery, django_capture_on_commit_callbacks
    ):
        client.force_login(alice)
        file = SimpleUploadedFile("feed.json", feed(WASTE, {"@type": "Person"}).encode())
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("archive_import"), {"file": file})
        page = client.get(reverse("archive_list")).content.decode()
        assert "“feed.json” is being imported" in page
        assert "1 new" in page and "skipped because it is not a ClaimReview" in page
        assert FactCheck.objects.count() == 1
        record = ArchiveImport.objects.get()
        assert (record.status, record.imported_by, record.skipped_count) == ("done", alice, 1)

    def test_the_page_follows_an_import_until_it_is_done(self, client, alice):
        client.force_login(alice)
        file = SimpleUploadedFile("feed.json", feed(WASTE).encode())
        client.post(reverse("archive_import"), {"file": file})  # no worker yet
        waiting = client.get(reverse("archive_list")).content.decode()
        assert "Waiting for a worker" in waiting and 'hx-trigger="every 1s"' in waiting

        services.run_import(ArchiveImport.objects.get().pk)  # the worker's side

        polled = client.get(reverse("archive_imports")).content.decode()
        assert "1 new" in polled and "hx-trigger" not in polled
        assert polled.lstrip().startswith('<section class="card" id="archive-imports"')

    def test_a_viewer_cannot_upload(self, client, vic):
        client.force_login(vic)
        file = SimpleUploadedFile("feed.json", feed(WASTE).encode())
        assert client.post(reverse("archive_import"), {"file": file}).status_code == 403
        assert not FactCheck.objects.exists() and not ArchiveImport.objects.exists()

    def test_a_broken_upload_is_explained(
        self, client, alice, eager_celery, django_capture_on_commit_callbacks
    ):
        client.force_login(alice)
        file = SimpleUploadedFile("feed.json", b"<html>not json</html>")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("archive_import"), {"file": file})
        content = client.get(reverse("archive_list")).content.decode()
        assert "neither JSON nor JSON lines" in content and "Nothing was imported." in content
        assert ArchiveImport.objects.get().status == ArchiveImport.Status.FAILED

    def test_an_empty_file_is_refused_at_once(self, client, alice):
        client.force_login(alice)
        file = SimpleUploadedFile("feed.json", b"")
        page = client.post(reverse("archive_import"), {"file": file}, follow=True)
        assert page.redirect_chain == [(reverse("archive_list"), 302)]  # a reload sends nothing
        assert "The submitted file is empty." in page.content.decode()
        assert not ArchiveImport.objects.exists()


@pytest.mark.django_db
class TestImportRuns:
    """The worker's side of an upload: safe to run twice, interrupted runs, a lost message."""

    def queued(self, alice, data=None):
        upload = SimpleUploadedFile("feed.json", (data or feed(WASTE)).encode())
        return services.queue_import(upload, user=alice)

    def test_a_finished_import_is_not_run_again(self, alice):
        record = self.queued(alice)
        services.run_import(record.pk)
        FactCheck.objects.all().delete()

        services.run_import(record.pk)  # a duplicate delivery

        assert not FactCheck.objects.exists()

    def test_an_import_that_keeps_killing_its_worker_is_failed_with_a_reason(self, alice):
        record = self.queued(alice)
        ArchiveImport.objects.filter(pk=record.pk).update(status="running", attempts=3)

        record = services.run_import(record.pk)

        assert record.status == "failed" and "interrupted 3 times" in record.summary
        assert not FactCheck.objects.exists()

    def test_an_unexpected_error_fails_the_import_and_imports_nothing(self, alice, monkeypatch):
        from claims.services import archive

        record = self.queued(alice, feed(WASTE, TRAMS))
        monkeypatch.setattr(archive, "count_terms", lambda *a, **k: 1 / 0)

        record = services.run_import(record.pk)

        assert record.status == "failed" and "unexpected error" in record.summary
        assert not FactCheck.objects.exists()

    def test_the_sweeper_sends_again_what_the_broker_lost(self, alice, monkeypatch):
        from claims import tasks

        sent = []
        monkeypatch.setattr(tasks.import_archive, "delay", sent.append)
        waiting, running, fresh = self.queued(alice), self.queued(alice), self.queued(alice)
        old = timezone.now() - timedelta(hours=1)
        ArchiveImport.objects.filter(pk=waiting.pk).update(updated_at=old)
        ArchiveImport.objects.filter(pk=running.pk).update(status="running", updated_at=old)

        assert services.requeue_stale_imports() == 2
        assert sorted(sent) == sorted([waiting.pk, running.pk]) and fresh.pk not in sent
        assert services.requeue_stale_imports() == 0  # not again at the next sweep

    def test_a_large_import_is_written_in_batches_and_updates_in_place(self, alice):
        items = [
            review(f"https://checkers.example/{n}", f"Claim {n} about rents.") for n in range(1200)
        ]
        services.import_fact_checks(json.dumps(items))
        items[7]["claimReviewed"] = "Claim 7 about rents, corrected."

        report = services.import_fact_checks(json.dumps(items))

        assert (report.created, report.updated, report.unchanged) == (0, 1, 1199)
        assert FactCheck.objects.count() == 1200
        changed = FactCheck.objects.get(url="https://checkers.example/7")
        assert "correct" in changed.match_terms and report.fact_checks == [changed]


@pytest.mark.django_db
def test_extraction_task_queues_matching_and_the_task_matches(
    archive, alice, monkeypatch, settings
):
    from claims import tasks

    queued = []
    monkeypatch.setattr(
        tasks.match_article_claims, "apply_async", lambda args, queue: queued.append((args, queue))
    )
    article = Article.objects.create(
        headline="Budget", body=SAMPLE_TEXT, content_hash="h", uploaded_by=alice
    )
    settings.MATCH_SLICE_SECONDS = 60  # one slice matches them all
    tasks.extract_article.apply(args=[article.pk])
    assert queued == [([article.pk], settings.CELERY_BACKGROUND_QUEUE)]
    tasks.match_article_claims.apply(args=[article.pk])
    matched = {c.matches.get().fact_check.url for c in Claim.objects.filter(open_matches__gt=0)}
    assert matched == {WASTE["url"], TRAMS["url"]}
    assert not Claim.objects.filter(matched_at__isnull=True).exists()


@pytest.mark.django_db
def test_matching_goes_a_slice_at_a_time_behind_other_work(archive, article, monkeypatch, settings):
    from claims import tasks

    queued = []
    monkeypatch.setattr(
        tasks.match_article_claims, "apply_async", lambda args, queue: queued.append((args, queue))
    )
    settings.MATCH_SLICE_SECONDS = 0  # one claim a slice
    first, second, *_ = article.claims.order_by("pk")

    tasks.match_article_claims.apply(args=[article.pk])

    assert queued == [([article.pk, first.pk], settings.CELERY_BACKGROUND_QUEUE)]
    assert list(article.claims.filter(matched_at__isnull=False)) == [first]
    tasks.match_article_claims.apply(args=queued[-1][0])
    assert queued[-1][0] == [article.pk, second.pk]


@pytest.mark.django_db
def test_every_slice_of_an_article_is_matched_in_the_end(archive, article, eager_celery, settings):
    from claims import tasks

    article.claims.update(matched_at=None)
    settings.MATCH_SLICE_SECONDS = 0

    tasks.match_article_claims.delay(article.pk)

    assert not article.claims.filter(matched_at__isnull=True).exists()


@pytest.mark.django_db
def test_an_import_rechecks_the_claims_that_repeat_it(
    article, eager_celery, django_capture_on_commit_callbacks
):
    services.match_article(article.pk)  # an empty archive: nothing checked before
    waste = article.claims.get(text__contains="cut waste")
    assert not Claim.objects.filter(open_matches__gt=0).exists()

    with django_capture_on_commit_callbacks(execute=True):
        report = import_fact_checks(json.dumps([WASTE]))

    waste.refresh_from_db()
    assert "being checked against them" in report.summary()
    assert waste.open_matches == 1
    assert waste.matches.get().fact_check.url == WASTE["url"]
    assert Claim.objects.filter(open_matches__gt=0).get() == waste


@pytest.mark.django_db
def test_the_recheck_looks_at_claims_sharing_the_fact_checks_words(archive, article):
    from claims.services.matching import claims_sharing_words_with

    ids = claims_sharing_words_with(FactCheck.objects.get(url=TRAMS["url"]))
    assert article.claims.get(text__contains="tram line").pk in ids
    assert article.claims.get(text__contains="cut waste").pk not in ids  # no word in common


@pytest.mark.django_db
def test_the_recheck_goes_a_slice_at_a_time(archive, article, monkeypatch, settings):
    from claims import tasks

    queued = []
    monkeypatch.setattr(
        tasks.recheck_claims, "apply_async", lambda args, queue: queued.append((args, queue))
    )
    settings.MATCH_SLICE_SECONDS = 0  # one fact-check a slice
    ids = sorted(FactCheck.objects.values_list("pk", flat=True))

    tasks.recheck_claims.apply(args=[ids, "2026-12-07T09:00:00+00:00"])

    assert queued == [([ids[1:], "2026-12-07T09:00:00+00:00"], settings.CELERY_BACKGROUND_QUEUE)]
    waste = article.claims.get(text__contains="cut waste")
    assert waste.matched_at is not None and waste.open_matches == 1


@pytest.mark.django_db
def test_claims_added_by_hand_are_matched_by_the_periodic_task(archive, article):
    from claims import tasks

    article.claims.update(matched_at=None)
    assert tasks.match_unmatched_claims.apply().get() == article.claims.count()
    assert not services.unmatched_claims().exists()
    assert Claim.objects.filter(open_matches__gt=0).count() == 2


@pytest.mark.django_db
def test_suggestions_of_an_older_matcher_are_matched_again_by_the_periodic_task(archive, article):
    from claims import tasks

    services.match_article(article.pk)
    waste = article.claims.get(text__contains="cut waste")
    assert not services.unmatched_claims().exists()
    waste.matches.update(matcher_version="1", score=0.1)  # stored by the matcher before

    assert list(services.unmatched_claims()) == [waste]
    assert tasks.match_unmatched_claims.apply().get() == 1
    assert not services.unmatched_claims().exists()
    assert waste.matches.get().score > 0.1


@pytest.mark.django_db
def test_checked_before_costs_the_claim_page_two_queries(
    client, alice, bob, archive, article, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(bob)
    plain = article.claims.get(text__contains="bus ridership")
    with CaptureQueriesContext(connection) as without:
        client.get(plain.get_absolute_url())
    claim = article.claims.get(text__contains="cut waste")
    services.match_claim(claim.pk)
    with django_assert_num_queries(len(without) + 1):
        client.get(claim.get_absolute_url())
    other = upload(alice, SAMPLE_TEXT + "\n\nMore.", "Again")
    copy = other.claims.get(text__contains="cut waste")
    services.match_claim(copy.pk)
    services.decide_match(copy.matches.get(other_claim=claim), actor=bob, same=True)
    with django_assert_num_queries(len(without) + 2):
        client.get(copy.get_absolute_url())


@pytest.mark.django_db
def test_a_claim_is_rechecked_once_for_all_the_slices_of_an_import(
    article, monkeypatch, settings, django_capture_on_commit_callbacks
):
    """Two fact-checks of the same claim, one slice each: the claim is matched after the first
    and has then seen both, so the second slice leaves it alone."""
    from claims import tasks
    from claims.services import matching

    services.match_article(article.pk)
    again = review("https://other.example/waste", "Did the council cut waste by 30 percent?")
    queued, matched = [], []
    monkeypatch.setattr(
        tasks.recheck_claims, "apply_async", lambda args, queue: queued.append(args)
    )
    monkeypatch.setattr(matching, "match_claim", lambda pk, real=matching.match_claim: (
        matched.append(pk), real(pk))[1])  # fmt: skip
    settings.MATCH_SLICE_SECONDS = 0

    with django_capture_on_commit_callbacks(execute=True):
        import_fact_checks(json.dumps([WASTE, again]))
    tasks.recheck_claims.apply(args=queued.pop())
    tasks.recheck_claims.apply(args=queued.pop())

    waste = article.claims.get(text__contains="cut waste")
    assert matched.count(waste.pk) == 1 and not queued
    assert waste.matches.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "told"),
    [
        (b"\x00\xff\xfe" * 1000, "not UTF-8 text"),
        (b"%PDF-1.4 broken", "neither JSON nor JSON lines"),
        (b"<script>alert(1)</script>", "neither JSON nor JSON lines"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ' * 5000 + b"1" + b"}" * 5000, "nested too deeply"),
    ],
)
def test_a_file_that_is_no_feed_fails_its_import_with_a_reason(alice, data, told):
    record = services.queue_import(SimpleUploadedFile("feed.json", data), user=alice)

    record = services.run_import(record.pk)

    assert record.status == ArchiveImport.Status.FAILED
    assert told in record.summary and "Nothing was imported." in record.summary
