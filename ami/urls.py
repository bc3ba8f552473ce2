from django.urls import path

from ami import views

app_name = "ami"

urlpatterns = [
    path("", views.call_list, name="call_list"),
    path("appels/<slug:code>/", views.call_detail, name="call_detail"),
    path("phases/<int:phase_pk>/modifier/", views.phase_edit, name="phase_edit"),
    path("phases/<int:phase_pk>/classement/", views.phase_ranking, name="phase_ranking"),
    path("inscription/", views.sign_up, name="sign_up"),
    path("mes-dossiers/", views.my_dossiers, name="my_dossiers"),
    path("organisations/<int:organisation_pk>/inviter/", views.invite, name="invite"),
    path("phases/<int:phase_pk>/nouveau-dossier/", views.dossier_create, name="dossier_create"),
    path("dossiers/", views.dossier_list, name="dossier_list"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("dossiers/<int:pk>/modifier/", views.dossier_edit, name="dossier_edit"),
    path("dossiers/<int:pk>/enregistrement-auto/", views.dossier_autosave, name="dossier_autosave"),
    path("dossiers/<int:pk>/partenaires/", views.dossier_partner_add, name="dossier_partner_add"),
    path("dossiers/<int:pk>/financement/", views.dossier_line_add, name="dossier_line_add"),
    path("dossiers/<int:pk>/pieces/", views.dossier_attachment_add, name="dossier_attachment_add"),
    path(
        "dossiers/<int:pk>/<str:item>/<int:item_pk>/supprimer/",
        views.dossier_item_remove,
        name="dossier_item_remove",
    ),
    path("dossiers/<int:pk>/deposer/", views.dossier_submit, name="dossier_submit"),
    path("dossiers/<int:pk>/accuse/<int:number>/", views.dossier_receipt, name="dossier_receipt"),
    path("dossiers/<int:pk>/decision.pdf", views.dossier_letter, name="dossier_letter"),
    path(
        "dossiers/<int:pk>/pieces/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path("dossiers/<int:pk>/archive.zip", views.dossier_zip, name="dossier_zip"),
    path("dossiers/<int:pk>/statut/", views.dossier_transition, name="dossier_transition"),
    path("dossiers/<int:pk>/attribution/", views.dossier_assign, name="dossier_assign"),
    path("dossiers/<int:pk>/delai/", views.dossier_extend, name="dossier_extend"),
    path("dossiers/<int:pk>/evaluation/", views.dossier_evaluate, name="dossier_evaluate"),
]
