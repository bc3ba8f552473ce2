from django.urls import path

from actionplan import views

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
    path("mesures/a-approuver/", views.review_queue, name="review_queue"),
    path("mesures/<int:pk>/examen/", views.measurement_review, name="measurement_review"),
    path("mesures/<int:pk>/justificatif/", views.measurement_evidence, name="measurement_evidence"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("financements/", views.funding, name="funding"),
    path("export.csv", views.export, {"file_format": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"file_format": "xlsx"}, name="export_xlsx"),
]
