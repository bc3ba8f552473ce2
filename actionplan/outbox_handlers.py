"""Follow-up work of the action plan, run from the outbox by a worker."""

from django.utils.translation import gettext as _

from actionplan.models import Indicator, Reminder
from actionplan.selectors import REFRESH_INDICATOR
from actionplan.services import (
    indicator_refresh_status,
    report_dispatched,
    report_notify_committee,
)
from actionplan.services.plan import CONFIRM_IMPORT, PARSE_IMPORT
from actionplan.tasks import generate_report, parse_import, write_import
from core.mail import absolute_url, in_french, send_email
from core.outbox import outbox_handler
from core.registry import COMPUTED_SOURCE_CHANGED


@outbox_handler(REFRESH_INDICATOR)
def refresh_indicator(*, indicator_pk):
    indicator = Indicator.objects.filter(pk=indicator_pk).first()
    if indicator is not None:
        indicator_refresh_status(indicator=indicator)


@outbox_handler(COMPUTED_SOURCE_CHANGED)
def refresh_indicators_of_source(*, source):
    for indicator in Indicator.objects.filter(computed_by=source):
        indicator_refresh_status(indicator=indicator)


@outbox_handler("actionplan.render_report")
def render_report(*, report_pk):
    """Rendering takes seconds: a worker task of its own, with its own time limit."""
    if report_dispatched(report_pk=report_pk) is not None:
        generate_report.delay(report_pk)


@outbox_handler(PARSE_IMPORT)
def parse_import_file(*, batch_pk):
    """Parsing a large file takes minutes: a worker task of its own, with its own time limit."""
    parse_import.delay(batch_pk)


@outbox_handler(CONFIRM_IMPORT)
def write_import_file(*, batch_pk):
    write_import.delay(batch_pk)


@outbox_handler("actionplan.report_ready")
def tell_committee(*, report_pk):
    report_notify_committee(report_pk=report_pk)


@outbox_handler("actionplan.measurement_reminder")
def send_measurement_reminder(*, reminder_pk):
    reminder = Reminder.objects.select_related("indicator__owner").get(pk=reminder_pk)
    indicator = reminder.indicator
    if indicator.owner is None:
        return
    with in_french():
        subject = (
            _("Mesure en retard : indicateur %(code)s")
            if reminder.kind == Reminder.Kind.OVERDUE
            else _("Mesure attendue : indicateur %(code)s")
        ) % {"code": indicator.code}
        send_email(
            to=[indicator.owner.email],
            subject=subject,
            body=_(
                "Bonjour,\n\nLa mesure de l'indicateur %(code)s « %(name)s » est attendue pour le %(due)s.\n"
                "Saisissez-la sur le portail : %(url)s\n"
            )
            % {
                "code": indicator.code,
                "name": indicator.name,
                "due": reminder.due_date.strftime("%d/%m/%Y"),
                "url": absolute_url("actionplan:indicator_detail", code=indicator.code),
            },
        )
