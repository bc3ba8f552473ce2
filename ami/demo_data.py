"""Demo organisations' dossiers in every status, on the PMCB call opened with a demo date."""

from datetime import date
from decimal import Decimal

from accounts.models import Organisation, User
from ami.models import Call, Dossier, DossierStatus
from ami.services import (
    call_set_enforceable_date,
    dossier_create,
    dossier_save,
    dossier_submit,
    dossier_transition,
    financing_line_add,
    partner_add,
)
from core.reference import reference_loader

DEMO_ENFORCEABLE_ON = date(
    2025, 7, 1
)  # not in the text: a demo value so that the call is open today

TEXT = {
    "synthetic_presentation": "Plateforme de collecte et de reconditionnement de matériaux de second œuvre (démo).",
    "partnerships": "Bailleur social du territoire, deux entreprises de déconstruction, un éco-organisme.",
    "issues_addressed": "Gisements de portes, radiateurs et sanitaires issus des réhabilitations.",
    "steps": "1. Étude de gisement ; 2. Aménagement du site ; 3. Ouverture aux professionnels.",
    "expected_follow_up": "Orientation vers le FRATRI pour l'investissement.",
    "impacts": "8 emplois en insertion, 1 200 tonnes détournées par an.",
    "financial_elements": "Investissement de 450 000 € ; exploitation équilibrée en année 3.",
}
# (organisation key, title, final status, event chain after submission)
DOSSIERS = [
    ("A", "Matériauthèque de l'Artois", DossierStatus.DRAFT, []),
    ("B", "Plateforme de réemploi du Hainaut", DossierStatus.SUBMITTED, []),
    ("A", "Réemploi des menuiseries de Lens", DossierStatus.UNDER_REVIEW, ["start_review"]),
    ("B", "Hub numérique des chantiers", DossierStatus.RETURNED, ["start_review", "return"]),
    ("A", "Plateforme PMCB de Béthune", DossierStatus.RETAINED, ["start_review", "retain"]),
    (
        "B",
        "Stockage de briques de Valenciennes",
        DossierStatus.NOT_RETAINED,
        ["start_review", "reject"],
    ),
    ("A", "Recyclerie du bâtiment d'Arras", DossierStatus.REDIRECTED, ["start_review", "redirect"]),
]
REASONS = {
    "return": "Merci de préciser le plan de financement (démo).",
    "retain": "Projet structurant, démarrage à court terme (démo).",
    "reject": "Gisement insuffisamment démontré (démo).",
    "redirect": "Besoin d'investissement à étudier au titre du FRATRI (démo).",
}


@reference_loader(order=40, demo=True)
def load_demo_dossiers(report):
    if Dossier.objects.filter(is_demo=True).exists():
        report.count(Dossier, "unchanged")
        return
    officer = User.objects.get(email="agent@demo.hautsdefrance.fr")
    call = Call.objects.get(code="pmcb")
    call_set_enforceable_date(actor=officer, call=call, enforceable_on=DEMO_ENFORCEABLE_ON)
    phase = call.phases.get(number=1)
    holders = {
        "A": User.objects.get(email="porteur.a@demo.example.fr"),
        "B": User.objects.get(email="porteur.b@demo.example.fr"),
    }
    organisations = {
        key: Organisation.objects.get(memberships__user=user) for key, user in holders.items()
    }
    for key, title, _status, events in DOSSIERS:
        holder = holders[key]
        dossier = dossier_create(
            actor=holder, phase=phase, organisation=organisations[key], title=title, is_demo=True
        )
        dossier_save(actor=holder, dossier=dossier, territory="62", **TEXT)
        partner_add(
            actor=holder,
            dossier=dossier,
            name="Bailleur du Pas-de-Calais (démo)",
            role="Apport de gisements",
            share=Decimal(20),
        )
        financing_line_add(
            actor=holder,
            dossier=dossier,
            kind="expense",
            label="Aménagement du site",
            amount=Decimal(450000),
        )
        financing_line_add(
            actor=holder,
            dossier=dossier,
            kind="resource",
            label="Fonds propres et emprunt",
            amount=Decimal(450000),
        )
        if _status != DossierStatus.DRAFT:
            dossier_submit(actor=holder, dossier_pk=dossier.pk)
        dossier.refresh_from_db()
        for event in events:
            dossier_transition(
                actor=officer,
                dossier=dossier,
                event=event,
                reason=REASONS.get(event, ""),
                redirected_to="fratri" if event == "redirect" else "",
            )
        report.count(Dossier, "created")
    report.notes.insert(
        0, "Demo AMI dossiers loaded (PMCB call opened with a demo enforceable date)."
    )
