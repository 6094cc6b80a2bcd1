"""The attribution targets, on the dev split beside the train split: ``python -m
claims.extraction.targets [EVAL_DIR]`` (default ``../shared/eval``).

For each of ``polnear-dev.jsonl`` and ``polnear-train.jsonl``: the official scorer's content,
source and full figures (full = right content and right source) and the extraction's throughput
in KB of text per second of CPU time (one core, the whole pipeline), then the targets. Train is
where the rules were tuned, dev where they are checked; a rule is kept when both improve, and a
held-out test split measures them again.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import EXTRACTOR_VERSION, extract
from .__main__ import claim_to_dict

SPLITS = ("polnear-dev.jsonl", "polnear-train.jsonl")
# (label, figure, lowest acceptable value)
TARGETS = (
    ("content F1", "content_f1", 0.76),
    ("full precision", "full_p", 0.82),
    ("full F1", "full_f1", 0.70),
    ("source accuracy", "source_accuracy", 0.93),
    ("KB/s per core", "speed", 300),
)
_FIGURES = {
    "content": re.compile(r"content\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)"),
    "source": re.compile(r"source\s+accuracy ([\d.]+)"),
    "full": re.compile(r"full\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)"),
}


@dataclass
class Figures:
    content_p: float
    content_r: float
    content_f1: float
    source_accuracy: float
    full_p: float
    full_r: float
    full_f1: float
    speed: float  # KB of text per CPU second


def measure(gold: Path) -> Figures:
    """Extract every document of ``gold`` (timed in CPU seconds) and score the predictions."""
    nbytes = 0
    cpu = 0.0
    # A worker loads the check-worthiness model once: the figure is the pipeline's steady
    # throughput, not the first document's load of the model (about 34 ms, 2.5% of dev).
    extract("The council said the bridge would reopen in May.")
    with (
        gold.open(encoding="utf-8") as rows,
        tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as pred,
    ):
        for line in rows:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc.get("text") or ""
            nbytes += len(text.encode("utf-8"))
            t0 = time.process_time()
            claims = extract(text)
            cpu += time.process_time() - t0
            pred.write(
                json.dumps({"id": doc.get("id"), "claims": [claim_to_dict(c) for c in claims]})
            )
            pred.write("\n")
        pred.flush()
        scorer = gold.parent / "score_attributions.py"
        report = subprocess.run(
            [sys.executable, str(scorer), str(gold), pred.name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return _figures(report, nbytes / 1024 / cpu if cpu else float("inf"))


def _figures(report: str, speed: float) -> Figures:
    found = {key: pattern.search(report) for key, pattern in _FIGURES.items()}
    if not all(found.values()):
        raise ValueError(f"unexpected scorer output:\n{report}")
    c, s, f = (tuple(float(x) for x in found[k].groups()) for k in ("content", "source", "full"))
    return Figures(*c, *s, *f, speed)


def table(results: dict[str, Figures]) -> str:
    """The figures of each split, one line each, then the targets and whether dev meets them."""
    lines = [
        f"extractor {EXTRACTOR_VERSION}: attribution on PolNeAR (train: rules tuned; dev: check)",
        f"{'split':<7}{'content P   R     F1':<22}{'source':<9}{'full P    R     F1':<22}KB/s/core",
    ]
    for name, fig in results.items():
        lines.append(
            f"{name:<7}{fig.content_p:.3f} {fig.content_r:.3f} {fig.content_f1:.3f}   "
            f"{fig.source_accuracy:.3f}    {fig.full_p:.3f} {fig.full_r:.3f} {fig.full_f1:.3f}   "
            f"{fig.speed:.0f}"
        )
    dev = results.get("dev")
    for label, attr, lowest in TARGETS:
        if dev is None:
            break
        value = getattr(dev, attr)
        verdict = "met" if value >= lowest else "not met"
        shown = f"{value:.0f}" if lowest >= 1 else f"{value:.3f}"
        lines.append(f"target {label} >= {lowest:g} on dev: {shown} ({verdict})")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claims.extraction.targets", description=__doc__)
    ap.add_argument("eval_dir", nargs="?", default="../shared/eval", type=Path)
    args = ap.parse_args(argv)
    results = {}
    for split in SPLITS:
        gold = args.eval_dir / split
        if gold.exists():
            results[split.removeprefix("polnear-").removesuffix(".jsonl")] = measure(gold)
    if not results:
        print(f"no PolNeAR files in {args.eval_dir}: nothing to measure")
        return 1
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
