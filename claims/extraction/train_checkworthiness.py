"""Train the check-worthiness model shipped as ``checkworthy_model.json``.

usage: python -m claims.extraction.train_checkworthiness TRAIN.jsonl [--out PATH] [--dev DEV.jsonl]

Input lines: {"text": ..., "label": 0 or 1} (CheckThat! 2024 English format). Plain-Python
logistic regression (AdaGrad, L2), deterministic: fixed shuffling seed, sorted output. The
decision threshold is picked on a held-out sixth of the training file, then the model is refit on
all of it; ``--dev`` only reports, it never tunes.
"""

import argparse
import json
import math
import random
from collections import Counter

from .checkworthiness import MODEL_PATH, features

EPOCHS = 8
RATE = 0.2
L2 = 1e-5
MIN_COUNT = 3
PRUNE = 0.02  # weights smaller than this are dropped to keep the file small


def load(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                rows.append((d["text"], int(d["label"])))
    return rows


def fit(rows, seed=13):
    counts = Counter()
    feats = [features(t) for t, _ in rows]
    for fs in feats:
        counts.update(set(fs))
    keep = {f for f, c in counts.items() if c >= MIN_COUNT}
    data = [([f for f in set(fs) if f in keep], y) for fs, (_, y) in zip(feats, rows, strict=False)]
    pos = sum(y for _, y in data)
    # Balance the classes: check-worthy sentences are a quarter of the data.
    wpos = (len(data) - pos) / max(pos, 1)
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for idx in order:
            fs, y = data[idx]
            z = sum(w.get(f, 0.0) for f in fs)
            z = max(-30.0, min(30.0, z))
            p = 1.0 / (1.0 + math.exp(-z))
            grad = (p - y) * (wpos if y else 1.0)
            for f in fs:
                wf = w.get(f, 0.0)
                g = grad + L2 * wf
                g2[f] = g2.get(f, 1e-8) + g * g
                w[f] = wf - RATE * g / math.sqrt(g2[f])
    return w


def predict(w, text):
    return sum(w.get(f, 0.0) for f in set(features(text)))


def prf(scores, labels, threshold):
    tp = sum(1 for s, y in zip(scores, labels, strict=False) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=False) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=False) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores, labels):
    best = (0.0, 0.0)
    for k in range(-40, 41):
        t = k / 10
        f = prf(scores, labels, t)[2]
        if f > best[0]:
            best = (f, t)
    return best[1]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--dev")
    args = ap.parse_args(argv)
    rows = load(args.train)
    rng = random.Random(7)
    shuffled = rows[:]
    rng.shuffle(shuffled)
    cut = len(shuffled) // 6
    held, rest = shuffled[:cut], shuffled[cut:]
    w = fit(rest)
    scores = [predict(w, t) for t, _ in held]
    threshold = best_threshold(scores, [y for _, y in held])
    print(
        "held-out P/R/F1 {:.3f} {:.3f} {:.3f} at {:.1f}".format(
            *prf(scores, [y for _, y in held], threshold), threshold
        )
    )
    w = fit(rows)
    weights = {f: round(v, 3) for f, v in sorted(w.items()) if abs(v) >= PRUNE}
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
    print(f"wrote {len(weights)} weights to {args.out}")
    if args.dev:
        dev = load(args.dev)
        scores = [predict(weights, t) for t, _ in dev]
        print(
            "dev P/R/F1 {:.3f} {:.3f} {:.3f}".format(*prf(scores, [y for _, y in dev], threshold))
        )


if __name__ == "__main__":
    main()
