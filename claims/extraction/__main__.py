"""Command line: ``python -m claims.extraction FILE...`` or ``--jsonl IN.jsonl``.

One JSON line per document, in input order:
{"id": ..., "claims": [{"text", "start", "end", "kind", "source", "source_start", "source_end",
"cue", "cue_start", "cue_end", "score", ...more keys}]}
For files the id is the path as given. See shared/DESIGN.md, "Extraction command line".
"""

import argparse
import json
import sys

from . import EXTRACTOR_VERSION, extract
from .types import ExtractedClaim


def claim_to_dict(c: ExtractedClaim) -> dict:
    return {
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "kind": c.kind,
        "source": c.source,
        "source_start": c.source_start,
        "source_end": c.source_end,
        "cue": c.cue,
        "cue_start": c.cue_start,
        "cue_end": c.cue_end,
        "score": c.score,
        "source_name": c.source_name,
        "source_kind": c.source_kind,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "reasons": list(c.reasons),
        "numbers": [
            {"text": m.text, "start": m.start, "end": m.end, "kind": m.kind} for m in c.numbers
        ],
    }


def document(doc_id, text: str) -> dict:
    return {"id": doc_id, "claims": [claim_to_dict(c) for c in extract(text)]}


def iter_jsonl(path: str):
    """(id, text) pairs of a JSONL file; '-' reads standard input."""
    if path == "-":
        yield from _iter_lines(sys.stdin)
        return
    with open(path, encoding="utf-8") as fh:
        yield from _iter_lines(fh)


def _iter_lines(fh):
    for lineno, line in enumerate(fh, 1):
        if line.strip():
            d = json.loads(line)
            yield d.get("id", lineno), d.get("text") or ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m claims.extraction",
        description=f"Extract attributed claims (extractor {EXTRACTOR_VERSION}).",
    )
    ap.add_argument("files", nargs="*", help="plain-text files, one JSON line each")
    ap.add_argument("--jsonl", help='input lines {"id", "text"}; other keys ignored')
    ap.add_argument("--version", action="version", version=EXTRACTOR_VERSION)
    args = ap.parse_args(argv)
    if not args.files and not args.jsonl:
        ap.error("give FILE... or --jsonl IN.jsonl")
    out = sys.stdout
    for path in args.files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        out.write(json.dumps(document(path, text), ensure_ascii=False) + "\n")
    if args.jsonl:
        for doc_id, text in iter_jsonl(args.jsonl):
            out.write(json.dumps(document(doc_id, text), ensure_ascii=False) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
