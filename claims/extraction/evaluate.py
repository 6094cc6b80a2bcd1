"""Evaluate the extractor against a gold file: ``python -m claims.extraction.evaluate GOLD.jsonl``.

The gold format is detected from the first line:
* attribution gold (PolNeAR conversion, or the desk's ``manage.py export_annotations``: lines
  with "attributions"): the predictions are scored with the official scorer
  ``score_attributions.py`` when it sits next to the gold file (``--scorer PATH`` to choose
  another), else with the desk's own ``claims.extraction.scoring`` (same metrics and layout):
  content F1, source and cue accuracy and full F1;
* check-worthiness gold (lines with "text" and "label"): precision, recall and F1 of the
  positive class at the UI's line (a sentence is check-worthy when its score is >= 0.5,
  ``--threshold`` to change) and average precision (how well the score orders sentences), twice:
  for the sentence model alone (``checkworthiness.score`` on the sentence) and through the
  extraction pipeline (each sentence as one document, its score the highest of its claims, 0
  when it yields none), each with sentences per second of CPU time (one core; a busy machine
  does not skew it).

Also prints throughput (KB of text per second of extraction, one core) and peak memory.
"""

import argparse
import io
import json
import os
import resource
import runpy
import sys
import tempfile
import time
import tracemalloc
from contextlib import redirect_stdout

from . import EXTRACTOR_VERSION, extract, scoring
from .__main__ import claim_to_dict


def _read(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _run_scorer(scorer: str, gold: str, pred: str) -> str:
    argv = sys.argv
    sys.argv = [scorer, gold, pred]
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            runpy.run_path(scorer, run_name="__main__")
    finally:
        sys.argv = argv
    return buf.getvalue()


def evaluate_attributions(rows, gold_path: str, scorer: str | None) -> tuple[str, int, float]:
    """Extract every gold text and score the output with `scorer` (a script path), or with
    claims.extraction.scoring when it is None."""
    nbytes = 0
    elapsed = 0.0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        pred_path = fh.name
        for d in rows:
            text = d.get("text") or ""
            nbytes += len(text.encode("utf-8"))
            t0 = time.perf_counter()
            claims = extract(text)
            elapsed += time.perf_counter() - t0
            fh.write(
                json.dumps({"id": d.get("id"), "claims": [claim_to_dict(c) for c in claims]}) + "\n"
            )
    try:
        if scorer:
            report = f"scored by {scorer}\n" + _run_scorer(scorer, gold_path, pred_path)
        else:
            report = "scored by claims.extraction.scoring\n" + scoring.report(
                scoring.count_files(rows, scoring.read_jsonl(pred_path))
            )
    finally:
        os.unlink(pred_path)
    return report, nbytes, elapsed


def average_precision(scores, labels) -> float:
    """Average precision of ranking by score (tied scores form one step, as scikit-learn does)."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    positives = sum(labels)
    if not positives:
        return 0.0
    tp = seen = 0
    total = 0.0
    i = 0
    while i < len(ranked):
        j = i
        step_tp = 0
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            step_tp += ranked[j][1]
            j += 1
        tp += step_tp
        seen = j
        total += step_tp / positives * (tp / seen)
        i = j
    return total


def _check_worthy_line(name, scores, labels, threshold, elapsed) -> str:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if y and s >= threshold)
    predicted = sum(1 for s in scores if s >= threshold)
    p = tp / predicted if predicted else 0.0
    r = tp / sum(labels) if sum(labels) else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    speed = len(scores) / elapsed if elapsed else float("inf")
    return (
        f"{name:<15} P {p:.3f}  R {r:.3f}  F1 {f:.3f} (at {threshold})  "
        f"AP {average_precision(scores, labels):.3f}  {speed:,.0f} sentences/s (CPU)\n"
    )


def evaluate_checkworthiness(rows, threshold: float) -> tuple[str, int, float]:
    """The sentence model alone and the whole pipeline on labelled sentences."""
    from .checkworthiness import clear_cache, score

    texts = [d.get("text") or "" for d in rows]
    labels = [int(d.get("label", 0)) == 1 for d in rows]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    clear_cache()
    t0 = time.process_time()
    model = [score(t)[0] for t in texts]
    model_elapsed = time.process_time() - t0
    clear_cache()
    t0 = time.process_time()
    pipeline = [max((c.score for c in extract(t)), default=0.0) for t in texts]
    elapsed = time.process_time() - t0
    report = (
        f"sentences {len(rows)}, check-worthy {sum(labels)}\n"
        + _check_worthy_line("sentence model", model, labels, threshold, model_elapsed)
        + _check_worthy_line("pipeline", pipeline, labels, threshold, elapsed)
    )
    return report, nbytes, elapsed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claims.extraction.evaluate", description=__doc__)
    ap.add_argument("gold")
    ap.add_argument("--scorer", help="path of score_attributions.py (default: next to GOLD)")
    ap.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        help="check-worthy from this score on (the UI's line)",
    )
    ap.add_argument("--no-memory", action="store_true", help="skip tracemalloc (faster)")
    args = ap.parse_args(argv)
    rows = _read(args.gold)
    if not rows:
        print("empty gold file")
        return 1
    if not args.no_memory:
        tracemalloc.start()
    if "attributions" in rows[0]:
        scorer = args.scorer or os.path.join(
            os.path.dirname(os.path.abspath(args.gold)), "score_attributions.py"
        )
        if not os.path.isfile(scorer):
            if args.scorer:
                print(f"no scorer at {args.scorer}")
                return 1
            scorer = None  # e.g. the desk's own export, far from shared/eval
        report, nbytes, elapsed = evaluate_attributions(rows, args.gold, scorer)
    elif "label" in rows[0]:
        report, nbytes, elapsed = evaluate_checkworthiness(rows, args.threshold)
    else:
        print("unknown gold format: expected 'attributions' or 'label' keys")
        return 1
    peak = None
    if not args.no_memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"extractor {EXTRACTOR_VERSION} on {args.gold}")
    print(report.rstrip())
    speed = nbytes / 1024 / elapsed if elapsed else float("inf")
    note = " (slowed by tracemalloc; use --no-memory for speed)" if peak is not None else ""
    print(f"throughput {speed:.0f} KB/s over {nbytes / 1024:.0f} KB{note}")
    if peak is not None:
        print(f"peak traced memory {peak / 1e6:.1f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
