from datetime import date, datetime
from zoneinfo import ZoneInfo

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
