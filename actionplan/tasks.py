"""Celery tasks of the action plan: primary keys in, a service call, time limits and retries."""

from actionplan.models import Indicator
from actionplan.services import (
    import_batch_parse,
    import_batch_write,
    indicator_refresh_status,
    indicators_refresh_all,
    measurement_reminders_send,
    report_generate,
    report_schedule_last_quarter,
    report_sweep_abandoned,
)
from core.tasking import portal_task


@portal_task(time_limit=120, retries=5, queue="estimates")
def refresh_indicator_status(indicator_pk):
    indicator = Indicator.objects.filter(pk=indicator_pk).first()
    if indicator is not None:
        indicator_refresh_status(indicator=indicator)


@portal_task(time_limit=900, queue="estimates")
def refresh_all_statuses():
    indicators_refresh_all()


@portal_task(time_limit=600)
def send_measurement_reminders():
    measurement_reminders_send()


@portal_task(time_limit=900, backoff=30, queue="reports")
def generate_report(report_pk):
    """Claims the report first: a second delivery of this task does nothing."""
    report_generate(report_pk=report_pk)


@portal_task(time_limit=60)
def schedule_quarterly_report():
    report_schedule_last_quarter()


@portal_task(time_limit=60, retries=0)
def sweep_abandoned_reports():
    report_sweep_abandoned()


@portal_task(time_limit=900, backoff=30, queue="imports")
def parse_import(batch_pk):
    """A large file of measurements, parsed off the request (minutes for 200 000 rows)."""
    import_batch_parse(batch_pk=batch_pk)


@portal_task(time_limit=1800, backoff=30, queue="imports")
def write_import(batch_pk):
    """A large confirmed file of measurements, written off the request, all or nothing."""
    import_batch_write(batch_pk=batch_pk)
