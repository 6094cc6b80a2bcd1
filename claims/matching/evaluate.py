"""``python -m claims.matching.evaluate [--eval-dir DIR]``: the matcher on the 2A and 2B data.

For each task and split, ranks the queries with the command line's code, scores the predictions
with the lab's scorer (``score_matching.py`` next to the data) and prints its MAP@1/3/5, P@1 and
R@5, with the queries per second of the ranking (index built beforehand, one core), the
query's embedding included; then what the desk stores (`ranking.worth_showing`, see calibrate.py):
the share of right first answers kept, the share of the queries that, without their gold
fact-checks (as a claim never checked), still show a (wrong) match, and the MAP@5 of the kept.
With the model package installed the matcher ranks by meaning too
(the fact-checks' vectors take minutes the first time, then come from the disk cache); `--lexical`
scores the ranking without it.
"""

import argparse
import json
import os
import tempfile
import time

from claims.extraction.evaluate import _run_scorer

from . import MATCHER_VERSION, Index, embedding
from .jsonl import candidate_from_json, query_from_json, read_jsonl

EVAL_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "eval")
# task: (fact-checks, queries scored by default)
SPLITS = {
    "2a": ("claimmatch-2a-vclaims.jsonl", "claimmatch-2a-dev.jsonl"),
    "2b": ("claimmatch-2b-vclaims.jsonl", "claimmatch-2b-dev.jsonl"),
}


def average_precision(ranked, gold, k):
    """AP@k as the lab defines it (score_matching.py): over the number of gold ids."""
    hits, total = 0, 0.0
    for i, cid in enumerate(ranked[:k], 1):
        if cid in gold:
            hits += 1
            total += hits / i
    return total / len(gold) if gold else 0.0


def evaluate(eval_dir, task, queries_name, model=None):
    vclaims_name = SPLITS[task][0]
    index = Index(
        (candidate_from_json(d) for d in read_jsonl(os.path.join(eval_dir, vclaims_name))),
        model=model,
    )
    queries_path = os.path.join(eval_dir, queries_name)
    queries = list(read_jsonl(queries_path))
    started = time.perf_counter()
    lines = []
    for d in queries:
        matches = index.match(query_from_json(d))
        lines.append(
            {"id": d.get("id"), "matches": [{"id": m.id, "score": m.score} for m in matches]}
        )
    elapsed = time.perf_counter() - started
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.writelines(json.dumps(line) + "\n" for line in lines)
    try:
        figures = (
            _run_scorer(os.path.join(eval_dir, "score_matching.py"), queries_path, fh.name)
            .strip()
            .splitlines()[-1]
        )
    finally:
        os.unlink(fh.name)
    rate = len(queries) / elapsed if elapsed else float("inf")
    from . import calibrate  # here: it imports this module

    kept, shown, stored_map = calibrate.figures(calibrate.ranked_pairs(index, queries))
    return (
        f"{queries_name}: {figures}  ({rate:.0f} queries/s, {len(index.candidates)} fact-checks)\n"
        f"  stored: right first answers kept {kept:.1%}, without their fact-check "
        f"{shown:.1%} still show a match, MAP@5 {stored_map:.3f}"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m claims.matching.evaluate", description=__doc__)
    parser.add_argument("--eval-dir", default=EVAL_DIR)
    parser.add_argument("--train", action="store_true", help="also score the training splits")
    parser.add_argument("--lexical", action="store_true", help="rank without the embeddings")
    args = parser.parse_args(argv)
    model = None if args.lexical else embedding.encoder()
    print(f"matcher {MATCHER_VERSION}, " + (f"embeddings {model.name}" if model else "lexical"))
    for task, (_vclaims, dev) in SPLITS.items():
        names = [dev] + ([dev.replace("-dev", "-train")] if args.train else [])
        for name in names:
            print(evaluate(args.eval_dir, task, name, model), flush=True)


if __name__ == "__main__":
    main()
