from django.urls import path

from sites import views

app_name = "sites"

urlpatterns = [
    path("", views.site_ranking, name="ranking"),
    path("programmes/<slug:code>/", views.programme_detail, name="programme_detail"),
    path("nouveau/", views.site_form, name="site_create"),
    path("<int:pk>/", views.site_detail, name="site_detail"),
    path("<int:pk>/modifier/", views.site_form, name="site_edit"),
    path("<int:pk>/activites/", views.activity_add, name="activity_add"),
    path("<int:pk>/histoire/", views.history_add, name="history_add"),
    path("<int:pk>/campagnes/", views.campaign_add, name="campaign_add"),
    path("<int:pk>/zones/", views.zone_add, name="zone_add"),
    path("<int:pk>/resultats/", views.outcome_add, name="outcome_add"),
    path("campagnes/<int:campaign_pk>/", views.campaign_detail, name="campaign_detail"),
    path("campagnes/<int:campaign_pk>/laboratoire/", views.lab_upload, name="lab_upload"),
    path("laboratoire/<int:import_pk>/", views.lab_preview, name="lab_preview"),
    path("cours-et-filieres/", views.prices, name="prices"),
    path("filieres/<int:route_pk>/", views.route_edit, name="route_edit"),
]
