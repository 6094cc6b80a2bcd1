"""Score predicted attributions against gold ones: the desk's own scorer, pure Python.

``python -m claims.extraction.scoring GOLD.jsonl PREDICTED.jsonl`` (or through
``python -m claims.extraction.evaluate GOLD.jsonl``, which uses it when no official scorer sits
next to the gold file, e.g. for the desk's own ``manage.py export_annotations``).

Gold lines: ``{"id", "text", "attributions": [{"source": [[s, e], ...], "cue": [...],
"content": [...]}]}`` (the format of shared/eval/polnear-*.jsonl); a role may be several pieces
or none. Predicted lines: the extractor's output, ``{"id", "claims": [{"start", "end", "kind",
"source_start", "source_end", "cue_start", "cue_end", ...}]}``; unattributed claims are not
attributions and are left out.

The metrics, as the shared evaluation defines them:

* Spans are sets of characters, each piece trimmed of whitespace and punctuation at its edges
  (EDGE_CHARACTERS);
  the overlap of two spans is the size of their intersection over the size of their union.
* A predicted attribution matches a gold one when their contents overlap by at least 0.5; the
  matching is one to one, the pairs with the best overlap taken first.
* content P / R / F1 count the matched pairs; "exact" counts pairs with identical trimmed spans.
* source (cue) accuracy: over matched pairs whose gold has a source (cue), the share whose
  predicted source (cue) overlaps it by at least 0.5.
* full P / R / F1: a matched pair counts when its source is right too, or when neither has one.
"""

import argparse
import json
import string
import sys
from dataclasses import dataclass, fields

MATCH_OVERLAP = 0.5


# --- Spans ---------------------------------------------------------------------------------------


# What "whitespace and punctuation at the edges" means, as the shared scorer counts it: ASCII
# whitespace and punctuation, typographic quotes, en and em dashes (a no-break space, an ellipsis
# or a guillemet at an edge counts as part of the span).
EDGE_CHARACTERS = frozenset(string.whitespace + string.punctuation + "“”‘’–—")


def trimmed(text, pieces):
    """The pieces as sorted, disjoint (start, end) intervals, each trimmed of whitespace and
    punctuation at its edges; pieces left empty (or outside the text) are dropped."""
    intervals = []
    for start, end in pieces:
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start] in EDGE_CHARACTERS:
            start += 1
        while end > start and text[end - 1] in EDGE_CHARACTERS:
            end -= 1
        if start < end:
            intervals.append((start, end))
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _size(span):
    return sum(end - start for start, end in span)


def _common(a, b):
    """How many characters two interval lists share."""
    total = i = j = 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def overlap(a, b):
    """Intersection over union of two trimmed spans (0.0 when both are empty)."""
    common = _common(a, b)
    union = _size(a) + _size(b) - common
    return common / union if union else 0.0


# --- Attributions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """One attribution's roles as trimmed spans (an empty tuple: the role is not there)."""

    content: tuple
    source: tuple = ()
    cue: tuple = ()


def gold_attributions(document):
    """The attributions of a gold line; one whose content is empty once trimmed is left out."""
    text = document.get("text") or ""
    found = []
    for item in document.get("attributions") or []:
        content = trimmed(text, item.get("content") or [])
        if content:
            found.append(
                Attribution(
                    content,
                    trimmed(text, item.get("source") or []),
                    trimmed(text, item.get("cue") or []),
                )
            )
    return found


def _piece(start, end):
    return [(start, end)] if start is not None and end is not None else []


def predicted_attributions(text, claims):
    """The attributed claims of an extractor output line (dicts), as attributions of `text`.
    One whose content is empty once trimmed stays: it is a prediction that matches nothing."""
    return [
        Attribution(
            trimmed(text, _piece(claim.get("start"), claim.get("end"))),
            trimmed(text, _piece(claim.get("source_start"), claim.get("source_end"))),
            trimmed(text, _piece(claim.get("cue_start"), claim.get("cue_end"))),
        )
        for claim in claims
        if claim.get("kind") != "unattributed"
    ]


# --- Counting ------------------------------------------------------------------------------------


@dataclass
class Counts:
    """What the metrics are computed from; counts of several documents add up."""

    documents: int = 0
    missing: int = 0  # gold documents with no prediction line
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    with_source: int = 0  # matched pairs whose gold has a source
    source_right: int = 0
    with_cue: int = 0
    cue_right: int = 0
    full: int = 0

    def __add__(self, other):
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def match(gold, predicted):
    """One-to-one (gold index, predicted index) pairs whose contents overlap by at least 0.5, the
    best overlap first."""
    candidates = []
    for g, gold_item in enumerate(gold):
        for p, predicted_item in enumerate(predicted):
            value = overlap(gold_item.content, predicted_item.content)
            if value >= MATCH_OVERLAP:
                candidates.append((value, g, p))
    # Ties (a gold file may hold one content twice, with two sources) go to the later gold
    # attribution, then the later prediction, as the shared scorer breaks them.
    candidates.sort(reverse=True)
    used_gold, used_predicted, pairs = set(), set(), []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return pairs


def count_document(gold, predicted):
    """The counts of one document's gold and predicted attributions."""
    counts = Counts(documents=1, gold=len(gold), predicted=len(predicted))
    for g, p in match(gold, predicted):
        gold_item, predicted_item = gold[g], predicted[p]
        counts.matched += 1
        counts.exact += gold_item.content == predicted_item.content
        source_right = overlap(gold_item.source, predicted_item.source) >= MATCH_OVERLAP
        if gold_item.source:
            counts.with_source += 1
            counts.source_right += source_right
        if gold_item.cue:
            counts.with_cue += 1
            counts.cue_right += overlap(gold_item.cue, predicted_item.cue) >= MATCH_OVERLAP
        counts.full += source_right or not (gold_item.source or predicted_item.source)
    return counts


def count_files(gold_documents, predicted_documents):
    """Counts over gold lines and extractor output lines, paired by id."""
    claims_by_id = {str(d.get("id")): d.get("claims") or [] for d in predicted_documents}
    total = Counts()
    for document in gold_documents:
        key = str(document.get("id"))
        predicted = predicted_attributions(document.get("text") or "", claims_by_id.get(key, []))
        counts = count_document(gold_attributions(document), predicted)
        counts.missing = key not in claims_by_id
        total += counts
    return total


# --- Figures -------------------------------------------------------------------------------------


def _ratio(part, whole):
    return part / whole if whole else 0.0


def prf(hits, predicted, gold):
    """(precision, recall, F1) of `hits` correct out of `predicted` and `gold`."""
    precision, recall = _ratio(hits, predicted), _ratio(hits, gold)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return precision, recall, f1


@dataclass(frozen=True)
class Scores:
    content: tuple  # (P, R, F1)
    exact: tuple
    source_accuracy: float | None  # None when no matched gold has a source
    cue_accuracy: float | None
    full: tuple

    @classmethod
    def of(cls, counts):
        return cls(
            content=prf(counts.matched, counts.predicted, counts.gold),
            exact=prf(counts.exact, counts.predicted, counts.gold),
            source_accuracy=_ratio(counts.source_right, counts.with_source)
            if counts.with_source
            else None,
            cue_accuracy=_ratio(counts.cue_right, counts.with_cue) if counts.with_cue else None,
            full=prf(counts.full, counts.predicted, counts.gold),
        )


def report(counts):
    """The figures as lines of text, in the layout of the shared evaluation's scorer."""
    scores = Scores.of(counts)

    def accuracy(value):
        return f"{value or 0.0:.3f}"

    p, r, f = scores.content
    fp, fr, ff = scores.full
    return (
        f"documents {counts.documents} (missing from predictions: {counts.missing})\n"
        f"gold attributions {counts.gold}, predicted {counts.predicted}\n"
        f"content  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   exact F1 {scores.exact[2]:.3f}\n"
        f"source   accuracy {accuracy(scores.source_accuracy)} over {counts.with_source} matched\n"
        f"cue      accuracy {accuracy(scores.cue_accuracy)} over {counts.with_cue} matched\n"
        f"full     P {fp:.3f}  R {fr:.3f}  F1 {ff:.3f}\n"
    )


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m claims.extraction.scoring",
        description="Score extractor output against gold attributions (see the module docstring).",
    )
    parser.add_argument("gold", help="gold JSONL (shared/eval/polnear-*.jsonl, or an export)")
    parser.add_argument("predicted", help="the output of python -m claims.extraction --jsonl GOLD")
    args = parser.parse_args(argv)
    sys.stdout.write(report(count_files(read_jsonl(args.gold), read_jsonl(args.predicted))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
