"""Prove that a change to the extractor changes no output: ``python -m claims.extraction.digests``.

The command line's output (``python -m claims.extraction --jsonl FILE`` for every evaluation file
with a "text" field, ``python -m claims.extraction seeds/*.txt`` for the sample articles) is hashed
with SHA-256 and compared with the digests stored in ``output_digests.json``, recorded for one
``EXTRACTOR_VERSION``. A refactoring keeps every digest; a change of behaviour bumps the version
and records the digests anew (``--record``), in the same commit. Only digests are stored: the
evaluation texts are third-party data and stay outside the repository.

    python -m claims.extraction.digests            # check (exit status 1 on a difference)
    python -m claims.extraction.digests --record   # store the digests of this version
"""

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from . import EXTRACTOR_VERSION

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = Path(__file__).resolve().parent / "output_digests.json"
EVAL_DIR = ROOT.parent / "shared" / "eval"
SEEDS = "seeds"


def _cli_digest(*args: str) -> str:
    """SHA-256 of what ``python -m claims.extraction ARGS`` writes, run from the repository."""
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction", *args],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return hashlib.sha256(out.stdout).hexdigest()


def seed_files() -> list[str]:
    """The sample articles as the command line is given them (paths relative to the root)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / SEEDS).glob("*.txt"))


def _has_text(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        first = fh.readline()
    return bool(first.strip()) and "text" in json.loads(first)


def eval_files(eval_dir: Path) -> list[Path]:
    """Evaluation files whose lines carry a "text" field (empty when the data is absent)."""
    if not eval_dir.is_dir():
        return []
    return [p for p in sorted(eval_dir.glob("*.jsonl")) if _has_text(p)]


def seeds_digest() -> str:
    return _cli_digest(*seed_files())


def current_digests(eval_dir: Path) -> dict[str, str]:
    """Digest of the command line's output for the seeds and each evaluation file."""
    digests = {SEEDS: seeds_digest()}
    for path in eval_files(eval_dir):
        digests[f"eval/{path.name}"] = _cli_digest("--jsonl", str(path))
    return digests


def stored() -> dict:
    with DIGESTS.open(encoding="utf-8") as fh:
        return json.load(fh)


def compare(recorded: dict, now: dict[str, str]) -> list[str]:
    """Lines describing every difference; empty when the output is identical."""
    problems = []
    if recorded["extractor_version"] != EXTRACTOR_VERSION:
        return [
            f"digests were recorded for extractor {recorded['extractor_version']}, this is "
            f"{EXTRACTOR_VERSION}: record them for the new version (--record)"
        ]
    for name, digest in sorted(now.items()):
        old = recorded["digests"].get(name)
        if old is None:
            problems.append(f"{name}: no stored digest (record with --record)")
        elif old != digest:
            problems.append(f"{name}: output changed without an EXTRACTOR_VERSION bump")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claims.extraction.digests", description=__doc__)
    ap.add_argument("--record", action="store_true", help="store the digests of this version")
    ap.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help="default: ../shared/eval")
    args = ap.parse_args(argv)
    if args.record and not eval_files(args.eval_dir):
        print(f"no evaluation data in {args.eval_dir}: cannot record its digests")
        return 1
    now = current_digests(args.eval_dir)
    if args.record:
        data = {"extractor_version": EXTRACTOR_VERSION, "digests": now}
        DIGESTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} digests for extractor {EXTRACTOR_VERSION}")
        return 0
    if len(now) == 1:
        print(f"no evaluation data in {args.eval_dir}: checking the seeds only")
    problems = compare(stored(), now)
    for line in problems:
        print(line)
    if not problems:
        print(f"output identical on {len(now)} inputs (extractor {EXTRACTOR_VERSION})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
