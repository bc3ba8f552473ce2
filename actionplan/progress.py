"""Progress and status of an indicator: pure functions, no database.

Progress is measured from the baseline, not from zero (25 000 → 30 000 jobs:
27 500 is 50 %). Status compares the latest approved value with the expected
trajectory at that value's date: a straight line from the baseline (end of the
baseline year, or the plan's start) to the target (end of the target year, or
the plan's end), with a tolerance band below it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from actionplan.models import Direction, Frequency, Status, TargetKind

ONE = Decimal(1)
ZERO = Decimal(0)
_STALE_AFTER = {Frequency.MONTHLY: 45, Frequency.QUARTERLY: 120, Frequency.YEARLY: 400}
_SEVERITY = [
    Status.ACHIEVED,
    Status.ACHIEVED_LATE,
    Status.ON_TRACK,
    Status.AT_RISK,
    Status.LATE,
    Status.NO_DATA,
    Status.TO_BE_DEFINED,
]


@dataclass(frozen=True)
class Horizon:
    start: date
    end: date


@dataclass(frozen=True)
class Target:
    kind: str
    direction: str = Direction.UP
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    target_value: Decimal | None = None
    target_max: Decimal | None = None
    target_count: int | None = None
    target_year: int | None = None
    target_date: date | None = None
    tolerance: Decimal = Decimal("10")
    frequency: str = Frequency.QUARTERLY
    manual_status: str = ""


@dataclass(frozen=True)
class Observation:
    date: date
    value: Decimal
    count: int | None = None


@dataclass
class Assessment:
    status: str
    progress: Decimal | None = None
    expected: Decimal | None = None
    value: Decimal | None = None
    value_date: date | None = None
    exceeded: bool = False
    stale: bool = False
    parts: list = field(default_factory=list)


def _end_of_year(year):
    return date(year, 12, 31)


def _start_point(target, horizon):
    if target.baseline_year is not None:
        return _end_of_year(target.baseline_year)
    return horizon.start


def end_point(target, horizon):
    if target.target_year is not None:
        return _end_of_year(target.target_year)
    return horizon.end


def expected_at(start_value, end_value, start, end, when):
    """Where the straight trajectory stands on ``when`` (flat before start and after end)."""
    if when <= start or end <= start:
        return start_value if when < end else end_value
    if when >= end:
        return end_value
    fraction = Decimal((when - start).days) / Decimal((end - start).days)
    return start_value + (end_value - start_value) * fraction


def _relative_progress(baseline, target, value):
    if target == baseline:
        return ONE if value >= target else ZERO
    return (value - baseline) / (target - baseline)


def _linear_assessment(target, horizon, observation, baseline, goal):
    """Shared rule for every numeric target: increase, count, percentage, money, area."""
    sign = Decimal(-1) if target.direction == Direction.DOWN else ONE
    progress = _relative_progress(baseline * sign, goal * sign, observation.value * sign)
    start, end = _start_point(target, horizon), end_point(target, horizon)
    expected = expected_at(baseline, goal, start, end, observation.date)
    if progress >= ONE:
        status = Status.ACHIEVED
    else:
        band = abs(goal - baseline) * target.tolerance / Decimal(100)
        shortfall = (expected - observation.value) * sign
        if shortfall <= band:
            status = Status.ON_TRACK
        elif shortfall <= 2 * band:
            status = Status.AT_RISK
        else:
            status = Status.LATE
    return Assessment(
        status=status,
        progress=progress,
        expected=expected,
        value=observation.value,
        value_date=observation.date,
    )


def _worst(statuses):
    return max(statuses, key=_SEVERITY.index)


def assess(
    target: Target, observation: Observation | None, *, today: date, horizon: Horizon
) -> Assessment:
    """Assess one indicator from its latest approved observation (cumulated already if need be)."""
    kind = target.kind
    if kind == TargetKind.TO_BE_DEFINED:
        return Assessment(status=Status.TO_BE_DEFINED)
    if kind == TargetKind.QUALITATIVE:
        return Assessment(status=target.manual_status or Status.NO_DATA)
    if kind == TargetKind.MILESTONE:
        return _assess_milestone(target, observation, today)
    if observation is None:
        return Assessment(status=Status.NO_DATA)

    if kind == TargetKind.INCREASE:
        baseline = target.baseline_value if target.baseline_value is not None else ZERO
        assessment = _linear_assessment(target, horizon, observation, baseline, target.target_value)
    elif kind == TargetKind.RANGE:
        assessment = _linear_assessment(target, horizon, observation, ZERO, target.target_value)
        if observation.value > target.target_max:
            assessment.exceeded = True
    elif kind == TargetKind.MONEY_AND_COUNT:
        assessment = _assess_money_and_count(target, horizon, observation)
    else:  # COUNT, PERCENTAGE, MONEY, AREA: from zero (or the baseline given) at the start
        baseline = target.baseline_value if target.baseline_value is not None else ZERO
        assessment = _linear_assessment(target, horizon, observation, baseline, target.target_value)
    assessment.stale = is_stale(target.frequency, observation.date, today)
    return assessment


def _assess_money_and_count(target, horizon, observation):
    money = _linear_assessment(target, horizon, observation, ZERO, target.target_value)
    count_observation = Observation(observation.date, Decimal(observation.count or 0))
    count = _linear_assessment(
        target, horizon, count_observation, ZERO, Decimal(target.target_count)
    )
    weaker = money if money.progress <= count.progress else count
    return Assessment(
        status=_worst([money.status, count.status]),
        progress=weaker.progress,
        expected=money.expected,
        value=observation.value,
        value_date=observation.date,
        parts=[("money", money), ("count", count)],
    )


def _assess_milestone(target, observation, today):
    """Reached (a value of 1 or more) by its date: achieved; reached after it: achieved late
    (a milestone due « au plus tard le 31/12/2025 » and reached on 15/03/2026 was late)."""
    if observation is not None and observation.value >= ONE:
        late = target.target_date is not None and observation.date > target.target_date
        return Assessment(
            status=Status.ACHIEVED_LATE if late else Status.ACHIEVED,
            progress=ONE,
            value=observation.value,
            value_date=observation.date,
        )
    if target.target_date is not None and today > target.target_date:
        return Assessment(status=Status.LATE, progress=ZERO)
    return Assessment(status=Status.ON_TRACK, progress=ZERO)


def is_stale(frequency, value_date, today):
    return today - value_date > timedelta(days=_STALE_AFTER[frequency])
