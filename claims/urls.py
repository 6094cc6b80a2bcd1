from django.urls import path

from claims.views import articles, claim, exports, notifications, queue, review, sources

urlpatterns = [
    path("", articles.dashboard, name="dashboard"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_upload, name="article_upload"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path("articles/<int:pk>/status/", articles.article_status, name="article_status"),
    path("articles/<int:pk>/reprocess/", articles.article_reprocess, name="article_reprocess"),
    path("articles/<int:pk>/original/", articles.article_original, name="article_original"),
    path("articles/<int:pk>/review/", review.article_review, name="article_review"),
    path("claims/", queue.claim_queue, name="claim_queue"),
    path("claims/export.csv", exports.claim_export_csv, name="claim_export_csv"),
    path("claims/bulk/", queue.claim_bulk, name="claim_bulk"),
    path("claims/bulk/<int:pk>/undo/", queue.bulk_undo, name="bulk_undo"),
    path("claims/views/", queue.saved_view_create, name="saved_view_create"),
    path("claims/views/<int:pk>/delete/", queue.saved_view_delete, name="saved_view_delete"),
    path("claims/next/", claim.next_in_my_queue, name="next_in_my_queue"),
    path("claims/<int:pk>/", claim.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/transition/", claim.claim_transition, name="claim_transition"),
    path("claims/<int:pk>/assign/", claim.claim_assign, name="claim_assign"),
    path("claims/<int:pk>/propose/", claim.claim_propose, name="claim_propose"),
    path("claims/<int:pk>/evidence/", claim.claim_add_evidence, name="claim_add_evidence"),
    path("claims/<int:pk>/evidence/link/", claim.claim_link_evidence, name="claim_link_evidence"),
    path(
        "claims/<int:pk>/evidence/<int:link_pk>/unlink/",
        claim.claim_unlink_evidence,
        name="claim_unlink_evidence",
    ),
    path(
        "claims/<int:pk>/evidence/<int:link_pk>/public/",
        claim.claim_evidence_public,
        name="claim_evidence_public",
    ),
    path("claims/<int:pk>/comment/", claim.claim_comment, name="claim_comment"),
    path("claims/<int:pk>/schedule/", claim.claim_schedule, name="claim_schedule"),
    path("sources/", sources.source_list, name="source_list"),
    path("sources/<int:pk>/", sources.source_detail, name="source_detail"),
    path("sources/<int:pk>/merge/", sources.source_merge, name="source_merge"),
    path("notifications/", notifications.notification_list, name="notification_list"),
    path("public/claims/<int:pk>/", exports.public_claim, name="public_claim"),
]
