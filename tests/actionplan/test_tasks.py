from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from actionplan.models import Indicator, Reminder, Status
from actionplan.services import measurement_approve, measurement_create, measurement_reminders_send
from actionplan.tasks import refresh_all_statuses


def test_reminders_reach_the_owner_once_when_a_measurement_is_overdue(
    partnerships, officer, run_outbox
):
    partnerships.owner = officer
    partnerships.save()
    measurement_reminders_send(today=date(2026, 11, 22))
    measurement_reminders_send(today=date(2026, 11, 23))
    run_outbox()
    overdue = [m for m in mail.outbox if "1.2-1" in m.subject]
    assert len(overdue) == 1
    assert overdue[0].to == [officer.email]
    assert "Mesure en retard" in overdue[0].subject
    assert Reminder.objects.filter(indicator=partnerships, kind="overdue").count() == 1


def test_no_reminder_for_an_indicator_without_owner_or_computed_from_the_calls(plan, run_outbox):
    measurement_reminders_send(today=date(2026, 11, 22))
    run_outbox()
    assert mail.outbox == []


def test_the_nightly_job_turns_a_milestone_late_once_its_date_passes(plan, time_machine):
    milestone = Indicator.objects.get(code="1.4-5")
    time_machine.move_to(date(2028, 1, 2))
    refresh_all_statuses.delay()
    milestone.refresh_from_db()
    assert milestone.current_status == Status.LATE


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_approval_recomputes_the_status_on_the_real_worker(
    wait_for_worker, officer, second_officer
):
    call_command("load_reference_data", stdout=StringIO())
    indicator = Indicator.objects.get(code="1.2-1")
    measurement = measurement_create(
        actor=officer,
        indicator=indicator,
        date=date(2026, 9, 30),
        value=Decimal(16),
        source="Bilan",
    )
    measurement_approve(actor=second_officer, measurement=measurement)

    def refreshed():
        indicator.refresh_from_db()
        return indicator.current_status != Status.NO_DATA

    wait_for_worker(refreshed, timeout=30)
    assert indicator.current_status == Status.ON_TRACK
    assert indicator.current_value == Decimal(16)
