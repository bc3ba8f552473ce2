"""Heavy work on queues of its own: what reaches a person (a receipt) never waits behind it."""

import email
import email.policy
import time

import pytest

from actionplan.models import Report, ReportStatus
from actionplan.services import report_request
from ami.services import dossier_submit
from config.celery import app
from core.tasking import QUEUES, queue_name, route_task
from core.tasks import drain_outbox
from tests.actionplan.helpers import Q3_END, Q3_START

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def _sent_subjects(folder):
    subjects = []
    for path in folder.glob("*.log"):
        for raw in path.read_bytes().split(SEPARATOR):
            if raw.strip():
                message = email.message_from_bytes(raw.strip(), policy=email.policy.default)
                # A folded encoded subject starts with the fold's space.
                subjects.append(str(message["subject"]).strip())
    return subjects


def test_each_heavy_task_is_routed_to_its_own_queue_and_the_drain_to_the_default_one():
    app.loader.import_default_modules()
    expected = {
        "core.tasks.drain_outbox": "portal",
        "actionplan.tasks.generate_report": "portal.reports",
        "core.tasks.build_export": "portal.exports",
        "actionplan.tasks.write_import": "portal.imports",
        "sites.tasks.parse_lab_import": "portal.imports",
        "actionplan.tasks.refresh_all_statuses": "portal.estimates",
    }
    for name, queue in expected.items():
        assert route_task(name, (), {}, {}) == {"queue": queue}, name
    # Every queue named in the table is served by some task, and no task is left unrouted.
    ours = [name for name in app.tasks if not name.startswith("celery.")]
    routed = {route_task(name, (), {}, {})["queue"] for name in ours}
    assert routed == {queue_name(queue) for queue in QUEUES}


def test_a_task_on_a_queue_nobody_declared_is_refused_at_import():
    from core.tasking import portal_task

    with pytest.raises(ValueError, match="unknown queue"):
        portal_task(time_limit=10, queue="elsewhere")


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_receipt_goes_out_within_seconds_while_twenty_reports_are_rendering(
    celery_workers, tmp_path, reference_data, officer, holder_a, draft_a
):
    celery_workers([["portal"], ["reports", "exports", "imports", "estimates"]], email_dir=tmp_path)
    for _ in range(20):
        report_request(actor=officer, period_start=Q3_START, period_end=Q3_END, new_version=True)
    drain_outbox.delay()  # hands the twenty renders to their queue
    deadline = time.monotonic() + 60
    while Report.objects.filter(status=ReportStatus.QUEUED).count() > 19:
        assert time.monotonic() < deadline, "no render started"
        time.sleep(0.2)

    dossier_submit(actor=holder_a, dossier_pk=draft_a.pk)
    submitted = time.monotonic()
    receipt = f"Accusé de réception — {draft_a.reference}"
    while receipt not in _sent_subjects(tmp_path):
        assert time.monotonic() - submitted < 30, "the receipt waited behind the renders"
        drain_outbox.delay()  # what beat sends every few seconds
        time.sleep(0.5)
    waited = time.monotonic() - submitted
    still_to_render = Report.objects.exclude(status=ReportStatus.READY).count()
    print(f"receipt sent {waited:.1f} s after submission, {still_to_render} renders to go")
    # The renders were far from done: the receipt did not wait behind them.
    assert still_to_render >= 10
