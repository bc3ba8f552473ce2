"""What the plan says beyond its figures, on the pages where officers and the committee look."""

import pytest
from django.urls import reverse

from actionplan.models import Action, PlanSetting
from actionplan.reports import build_snapshot
from core.models import DataFlag

pytestmark = pytest.mark.usefixtures("plan")


def _flag(subject, code):
    return DataFlag.objects.get(
        content_type__model=subject._meta.model_name, object_id=subject.pk, code=code
    )


@pytest.mark.parametrize(
    ("code", "wordings"),
    [
        ("1.1", ["En2r, créée en 2023 à Lomme", "Proch’Emploi", "Évaluer les besoins à 10 ans"]),
        ("1.2", ["InSPIR", "Rev3 labs (CCI et Région)"]),
        ("1.4", ["COM’EIT", "réseau régional des matériauthèques"]),
        ("1.5", ["CERDD", "APURE", "CNFPT", "partenariat Emmaüs Connect"]),
        ("2.2", ["l’Odema (observatoire déchets matières)"]),
        ("3.4", ["l’application REUTIl", "Le réemploi in situ"]),
        ("3.7", ["Nécessitant une surface de 6 000 m2"]),
    ],
)
def test_an_action_page_shows_its_sub_measures_and_the_names_the_plan_cites(
    client_for, committee_member, code, wordings
):
    page = client_for(committee_member).get(reverse("actionplan:action_detail", args=[code]))
    assert page.status_code == 200
    text = page.content.decode()
    for wording in wordings:
        assert wording in text, wording


def test_the_plan_page_names_its_pilot_its_two_parts_and_the_schemes_it_follows(
    client_for, committee_member
):
    text = client_for(committee_member).get(reverse("actionplan:plan_about")).content.decode()
    assert "André GENELLE, Conseiller régional délégué à l’économie circulaire" in text
    assert "Le plan d’action comporte 2 volets" in text
    assert "SRESRI, Schéma Régional Enseignement Supérieur Recherche Innovation" in text
    assert "17,6 %" in text and "11,8 %" in text
    for action in Action.objects.all():
        assert reverse("actionplan:action_detail", args=[action.code]) in text


def test_an_officer_writes_the_fiche_action_and_the_point_is_settled_once_it_is_complete(
    client_for, officer
):
    client = client_for(officer)
    url = reverse("actionplan:action_sheet", args=["3.5"])
    action = Action.objects.get(code="3.5")
    client.post(url, {"sheet_stakes": "Un gisement de briques substantiel"})
    assert _flag(action, "fiche-action-missing").status == DataFlag.Status.OPEN
    response = client.post(
        url,
        {
            "project_group": "Direction Hauts-de-France Entreprises, bailleurs sociaux",
            "sheet_stakes": "Un gisement de briques substantiel",
            "sheet_partners": "Industriels du bâtiment",
            "sheet_objectives": "Passer à l'échelle industrielle",
            "sheet_means": "5 M€",
        },
    )
    assert response.status_code == 302
    assert _flag(action, "fiche-action-missing").status == DataFlag.Status.CONFIRMED
    page = client.get(reverse("actionplan:action_detail", args=["3.5"])).content.decode()
    assert "Industriels du bâtiment" in page and "Passer à l&#x27;échelle industrielle" in page


@pytest.mark.parametrize("persona", ["committee_member", "partner_contributor"])
def test_only_officers_may_write_a_fiche_action(client_for, request, persona):
    client = client_for(request.getfixturevalue(persona))
    url = reverse("actionplan:action_sheet", args=["1.1"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"sheet_stakes": "x"}).status_code == 403
    assert not Action.objects.get(code="1.1").sheet_stakes


def test_holders_see_neither_the_action_pages_nor_the_plan_page(client_for, holder_a):
    client = client_for(holder_a)
    assert client.get(reverse("actionplan:action_detail", args=["1.1"])).status_code in (403, 404)
    assert client.get(reverse("actionplan:plan_about")).status_code in (403, 404)
    assert client.get("/api/actions/1.1/").status_code in (403, 404)


def test_an_unknown_action_is_a_404(client_for, officer):
    assert client_for(officer).get("/plan/actions/9.9/").status_code == 404


def test_the_reuse_platforms_indicator_says_which_provisional_reading_counts_them(
    client_for, committee_member
):
    page = client_for(committee_member).get(reverse("actionplan:indicator_detail", args=["3.4-1"]))
    assert "Lecture provisoire : chaque dossier retenu" in page.content.decode()


def test_the_api_gives_each_action_its_passages_and_its_fiche(client_for, officer):
    body = client_for(officer).get("/api/actions/1.1/").json()
    measures = [s for s in body["statements"] if s["section"] == "measures"]
    assert len(measures) == 5
    assert measures[0]["source"]["issuer"] == "Région Hauts-de-France"
    assert body["sheet_stakes"] == ""


def test_the_report_names_the_pilot_and_the_provisional_readings_behind_the_figures():
    from datetime import date

    snapshot = build_snapshot(date(2026, 7, 1), date(2026, 9, 30))
    assert snapshot["pilot"].startswith("Le pilotage du plan d’action est assuré par André GENELLE")
    subjects = {point["subject"] for point in snapshot["source_points"]["open"]}
    assert any(subject.startswith("3.4-1") for subject in subjects)
    assert any(subject.startswith("FEDER") for subject in subjects)
    messages = " ".join(point["message"] for point in snapshot["source_points"]["open"])
    assert "Lecture provisoire : chaque dossier retenu" in messages
    assert "enveloppe partagée avec la recherche" in messages
    assert PlanSetting.objects.get().statements.filter(section="frameworks").count() == 9


def test_the_funding_page_says_which_reading_of_the_sources_its_totals_follow(client_for, officer):
    text = client_for(officer).get(reverse("actionplan:funding")).content.decode()
    assert "enveloppe partagée avec la recherche" in text
    assert "font exactement 250 M€ (10 + 5 + 50 + 180 + 3 + 2)" in text
