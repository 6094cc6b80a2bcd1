"""Every business rule of the desk. Views, admin actions, tasks and commands call these.

A refused operation raises WorkflowError (or a subclass) whose message is shown to the user.
"""

from claims.services.articles import (
    apply_extraction,
    content_hash,
    enqueue_extraction,
    fingerprint,
    mark_failed,
    publish_extraction,
    reprocess_article,
    requeue_stale_articles,
    set_progress,
    stale_queued_articles,
    start_processing,
    submit_article,
)
from claims.services.errors import (
    DuplicateArticleError,
    StaleClaimError,
    WorkflowError,
)
from claims.services.workflow import (
    EVIDENCE_LOCKED_STATES,
    TRANSITIONS,
    add_comment,
    add_evidence,
    allowed_actions,
    assign_claim,
    assignable_users,
    bulk_apply,
    can_propose,
    check_transition,
    link_evidence,
    propose_verdict,
    transition,
    unlink_evidence,
)

__all__ = [
    "EVIDENCE_LOCKED_STATES",
    "TRANSITIONS",
    "DuplicateArticleError",
    "StaleClaimError",
    "WorkflowError",
    "add_comment",
    "add_evidence",
    "allowed_actions",
    "apply_extraction",
    "assign_claim",
    "assignable_users",
    "bulk_apply",
    "can_propose",
    "check_transition",
    "content_hash",
    "enqueue_extraction",
    "fingerprint",
    "link_evidence",
    "mark_failed",
    "propose_verdict",
    "publish_extraction",
    "reprocess_article",
    "requeue_stale_articles",
    "set_progress",
    "stale_queued_articles",
    "start_processing",
    "submit_article",
    "transition",
    "unlink_evidence",
]
