from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from ami.models import Call, Phase
from ami.services import call_set_enforceable_date
from core.models import DataFlag

PARIS = ZoneInfo("Europe/Paris")


def test_both_calls_are_loaded_with_their_criteria_and_confidentiality(calls):
    assert list(Call.objects.values_list("code", flat=True)) == ["pmcb", "ressourceries"]
    pmcb = Call.objects.get(code="pmcb")
    assert pmcb.criteria.count() == 6
    assert "confidentialité" in pmcb.confidentiality
    assert "n’a pas pour objet d’attribuer des financements" in pmcb.support_wording


def test_the_impossible_31_february_is_flagged_and_no_date_is_guessed(calls):
    phase_1 = Phase.objects.get(call__code="ressourceries", number=1)
    assert phase_1.closes_at is None and not phase_1.is_open()
    flag = DataFlag.objects.get(object_id=phase_1.pk, code="impossible-date")
    assert "31 février 2026" in flag.evidence[0]["wording"]


def test_phase_2_closes_before_5_june_2026_in_paris(calls):
    phase_2 = Phase.objects.get(call__code="ressourceries", number=2)
    assert phase_2.closes_at == datetime(2026, 6, 5, 0, 0, tzinfo=PARIS)
    assert phase_2.counts_for_indicator


def test_the_pmcb_call_opens_for_three_years_once_an_officer_enters_the_enforceable_date(
    calls, officer
):
    call = Call.objects.get(code="pmcb")
    assert not call.phases.get().has_confirmed_dates
    call_set_enforceable_date(actor=officer, call=call, enforceable_on=date(2025, 7, 1))
    phase = call.phases.get()
    assert phase.opens_at == datetime(2025, 7, 1, tzinfo=PARIS)
    assert phase.closes_at == datetime(2028, 7, 1, tzinfo=PARIS)
    assert (
        DataFlag.objects.get(object_id=call.pk, code="enforceable-date-missing").status
        == DataFlag.Status.CONFIRMED
    )


def test_reloading_the_reference_data_keeps_the_dates_officers_entered(calls, officer):
    from io import StringIO

    from django.core.management import call_command

    call = Call.objects.get(code="pmcb")
    call_set_enforceable_date(actor=officer, call=call, enforceable_on=date(2025, 7, 1))
    call_command("load_reference_data", stdout=StringIO())
    assert call.phases.get().opens_at == datetime(2025, 7, 1, tzinfo=PARIS)


def test_every_criterion_the_calls_state_is_loaded_with_its_wording_and_phase(calls):
    from ami.models import Phase
    from ami.selectors import criteria_for

    pmcb = set(Call.objects.get(code="pmcb").criteria.values_list("code", flat=True))
    assert {"synergies", "taille-pmcb", "portee-geographique"} <= pmcb
    assert "capacite-operateur" not in pmcb
    ressourceries = Call.objects.get(code="ressourceries")
    operator = ressourceries.criteria.get(code="capacite-operateur")
    assert operator.phase_number == 1 and "opérations réalisées" in operator.source_wording
    phase_2 = Phase.objects.get(call=ressourceries, number=2)
    assert "capacite-operateur" not in set(criteria_for(phase_2).values_list("code", flat=True))
    assert all(c.weight == 1 for c in ressourceries.criteria.all())  # weights to be confirmed


def test_the_reuse_call_page_gives_both_objects_all_three_holder_types_and_the_whole_support(
    client, calls
):
    text = client.get(reverse("ami:call_detail", args=["pmcb"])).content.decode()
    for wording in [
        "D’une part d’imaginer, structurer, accompagner et coordonner un réseau de grandes plateformes",
        "D’autre part d’identifier le meilleur outil numérique",
        "aux collectivités locales (et leurs groupements)",
        "aux bailleurs sociaux",
        "(Ecomineraux, Valobat, Ecomaison et Valdelia)",
        "(PO FEDER, Fonds de Transition Juste, ...)",
        "régimes cadres exemptés de notification",
        "Les lauréats de cet AMI devront s’engager à participer à une dynamique de coopération",
    ]:
        assert wording in text, wording


def test_the_ressourceries_call_page_gives_the_phase_two_holder_types_and_both_phases(
    client, calls
):
    text = client.get(reverse("ami:call_detail", args=["ressourceries"])).content.decode()
    for wording in [
        "aux collectivités locales (et leur groupements), aux syndicats de gestion des déchets",
        "aux acteurs économiques : entreprises, acteurs de l’économie sociale et solidaire, éco "
        "organismes concernés",
        "dans un premier temps court, d’identifier les compétences",
        "Réduire significativement les tonnages de déchets enfouis ou incinérés",
    ]:
        assert wording in text, wording


def test_points_to_confirm_on_a_call_are_shown_to_officers_only(client, client_for, calls, officer):
    url = reverse("ami:call_detail", args=["pmcb"])
    assert "identifier le meilleur outil" in client.get(url).content.decode()
    assert "Points à confirmer sur la source" not in client.get(url).content.decode()
    officer_page = client_for(officer).get(url).content.decode()
    assert "Points à confirmer sur la source" in officer_page
    assert "un dossier peut proposer un outil existant" in officer_page


def test_the_api_gives_each_call_its_passages(client, calls):
    body = client.get("/api/calls/pmcb/").json()
    audience = [s["wording"] for s in body["statements"] if s["section"] == "audience"]
    assert "aux bailleurs sociaux" in audience
    assert body["source"]["title"].startswith("Plan d’actions de la Région Hauts-de-France")


def test_confirming_the_impossible_deadline_with_a_date_sets_the_phase_closing(
    client_for, calls, officer
):
    from django.urls import reverse as url_of

    flag = DataFlag.objects.get(code="impossible-date")
    client_for(officer).post(
        url_of("data_flag_resolve", args=[flag.pk]),
        {
            "status": "confirmed",
            "value": "2026-02-28",
            "resolution": "La Région confirme le 28 février 2026.",
        },
    )
    phase = Phase.objects.get(call__code="ressourceries", number=1)
    assert phase.closes_at == datetime(2026, 2, 28, 0, 0, tzinfo=PARIS)
    flag.refresh_from_db()
    assert flag.status == DataFlag.Status.CONFIRMED


def test_confirming_the_enforceable_date_through_its_flag_opens_the_reuse_call(
    client_for, calls, officer
):
    from django.urls import reverse as url_of

    flag = DataFlag.objects.get(code="enforceable-date-missing")
    client_for(officer).post(
        url_of("data_flag_resolve", args=[flag.pk]),
        {"status": "confirmed", "value": "2025-07-01", "resolution": "Délibération reçue."},
    )
    pmcb = Call.objects.get(code="pmcb")
    assert pmcb.enforceable_on == date(2025, 7, 1)
    flag.refresh_from_db()
    assert flag.status == DataFlag.Status.CONFIRMED and flag.resolution == "Délibération reçue."
