"""Command line: ``python -m claims.matching VCLAIMS.jsonl QUERIES.jsonl``.

One JSON line per query, in input order: {"id": ..., "matches": [{"id", "score"}, ...]}, best
first, at most 10. See shared/DESIGN.md, "Claim matching command line". With the embedding
model's package installed it ranks by meaning too (``--lexical``: without); the fact-checks'
vectors are kept in a disk cache (claims/matching/embedding.py, `cache_dir`).
"""

import argparse
import json
import sys

from . import Index, embedding
from .jsonl import candidate_from_json, query_from_json, read_jsonl


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m claims.matching", description=__doc__)
    parser.add_argument("vclaims", help="fact-checks: JSON lines {id, text, title?, speaker?}")
    parser.add_argument("queries", help="claims: JSON lines {id, text, context?}")
    parser.add_argument("--limit", type=int, default=10, help="matches per claim (default 10)")
    parser.add_argument("--lexical", action="store_true", help="rank without the embeddings")
    args = parser.parse_args(argv)
    model = None if args.lexical else embedding.encoder()
    index = Index((candidate_from_json(d) for d in read_jsonl(args.vclaims)), model=model)
    out = sys.stdout
    for d in read_jsonl(args.queries):
        matches = index.match(query_from_json(d), limit=args.limit)
        line = {"id": d.get("id"), "matches": [{"id": m.id, "score": m.score} for m in matches]}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
