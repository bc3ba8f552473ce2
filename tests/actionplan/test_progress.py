"""The rules of progress and status, one target kind at a time."""

from datetime import date
from decimal import Decimal as D

import pytest

from actionplan.models import Direction, Frequency, Status, TargetKind
from actionplan.progress import Horizon, Observation, Target, assess, expected_at

PLAN = Horizon(start=date(2025, 1, 1), end=date(2027, 12, 31))
TODAY = date(2026, 11, 22)

JOBS = Target(
    kind=TargetKind.INCREASE,
    baseline_value=D(25000),
    baseline_year=2023,
    target_value=D(30000),
    target_year=2030,
)


def test_progress_counts_from_the_baseline_not_from_zero():
    result = assess(JOBS, Observation(date(2026, 6, 30), D(27500)), today=TODAY, horizon=PLAN)
    assert result.progress == D("0.5")


def test_an_increase_on_its_trajectory_is_on_track():
    # Mid-way between end 2023 and end 2030 the trajectory expects about 27 500.
    midway = date(2027, 7, 2)
    assert (
        abs(expected_at(D(25000), D(30000), date(2023, 12, 31), date(2030, 12, 31), midway) - 27500)
        < 2
    )
    result = assess(JOBS, Observation(midway, D(27300)), today=midway, horizon=PLAN)
    assert result.status == Status.ON_TRACK


def test_an_increase_below_the_band_is_at_risk_then_late():
    when = date(2027, 7, 2)
    at_risk = assess(
        JOBS, Observation(when, D(26800)), today=when, horizon=PLAN
    )  # 700 short, band 500
    late = assess(JOBS, Observation(when, D(26000)), today=when, horizon=PLAN)  # 1 500 short
    assert (at_risk.status, late.status) == (Status.AT_RISK, Status.LATE)


def test_reaching_the_target_early_is_achieved():
    result = assess(JOBS, Observation(date(2026, 1, 1), D(30100)), today=TODAY, horizon=PLAN)
    assert result.status == Status.ACHIEVED and result.progress > 1


def test_a_value_before_the_baseline_year_is_compared_with_the_baseline():
    result = assess(JOBS, Observation(date(2022, 12, 31), D(25000)), today=TODAY, horizon=PLAN)
    assert result.expected == D(25000)
    assert result.status == Status.ON_TRACK
    assert result.progress == 0


def test_a_target_already_met_at_the_baseline_is_achieved_without_dividing_by_zero():
    target = Target(
        kind=TargetKind.INCREASE, baseline_value=D(20), baseline_year=2024, target_value=D(20)
    )
    result = assess(target, Observation(date(2025, 3, 1), D(20)), today=TODAY, horizon=PLAN)
    assert (result.status, result.progress) == (Status.ACHIEVED, 1)


def test_a_decreasing_indicator_progresses_when_the_value_goes_down():
    landfill = Target(
        kind=TargetKind.INCREASE,
        direction=Direction.DOWN,
        baseline_value=D(100),
        baseline_year=2024,
        target_value=D(60),
        target_year=2027,
    )
    result = assess(landfill, Observation(date(2026, 1, 1), D(80)), today=TODAY, horizon=PLAN)
    assert result.progress == D("0.5")
    assert result.status == Status.ON_TRACK
    worse = assess(landfill, Observation(date(2026, 1, 1), D(100)), today=TODAY, horizon=PLAN)
    assert worse.status == Status.LATE


def test_a_count_without_baseline_starts_from_zero_at_the_plan_start_and_uses_the_plan_horizon():
    target = Target(kind=TargetKind.COUNT, target_value=D(30))
    half_way = date(2026, 7, 2)
    result = assess(target, Observation(half_way, D(15)), today=half_way, horizon=PLAN)
    assert result.progress == D("0.5")
    assert result.status == Status.ON_TRACK


def test_no_approved_value_yet_means_no_data():
    assert assess(
        Target(kind=TargetKind.COUNT, target_value=D(12)), None, today=TODAY, horizon=PLAN
    ).status == (Status.NO_DATA)


@pytest.mark.parametrize(
    ("value", "status", "exceeded"),
    [
        (D(17), Status.ACHIEVED, False),
        (D(22), Status.ACHIEVED, True),
        (D(15), Status.ACHIEVED, False),
    ],
)
def test_a_range_is_achieved_inside_and_exceeded_above_not_failed(value, status, exceeded):
    trades = Target(kind=TargetKind.RANGE, target_value=D(15), target_max=D(20))
    result = assess(trades, Observation(date(2026, 6, 1), value), today=TODAY, horizon=PLAN)
    assert (result.status, result.exceeded) == (status, exceeded)


def test_a_range_below_its_minimum_follows_the_trajectory_to_the_minimum():
    trades = Target(kind=TargetKind.RANGE, target_value=D(25), target_max=D(30))
    result = assess(trades, Observation(date(2027, 12, 31), D(10)), today=TODAY, horizon=PLAN)
    assert result.status == Status.LATE and result.progress == D("0.4")


def test_a_percentage_by_a_year_is_read_against_that_year():
    purchases = Target(kind=TargetKind.PERCENTAGE, target_value=D(30), target_year=2030)
    result = assess(purchases, Observation(date(2026, 12, 31), D(12)), today=TODAY, horizon=PLAN)
    assert result.progress == D("0.4")
    assert result.status == Status.ON_TRACK  # 2 years of 6: 10 % expected


def test_money_and_count_must_both_be_met_and_take_the_weaker():
    batteries = Target(kind=TargetKind.MONEY_AND_COUNT, target_value=D(60_000_000), target_count=20)
    observation = Observation(date(2027, 12, 31), D(60_000_000), count=5)
    result = assess(batteries, observation, today=TODAY, horizon=PLAN)
    assert result.progress == D("0.25")
    assert result.status == Status.LATE
    money, count = dict(result.parts)["money"], dict(result.parts)["count"]
    assert money.status == Status.ACHIEVED and count.status == Status.LATE


def test_money_alone_and_area_follow_the_count_rule():
    bricks = Target(kind=TargetKind.MONEY, target_value=D(5_000_000))
    mall = Target(kind=TargetKind.AREA, target_value=D(5000))
    assert assess(
        bricks, Observation(date(2026, 1, 1), D(5_000_000)), today=TODAY, horizon=PLAN
    ).status == (Status.ACHIEVED)
    assert assess(
        mall, Observation(date(2026, 1, 1), D(1000)), today=TODAY, horizon=PLAN
    ).progress == D("0.2")


def test_a_milestone_is_late_once_its_date_passes_without_evidence():
    meeting = Target(kind=TargetKind.MILESTONE, target_date=date(2025, 12, 31))
    assert assess(meeting, None, today=date(2025, 6, 1), horizon=PLAN).status == Status.ON_TRACK
    assert assess(meeting, None, today=date(2026, 1, 1), horizon=PLAN).status == Status.LATE
    done = assess(meeting, Observation(date(2025, 10, 1), D(1)), today=TODAY, horizon=PLAN)
    assert done.status == Status.ACHIEVED


def test_a_milestone_reached_after_its_date_is_achieved_late():
    meeting = Target(kind=TargetKind.MILESTONE, target_date=date(2025, 12, 31))
    reached = assess(meeting, Observation(date(2026, 3, 15), D(1)), today=TODAY, horizon=PLAN)
    assert reached.status == Status.ACHIEVED_LATE and reached.progress == D(1)
    on_the_day = assess(meeting, Observation(date(2025, 12, 31), D(1)), today=TODAY, horizon=PLAN)
    assert on_the_day.status == Status.ACHIEVED


def test_a_qualitative_target_shows_the_officers_manual_status():
    network = Target(kind=TargetKind.QUALITATIVE, manual_status=Status.AT_RISK)
    assert assess(network, None, today=TODAY, horizon=PLAN).status == Status.AT_RISK
    assert (
        assess(Target(kind=TargetKind.QUALITATIVE), None, today=TODAY, horizon=PLAN).status
        == Status.NO_DATA
    )


def test_a_target_to_be_defined_says_so_whatever_the_values():
    target = Target(kind=TargetKind.TO_BE_DEFINED)
    assert (
        assess(target, Observation(TODAY, D(5)), today=TODAY, horizon=PLAN).status
        == Status.TO_BE_DEFINED
    )


def test_a_value_older_than_its_reporting_frequency_is_stale():
    target = Target(kind=TargetKind.COUNT, target_value=D(10), frequency=Frequency.QUARTERLY)
    old = assess(target, Observation(date(2026, 3, 31), D(5)), today=TODAY, horizon=PLAN)
    fresh = assess(target, Observation(date(2026, 9, 30), D(5)), today=TODAY, horizon=PLAN)
    assert old.stale and not fresh.stale
