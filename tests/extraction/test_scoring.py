"""The desk's own attribution scorer (claims.extraction.scoring), on sentences written here."""

import json
import subprocess
import sys

import pytest

from claims.extraction import extract
from claims.extraction.__main__ import document
from claims.extraction.scoring import (
    Counts,
    Scores,
    count_document,
    count_files,
    gold_attributions,
    match,
    overlap,
    predicted_attributions,
    report,
    trimmed,
)

TEXT = "Smith said the plan works. Jones said taxes rose. Nobody knows why the sky is blue."
# Offsets in TEXT.
SMITH, SAID_1, PLAN = (0, 5), (6, 10), (11, 26)  # "the plan works"
JONES, SAID_2, TAXES = (27, 32), (33, 37), (38, 49)  # "taxes rose."


def gold_line(*attributions, text=TEXT, doc_id="a"):
    return {"id": doc_id, "text": text, "attributions": list(attributions)}


def gold(content, source=None, cue=None):
    """A gold attribution; `content` is one (start, end) or a tuple of them (discontinuous)."""
    pieces = content if isinstance(content[0], tuple) else (content,)
    return {
        "source": [list(source)] if source else [],
        "cue": [list(cue)] if cue else [],
        "content": [list(piece) for piece in pieces],
    }


def claim(content, source=None, cue=None, kind="indirect"):
    return {
        "start": content[0], "end": content[1], "kind": kind,
        "source_start": source[0] if source else None, "source_end": source[1] if source else None,
        "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
    }  # fmt: skip


def counts(gold_items, claims, text=TEXT):
    return count_document(
        gold_attributions(gold_line(*gold_items, text=text)), predicted_attributions(text, claims)
    )


def test_spans_are_trimmed_of_whitespace_and_punctuation_at_their_edges():
    text = " “Taxes rose,” she said.\n"

    assert trimmed(text, [(0, 15)]) == ((2, 12),)  # the quotation marks, comma and space go
    assert trimmed(text, [(0, 2)]) == ()  # nothing left: the piece is dropped


def test_a_no_break_space_or_an_ellipsis_at_an_edge_stays_in_the_span():
    # As the shared scorer counts them: only ASCII whitespace, punctuation, curly quotes and dashes.
    assert trimmed("\u00a0Taxes rose…", [(0, 12)]) == ((0, 12),)


def test_overlapping_pieces_are_one_span():
    assert trimmed(TEXT, [(11, 20), (15, 26)]) == ((11, 25),)


def test_overlap_is_shared_characters_over_the_union():
    assert overlap(((0, 10),), ((5, 15),)) == 5 / 15
    assert overlap(((0, 10),), ((0, 10),)) == 1.0
    assert overlap((), ()) == 0.0


def test_a_prediction_matches_at_half_of_the_union_and_not_below():
    text = "abcdefghij abcdefghij"
    assert counts([gold((0, 10))], [claim((0, 5))], text=text).matched == 1  # 5 / 10
    assert counts([gold((0, 10))], [claim((0, 4))], text=text).matched == 0  # 4 / 10


def test_matching_is_one_to_one_and_the_best_overlap_wins():
    text = "one two three four five six seven eight"
    gold_items = [gold((0, 23))]
    near, exact = claim((0, 18)), claim((0, 23))

    pairs = match(
        gold_attributions(gold_line(*gold_items, text=text)),
        predicted_attributions(text, [near, exact]),
    )

    assert pairs == [(0, 1)]


def test_unattributed_claims_are_not_attributions():
    result = counts([gold(PLAN, SMITH, SAID_1)], [claim(PLAN, kind="unattributed")])

    assert (result.gold, result.predicted, result.matched) == (1, 0, 0)


def test_an_empty_prediction_counts_and_matches_nothing_while_an_empty_gold_is_left_out():
    result = counts([gold(PLAN, SMITH, SAID_1), gold((25, 26))], [claim(PLAN), claim((26, 27))])

    # The gold "." and the predicted " " are empty once trimmed.
    assert (result.gold, result.predicted, result.matched) == (1, 2, 1)


def test_a_discontinuous_gold_content_matches_a_prediction_over_its_pieces():
    # "the plan" + "works": the words between are not part of the gold content.
    result = counts([gold(((11, 19), (20, 26)), SMITH, SAID_1)], [claim(PLAN, SMITH, SAID_1)])

    assert result.matched == 1 and result.exact == 0


def test_source_accuracy_counts_matched_pairs_whose_gold_has_a_source():
    result = counts(
        [gold(PLAN, SMITH, SAID_1), gold(TAXES, JONES, SAID_2), gold((50, 83))],
        [claim(PLAN, SMITH, SAID_1), claim(TAXES, (27, 30), SAID_2), claim((50, 83), JONES)],
    )

    # "Jon" is 3 of "Jones"'s 5 characters: right. The third gold has no source: not counted.
    assert (result.with_source, result.source_right) == (2, 2)


def test_full_needs_the_right_source_or_no_source_on_either_side():
    result = counts(
        [gold(PLAN, SMITH, SAID_1), gold(TAXES), gold((50, 83))],
        [claim(PLAN, JONES, SAID_1), claim(TAXES), claim((50, 83), JONES)],
    )

    # Wrong speaker; both without one (counts); a speaker where gold has none (does not).
    assert (result.matched, result.full) == (3, 1)


def test_scores_are_precision_recall_and_f1_of_the_counts():
    scores = Scores.of(Counts(gold=4, predicted=2, matched=2, exact=1, full=1))

    assert scores.content == (1.0, 0.5, pytest.approx(2 / 3))
    assert scores.full == (0.5, 0.25, pytest.approx(1 / 3))
    assert scores.source_accuracy is None  # no matched gold had a source


def test_a_gold_document_without_predictions_counts_as_missing():
    total = count_files([gold_line(gold(PLAN, SMITH, SAID_1))], [])

    assert (total.documents, total.missing, total.gold, total.matched) == (1, 1, 1, 0)


def test_the_report_has_the_layout_of_the_shared_scorer():
    text = report(count_files([gold_line(gold(PLAN, SMITH, SAID_1))], [
        {"id": "a", "claims": [claim(PLAN, SMITH, SAID_1)]}
    ]))  # fmt: skip

    assert text.splitlines() == [
        "documents 1 (missing from predictions: 0)",
        "gold attributions 1, predicted 1",
        "content  P 1.000  R 1.000  F1 1.000   exact F1 1.000",
        "source   accuracy 1.000 over 1 matched",
        "cue      accuracy 1.000 over 1 matched",
        "full     P 1.000  R 1.000  F1 1.000",
    ]


NEWS = (
    "Senator Maria Lopez said the bridge would cost $40 million.\n\n"
    "“We will not raise tolls,” Lopez told reporters on Tuesday."
)


def _gold_from_the_extractor(text, doc_id):
    """A gold line whose attributions are exactly what the extractor finds."""
    attributions = [
        gold((c.start, c.end), (c.source_start, c.source_end), (c.cue_start, c.cue_end))
        for c in extract(text)
        if c.kind != "unattributed"
    ]
    assert attributions, "the sentences must hold attributions"
    return gold_line(*attributions, text=text, doc_id=doc_id)


def test_the_extractor_scores_one_against_its_own_output():
    line = _gold_from_the_extractor(NEWS, "news")

    scores = Scores.of(count_files([line], [document("news", NEWS)]))

    assert scores.content == (1.0, 1.0, 1.0) and scores.full == (1.0, 1.0, 1.0)


def test_evaluate_uses_the_desks_scorer_when_no_official_one_is_next_to_the_gold(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(_gold_from_the_extractor(NEWS, 7)) + "\n", encoding="utf-8")

    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction.evaluate", "--no-memory", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip

    assert "scored by claims.extraction.scoring" in out
    assert "content  P 1.000  R 1.000  F1 1.000" in out


def test_the_scoring_command_reads_gold_and_predictions(tmp_path):
    gold_path, predicted_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text(json.dumps(gold_line(gold(PLAN, SMITH, SAID_1))) + "\n", encoding="utf-8")
    predicted_path.write_text(json.dumps({"id": "a", "claims": []}) + "\n", encoding="utf-8")

    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction.scoring", str(gold_path), str(predicted_path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip

    assert "gold attributions 1, predicted 0" in out
    assert "content  P 0.000  R 0.000  F1 0.000" in out
