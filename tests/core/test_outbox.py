"""Follow-up work leaves one way, the outbox: with the broker down, approvals, report
requests and submissions succeed at once; their follow-up runs exactly once when it is back."""

import time
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from actionplan.models import Indicator, MeasurementStatus, Report, ReportStatus, Status
from actionplan.services import measurement_create
from ami.models import DossierStatus
from core.models import OutboxMessage
from core.outbox import outbox_drain, outbox_enqueue, outbox_handler


def _timed(call):
    began = time.monotonic()
    response = call()
    return response, time.monotonic() - began


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_with_redis_down_writes_succeed_at_once_and_their_follow_up_runs_once_it_is_back(
    client_for, officer, second_officer, holder_a, draft_a, broker_down, wait_for_worker
):
    indicator = Indicator.objects.get(code="1.2-1")
    measurement = measurement_create(
        actor=officer,
        indicator=indicator,
        date=date(2026, 9, 30),
        value=Decimal(16),
        source="Bilan",
    )
    with broker_down():
        client = client_for(second_officer)
        approval, approval_time = _timed(
            lambda: client.post(
                reverse("actionplan:measurement_review", args=[measurement.pk]),
                {"decision": "approve"},
            )
        )
        request, request_time = _timed(
            lambda: client.post(
                reverse("actionplan:report_create"),
                {"period_start": "2026-07-01", "period_end": "2026-09-30"},
            )
        )
        client = client_for(holder_a)
        submission, submission_time = _timed(
            lambda: client.post(reverse("ami:dossier_submit", args=[draft_a.pk]))
        )
    assert [approval.status_code, request.status_code, submission.status_code] == [302] * 3
    assert max(approval_time, request_time, submission_time) < 5
    measurement.refresh_from_db()
    draft_a.refresh_from_db()
    report = Report.objects.get()
    assert measurement.status == MeasurementStatus.APPROVED
    assert draft_a.status == DossierStatus.SUBMITTED and draft_a.versions.count() == 1
    assert report.status == ReportStatus.QUEUED
    waiting = set(OutboxMessage.objects.filter(sent_at=None).values_list("kind", flat=True))
    assert {"actionplan.refresh_indicator", "actionplan.render_report", "ami.receipt"} <= waiting

    def all_done():
        report.refresh_from_db()
        return (
            report.status == ReportStatus.READY
            and not OutboxMessage.objects.filter(sent_at=None).exists()
        )

    wait_for_worker(all_done, timeout=120)
    indicator.refresh_from_db()
    assert indicator.current_status == Status.ON_TRACK
    # Exactly once: every message was claimed and handled a single time.
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
    assert report.attempts == 1


_runs = []


@outbox_handler("tests.count_runs")
def _count_runs(*, label):
    _runs.append(label)


def test_two_drains_never_run_the_same_message_twice(db):
    _runs.clear()
    outbox_enqueue("tests.count_runs", label="once")
    assert outbox_drain() == 1
    assert outbox_drain() == 0
    assert _runs == ["once"]


def test_a_message_whose_worker_died_is_taken_up_after_its_claim_expires(db, time_machine):
    from datetime import timedelta

    from django.utils import timezone

    from core.outbox import CLAIM_LEASE, _claim_next

    _runs.clear()
    outbox_enqueue("tests.count_runs", label="again")
    assert _claim_next() is not None  # a worker claimed it, then was killed before finishing
    assert outbox_drain() == 0  # still claimed
    time_machine.move_to(timezone.now() + CLAIM_LEASE + timedelta(seconds=1))
    assert outbox_drain() == 1
    assert _runs == ["again"]
