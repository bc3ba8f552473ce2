"""Where an indicator's trend leads by its target date, and how likely its target is met.

Pure functions, no database: the status refresh stores their answer on the indicator and
the quarterly report computes them as at the period's end, from the same series.

Method: a **Theil–Sen line** (the median of the slopes between every pair of points, Theil
1950, Sen 1968) through the approved values, and a **Student prediction interval** around
it, its scale the residuals' root mean square over ``n − 2``.

Why this method: the series are short (quarterly values over three years: 5 to 16 points)
and are corrected now and then (a late count, a re-based figure). A least-squares line is
pulled by one such point; Theil–Sen ignores up to 29 % of them and assumes nothing about the
noise's distribution, and it is the usual trend estimator of public monitoring series
(Mann–Kendall / Sen's slope). A damped trend (Holt) needs more points than these series
have to estimate its damping. The interval is the textbook one of a straight-line
prediction (it widens with the distance to the points' centre), with ``n − 2`` degrees of
freedom: with five points it is wide, as it should be. The scale is not made robust as the
line is: a misread point widens the interval instead of tilting the line, and on these short
series the median absolute deviation is too unsteady (the backtest measured about 70 %
coverage of the « 80 % » interval with it, about 80 % with the root mean square).

What it does not know: a cumulative count grows by steps whose noise adds up (a random
walk), which a line with independent noise underestimates far ahead; a target the
officers expect to reach by one late batch (a call's decisions) shows a low probability
until the batch is recorded. The page says the projection prolongs the trend, no more.

``make bench`` backtests the method on synthetic series with a known line and noise and
prints how often the 80 % interval holds the true value (``backtest``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from actionplan.models import Direction, TargetKind
from actionplan.progress import Horizon, Target, end_point

MIN_POINTS = 5
# The trend is fitted on the latest values only: five years of monthly figures describe where
# the plan is heading better than its first years do, and Theil–Sen's cost grows with the
# square of the count (a report recomputes every indicator's projection as of its period).
MAX_POINTS = 60
LEVEL = 0.8
DAYS_PER_YEAR = 365.25
PATH_STEPS = 8


class State:
    OK = "ok"
    TOO_FEW = "too_few"
    NOT_APPLICABLE = "not_applicable"
    PAST_DUE = "past_due"


@dataclass(frozen=True)
class Trend:
    """A fitted line with what its prediction interval needs (time in years from ``origin``)."""

    origin: date
    intercept: float
    slope: float
    scale: float
    n: int
    mean_t: float
    sxx: float

    def _t(self, day: date) -> float:
        return (day - self.origin).days / DAYS_PER_YEAR

    def predictive(self, day: date) -> tuple[float, float]:
        """The projected value on ``day`` and the standard error of a value observed then."""
        t = self._t(day)
        spread = 1 + 1 / self.n + ((t - self.mean_t) ** 2 / self.sxx if self.sxx else 0)
        return self.intercept + self.slope * t, self.scale * math.sqrt(spread)

    def probability_at_least(self, day: date, goal: float) -> float:
        value, error = self.predictive(day)
        if error == 0:
            return 1.0 if value >= goal else 0.0
        from scipy import stats  # loaded by the worker that computes, not at every boot

        return float(stats.t.sf((goal - value) / error, df=self.n - 2))

    def interval(self, day: date, level: float = LEVEL) -> tuple[float, float, float]:
        from scipy import stats  # loaded by the worker that computes, not at every boot

        value, error = self.predictive(day)
        half = float(stats.t.ppf(0.5 + level / 2, df=self.n - 2)) * error
        return value, value - half, value + half


def fit_trend(points: Sequence[tuple[date, float]]) -> Trend:
    """The Theil–Sen line through ``points`` (at least three, in any order).

    Worked example: five quarters rising by 10 a quarter, one of them misread,

    >>> from datetime import date
    >>> days = [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31),
    ...         date(2026, 3, 31)]
    >>> trend = fit_trend(list(zip(days, [100.0, 110.0, 190.0, 130.0, 140.0])))
    >>> round(trend.slope)  # per year: the misread 190 does not bend the line
    40
    >>> round(trend.predictive(date(2026, 12, 31))[0])
    170
    """
    from scipy import stats  # loaded by the worker that computes, not at every boot

    if len(points) < 3:
        raise ValueError("a trend needs three points or more")
    origin = min(day for day, _value in points)
    ts = [(day - origin).days / DAYS_PER_YEAR for day, _value in points]
    ys = [float(value) for _day, value in points]
    # « joint »: the intercept is the median of y − slope·t, which a misread point does not
    # move (the median of y, then of t, would).
    slope, intercept, _low, _high = stats.theilslopes(ys, ts, method="joint")
    residuals = [y - (intercept + slope * t) for t, y in zip(ts, ys, strict=True)]
    n = len(points)
    scale = math.sqrt(sum(r * r for r in residuals) / (n - 2))
    mean_t = sum(ts) / n
    return Trend(
        origin=origin,
        intercept=float(intercept),
        slope=float(slope),
        scale=scale,
        n=n,
        mean_t=mean_t,
        sxx=sum((t - mean_t) ** 2 for t in ts),
    )


def _reaches_goal(target: Target, value: Trend, _count: Trend | None, day: date) -> float:
    goal = float(target.target_value)  # type: ignore[arg-type]  # checked by ``forecast``
    if target.direction == Direction.DOWN:
        return 1.0 - value.probability_at_least(day, goal)
    return value.probability_at_least(day, goal)


def _reaches_both(target: Target, money: Trend, count: Trend | None, day: date) -> float:
    # The product assumes the two independent; more projects usually bring more money, so the
    # true chance of meeting both is somewhat higher: the figure errs on the side of caution.
    assert count is not None  # noqa: S101  # nosec B101  (``needs_count`` below)
    reached = money.probability_at_least(day, float(target.target_value))  # type: ignore[arg-type]
    return reached * count.probability_at_least(day, float(target.target_count or 0))


@dataclass(frozen=True)
class KindRule:
    """How the probability of meeting a target is read from the projections: the same rule
    as the status (``progress.assess``) says the target is met."""

    probability: Callable[[Target, Trend, Trend | None, date], float]
    needs_count: bool = False


# ``None``: the kind has no trajectory to prolong (« sans objet »). A kind missing here is an
# error, not a default.
KIND_RULES: dict[str, KindRule | None] = {
    TargetKind.INCREASE: KindRule(_reaches_goal),
    TargetKind.COUNT: KindRule(_reaches_goal),
    # « 15 à 20 métiers » is met from 15 on; above 20 the target is marked as exceeded.
    TargetKind.RANGE: KindRule(_reaches_goal),
    TargetKind.PERCENTAGE: KindRule(_reaches_goal),
    TargetKind.MONEY: KindRule(_reaches_goal),
    TargetKind.AREA: KindRule(_reaches_goal),
    TargetKind.MONEY_AND_COUNT: KindRule(_reaches_both, needs_count=True),
    TargetKind.MILESTONE: None,
    TargetKind.QUALITATIVE: None,
    TargetKind.TO_BE_DEFINED: None,
}


@dataclass(frozen=True)
class Forecast:
    state: str
    points: int = 0
    target_date: date | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    probability: float | None = None
    # The projection from the last value to the target date, as (date, value, low, high).
    path: list[tuple[date, float, float, float]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "state": self.state,
            "points": self.points,
            "target_date": self.target_date.isoformat() if self.target_date else None,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "probability": self.probability,
            "level": LEVEL,
            "path": [[day.isoformat(), v, lo, hi] for day, v, lo, hi in self.path],
        }


def _rule_of(kind: str) -> KindRule | None:
    try:
        return KIND_RULES[kind]
    except KeyError:
        raise ValueError(f"no forecast rule for the target kind {kind!r}") from None


def forecast(
    target: Target,
    series: Sequence[tuple[date, object, int | None]],
    *,
    horizon: Horizon,
    as_of: date,
) -> Forecast:
    """The projection of ``series`` (approved ``(date, value, count)`` up to ``as_of``) to the
    target's date, its 80 % interval and the probability that the target is met then.

    Worked example: 30 partnerships by the end of 2027, 4 a quarter since 2025,

    >>> from datetime import date
    >>> from actionplan.progress import Horizon, Target
    >>> days = [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31),
    ...         date(2026, 3, 31), date(2026, 6, 30)]
    >>> series = [(day, 4 * (i + 1) + (1 if i % 2 else -1), None) for i, day in enumerate(days)]
    >>> result = forecast(Target(kind="count", target_value=30), series,
    ...                   horizon=Horizon(date(2025, 1, 1), date(2027, 12, 31)),
    ...                   as_of=date(2026, 7, 1))
    >>> result.state, result.target_date, round(result.value)
    ('ok', datetime.date(2027, 12, 31), 48)
    >>> bool(result.low < 30 < result.value < result.high), bool(result.probability > 0.9)
    (False, True)
    >>> forecast(Target(kind="count", target_value=30), series[:4],
    ...          horizon=Horizon(date(2025, 1, 1), date(2027, 12, 31)), as_of=date(2026, 7, 1)).state
    'too_few'
    """
    rule = _rule_of(target.kind)
    points = [(day, value, count) for day, value, count in series if day <= as_of]
    if rule is None or target.target_value is None:
        return Forecast(state=State.NOT_APPLICABLE, points=len(points))
    due = end_point(target, horizon)
    if len(points) < MIN_POINTS:
        return Forecast(state=State.TOO_FEW, points=len(points), target_date=due)
    last_day = points[-1][0]
    if due <= last_day:
        return Forecast(state=State.PAST_DUE, points=len(points), target_date=due)
    recent = points[-MAX_POINTS:]
    money = fit_trend([(day, float(value)) for day, value, _count in recent])
    counts = [(day, float(count)) for day, _value, count in recent if count is not None]
    count = fit_trend(counts) if len(counts) >= MIN_POINTS else None
    if rule.needs_count and count is None:
        return Forecast(state=State.TOO_FEW, points=len(counts), target_date=due)
    value, low, high = money.interval(due)
    step = (due - last_day) / PATH_STEPS
    path = [(day, *money.interval(day)) for day in (last_day + step * i for i in range(PATH_STEPS))]
    path.append((due, value, low, high))
    return Forecast(
        state=State.OK,
        points=len(points),
        target_date=due,
        value=value,
        low=low,
        high=high,
        probability=rule.probability(target, money, count, due),
        path=path,
    )


@dataclass(frozen=True)
class Backtest:
    series: int
    covered: int
    brier: float
    met_share: float
    mean_probability: float

    @property
    def coverage(self) -> float:
        return self.covered / self.series


def backtest(*, series: int = 400, seed: int = 2026, noise: str = "normal") -> Backtest:
    """Forecast ``series`` synthetic quarterly series of 5 to 16 points, each a known line plus
    noise (``normal`` or heavy-tailed ``student3``), 1 to 8 quarters ahead, and count how often
    the 80 % interval holds the value then observed; the probability of exceeding a goal set
    near the projection is scored too (Brier score, and mean probability against the share met).

    >>> result = backtest(series=200, seed=7)
    >>> bool(0.7 <= result.coverage <= 0.9)
    True
    """
    draw = random.Random(seed)  # nosec B311  (synthetic series, seeded to be repeatable)
    covered = 0
    brier = 0.0
    met = 0
    probabilities = 0.0
    start = date(2025, 1, 1)

    def shock() -> float:
        if noise == "normal":
            return draw.gauss(0, 1)
        return draw.gauss(0, 1) / math.sqrt(draw.gammavariate(1.5, 2) / 3)  # Student, 3 d.f.

    for _ in range(series):
        n = draw.randint(MIN_POINTS, 16)
        intercept, slope = draw.uniform(0, 1000), draw.uniform(-50, 200)
        sigma = draw.uniform(5, 80)
        ahead = draw.randint(1, 8)
        line = [intercept + slope * quarter / 4 for quarter in range(n + ahead)]
        days = [start + timedelta(days=round(91.3 * q)) for q in range(n + ahead)]
        points = [(days[q], line[q] + sigma * shock(), None) for q in range(n)]
        due, truth = days[-1], line[-1] + sigma * shock()
        goal = line[-1] + draw.uniform(-2, 2) * sigma
        result = forecast(
            Target(kind=TargetKind.COUNT, target_value=Decimal(str(goal))),
            points,
            horizon=Horizon(start, due),
            as_of=days[n - 1],
        )
        assert result.low is not None and result.high is not None  # noqa: S101  # nosec B101
        assert result.probability is not None  # noqa: S101  # nosec B101
        covered += result.low <= truth <= result.high
        reached = truth >= goal
        met += reached
        probabilities += result.probability
        brier += (result.probability - reached) ** 2
    return Backtest(
        series=series,
        covered=covered,
        brier=brier / series,
        met_share=met / series,
        mean_probability=probabilities / series,
    )
