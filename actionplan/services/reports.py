"""Writes on steering reports: requesting one, rendering it, telling the committee."""

import hashlib
import logging
import time

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actionplan import reports
from actionplan.models import Report, ReportKind, ReportStatus
from actionplan.permissions import can_request_report
from core import pdf
from core.audit import acting_as
from partners.models import Role, User

logger = logging.getLogger(__name__)


def _enqueue_generation(report_pk):
    from actionplan.tasks import generate_report

    transaction.on_commit(lambda: generate_report.delay(report_pk))


@transaction.atomic
def report_request(*, actor, period_start, period_end, new_version=False):
    """An officer asks for a report on any past period; one per period unless a new version is asked."""
    if not can_request_report(actor):
        raise PermissionDenied
    if period_end < period_start:
        raise ValidationError({"period_end": _("La fin de la période précède son début.")})
    if period_end >= timezone.localdate():
        raise ValidationError(
            {
                "period_end": _(
                    "La période doit être close : choisissez une fin antérieure à aujourd'hui."
                )
            }
        )
    existing = Report.objects.filter(period_start=period_start, period_end=period_end)
    if existing.exists() and not new_version:
        return existing.order_by("-version").first()
    version = (existing.aggregate(v=Max("version"))["v"] or 0) + 1
    quarter = reports.quarter_bounds(period_start) == (period_start, period_end)
    report = Report(
        kind=ReportKind.QUARTERLY if quarter else ReportKind.ON_DEMAND,
        period_start=period_start,
        period_end=period_end,
        version=version,
        requested_by=actor,
    )
    report.full_clean()
    with acting_as(actor):
        report.save()
    _enqueue_generation(report.pk)
    return report


def report_schedule_last_quarter(*, today=None):
    """Beat's job in the first days after a quarter ends: exactly one report per quarter."""
    today = today or timezone.localdate()
    start, end = reports.previous_quarter(today)
    try:
        with transaction.atomic():
            report, created = Report.objects.get_or_create(
                period_start=start,
                period_end=end,
                version=1,
                defaults={"kind": ReportKind.QUARTERLY},
            )
            if created:
                _enqueue_generation(report.pk)
    except IntegrityError:  # another beat tick created it at the same moment
        report, created = Report.objects.get(period_start=start, period_end=end, version=1), False
    return report, created


def _progress(report, percent, step):
    report.progress, report.progress_step = percent, step
    report.save(update_fields=["progress", "progress_step"])


def report_generate(*, report, timings=None):
    """Render the report's PDF and XLSX from its snapshot (taken now if it has none).

    Idempotent: a ready report is left as it is. On failure the report is marked
    failed with its reason and keeps no file, never a half-written one.
    """
    timings = {} if timings is None else timings
    if report.status == ReportStatus.READY:
        return report
    with translation.override("fr"):  # the committee's report is in French whoever triggers it
        return _generate(report, timings)


def _generate(report, timings):
    report.status = ReportStatus.RENDERING
    report.started_at = timezone.now()
    report.attempts += 1
    report.failure_reason = ""
    report.save(update_fields=["status", "started_at", "attempts", "failure_reason"])
    try:
        if report.snapshot is None:
            _progress(report, 10, _("Instantané des données"))
            began = time.perf_counter()
            report.snapshot = reports.build_snapshot(report.period_start, report.period_end)
            report.snapshot_taken_at = timezone.now()
            report.save(update_fields=["snapshot", "snapshot_taken_at"])
            timings["snapshot"] = time.perf_counter() - began
        _progress(report, 30, _("Graphiques"))
        began = time.perf_counter()
        drawn = reports.charts(report.snapshot)
        timings["charts"] = time.perf_counter() - began
        began = time.perf_counter()
        html = render_to_string(
            "actionplan/report/quarterly.html", reports.context(report, report.snapshot, drawn)
        )
        timings["html"] = time.perf_counter() - began
        _progress(report, 45, _("Mise en page du PDF"))
        began = time.perf_counter()
        document = pdf.layout(html)
        timings["layout"] = time.perf_counter() - began
        _progress(report, 85, _("Écriture du PDF"))
        began = time.perf_counter()
        content = pdf.write(document)
        timings["write"] = time.perf_counter() - began
        began = time.perf_counter()
        workbook = reports.workbook(report, report.snapshot)
        timings["xlsx"] = time.perf_counter() - began
        name = (
            f"rapport-{report.period_start:%Y-%m-%d}-{report.period_end:%Y-%m-%d}-v{report.version}"
        )
        with transaction.atomic():
            report.pdf.save(f"{name}.pdf", ContentFile(content), save=False)
            report.xlsx.save(f"{name}.xlsx", ContentFile(workbook), save=False)
            report.pdf_size = len(content)
            report.pdf_sha256 = hashlib.sha256(content).hexdigest()
            report.page_count = len(document.pages)
            report.status = ReportStatus.READY
            report.finished_at = timezone.now()
            report.progress, report.progress_step = 100, ""
            report.save()
    except Exception as error:
        logger.exception("report %s failed", report.pk)
        for stored in (report.pdf, report.xlsx):
            if stored:
                stored.delete(save=False)
        report.status = ReportStatus.FAILED
        report.failure_reason = f"{type(error).__name__}: {error}"[:2000]
        report.finished_at = timezone.now()
        report.progress, report.progress_step = 0, ""
        report.pdf_size, report.pdf_sha256, report.page_count = None, "", None
        report.save()
        raise
    timings["pages"] = report.page_count
    return report


def report_notify_committee(*, report):
    """E-mail the committee members once a report is ready (once only)."""
    if report.status != ReportStatus.READY or report.notified_at is not None:
        return 0
    label = reports.period_label(report.period_start, report.period_end)
    recipients = User.objects.filter(role__in=[Role.COMMITTEE], is_active=True).values_list(
        "email", flat=True
    )
    subject = _("Rapport de pilotage disponible : %(label)s") % {"label": label}
    body = _(
        "Bonjour,\n\nLe rapport de pilotage du plan d'actions pour l'industrie circulaire (%(label)s) est "
        "disponible sur le portail : %(url)s\n"
    ) % {"label": label, "url": f"{settings.SITE_URL}/plan/rapports/{report.pk}/"}
    sent = send_mass_mail([(subject, body, None, [email]) for email in recipients])
    report.notified_at = timezone.now()
    report.save(update_fields=["notified_at"])
    return sent
