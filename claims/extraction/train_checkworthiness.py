"""Train the check-worthiness model shipped as ``checkworthy_model.json``.

usage: python -m claims.extraction.train_checkworthiness TRAIN.jsonl [--out PATH] [--dev DEV.jsonl]

Input lines: {"id": ..., "text": ..., "label": 0 or 1} (CheckThat! 2024 English format).
Plain-Python logistic regression (AdaGrad with a small step, which keeps it from memorising the
training sentences, and L2), deterministic: fixed shuffling seed, sorted features and output.

The figure to optimise is 5-fold cross-validation on the training file. Folds are grouped by
blocks of 1000 consecutive sentence ids (the number at the end of "ct24-12345"; ClaimBuster numbers
the sentences of a debate consecutively), so neighbouring and near-duplicate sentences of one
debate do not straddle folds. Each fold is scored at the threshold that is best on the other
folds' out-of-fold scores; the printed F1 pools the five folds. The shipped threshold is the one
that is best on all out-of-fold scores, and the shipped model is then refit on the whole file.
``--dev`` only reports, it never tunes.
"""

import argparse
import json
import math
import random
import re
from collections import Counter

from .checkworthiness import MODEL_PATH, features

EPOCHS = 8
RATE = 0.05
L2 = 1e-5
MIN_COUNT = 3
PRUNE = 0.02  # weights smaller than this are dropped to keep the file small
FOLDS = 5
BLOCK = 1000  # sentence ids per cross-validation group

_ID_NUMBER = re.compile(r"(\d+)\D*$")


def load(path):
    """(text, label, group) triples; the group is the id's block, or the line's if no number."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if line.strip():
                d = json.loads(line)
                m = _ID_NUMBER.search(str(d.get("id", "")))
                group = (int(m.group(1)) if m else n) // BLOCK
                rows.append((d["text"], int(d["label"]), group))
    return rows


def fit(data, seed=13):
    """Weights by feature from (feature list, label) pairs."""
    counts = Counter()
    for fs, _ in data:
        counts.update(set(fs))
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    xs = [(sorted({index[f] for f in fs if f in index}), y) for fs, y in data]
    pos = sum(y for _, y in xs)
    # Balance the classes: check-worthy sentences are a quarter of the data.
    wpos = (len(xs) - pos) / max(pos, 1)
    w = [0.0] * len(names)
    g2 = [1e-8] * len(names)
    rng = random.Random(seed)
    order = list(range(len(xs)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for j in order:
            ii, y = xs[j]
            z = sum([w[i] for i in ii])
            z = max(-30.0, min(30.0, z))
            p = 1.0 / (1.0 + math.exp(-z))
            grad = (p - y) * (wpos if y else 1.0)
            for i in ii:
                wi = w[i]
                g = grad + L2 * wi
                g2[i] += g * g
                w[i] = wi - RATE * g / math.sqrt(g2[i])
    return {f: round(v, 3) for f, v in zip(names, w, strict=True) if abs(v) >= PRUNE}


def predict(w, fs):
    return sum(w.get(f, 0.0) for f in set(fs))


def prf(scores, labels, threshold):
    tp = fp = fn = 0
    for s, y in zip(scores, labels, strict=True):
        if s >= threshold:
            tp += y
            fp += not y
        else:
            fn += y
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores, labels):
    """The threshold (among 400 quantiles of the scores) with the best F1."""
    ordered = sorted(scores)
    candidates = sorted({ordered[len(ordered) * q // 400] for q in range(1, 400)})
    best = (-1.0, 0.0)
    for t in candidates:
        f = prf(scores, labels, t)[2]
        if f > best[0]:
            best = (f, t)
    return round(best[1], 3)


def cross_validate(feats, labels, groups):
    """Out-of-fold scores, the pooled (P, R, F1) and the F1 of each fold."""
    folds = [g % FOLDS for g in groups]
    oof = [0.0] * len(labels)
    for k in range(FOLDS):
        w = fit([(fs, y) for fs, y, f in zip(feats, labels, folds, strict=True) if f != k])
        for i, f in enumerate(folds):
            if f == k:
                oof[i] = predict(w, feats[i])
    pooled_scores, pooled_labels, per_fold = [], [], []
    for k in range(FOLDS):
        rest = [i for i, f in enumerate(folds) if f != k]
        t = best_threshold([oof[i] for i in rest], [labels[i] for i in rest])
        mine = [i for i, f in enumerate(folds) if f == k]
        # Shift this fold's scores by its own threshold so that pooling uses 0 throughout.
        pooled_scores.extend(oof[i] - t for i in mine)
        pooled_labels.extend(labels[i] for i in mine)
        per_fold.append(prf([oof[i] for i in mine], [labels[i] for i in mine], t)[2])
    return oof, prf(pooled_scores, pooled_labels, 0.0), per_fold


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--dev")
    args = ap.parse_args(argv)
    rows = load(args.train)
    feats = [features(t) for t, _, _ in rows]
    labels = [y for _, y, _ in rows]
    oof, (p, r, f1), per_fold = cross_validate(feats, labels, [g for _, _, g in rows])
    print(
        f"{FOLDS}-fold grouped CV P/R/F1 {p:.3f} {r:.3f} {f1:.4f}"
        f" (folds {' '.join(f'{x:.3f}' for x in per_fold)})"
    )
    threshold = best_threshold(oof, labels)
    weights = fit(list(zip(feats, labels, strict=True)))
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(
            {
                "threshold": threshold,
                "weights": weights,
                "source": "CheckThat! 2024 English train (ClaimBuster), see README",
            },
            fh,
            separators=(",", ":"),
            sort_keys=True,
        )
    print(f"wrote {len(weights)} weights and threshold {threshold} to {args.out}")
    if args.dev:
        dev = load(args.dev)
        scores = [predict(weights, features(t)) for t, _, _ in dev]
        print(
            "dev P/R/F1 {:.3f} {:.3f} {:.3f}".format(
                *prf(scores, [y for _, y, _ in dev], threshold)
            )
        )


if __name__ == "__main__":
    main()
