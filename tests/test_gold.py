"""Reviewed articles as gold data: marking reviewed, `manage.py export_annotations`, the
export -> evaluate round trip, and the task that measures the extractor against the desk.

Alice and Dave are editors, Bob a fact-checker, Vic a viewer.
"""

import json
import re
import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from celery.signals import worker_ready
from django.core.management import CommandError, call_command
from django.utils import timezone

from claims import services, tasks
from claims.extraction import EXTRACTOR_VERSION, extract
from claims.models import Article, Claim, ExtractionScore, Source
from claims.services import WorkflowError
from claims.services.corrections import (
    accept_claim,
    add_claim,
    edit_claim,
    reject_claim,
    split_claim,
)
from tests.conftest import wait_for

pytestmark = pytest.mark.django_db

BRIDGE = (
    "Senator Maria Lopez said the bridge would cost $40 million.\n\n"
    "“We will not raise tolls,” Lopez told reporters on Tuesday.\n\n"
    "Her deputy, Tom Reyes, was at the meeting, and officials said the work would start in May.\n\n"
    "Some residents fear the noise will last for years.\n\n"
    "Tolls on the old bridge are the lowest in the state.\n\n"
    "The council has promised to publish the contracts."
)
MISSED = "Tolls on the old bridge are the lowest in the state."


def attributed(text):
    return [item for item in extract(text) if item.kind != "unattributed"]


def new_article(user, body=BRIDGE, headline="Bridge"):
    article = Article.objects.create(
        headline=headline,
        body=body,
        content_hash=services.content_hash(body + headline),
        uploaded_by=user,
        outlet="The Courier",
    )
    return services.apply_extraction(article, extract(body))


@pytest.fixture
def bridge(alice):
    """A processed article whose extraction is the one the tests below count on."""
    found = [(item.text, item.source) for item in attributed(BRIDGE)]
    assert found == [
        ("the bridge would cost $40 million.", "Senator Maria Lopez"),
        ("“We will not raise tolls,”", "Lopez"),
        ("the work would start in May.", "officials"),
        ("the noise will last for years.", "Some residents"),
        ("to publish the contracts.", "The council"),
    ], "the extractor's output on BRIDGE changed: update the expected figures below"
    return new_article(alice)


@pytest.fixture
def worker_start(monkeypatch):
    """Send the signal a starting worker sends, keeping the test's database connection."""
    monkeypatch.setattr(tasks.connections, "close_all", lambda: None)
    return lambda: worker_ready.send(sender=None)


@pytest.fixture
def published(monkeypatch):
    """Stand-in for the broker: records each measurement the desk sends."""
    sent = []
    monkeypatch.setattr(tasks.measure_extractor, "apply_async", lambda **kw: sent.append(kw))
    return sent


def claim_on(article, text):
    return article.claims.get(text=text)


def export(*args):
    out, err = StringIO(), StringIO()
    call_command("export_annotations", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def spans(record, role):
    """Each attribution's `role` as the words of the text (None: no span)."""
    text = record["text"]
    return [
        " ".join(text[s:e] for s, e in attribution[role]) or None
        for attribution in record["attributions"]
    ]


def evaluate(tmp_path, records):
    """Export -> evaluate, as a user would: the figures `evaluate` prints for the export."""
    path = tmp_path / "desk.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction.evaluate", "--no-memory", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "scored by claims.extraction.scoring" in out
    content = re.search(r"content  P (\S+)  R (\S+)  F1 (\S+)", out).groups()
    source = re.search(r"source   accuracy (\S+)", out).group(1)
    return tuple(float(x) for x in content), float(source)


# --- Marking reviewed ----------------------------------------------------------------------------


def test_an_editor_marks_an_article_reviewed_with_who_and_when(bridge, alice, published):
    before = timezone.now()

    services.mark_reviewed(bridge, actor=alice)

    bridge.refresh_from_db()
    assert bridge.reviewed_by == alice
    assert before <= bridge.reviewed_at <= timezone.now()


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_mark_an_article_reviewed(bridge, who, request, published):
    person = request.getfixturevalue(who)

    with pytest.raises(WorkflowError, match="Only editors"):
        services.mark_reviewed(bridge, actor=person)

    bridge.refresh_from_db()
    assert bridge.reviewed_at is None and not published


@pytest.mark.parametrize("who", ["bob", "vic"])
def test_only_editors_take_the_mark_away(bridge, alice, who, request, published):
    services.mark_reviewed(bridge, actor=alice)

    with pytest.raises(WorkflowError, match="Only editors"):
        services.unmark_reviewed(bridge, actor=request.getfixturevalue(who))

    bridge.refresh_from_db()
    assert bridge.reviewed_by == alice


@pytest.mark.parametrize(
    "status, message",
    [("queued", "waiting to be processed"), ("processing", "being processed"), ("failed", "retry")],
)
def test_an_article_is_not_reviewed_while_it_is_processed_or_failed(
    bridge, alice, status, message, published
):
    Article.objects.filter(pk=bridge.pk).update(status=status)

    with pytest.raises(WorkflowError, match=message):
        services.mark_reviewed(bridge, actor=alice)

    assert Article.objects.get(pk=bridge.pk).reviewed_at is None


def test_dave_marking_again_records_the_latest_review(bridge, alice, dave, published):
    services.mark_reviewed(bridge, actor=alice)

    services.mark_reviewed(bridge, actor=dave)

    assert Article.objects.get(pk=bridge.pk).reviewed_by == dave


def test_unmarking_takes_the_article_out_of_the_gold_data(bridge, alice, published):
    services.mark_reviewed(bridge, actor=alice)

    services.unmark_reviewed(bridge, actor=alice)

    bridge.refresh_from_db()
    assert (bridge.reviewed_at, bridge.reviewed_by) == (None, None)
    assert export()[0] == []
    with pytest.raises(WorkflowError, match="not marked reviewed"):
        services.unmark_reviewed(bridge, actor=alice)


def test_marking_and_unmarking_measure_the_extractor_after_commit(
    bridge, alice, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_reviewed(bridge, actor=alice)
        assert published == []  # not before the review is committed

    with django_capture_on_commit_callbacks(execute=True):
        services.unmark_reviewed(bridge, actor=alice)

    assert len(published) == 2
    assert all(options["queue"].endswith("-background") for options in published)


def test_a_broker_that_cannot_be_reached_does_not_undo_the_review(
    bridge, alice, monkeypatch, django_capture_on_commit_callbacks
):
    def unreachable(**options):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.measure_extractor, "apply_async", unreachable)

    with django_capture_on_commit_callbacks(execute=True):
        services.mark_reviewed(bridge, actor=alice)

    assert Article.objects.get(pk=bridge.pk).reviewed_by == alice


def test_re_extraction_leaves_the_claims_of_a_reviewed_article_as_reviewed(
    bridge, alice, published
):
    reject_claim(claim_on(bridge, "to publish the contracts."), actor=alice, reason="fragment")
    services.mark_reviewed(bridge, actor=alice)
    before = list(bridge.claims.order_by("pk").values_list("pk", "text", "kind", "rejection"))

    # A new extractor that finds nothing, then one that finds everything again: neither drops,
    # changes or adds a claim the editor reviewed.
    services.apply_extraction(bridge, [], version="9.9")
    services.apply_extraction(bridge, extract(BRIDGE), version="9.10")

    after = list(bridge.claims.order_by("pk").values_list("pk", "text", "kind", "rejection"))
    assert after == before


# --- Export --------------------------------------------------------------------------------------


def test_export_writes_reviewed_articles_in_the_gold_format(bridge, alice, published):
    new_article(alice, body="The mayor said the pool would reopen.", headline="Not reviewed")
    services.mark_reviewed(bridge, actor=alice)

    records, summary = export()

    assert len(records) == 1
    record = records[0]
    assert record["id"] == f"article-{bridge.pk}"
    assert record["text"] == BRIDGE
    assert record["title"] == "Bridge" and record["publisher"] == "The Courier"
    for attribution in record["attributions"]:
        assert set(attribution) == {"source", "cue", "content"}
        assert all(len(piece) == 2 for role in attribution.values() for piece in role)
    assert spans(record, "content") == [item.text for item in attributed(BRIDGE)]
    assert spans(record, "source") == [item.source for item in attributed(BRIDGE)]
    assert spans(record, "cue") == ["said", "told", "said", "fear", "has promised"]
    assert summary.strip() == "Exported 1 reviewed article (5 attributions)."


def test_export_leaves_out_junk_duplicates_detached_and_unattributed_claims(
    bridge, alice, published
):
    reject_claim(claim_on(bridge, "to publish the contracts."), actor=alice, reason="fragment")
    edit_claim(claim_on(bridge, "the noise will last for years."), actor=alice, kind="unattributed")
    Claim.objects.filter(pk=claim_on(bridge, "the work would start in May.").pk).update(
        detached=True
    )
    services.mark_reviewed(bridge, actor=alice)

    (record,), _ = export()

    assert spans(record, "content") == [
        "the bridge would cost $40 million.",
        "“We will not raise tolls,”",
    ]


def test_a_speaker_chosen_by_hand_is_its_mention_in_the_sentence(bridge, alice, published):
    claim = claim_on(bridge, "the work would start in May.")
    edit_claim(claim, actor=alice, source_name="Tom Reyes", source_kind="person")
    services.mark_reviewed(bridge, actor=alice)

    (record,), _ = export()

    assert spans(record, "source")[2] == "Tom Reyes"


def test_a_speaker_chosen_by_hand_is_found_by_an_alias(bridge, alice, published):
    Source.objects.create(
        name="Department of Transport",
        normalized_name="department of transport",
        kind=Source.Kind.GOVERNMENT,
        aliases=["officials"],
    )
    edit_claim(claim_on(bridge, "the work would start in May."), actor=alice,
               source_name="Department of Transport")  # fmt: skip
    services.mark_reviewed(bridge, actor=alice)

    (record,), _ = export()

    assert spans(record, "source")[2] == "officials"


def test_a_person_chosen_by_hand_is_found_by_surname(alice, published):
    body = "Reyes said on Monday that tolls would stay low."
    article = new_article(alice, body=body)
    (claim,) = article.claims.all()
    assert claim.source_text == "Reyes"
    edit_claim(claim, actor=alice, source_name="Tom Reyes", source_kind="person")
    services.mark_reviewed(article, actor=alice)

    (record,), _ = export()

    assert spans(record, "source") == ["Reyes"]
    assert record["attributions"][0]["source"] == [[0, 5]]


def test_a_speaker_the_sentence_does_not_name_has_no_span(bridge, alice, published):
    claim = claim_on(bridge, "the noise will last for years.")
    edit_claim(claim, actor=alice, source_name="Tom Reyes", source_kind="person")
    services.mark_reviewed(bridge, actor=alice)

    (record,), _ = export()

    assert spans(record, "source")[3] is None
    assert spans(record, "cue")[3] == "fear"  # the cue was not corrected: its span stays


def test_an_added_claims_cue_is_found_in_its_sentence(alice, published):
    body = "The deputy, Tom Reyes, wrote that tolls are the lowest in the state."
    article = new_article(alice, body=body)
    start = body.index("tolls")
    for claim in article.claims.all():  # whatever the extractor made of it is junk here
        reject_claim(claim, actor=alice, reason="other")
    add_claim(article, actor=alice, start=start, end=len(body), kind="indirect",
              source_name="Tom Reyes", cue="wrote")  # fmt: skip
    services.mark_reviewed(article, actor=alice)

    (record,), _ = export()

    # (the extractor read "The deputy, Tom Reyes" as Tom Reyes, so that phrase is his alias, and
    # the longest of his names is the mention: a source with its apposition, as PolNeAR has it)
    assert spans(record, "source") == ["The deputy, Tom Reyes"]
    assert spans(record, "cue") == ["wrote"]


def test_export_since_a_date(bridge, alice, published):
    other = new_article(alice, body="The mayor said the pool would reopen.", headline="Pool")
    services.mark_reviewed(bridge, actor=alice)
    services.mark_reviewed(other, actor=alice)
    Article.objects.filter(pk=bridge.pk).update(reviewed_at=timezone.now() - timedelta(days=10))
    since = (timezone.localdate() - timedelta(days=1)).isoformat()

    records, _ = export("--since", since)

    assert [record["id"] for record in records] == [f"article-{other.pk}"]


def test_export_refuses_a_date_it_cannot_read():
    with pytest.raises(CommandError, match="2025-01-31"):
        export("--since", "last week")


def test_export_to_a_file(bridge, alice, published, tmp_path):
    services.mark_reviewed(bridge, actor=alice)
    path = tmp_path / "desk.jsonl"

    _, summary = export(str(path))

    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"article-{bridge.pk}"]
    assert f"to {path}" in summary


def test_export_to_a_missing_folder_is_refused_with_a_message(tmp_path):
    with pytest.raises(CommandError, match="no folder"):
        export(str(tmp_path / "nowhere" / "desk.jsonl"))


# --- The round trip: export -> evaluate, and the task ------------------------------------------


def test_round_trip_a_review_that_changed_nothing_scores_one(bridge, alice, published, tmp_path):
    services.mark_reviewed(bridge, actor=alice)

    records, _ = export()
    score = services.measure_extractor()

    assert evaluate(tmp_path, records) == ((1.0, 1.0, 1.0), 1.0)
    assert (score.content_precision, score.content_recall, score.content_f1) == (1.0, 1.0, 1.0)
    assert score.speaker_accuracy == 1.0


def test_round_trip_a_corrected_speaker_and_an_added_claim_score_lower(
    bridge, alice, published, tmp_path
):
    # The extractor finds 5 attributions (the fixture checks it). The editor gives "the work
    # would start in May." to Tom Reyes (named in its sentence, not where the extractor looked)
    # and adds a claim the extractor does not attribute (the sentence has no cue).
    edit_claim(claim_on(bridge, "the work would start in May."), actor=alice,
               source_name="Tom Reyes", source_kind="person")  # fmt: skip
    start = BRIDGE.index(MISSED)
    add_claim(bridge, actor=alice, start=start, end=start + len(MISSED), kind="indirect",
              source_name="Maria Lopez")  # fmt: skip
    services.mark_reviewed(bridge, actor=alice)

    records, _ = export()
    score = services.measure_extractor()

    # 6 gold attributions, 5 predicted, all 5 matched: precision 5/5, recall 5/6,
    # F1 = 2 * 1 * 5/6 / (1 + 5/6) = 10/11. Speaker: 4 of the 5 matched are right.
    expected = (1.0, 5 / 6, 10 / 11)
    content, speaker = evaluate(tmp_path, records)
    assert content == pytest.approx(expected, abs=0.0005)  # printed with 3 decimals
    assert speaker == pytest.approx(4 / 5, abs=0.0005)
    assert (score.gold_claims, score.predicted_claims) == (6, 5)
    assert (score.content_precision, score.content_recall, score.content_f1) == pytest.approx(
        expected
    )
    assert score.speaker_accuracy == pytest.approx(4 / 5)
    assert score.corrections["missed"] == 1 and score.corrections["speaker"] == 1


def test_corrections_are_counted_by_type_on_reviewed_articles_only(alice, bridge, published):
    reject_claim(claim_on(bridge, "to publish the contracts."), actor=alice, reason="fragment")
    edit_claim(claim_on(bridge, "the noise will last for years."), actor=alice, kind="direct")
    boundary = claim_on(bridge, "the bridge would cost $40 million.")
    edit_claim(boundary, actor=alice, start=boundary.start, end=boundary.end - 12)
    work = claim_on(bridge, "the work would start in May.")
    split_claim(work, actor=alice, at=work.start + len("the work would"))
    edit_claim(claim_on(bridge, "“We will not raise tolls,”"), actor=alice,
               source_name="Tom Reyes", kind="indirect")  # fmt: skip
    other = new_article(alice, body="The mayor said the pool would reopen.", headline="Pool")
    reject_claim(other.claims.first(), actor=alice, reason="other")  # not reviewed: not counted
    services.mark_reviewed(bridge, actor=alice)

    assert services.correction_counts() == {
        "missed": 0, "junk": 1, "boundary": 2, "speaker": 1, "kind": 2,
    }  # fmt: skip


def test_a_replaced_machine_claim_is_a_boundary_and_an_undone_rejection_no_junk(alice, bridge):
    machine = claim_on(bridge, "the bridge would cost $40 million.")
    add_claim(bridge, actor=alice, start=machine.start, end=machine.end - 12, kind="unattributed")
    undone = claim_on(bridge, "the noise will last for years.")
    reject_claim(undone, actor=alice, reason="fragment")
    accept_claim(Claim.objects.get(pk=undone.pk), actor=alice)
    services.mark_reviewed(bridge, actor=alice)

    counts = services.correction_counts()

    assert (counts["missed"], counts["junk"], counts["boundary"]) == (1, 0, 1)


def test_the_task_stores_a_score_of_the_current_extractor(bridge, alice, published):
    services.mark_reviewed(bridge, actor=alice)

    tasks.measure_extractor.apply()

    score = ExtractionScore.objects.get()
    assert score.extractor_version == EXTRACTOR_VERSION
    assert (score.articles, score.gold_claims, score.content_f1) == (1, 5, 1.0)
    assert score.corrections == {"missed": 0, "junk": 0, "boundary": 0, "speaker": 0, "kind": 0}


def test_with_nothing_reviewed_the_task_stores_an_empty_score(bridge):
    tasks.measure_extractor.apply()

    score = ExtractionScore.objects.get()
    assert (score.articles, score.gold_claims, score.speaker_accuracy) == (0, 0, None)


def test_a_worker_with_a_new_extractor_measures_it(bridge, alice, published, worker_start):
    services.mark_reviewed(bridge, actor=alice)  # outside on_commit capture: nothing sent
    ExtractionScore.objects.create(
        extractor_version="0.9-old", articles=1, gold_claims=5, predicted_claims=5,
        content_precision=1, content_recall=1, content_f1=1,
    )  # fmt: skip

    worker_start()

    assert len(published) == 1


def test_a_worker_with_an_extractor_already_measured_sends_nothing(
    bridge, alice, published, worker_start
):
    services.mark_reviewed(bridge, actor=alice)
    services.measure_extractor()

    worker_start()

    assert published == []


def test_a_worker_sends_nothing_while_no_article_is_reviewed(bridge, published, worker_start):
    worker_start()

    assert published == []


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_measures_the_extractor_when_an_article_is_marked_reviewed(
    celery_worker_process, alice
):
    article = services.submit_article(user=alice, body=BRIDGE, headline="Bridge")
    article = wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.READY).first(),
        timeout=60,
        message="the worker to process the article\n" + celery_worker_process.output(),
    )

    services.mark_reviewed(article, actor=alice)

    score = wait_for(
        ExtractionScore.objects.first,
        timeout=60,
        message="the worker to measure the extractor\n" + celery_worker_process.output(),
    )
    assert (score.articles, score.gold_claims, score.content_f1) == (1, 5, 1.0)
