from django.urls import path
from django.views.generic import RedirectView

from partners import views

app_name = "partners"

urlpatterns = [
    # The address people are given, and type: the register's first page.
    path("", RedirectView.as_view(pattern_name="partners:convention_list"), name="index"),
    path("conventions/", views.convention_list, name="convention_list"),
    path("conventions/<int:pk>/", views.convention_detail, name="convention_detail"),
    path("conventions/<int:pk>/reunions/nouvelle/", views.meeting_form, name="meeting_create"),
    path(
        "conventions/<int:pk>/reunions/choix/<str:field>/",
        views.meeting_choices,
        name="meeting_choices",
    ),
    path(
        "conventions/<int:pk>/reunions/<int:meeting_pk>/",
        views.meeting_form,
        name="meeting_edit",
    ),
    path("conventions/<int:pk>/personnes/nouvelle/", views.person_add, name="person_add"),
    path("reunions/<int:meeting_pk>/compte-rendu/", views.meeting_minutes, name="meeting_minutes"),
    path("projets/<int:project_pk>/", views.project_detail, name="project_detail"),
    path("livrables/<int:deliverable_pk>/", views.deliverable_edit, name="deliverable_edit"),
    path("evenements/", views.event_list, name="event_list"),
]
