from django.urls import path

from actionplan import report_views, views

app_name = "actionplan"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicateurs/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path(
        "indicateurs/<str:code>/mesures/nouvelle/",
        views.measurement_create,
        name="measurement_create",
    ),
    path("indicateurs/<str:code>/reglages/", views.indicator_settings, name="indicator_settings"),
    path(
        "indicateurs/<str:code>/statut/",
        views.indicator_manual_status,
        name="indicator_manual_status",
    ),
    path("le-plan/", views.plan_about, name="plan_about"),
    path("actions/<str:code>/", views.action_detail, name="action_detail"),
    path("actions/<str:code>/fiche/", views.action_sheet, name="action_sheet"),
    path("actions/<str:code>/cycle-de-vie/", views.action_lifecycle, name="action_lifecycle"),
    path("mesures/a-approuver/", views.review_queue, name="review_queue"),
    path("mesures/<int:pk>/examen/", views.measurement_review, name="measurement_review"),
    path("mesures/<int:pk>/justificatif/", views.measurement_evidence, name="measurement_evidence"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("financements/", views.funding, name="funding"),
    path("financements/engagements/", views.commitment_list, name="commitment_list"),
    path(
        "financements/engagements/<int:pk>/corriger/",
        views.commitment_correct,
        name="commitment_correct",
    ),
    path(
        "financements/engagements/<int:pk>/retirer/",
        views.commitment_withdraw,
        name="commitment_withdraw",
    ),
    path("rapports/", report_views.report_list, name="report_list"),
    path("rapports/nouveau/", report_views.report_create, name="report_create"),
    path("rapports/<int:pk>/", report_views.report_detail, name="report_detail"),
    path("rapports/<int:pk>/publier/", report_views.report_publish, name="report_publish"),
    path("rapports/<int:pk>/statut.json", report_views.report_status, name="report_status"),
    path(
        "rapports/<int:pk>/rapport.pdf",
        report_views.report_download,
        {"file_format": "pdf"},
        name="report_pdf",
    ),
    path(
        "rapports/<int:pk>/rapport.xlsx",
        report_views.report_download,
        {"file_format": "xlsx"},
        name="report_xlsx",
    ),
    path("export.csv", views.export, {"file_format": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"file_format": "xlsx"}, name="export_xlsx"),
]
