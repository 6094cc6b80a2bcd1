"""Choose the ranking weights on training data: ``python -m claims.matching.tune``.

Coordinate ascent on the mean MAP@5 over the training splits of the CheckThat! 2021 2A and 2B data
(read from ../shared/eval, never shipped). The features of each query's candidates are computed
once; each step tries a grid of values for one weight, the others fixed, and keeps the best.
Prints the weights to copy into ``ranking.MEANING_WEIGHTS`` (with the embedding model; the
archive's vectors come from the disk cache after the first run) or, with ``--lexical``, into
``ranking.WEIGHTS``, and their MAP@5 on train and dev.
"""

import argparse
import os
from dataclasses import replace

from . import embedding
from .evaluate import EVAL_DIR, SPLITS, average_precision
from .index import Index
from .jsonl import candidate_from_json, query_from_json, read_jsonl
from .ranking import MEANING_WEIGHTS, WEIGHTS, PreparedQuery, score

GRID = (0, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4)


def feature_table(index, queries):
    """[(gold ids, [(candidate id, features), ...]), ...] for the first stage of each query."""
    table = []
    vectors = index.model.encode([d["text"] for d in queries]) if index.model else None
    for i, d in enumerate(queries):
        query = query_from_json(d)
        if vectors is not None:
            query = replace(query, vector=vectors[i])
        prepared = PreparedQuery(query, index.stats)
        rows = [
            (index.candidates[p].id, prepared.features(index.candidates[p], index.terms[p]))
            for p in index.search(query)
        ]
        table.append((set(d["gold"]), rows))
    return table


def mean_map(table, weights):
    total = 0.0
    for gold, rows in table:
        ranked = sorted(rows, key=lambda r: -score(r[1], weights))
        total += average_precision([cid for cid, _ in ranked], gold, 5)
    return total / len(table)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m claims.matching.tune", description=__doc__)
    parser.add_argument("--eval-dir", default=EVAL_DIR)
    parser.add_argument("--task", choices=sorted(SPLITS), help="tune on one task only")
    parser.add_argument("--lexical", action="store_true", help="tune the weights without meaning")
    args = parser.parse_args(argv)
    model = None if args.lexical else embedding.encoder()
    tasks = [args.task] if args.task else list(SPLITS)
    tables = {}
    for task in tasks:
        vclaims = SPLITS[task][0]
        index = Index(
            (candidate_from_json(d) for d in read_jsonl(os.path.join(args.eval_dir, vclaims))),
            model=model,
        )
        for split in ("train", "dev"):
            queries = list(
                read_jsonl(os.path.join(args.eval_dir, f"claimmatch-{task}-{split}.jsonl"))
            )
            tables[task, split] = feature_table(index, queries)

    def objective(weights, split="train"):
        return sum(mean_map(tables[t, split], weights) for t in tasks) / len(tasks)

    weights = dict(MEANING_WEIGHTS if model else WEIGHTS)
    best = objective(weights)
    for _round in range(3):
        for name in weights:
            if name == "text":
                continue  # the scale: every other weight is relative to it
            for value in GRID:
                trial = {**weights, name: value}
                if (result := objective(trial)) > best + 1e-4:
                    best, weights = result, trial
        print(weights, f"train {best:.3f}  dev {objective(weights, 'dev'):.3f}", flush=True)
    for task in tasks:
        print(task, *(f"{s} {mean_map(tables[task, s], weights):.3f}" for s in ("train", "dev")))


if __name__ == "__main__":
    main()
