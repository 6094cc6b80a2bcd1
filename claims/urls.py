from django.urls import path

from claims import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_upload, name="article_upload"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/status/", views.article_status, name="article_status"),
    path("articles/<int:pk>/reprocess/", views.article_reprocess, name="article_reprocess"),
    path("articles/<int:pk>/original/", views.article_original, name="article_original"),
    path("claims/", views.claim_queue, name="claim_queue"),
    path("claims/bulk/", views.claim_bulk, name="claim_bulk"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/transition/", views.claim_transition, name="claim_transition"),
    path("claims/<int:pk>/assign/", views.claim_assign, name="claim_assign"),
    path("claims/<int:pk>/propose/", views.claim_propose, name="claim_propose"),
    path("claims/<int:pk>/evidence/", views.claim_add_evidence, name="claim_add_evidence"),
    path("claims/<int:pk>/evidence/link/", views.claim_link_evidence, name="claim_link_evidence"),
    path(
        "claims/<int:pk>/evidence/<int:link_pk>/unlink/",
        views.claim_unlink_evidence,
        name="claim_unlink_evidence",
    ),
    path("claims/<int:pk>/comment/", views.claim_comment, name="claim_comment"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
]
