"""Who sees the register of brownfields, and the pages an officer uses."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sites.models import ActivityKind, Site
from sites.services import activity_add, site_save


def _routes(site, campaign):
    return [
        reverse("sites:ranking"),
        reverse("sites:site_detail", args=[site.pk]),
        reverse("sites:campaign_detail", args=[campaign.pk]),
        reverse("sites:prices"),
        f"/api/sites/{site.pk}/",
        f"/api/sites/{site.pk}/evaluations/",
        "/api/sites/",
        "/api/site-campaigns/",
        "/api/site-samples/",
        "/api/site-results/",
        "/api/site-zones/",
    ]


@pytest.mark.parametrize("persona", ["holder_a", "partner_contributor"])
def test_holders_and_partners_see_nothing_of_the_sites(
    client_for, request, persona, site, campaign
):
    client = client_for(request.getfixturevalue(persona))
    for url in _routes(site, campaign):
        assert client.get(url).status_code in (403, 404), url


def test_a_committee_member_reads_but_cannot_edit(client_for, committee_member, site, campaign):
    client = client_for(committee_member)
    for url in _routes(site, campaign):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("sites:site_create")).status_code == 403
    assert (
        client.patch(
            f"/api/sites/{site.pk}/", {"name": "X"}, content_type="application/json"
        ).status_code
        == 403
    )


def test_an_officer_records_a_site_and_a_bad_insee_code_is_refused(
    client_for, officer, regeneratis
):
    client = client_for(officer)
    data = {
        "name": "Fonderie",
        "programme_status": "candidate",
        "commune": "Auby",
        "insee_code": "5902",
        "departement": "59",
        "latitude": "50.41",
        "longitude": "3.06",
        "area_ha": "35",
        "site_type": "industrielle",
        "friche_status": "friche sans projet",
        "pollution_status": "inconnu",
        "pollution_risk_score": 3,
        "access_score": 3,
        "ownership_score": 3,
        "planning_score": 3,
        "excavation_cost_per_t": 0,
        "transport_cost_per_t": 0,
        "remediation_cost_avoided": 0,
        "soil_potential_t": 0,
        "eco_catalyst_potential_t": 0,
    }
    refused = client.post(reverse("sites:site_create"), data)
    assert refused.status_code == 200 and 'href="#id_insee_code"' in refused.content.decode()
    assert not Site.objects.exists()
    data["insee_code"] = "59028"
    assert client.post(reverse("sites:site_create"), data).status_code == 302
    assert Site.objects.get().commune == "Auby"


def test_the_ranking_lists_the_sites_best_first_with_the_map_and_the_sensitivity(
    client_for, officer, zinc_site_and_plain_site
):
    zinc, plain = zinc_site_and_plain_site
    content = client_for(officer).get(reverse("sites:ranking")).content.decode()
    table = content[content.index("<tbody>") :]
    assert table.index(zinc.name) < table.index(plain.name)
    assert "375\xa0000 €" in table  # the net value, in French format
    assert "<svg" in content and "1. A — crassier zincifère (Isbergues)" in content
    sensitivity = content[content.index("sensitivity-title") :]
    assert "Cours des métaux −20 %" in sensitivity and "2 sites changent de rang" in sensitivity


def test_the_ranking_goes_page_by_page(client_for, officer, regeneratis, run_outbox, settings):
    from sites import views
    from tests.sites.conftest import make_site

    for number in range(views.PAGE_SIZE + 1):
        make_site(officer, f"Friche {number:02d}", remediation=1000 * number)
    run_outbox()
    client = client_for(officer)
    first = client.get(reverse("sites:ranking")).content.decode()
    second = client.get(reverse("sites:ranking") + "?page=2").content.decode()
    assert "Friche 50" in first and "Friche 00" not in first
    assert "Friche 00" in second and f"<td>{views.PAGE_SIZE + 1}</td>" in second


def test_the_outcomes_feed_an_indicator_linked_to_them(client_for, officer, site, run_outbox):
    from datetime import date
    from decimal import Decimal

    from actionplan.models import Indicator
    from actionplan.services import indicator_update_settings
    from sites.services import outcome_record

    indicator = Indicator.objects.get(code="1.2-1")
    indicator_update_settings(
        actor=officer, indicator=indicator, computed_by="sites.hectares_returned"
    )
    outcome_record(
        actor=officer,
        site=site,
        date=date(2026, 9, 30),
        tonnes_recovered=Decimal(120),
        hectares_returned=Decimal(12),
    )
    run_outbox()
    indicator.refresh_from_db()
    assert indicator.current_value == Decimal(12)


def test_the_ranking_page_follows_a_site_as_soon_as_its_figures_change(
    client_for, officer, zinc_site_and_plain_site, run_outbox
):
    from sites.services import site_save

    zinc, plain = zinc_site_and_plain_site
    client = client_for(officer)

    def order():
        table = client.get(reverse("sites:ranking")).content.decode()
        table = table[table.index("<tbody>") :]
        return sorted([zinc.name, plain.name], key=table.index)

    assert order() == [zinc.name, plain.name]
    site_save(actor=officer, site=plain, remediation_cost_avoided=Decimal(900_000))
    run_outbox()
    assert order() == [plain.name, zinc.name]


def test_years_print_without_a_thousands_separator(client_for, officer, site):
    activity_add(
        actor=officer, site=site, kind=ActivityKind.values[0], start_year=1894, end_year=2003
    )
    client = client_for(officer)
    page = client.get(reverse("sites:site_detail", args=[site.pk])).content.decode()
    assert "1894–2003" in page
    ranking = client.get(reverse("sites:ranking")).content.decode()
    assert "2020–2023" in ranking and "2\xa0020" not in ranking


def test_a_ranking_with_every_weight_at_zero_is_refused_with_a_message(client_for, officer, site):
    zero = {"value": 0, "pollution": 0, "access": 0, "ownership": 0, "planning": 0}
    page = client_for(officer).get(reverse("sites:ranking"), zero).content.decode()
    assert "au moins un critère" in page


def test_a_page_of_the_ranking_alone_shows_no_form_error(client_for, officer, site):
    page = client_for(officer).get(reverse("sites:ranking"), {"page": 2}).content.decode()
    assert "error-summary" not in page


def test_an_insee_code_of_another_departement_is_refused_on_its_field(
    client_for, officer, regeneratis
):
    with pytest.raises(Exception) as refused:
        site_save(
            actor=officer,
            name="Friche",
            commune="Roubaix",
            insee_code="59512",
            departement="62",
            latitude=Decimal("50.69"),
            longitude=Decimal("3.18"),
            area_ha=Decimal(3),
        )
    assert "du département 59" in str(refused.value.message_dict["departement"])
    assert not Site.objects.exists()


@pytest.mark.parametrize("endpoint", ["/api/site-results/", "/api/site-samples/"])
def test_the_laboratory_results_and_samples_api_page_by_cursor_without_counting_every_row(
    client_for, officer, site, campaign, endpoint
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(officer)
    client.get(endpoint)
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(endpoint).json()
    assert "count" not in answer and "next" in answer and "results" in answer
    assert not any("COUNT(" in query["sql"].upper() for query in captured.captured_queries)


def test_an_officer_draws_a_zone_by_its_outline_and_thickness_and_its_volume_follows(
    client_for, officer, site
):
    from sites.models import DepositZone

    response = client_for(officer).post(
        reverse("sites:zone_add", args=[site.pk]),
        {
            "name": "Crassier nord",
            "outline": "683 100 ; 7 050 200\n683 200 ; 7 050 200\n683 200 ; 7 050 250\n"
            "683 100 ; 7 050 250",
            "thickness_m": "3,5",
            "volume_m3": "",
            "density_min_t_m3": "2",
            "density_t_m3": "2,4",
            "density_max_t_m3": "2,9",
        },
    )
    assert response.status_code == 302
    zone = DepositZone.objects.get(name="Crassier nord")
    assert zone.volume_m3 == Decimal("17500.00")  # 100 m × 50 m × 3,5 m
    assert zone.outline[0] == [683100.0, 7050200.0]
    page = client_for(officer).get(reverse("sites:site_detail", args=[site.pk])).content.decode()
    page = page.replace("\u202f", " ").replace("\xa0", " ")  # French thousands separators
    assert "Contour de 4 sommets, 5 000 m² (RGF93 v1 / Lambert-93)" in page
    assert "épaisseur 3,50 m" in page and "Densité entre 2 et 2,90 t/m³." in page


def test_a_mistyped_outline_is_refused_at_its_line_and_nothing_is_saved(client_for, officer, site):
    from sites.models import DepositZone

    response = client_for(officer).post(
        reverse("sites:zone_add", args=[site.pk]),
        {
            "name": "Crassier nord",
            "outline": "683100 ; 7050200\n683200 ; 7050200\n683 200 ; sept millions",
            "thickness_m": "3",
            "density_t_m3": "2,4",
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ligne 3 : « 683 200 ; sept millions » n&#x27;est pas un couple X ; Y en mètres." in (
        content
    )
    assert 'href="#id_outline"' in content
    assert not DepositZone.objects.filter(name="Crassier nord").exists()
