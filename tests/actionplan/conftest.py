from datetime import date

import pytest

from actionplan.models import Indicator
from actionplan.services import report_generate, report_request
from tests.actionplan.helpers import Q3_END, Q3_START, approved


@pytest.fixture
def plan(reference_data):
    """The action plan's reference data, loaded as in production."""


@pytest.fixture
def jobs(plan):
    return Indicator.objects.get(code="1.1-1")


@pytest.fixture
def partnerships(plan):
    return Indicator.objects.get(code="1.2-1")


@pytest.fixture
def q3_report(partnerships, officer, second_officer):
    approved(
        partnerships,
        officer,
        second_officer,
        date(2026, 8, 31),
        16,
        comment="Deux conventions CIFRE signées",
    )
    report = report_request(actor=officer, period_start=Q3_START, period_end=Q3_END)
    report_generate(report_pk=report.pk)
    report.refresh_from_db()
    return report
