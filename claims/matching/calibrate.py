"""``python -m claims.matching.calibrate``: where to cut the matches shown, for claims with none.

Every CheckThat! 2021 query has its fact-check in the archive; most of a newsroom's claims have
none, and the desk must then show nothing. For each query of a split this ranks the archive as
the desk does, (a) as it is: the right answer's rank and score, and (b) without the query's gold
fact-checks, as for a claim never checked: the best remaining (wrong) candidate. It prints the
quantiles of the first answer's score and features in both cases, then, for the desk's rule
(`ranking.worth_showing`), the share of right first answers kept, the share of claims without a
match that still show one, and the MAP@5 of the matches kept. (Without the gold the archive's
statistics are those of the full archive: one entry fewer barely moves an IDF.)
"""

import argparse
import os
from dataclasses import replace

from . import embedding
from .evaluate import EVAL_DIR, SPLITS, average_precision
from .index import FIRST_STAGE, Index
from .jsonl import candidate_from_json, query_from_json, read_jsonl
from .ranking import PreparedQuery, score, worth_showing

SHOWN = 5  # the matches a claim keeps (services.matching.MATCHES_KEPT)
FEATURES = ("score", "text", "covered", "context", "meaning")


def ranked_pairs(index, queries):
    """[(gold ids, ranked as is, ranked without the gold)], each ranking best first, as
    [(candidate id, score, features)]. A candidate's score does not depend on the others, so
    both rankings come from one first stage, a little longer to make up for the gold removed."""
    vectors = index.model.encode([d["text"] for d in queries]) if index.model else None
    pairs = []
    for i, d in enumerate(queries):
        gold = set(d["gold"])
        query = query_from_json(d)
        if vectors is not None:
            query = replace(query, vector=vectors[i])
        prepared = PreparedQuery(query, index.stats)
        as_is = index.search(query)
        longer = index.search(query, limit=FIRST_STAGE + len(gold))
        rows = {}
        for p in {*as_is, *longer}:
            features = prepared.features(index.candidates[p], index.terms[p])
            rows[p] = (index.candidates[p].id, round(score(features), 4), features)

        without = [p for p in longer if index.candidates[p].id not in gold]
        pairs.append((gold, _best_first(rows, as_is), _best_first(rows, without)))
    return pairs


def _best_first(rows, positions):
    return sorted((rows[p] for p in positions), key=lambda r: -r[1])


def kept(ranked, rule=None):
    return [r for r in ranked if worth_showing(r[2], rule)][:SHOWN]


def figures(pairs, rule=None):
    """(right first answers kept, no-match claims still showing one, MAP@5 of the kept)."""
    right = [as_is[0] for gold, as_is, _ in pairs if as_is and as_is[0][0] in gold]
    right_kept = sum(worth_showing(r[2], rule) for r in right) / max(len(right), 1)
    wrong_shown = sum(bool(kept(without, rule)) for _, _, without in pairs) / len(pairs)
    mean_ap = sum(
        average_precision([r[0] for r in kept(as_is, rule)], gold, SHOWN)
        for gold, as_is, _ in pairs
    ) / len(pairs)
    return right_kept, wrong_shown, mean_ap


def quantiles(rows, name):
    values = sorted(r[2].get(name, r[1]) if name != "score" else r[1] for r in rows)
    if not values:
        return "-"
    picks = (0.1, 0.25, 0.5, 0.75, 0.9)
    return " ".join(f"{values[int(q * (len(values) - 1))]:.2f}" for q in picks)


def report(name, pairs):
    right = [as_is[0] for gold, as_is, _ in pairs if as_is and as_is[0][0] in gold]
    wrong = [without[0] for _, _, without in pairs if without]
    found = sum(any(r[0] in gold for r in as_is) for gold, as_is, _ in pairs)
    print(f"{name}: {len(pairs)} queries, right first {len(right)}, gold in the first stage "
          f"{found}; quantiles 10/25/50/75/90%")  # fmt: skip
    for feature in FEATURES:
        if feature == "meaning" and "meaning" not in (right or wrong or [(0, 0, {})])[0][2]:
            continue
        print(f"  {feature:8} right first: {quantiles(right, feature):30}"
              f"best without gold: {quantiles(wrong, feature)}")  # fmt: skip
    right_kept, wrong_shown, mean_ap = figures(pairs)
    print(f"  desk's rule: right first answers kept {right_kept:.1%}, claims without a match "
          f"showing one {wrong_shown:.1%}, MAP@5 of the matches kept {mean_ap:.3f}")  # fmt: skip


def load(eval_dir, model, splits=("train", "dev")):
    """{(task, split): ranked_pairs} for both tasks."""
    found = {}
    for task, (vclaims, _dev) in SPLITS.items():
        index = Index(
            (candidate_from_json(d) for d in read_jsonl(os.path.join(eval_dir, vclaims))),
            model=model,
        )
        for split in splits:
            queries = list(read_jsonl(os.path.join(eval_dir, f"claimmatch-{task}-{split}.jsonl")))
            found[task, split] = ranked_pairs(index, queries)
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m claims.matching.calibrate", description=__doc__
    )
    parser.add_argument("--eval-dir", default=EVAL_DIR)
    parser.add_argument("--lexical", action="store_true", help="rank without the embeddings")
    args = parser.parse_args(argv)
    model = None if args.lexical else embedding.encoder()
    print("embeddings" if model else "lexical")
    for (task, split), pairs in load(args.eval_dir, model).items():
        report(f"{task} {split}", pairs)


if __name__ == "__main__":
    main()
