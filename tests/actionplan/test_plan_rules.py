"""Rules of the plan mended: any start date, shares bounded to 0–100 %, late milestones."""

import doctest
from datetime import date

import pytest
from django.urls import reverse

from actionplan import selectors
from actionplan.models import Indicator, PlanSetting


def test_the_worked_examples_of_the_horizon_hold():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner()
    for test in finder.find(selectors.horizon_end, "horizon_end", globs=vars(selectors)):
        runner.run(test)
    assert runner.failures == 0 and runner.tries == 3


@pytest.mark.parametrize("start", [date(2024, 2, 29), date(2024, 12, 31), date(2025, 1, 1)])
def test_the_plan_and_its_indicators_answer_whatever_the_start_date(
    client_for, plan, officer, start
):
    setting = PlanSetting.objects.get()
    setting.start_date = start
    setting.save()
    client = client_for(officer)
    assert client.get(reverse("actionplan:dashboard")).status_code == 200
    for code in ("1.1-1", "1.5-1", "3.1-1"):
        if Indicator.objects.filter(code=code).exists():
            page = client.get(reverse("actionplan:indicator_detail", args=[code]))
            assert page.status_code == 200, code


@pytest.mark.parametrize(
    ("value", "refused"),
    [("-5", True), ("150", True), ("100.5", True), ("0", False), ("100", False), ("30", False)],
)
def test_a_share_is_bounded_to_0_and_100_percent_with_a_clear_message(
    client_for, plan, officer, value, refused
):
    response = client_for(officer).post(
        "/api/measurements/",
        {
            "indicator": "1.5-1",
            "date": "2026-09-30",
            "value": value,
            "source": "Bilan des achats",
            "nature": "measured",
        },
        content_type="application/json",
    )
    if refused:
        assert response.status_code == 400
        assert "entre 0 et 100" in " ".join(response.json()["value"])
    else:
        assert response.status_code == 201, response.content
