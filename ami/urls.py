from django.urls import path

from ami.views import calls, dossiers, evaluation, holders, instruction

app_name = "ami"

urlpatterns = [
    path("", calls.call_list, name="call_list"),
    path("appels/<slug:code>/", calls.call_detail, name="call_detail"),
    path("phases/<int:phase_pk>/modifier/", calls.phase_edit, name="phase_edit"),
    path("phases/<int:phase_pk>/classement/", evaluation.phase_ranking, name="phase_ranking"),
    path("mes-dossiers/", holders.my_dossiers, name="my_dossiers"),
    path("phases/<int:phase_pk>/nouveau-dossier/", holders.dossier_create, name="dossier_create"),
    path("dossiers/", instruction.dossier_list, name="dossier_list"),
    path("dossiers/<int:pk>/", dossiers.dossier_detail, name="dossier_detail"),
    path("dossiers/<int:pk>/modifier/", holders.dossier_edit, name="dossier_edit"),
    path(
        "dossiers/<int:pk>/enregistrement-auto/", holders.dossier_autosave, name="dossier_autosave"
    ),
    path("dossiers/<int:pk>/partenaires/", holders.dossier_partner_add, name="dossier_partner_add"),
    path("dossiers/<int:pk>/financement/", holders.dossier_line_add, name="dossier_line_add"),
    path(
        "dossiers/<int:pk>/pieces/", holders.dossier_attachment_add, name="dossier_attachment_add"
    ),
    path(
        "dossiers/<int:pk>/<str:item>/<int:item_pk>/supprimer/",
        holders.dossier_item_remove,
        name="dossier_item_remove",
    ),
    path("dossiers/<int:pk>/deposer/", holders.dossier_submit, name="dossier_submit"),
    path("dossiers/<int:pk>/retirer/", holders.dossier_withdraw, name="dossier_withdraw"),
    path("dossiers/<int:pk>/supprimer/", holders.dossier_delete, name="dossier_delete"),
    path(
        "dossiers/<int:pk>/accuse/<int:number>/", dossiers.dossier_receipt, name="dossier_receipt"
    ),
    path("dossiers/<int:pk>/decision.pdf", dossiers.dossier_letter, name="dossier_letter"),
    path(
        "dossiers/<int:pk>/pieces/<int:attachment_pk>/",
        dossiers.attachment_download,
        name="attachment_download",
    ),
    path("dossiers/<int:pk>/archive.zip", dossiers.version_zip, name="dossier_zip"),
    path(
        "dossiers/<int:pk>/versions/<int:number>/archive.zip",
        dossiers.version_zip,
        name="version_zip",
    ),
    path("dossiers/<int:pk>/statut/", instruction.dossier_transition, name="dossier_transition"),
    path("dossiers/<int:pk>/attribution/", instruction.dossier_assign, name="dossier_assign"),
    path("dossiers/<int:pk>/notes/", instruction.dossier_note, name="dossier_note"),
    path("dossiers/<int:pk>/avis/", instruction.expert_request, name="expert_request"),
    path("dossiers/<int:pk>/avis/repondre/", instruction.expert_opinion, name="expert_opinion"),
    path("phases/<int:phase_pk>/delai/", instruction.phase_extension, name="phase_extension"),
    path("dossiers/<int:pk>/evaluation/", evaluation.dossier_evaluate, name="dossier_evaluate"),
]
