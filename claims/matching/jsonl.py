"""Reading the command line's JSONL: fact-checks (candidates) and claims (queries)."""

import json

from .ranking import Candidate, Query


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}, line {lineno}: not JSON ({exc.msg})") from None


def candidate_from_json(d):
    """A fact-check line: {"id", "text", "title"?, "subtitle"?, "speaker"?, ...}."""
    title = " ".join(str(d[k]) for k in ("title", "subtitle") if d.get(k))
    return Candidate(id=d["id"], text=str(d.get("text") or ""), title=title,
                     speaker=str(d.get("speaker") or ""))  # fmt: skip


def query_from_json(d):
    """A claim line: {"id", "text", "context"?: {"speaker", "before": [...], "after": [...]}}."""
    context = d.get("context") or {}
    return Query(
        text=str(d.get("text") or ""),
        speaker=str(context.get("speaker") or ""),
        before=tuple(str(s) for s in context.get("before") or ()),
        after=tuple(str(s) for s in context.get("after") or ()),
    )
