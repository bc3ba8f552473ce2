from celery import shared_task

from actionplan.models import Indicator
from actionplan.services import indicator_refresh_status, indicators_refresh_all


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
    from actionplan.services import measurement_reminders_send

    measurement_reminders_send()


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    max_retries=3,
    time_limit=900,
    soft_time_limit=840,
)
def generate_report(self, report_pk):
    from actionplan.models import Report, ReportKind
    from actionplan.services import report_generate, report_notify_committee

    report = Report.objects.filter(pk=report_pk).first()
    if report is None:
        return
    report_generate(report=report)
    if report.kind == ReportKind.QUARTERLY:
        report_notify_committee(report=report)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    time_limit=60,
    soft_time_limit=50,
)
def schedule_quarterly_report():
    from actionplan.services import report_schedule_last_quarter

    report_schedule_last_quarter()
