"""The REGENERATIS programme's own figures and passages, on a page and in the API."""

import pytest
from django.urls import reverse

from sites.models import Programme

pytestmark = pytest.mark.usefixtures("regeneratis")


def test_the_programme_page_gives_its_figures_with_years_unseparated_and_budgets_to_the_euro(
    client_for, committee_member
):
    page = client_for(committee_member).get(reverse("sites:programme_detail", args=["regeneratis"]))
    text = page.content.decode()
    assert "2020–2023" in text and "2 020" not in text
    assert "7\xa0100\xa0000 €" in text
    assert "4\xa0260\xa0000 €" in text
    assert "3 sites pilotes et 6 sites de validation" in text
    assert "+/- 100.000 sites avec du potentiel de récupération" in text
    assert "SMARTIX - outil d’aide à la décision à base d’Intelligence Artificielle" in text
    assert "Plan d’échantillonnage optimisé" in text


def test_the_ranking_links_to_the_programme_page(client_for, officer):
    text = client_for(officer).get(reverse("sites:ranking")).content.decode()
    assert reverse("sites:programme_detail", args=["regeneratis"]) in text


def test_the_api_gives_the_programme_its_figures_and_passages(client_for, committee_member):
    body = client_for(committee_member).get("/api/programmes/regeneratis/").json()
    assert (body["start_year"], body["end_year"], body["pilot_sites"]) == (2020, 2023, 3)
    assert body["budget_erdf"] == "4260000.00"
    results = [s["wording"] for s in body["statements"] if s["section"] == "results"]
    assert "Estimation des quantités et de la localisation des gisements sur sites" in results


@pytest.mark.parametrize("persona", ["holder_a", "partner_contributor"])
def test_holders_and_partners_get_neither_the_programme_page_nor_its_api(
    client_for, request, persona
):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("sites:programme_detail", args=["regeneratis"])).status_code in (
        403,
        404,
    )
    assert client.get("/api/programmes/regeneratis/").status_code == 403
    assert client.get("/api/programmes/").status_code == 403


def test_points_to_confirm_on_the_programme_are_for_officers(client_for, officer, committee_member):
    url = reverse("sites:programme_detail", args=["regeneratis"])
    assert "Site 1 Site 2" in client_for(officer).get(url).content.decode()
    assert Programme.objects.get().statements.count() > 30
    assert "Site 1 Site 2" not in client_for(committee_member).get(url).content.decode()
