"""A report is rendered once and the committee told once, whatever the deliveries, races
and crashes around it."""

import threading
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Report, ReportStatus
from actionplan.services import (
    report_claim,
    report_generate,
    report_schedule_last_quarter,
    report_sweep_abandoned,
)
from actionplan.services.reports import RENDER_LEASE
from actionplan.tasks import generate_report

Q3_START, Q3_END = date(2026, 7, 1), date(2026, 9, 30)


def test_two_deliveries_of_one_generation_give_one_pdf_and_one_committee_notice(
    plan, committee_member, run_outbox
):
    report, _created = report_schedule_last_quarter(today=date(2026, 10, 1))
    generate_report.delay(report.pk)  # the broker delivered the task…
    generate_report.delay(report.pk)  # …and once more (acks_late redelivery)
    run_outbox()  # the outbox's own render message comes too: nothing more happens
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.attempts == 1
    notices = [m for m in mail.outbox if committee_member.email in m.to]
    assert len(notices) == 1


def test_a_render_in_progress_is_not_started_again_by_a_second_delivery(plan, officer):
    report, _created = report_schedule_last_quarter(today=date(2026, 10, 1))
    assert report_claim(report_pk=report.pk) is not None  # a worker is rendering it
    assert report_generate(report_pk=report.pk) is None
    report.refresh_from_db()
    assert (report.status, report.attempts) == (ReportStatus.RENDERING, 1)


def test_a_report_left_rendering_by_a_killed_worker_is_ready_again_within_minutes(
    plan, run_outbox, time_machine
):
    report, _created = report_schedule_last_quarter(today=date(2026, 10, 1))
    report_claim(report_pk=report.pk)  # the worker took it, then was killed mid-render
    assert report_sweep_abandoned() == 0  # its claim still holds
    time_machine.move_to(timezone.now() + RENDER_LEASE + timedelta(seconds=1))
    assert report_sweep_abandoned() == 1  # the periodic sweep (every minute) hands it back
    run_outbox()
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.attempts == 2


@pytest.mark.django_db(transaction=True)
def test_six_officers_asking_for_the_same_period_at_once_get_one_report_and_no_error(
    officer, second_officer
):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them)")
    from io import StringIO

    from django.core.management import call_command

    call_command("load_reference_data", stdout=StringIO())
    start = threading.Barrier(6)
    statuses = []

    def ask(user):
        client = Client()
        client.force_login(user)
        start.wait()
        response = client.post(
            reverse("actionplan:report_create"),
            {"period_start": Q3_START.isoformat(), "period_end": Q3_END.isoformat()},
        )
        statuses.append(response.status_code)
        connection.close()

    threads = [
        threading.Thread(target=ask, args=(officer if n % 2 else second_officer,)) for n in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [302] * 6
    assert Report.objects.count() == 1
