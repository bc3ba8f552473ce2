"""« Will we make it? »: the projection of each target, its 80 % interval and its probability."""

import doctest
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from actionplan import forecast as forecast_module
from actionplan.forecast import KIND_RULES, State, backtest, fit_trend, forecast
from actionplan.models import Direction, TargetKind
from actionplan.progress import Horizon, Target
from actionplan.reports import build_snapshot, summary
from actionplan.services import report_generate, report_request
from actionplan.templatetags import plan as plan_tags
from tests.actionplan.helpers import Q3_END, Q3_START, approved
from tests.pdf import pdf_text

HORIZON = Horizon(date(2025, 1, 1), date(2027, 12, 31))
QUARTER_ENDS = [
    date(2025, 3, 31),
    date(2025, 6, 30),
    date(2025, 9, 30),
    date(2025, 12, 31),
    date(2026, 3, 31),
    date(2026, 6, 30),
]


def _series(values, counts=None):
    counts = counts or [None] * len(values)
    return [
        (day, Decimal(value), count)
        for day, value, count in zip(QUARTER_ENDS, values, counts, strict=False)
    ]


def test_the_worked_examples_of_the_forecast_hold():
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    for module in (forecast_module, plan_tags):
        for test in finder.find(module):
            runner.run(test)
    assert runner.failures == 0 and runner.tries >= 10


@pytest.mark.parametrize("noise", ["normal", "student3"])
def test_the_80_percent_interval_holds_the_value_later_observed_about_80_percent_of_the_time(
    noise,
):
    # 300 synthetic series with a known line and noise, forecast 1 to 8 quarters ahead.
    result = backtest(series=300, seed=11, noise=noise)
    assert 0.70 <= result.coverage <= 0.90, result
    # The probabilities are calibrated: on average as often met as they say.
    assert abs(result.mean_probability - result.met_share) < 0.08, result


def test_a_misread_value_does_not_bend_the_line():
    clean = fit_trend([(day, 10.0 * i) for i, day in enumerate(QUARTER_ENDS)])
    misread = fit_trend(
        [(day, 10.0 * i + (90 if i == 2 else 0)) for i, day in enumerate(QUARTER_ENDS)]
    )
    assert misread.slope == pytest.approx(clean.slope, rel=0.05)


def test_a_target_the_trend_reaches_early_is_likely_met_and_one_it_leaves_behind_is_not():
    target = Target(kind=TargetKind.COUNT, target_value=Decimal(30))
    ahead = forecast(
        target, _series([3, 7, 9, 13, 15, 19]), horizon=HORIZON, as_of=date(2026, 7, 1)
    )
    behind = forecast(target, _series([1, 3, 4, 6, 7, 9]), horizon=HORIZON, as_of=date(2026, 7, 1))
    assert ahead.state == behind.state == State.OK
    assert ahead.probability > 0.9 and behind.probability < 0.1
    assert ahead.low < ahead.value < ahead.high
    # The band widens as the projection goes further from the values it stands on.
    widths = [high - low for _day, _value, low, high in ahead.path]
    assert widths == sorted(widths)


def test_a_target_to_lower_is_met_when_the_trend_goes_under_it():
    target = Target(kind=TargetKind.INCREASE, target_value=Decimal(50), direction=Direction.DOWN)
    falling = forecast(
        target, _series([100, 94, 89, 85, 79, 74]), horizon=HORIZON, as_of=date(2026, 7, 1)
    )
    assert falling.probability > 0.9


def test_money_and_count_are_both_needed_and_the_count_can_hold_it_back():
    target = Target(kind=TargetKind.MONEY_AND_COUNT, target_value=Decimal(1000), target_count=20)
    money = [100, 200, 300, 400, 500, 600]
    enough = forecast(
        target, _series(money, [2, 4, 6, 8, 10, 12]), horizon=HORIZON, as_of=date(2026, 7, 1)
    )
    too_few_projects = forecast(
        target, _series(money, [1, 1, 2, 2, 3, 3]), horizon=HORIZON, as_of=date(2026, 7, 1)
    )
    assert enough.probability > 0.9
    assert too_few_projects.probability < 0.1
    without_counts = forecast(target, _series(money), horizon=HORIZON, as_of=date(2026, 7, 1))
    assert without_counts.state == State.TOO_FEW


def test_fewer_than_five_values_a_milestone_and_a_passed_date_give_no_projection():
    count = Target(kind=TargetKind.COUNT, target_value=Decimal(30))
    assert forecast(
        count, _series([1, 2, 3, 4]), horizon=HORIZON, as_of=date(2026, 7, 1)
    ).state == (State.TOO_FEW)
    milestone = Target(kind=TargetKind.MILESTONE, target_date=date(2025, 12, 31))
    assert forecast(milestone, _series([0] * 6), horizon=HORIZON, as_of=date(2026, 7, 1)).state == (
        State.NOT_APPLICABLE
    )
    due_last_year = Target(kind=TargetKind.COUNT, target_value=Decimal(30), target_year=2025)
    assert (
        forecast(
            due_last_year, _series([1, 2, 3, 4, 5, 6]), horizon=HORIZON, as_of=date(2026, 7, 1)
        ).state
        == State.PAST_DUE
    )


def test_every_target_kind_has_its_rule_and_an_unknown_kind_is_an_error():
    assert set(KIND_RULES) == set(TargetKind.values)
    with pytest.raises(ValueError, match="no forecast rule"):
        forecast(Target(kind="guess"), [], horizon=HORIZON, as_of=date(2026, 7, 1))


def _quarterly(indicator, officer, second_officer, values, first=date(2025, 3, 31)):
    day = first
    for value in values:
        approved(indicator, officer, second_officer, day, value)
        day = (day + timedelta(days=95)).replace(day=1) - timedelta(days=1)


def test_an_officer_reads_the_projection_and_its_probability_on_the_indicator_page(
    client_for, officer, second_officer, partnerships, run_outbox
):
    _quarterly(partnerships, officer, second_officer, [1, 3, 4, 6, 7, 9])
    run_outbox()  # the status refresh computes the forecast, not the request
    partnerships.refresh_from_db()
    assert partnerships.forecast["state"] == "ok"

    page = client_for(officer).get(reverse("actionplan:indicator_detail", args=["1.2-1"]))
    content = page.content.decode()
    assert "Probabilité d'atteindre la cible à l'échéance : moins de 1 %" in content
    assert "intervalle à 80 %" in content
    assert 'stroke-dasharray="10 3 2 3"' in content  # the projection drawn on the same chart

    dashboard = client_for(officer).get(reverse("actionplan:dashboard")).content.decode()
    assert "Chance d'atteindre la cible" in dashboard

    api = client_for(officer).get("/api/indicators/", {"code": "1.2-1"}).json()
    row = next(item for item in api["results"] if item["code"] == "1.2-1")
    assert row["forecast"]["state"] == "ok"
    assert row["forecast"]["probability"] < 0.01
    assert row["forecast"]["low"] < row["forecast"]["value"] < row["forecast"]["high"]


def test_an_indicator_with_four_values_says_why_it_has_no_projection(
    client_for, officer, second_officer, partnerships, run_outbox
):
    _quarterly(partnerships, officer, second_officer, [1, 3, 4, 6])
    run_outbox()
    content = (
        client_for(officer)
        .get(reverse("actionplan:indicator_detail", args=["1.2-1"]))
        .content.decode()
    )
    assert "Pas assez de données pour une projection : 4 valeurs approuvées, il en faut 5." in (
        content
    )
    api = client_for(officer).get("/api/indicators/").json()
    row = next(item for item in api["results"] if item["code"] == "1.2-1")
    assert row["forecast"] == {
        "state": "too_few",
        "points": 4,
        "target_date": "2027-12-31",
        "value": None,
        "low": None,
        "high": None,
        "probability": None,
        "level": 0.8,
    }


def test_the_report_lists_the_targets_at_risk_of_being_missed_with_their_chance(
    officer, second_officer, partnerships, run_outbox
):
    _quarterly(partnerships, officer, second_officer, [1, 3, 4, 6, 7, 9, 10])
    approved(partnerships, officer, second_officer, date(2026, 10, 31), 30)  # after the quarter
    snapshot = build_snapshot(Q3_START, Q3_END)
    at_risk = summary(snapshot)["at_risk"]
    assert [entry["code"] for entry in at_risk] == ["1.2-1"]
    # As at the period's end: the value dated after it does not count.
    assert at_risk[0]["forecast"]["points"] == 7

    report = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)
    report_generate(report_pk=report.pk)
    report.refresh_from_db()
    text = pdf_text(report.pdf.read()).replace("\u202f", " ").replace("\xa0", " ")
    assert "Cibles en risque d'être manquées" in text
    assert "1.2-1 Nombre de partenariats recherche/entreprises" in text
    assert "moins de 1 %" in text


def test_the_trend_follows_the_latest_sixty_values_not_the_first_years():
    from datetime import date

    from actionplan.forecast import MAX_POINTS, forecast
    from actionplan.progress import Horizon, Target

    # Ten years flat at 100, then five years rising by 12 a year (one a month).
    months = [date(2010 + m // 12, m % 12 + 1, 28) for m in range(180)]
    values = [100.0 if m < 120 else 100.0 + (m - 119) for m in range(180)]
    result = forecast(
        Target(kind="count", target_value=200),
        [(day, value, None) for day, value in zip(months, values, strict=True)],
        horizon=Horizon(date(2010, 1, 1), date(2027, 12, 31)),
        as_of=date(2025, 1, 1),
    )
    assert MAX_POINTS == 60 and result.points == 180
    # The last value (160 at the end of 2024) plus three years at 12 a year: about 196.
    assert 190 < result.value < 200
