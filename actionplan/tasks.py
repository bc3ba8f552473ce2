"""Celery tasks of the action plan: primary keys in, a service call, time limits and retries."""

from celery import shared_task

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


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
    time_limit=120,
    soft_time_limit=100,
)
def refresh_indicator_status(indicator_pk):
    indicator = Indicator.objects.filter(pk=indicator_pk).first()
    if indicator is not None:
        indicator_refresh_status(indicator=indicator)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    time_limit=900,
    soft_time_limit=840,
)
def refresh_all_statuses():
    indicators_refresh_all()


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    time_limit=600,
    soft_time_limit=540,
)
def send_measurement_reminders():
    measurement_reminders_send()


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=3,
    time_limit=900,
    soft_time_limit=840,
)
def generate_report(report_pk):
    """Claims the report first: a second delivery of this task does nothing."""
    report_generate(report_pk=report_pk)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    time_limit=60,
    soft_time_limit=50,
)
def schedule_quarterly_report():
    report_schedule_last_quarter()


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def sweep_abandoned_reports():
    report_sweep_abandoned()


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=3,
    time_limit=900,
    soft_time_limit=840,
)
def parse_import(batch_pk):
    """A large file of measurements, parsed off the request (minutes for 200 000 rows)."""
    import_batch_parse(batch_pk=batch_pk)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=3,
    time_limit=1800,
    soft_time_limit=1740,
)
def write_import(batch_pk):
    """A large confirmed file of measurements, written off the request, all or nothing."""
    import_batch_write(batch_pk=batch_pk)
