"""Claim matching: has this claim been checked before? Pure Python, no Django here.

    from claims.matching import Candidate, Index, Query
    index = Index([Candidate(id=1, text="Crime fell 10% last year", speaker="Ann Lee")])
    index.match(Query("Lee said crime was down ten percent", speaker="Ann Lee"))

`Index` holds an archive in memory (the command line, the evaluation); the desk picks candidates
with its database and ranks them with `rank`. Bump ``MATCHER_VERSION`` when the ranking changes.
"""

from . import embedding
from .index import Index
from .ranking import (
    MEANING_WEIGHTS,
    WEIGHTS,
    Candidate,
    Match,
    PreparedQuery,
    Query,
    Statistics,
    rank,
    worth_showing,
)
from .text import terms

MATCHER_VERSION = "3"

__all__ = [
    "MATCHER_VERSION",
    "MEANING_WEIGHTS",
    "WEIGHTS",
    "Candidate",
    "Index",
    "Match",
    "PreparedQuery",
    "Query",
    "Statistics",
    "embedding",
    "rank",
    "terms",
    "worth_showing",
]
