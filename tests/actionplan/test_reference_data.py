from datetime import date
from decimal import Decimal

from actionplan.models import Action, FundingSource, Indicator, PlanSetting, TargetKind
from core.models import DataFlag


def test_every_action_from_1_1_to_3_7_is_loaded_with_its_indicators(plan):
    codes = list(Action.objects.values_list("code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4"] + [
        f"3.{n}" for n in range(1, 8)
    ]
    assert not Action.objects.filter(indicators__isnull=True).exists()
    assert Indicator.objects.count() == 34


def test_the_jobs_target_is_transcribed_with_its_baseline_and_years(jobs):
    assert (jobs.baseline_value, jobs.baseline_year, jobs.target_value, jobs.target_year) == (
        Decimal(25000),
        2023,
        Decimal(30000),
        2030,
    )
    assert jobs.monitoring_wording == "De 25 000 emplois en 2023 à 30 000 emplois en 2030"


def test_starred_indicators_are_targets_to_be_defined_not_missing_rows(plan):
    starred = Indicator.objects.filter(target_kind=TargetKind.TO_BE_DEFINED)
    assert sorted(starred.values_list("code", flat=True)) == ["1.1-2", "1.1-3", "1.1-4", "1.1-5"]
    assert all(
        DataFlag.objects.filter(object_id=i.pk, code="tbd-owner-missing").exists() for i in starred
    )


def test_money_and_count_targets_keep_both_figures(plan):
    batteries = Indicator.objects.get(code="3.1-1")
    assert (batteries.target_kind, batteries.target_value, batteries.target_count) == (
        TargetKind.MONEY_AND_COUNT,
        Decimal(60_000_000),
        20,
    )


def test_the_surface_that_differs_between_text_and_table_is_flagged_for_an_officer(plan):
    mall = Indicator.objects.get(code="3.7-1")
    flag = DataFlag.objects.get(object_id=mall.pk, code="area-differs")
    wordings = [item["wording"] for item in flag.evidence]
    assert any("5 000 m²" in wording for wording in wordings)
    assert any("6 000 m2" in wording for wording in wordings)
    assert flag.status == DataFlag.Status.OPEN


def test_the_plan_start_is_not_guessed_but_flagged(plan):
    setting = PlanSetting.objects.get()
    assert setting.start_date is None and setting.envelope == Decimal(250_000_000)
    assert DataFlag.objects.filter(code="plan-start-missing").exists()


def test_the_funding_sources_add_up_to_the_250_million_envelope(plan):
    total = sum(source.envelope or 0 for source in FundingSource.objects.filter(is_leverage=False))
    assert total == Decimal(250_000_000)


def test_propositions_carry_their_lifecycle_tags_and_the_ambiguous_ones_are_flagged(plan):
    assert Action.objects.get(code="3.3").lifecycle == ["AMONT", "USAGE", "AVAL"]
    assert Action.objects.get(code="1.1").lifecycle == []
    # Axes I–II and the seven propositions: the margin markers are read, never trusted.
    assert DataFlag.objects.filter(code="lifecycle-unattributed").count() == 16
    flag = DataFlag.objects.get(
        code="lifecycle-unattributed", object_id=Action.objects.get(code="3.3").pk
    )
    assert "Lecture provisoire : AMONT, USAGE, AVAL." in flag.message


def test_the_points_the_text_leaves_open_are_flagged_with_their_wording(plan, calls):
    codes = set(DataFlag.objects.values_list("code", flat=True))
    assert {
        "milestone-year-only",  # « d'ici 2027 »
        "deadline-time-missing",  # « avant le 5 juin 2026 »
        "amount-missing",  # FEAMPA
        "available-not-envelope",  # « 180 M€ disponibles »
        "cadence-missing",  # the COPIL
        "text-only-target",  # PLPDMA 100 %, the deposit campaign, 25 cells and 200 m²
    } <= codes
    assert DataFlag.objects.filter(code="text-only-target").count() == 3
    wordings = [
        item["wording"]
        for evidence in DataFlag.objects.values_list("evidence", flat=True)
        for item in evidence
    ]
    assert any("d'ici 2027" in w for w in wordings)
    assert any(w == "FTJ (180 M€ disponibles)" for w in wordings)


def test_an_officers_lifecycle_tags_survive_a_reload(plan, officer):
    from io import StringIO

    from django.core.management import call_command

    from actionplan.services import action_set_lifecycle

    action = Action.objects.get(code="3.3")
    action_set_lifecycle(actor=officer, action=action, tags=["AVAL"])
    call_command("load_reference_data", stdout=StringIO())
    action.refresh_from_db()
    assert action.lifecycle == ["AVAL"]


def test_the_reuse_platform_and_ressourcerie_indicators_are_computed_from_the_calls(plan):
    computed = dict(Indicator.objects.exclude(computed_by="").values_list("code", "computed_by"))
    assert computed == {
        "3.4-1": "ami.retained_reuse_platforms",
        "3.6-1": "ami.retained_ressourceries",
    }


def test_the_eit_meeting_milestone_is_due_at_the_end_of_2025(plan):
    assert Indicator.objects.get(code="1.4-3").target_date == date(2025, 12, 31)
