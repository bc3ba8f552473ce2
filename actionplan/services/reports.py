"""Writes on steering reports: requesting one, rendering it, telling the committee."""

import hashlib
import logging
import tempfile
import time
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from actionplan import opendata, periods, reports
from actionplan.models import Report, ReportKind, ReportStatus
from actionplan.permissions import can_publish_report, can_request_report
from core import pdf
from core.audit import acting_as, save_with_reason
from core.mail import absolute_url, in_french, send_email
from core.outbox import outbox_enqueue
from core.versioned_cache import dataset_changed

logger = logging.getLogger(__name__)


# A render holds its report for this long, renewed at each step; past it, the sweep hands
# the report to another worker (a worker killed mid-render is noticed within minutes).
RENDER_LEASE = timedelta(minutes=3)


def _render_later(report):
    outbox_enqueue("actionplan.render_report", report_pk=report.pk)


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
    latest = existing.order_by("-version").first()
    if latest is not None and not new_version:
        return latest
    quarter = periods.quarter_bounds(period_start) == (period_start, period_end)
    report = Report(
        kind=ReportKind.QUARTERLY if quarter else ReportKind.ON_DEMAND,
        period_start=period_start,
        period_end=period_end,
        version=(latest.version if latest else 0) + 1,
        requested_by=actor,
    )
    report.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic(), acting_as(actor):
            report.save()
            _render_later(report)
    except IntegrityError:
        # Another officer asked for the same period at the same moment: theirs is the one.
        return existing.order_by("-version").first()
    return report


# The dataset the public pages read through ``core.versioned_cache``: it changes only when a
# snapshot is published, so public pages are served from the cache between publications.
PUBLICATIONS = "actionplan.publications"


@transaction.atomic
def report_publish(*, actor, report_pk, committee_seen_on, correction_note=""):
    """Publish a quarterly report's snapshot: from now on the public pages and the open data
    read it, and it never changes (a correction is a later version that says what it corrects).

    Refused, with a message and nothing changed, for a report already published, still being
    produced, not quarterly, produced before the open data existed, when a later version of
    the quarter is already published, or for a correction that does not say what it corrects."""
    if not can_publish_report(actor):
        raise PermissionDenied
    report = Report.objects.select_for_update().filter(pk=report_pk).first()
    if report is None:
        raise PermissionDenied
    if report.published_at is not None:
        raise ValidationError(
            _(
                "Ce bilan est déjà publié depuis le %(date)s : il ne change plus. Pour le "
                "corriger, demandez une nouvelle version du trimestre et publiez-la."
            )
            % {"date": timezone.localtime(report.published_at).strftime("%d/%m/%Y")}
        )
    if report.status != ReportStatus.READY:
        raise ValidationError(
            _("Ce rapport n'est pas prêt (%(status)s) : il sera publiable une fois produit.")
            % {"status": report.get_status_display()}
        )
    if report.kind != ReportKind.QUARTERLY:
        raise ValidationError(
            _(
                "Seuls les bilans trimestriels sont publiés ; ce rapport porte sur une autre période."
            )
        )
    if not report.dataset_csv or not report.dataset_json:
        raise ValidationError(
            _(
                "Ce rapport a été produit avant les données ouvertes : demandez une nouvelle "
                "version du trimestre, puis publiez-la."
            )
        )
    errors = {}
    produced_on = timezone.localdate(report.finished_at) if report.finished_at else None
    if committee_seen_on is None:
        errors["committee_seen_on"] = _("Indiquez la date à laquelle le comité l'a vu.")
    elif committee_seen_on > timezone.localdate():
        errors["committee_seen_on"] = _("Cette date est à venir : le comité doit l'avoir vu.")
    elif produced_on and committee_seen_on < produced_on:
        errors["committee_seen_on"] = _(
            "Le comité ne peut l'avoir vu avant sa production, le %(date)s."
        ) % {"date": produced_on.strftime("%d/%m/%Y")}
    published = Report.objects.select_for_update().filter(
        period_start=report.period_start,
        period_end=report.period_end,
        published_at__isnull=False,
    )
    if published.filter(version__gt=report.version).exists():
        raise ValidationError(
            _("Une version plus récente de ce trimestre est déjà publiée : celle-ci ne l'est pas.")
        )
    corrected = published.order_by("-version").first()
    note = (correction_note or "").strip()
    if corrected is not None and not note:
        errors["correction_note"] = _(
            "La version %(version)s de ce trimestre est publiée : dites ce que celle-ci corrige."
        ) % {"version": corrected.version}
    if errors:
        raise ValidationError(errors)
    report.committee_seen_on = committee_seen_on
    report.published_at = timezone.now()
    report.published_by = actor
    report.corrects = corrected
    report.correction_note = note
    save_with_reason(report, actor=actor, event="report.published", reason=note)
    dataset_changed(PUBLICATIONS)
    return report


def report_schedule_last_quarter(*, today=None):
    """Beat's job in the first days after a quarter ends: exactly one report per quarter."""
    today = today or timezone.localdate()
    start, end = periods.previous_quarter(today)
    try:
        with transaction.atomic():
            report, created = Report.objects.get_or_create(
                period_start=start,
                period_end=end,
                version=1,
                defaults={"kind": ReportKind.QUARTERLY},
            )
            if created:
                _render_later(report)
    except IntegrityError:  # another beat tick created it at the same moment
        report, created = Report.objects.get(period_start=start, period_end=end, version=1), False
    return report, created


def _progress(report, percent, step):
    report.progress, report.progress_step = percent, step
    report.lease_until = timezone.now() + RENDER_LEASE
    report.save(update_fields=["progress", "progress_step", "lease_until"])


def report_claim(*, report_pk):
    """Take the report for rendering, or None if it is ready or another worker holds it.

    The row is locked while deciding, so two deliveries of the same task never both
    render; a claim expires (``RENDER_LEASE``) unless renewed by progress."""
    now = timezone.now()
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_pk).first()
        if report is None or report.status == ReportStatus.READY:
            return None
        if (
            report.status == ReportStatus.RENDERING
            and report.lease_until
            and report.lease_until > now
        ):
            return None
        report.status = ReportStatus.RENDERING
        report.started_at = now
        report.lease_until = now + RENDER_LEASE
        report.attempts += 1
        report.failure_reason = ""
        report.save(
            update_fields=["status", "started_at", "lease_until", "attempts", "failure_reason"]
        )
    return report


def report_generate(*, report_pk, timings=None):
    """Claim the report, then render its PDF and XLSX from its snapshot (taken now if it
    has none). Does nothing for a report that is ready or being rendered elsewhere.

    On failure the report is marked failed with its reason and keeps no file, never a
    half-written one; the task's retry claims it again."""
    report = report_claim(report_pk=report_pk)
    if report is None:
        return None
    timings = {} if timings is None else timings
    with translation.override("fr"):  # the committee's report is in French whoever triggers it
        return _generate(report, timings)


def _generate(report, timings):
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
        _progress(report, 92, _("Données ouvertes"))
        began = time.perf_counter()
        with tempfile.TemporaryFile() as dataset_csv, tempfile.TemporaryFile() as dataset_json:
            report.dataset_rows = opendata.write_dataset(
                report, dataset_csv, dataset_json, schema_url=absolute_url("public:opendata_schema")
            )
            timings["opendata"] = time.perf_counter() - began
            _save_files(report, name, content, document, workbook, dataset_csv, dataset_json)
    except Exception as error:
        logger.exception("report %s failed", report.pk)
        for stored in (report.pdf, report.xlsx, report.dataset_csv, report.dataset_json):
            if stored:
                stored.delete(save=False)
        report.status = ReportStatus.FAILED
        report.failure_reason = f"{type(error).__name__}: {error}"[:2000]
        report.finished_at = timezone.now()
        report.lease_until = None
        report.progress, report.progress_step = 0, ""
        report.pdf_size, report.pdf_sha256, report.page_count = None, "", None
        report.dataset_rows = None
        report.save()
        raise
    timings["pages"] = report.page_count
    return report


def _save_files(report, name, content, document, workbook, dataset_csv, dataset_json):
    """Store the rendered files and mark the report ready, all at once."""
    with transaction.atomic():
        report.pdf.save(f"{name}.pdf", ContentFile(content), save=False)
        report.xlsx.save(f"{name}.xlsx", ContentFile(workbook), save=False)
        report.dataset_csv.save(f"indicateurs-{name}.csv", File(dataset_csv), save=False)
        report.dataset_json.save(f"indicateurs-{name}.json", File(dataset_json), save=False)
        report.pdf_size = len(content)
        report.pdf_sha256 = hashlib.sha256(content).hexdigest()
        report.page_count = len(document.pages)
        report.status = ReportStatus.READY
        report.finished_at = timezone.now()
        report.lease_until = None
        report.progress, report.progress_step = 100, ""
        if report.kind == ReportKind.QUARTERLY and report.notified_at is None:
            report.notified_at = report.finished_at
            outbox_enqueue("actionplan.report_ready", report_pk=report.pk)
        report.save()


def report_sweep_abandoned(*, now=None):
    """Hand back to the queue the reports whose render stopped renewing its claim
    (a worker killed mid-render, a task lost before it started)."""
    now = now or timezone.now()
    taken_up = 0
    stale = Report.objects.filter(
        status__in=[ReportStatus.QUEUED, ReportStatus.RENDERING], lease_until__lt=now
    ).values_list("pk", flat=True)
    for pk in stale:
        with transaction.atomic():
            report = Report.objects.select_for_update().get(pk=pk)
            if report.status not in (ReportStatus.QUEUED, ReportStatus.RENDERING) or not (
                report.lease_until and report.lease_until < now
            ):
                continue
            report.status = ReportStatus.QUEUED
            report.lease_until = now + RENDER_LEASE
            report.progress, report.progress_step = 0, _("Reprise après interruption")
            report.save(update_fields=["status", "lease_until", "progress", "progress_step"])
            _render_later(report)
            taken_up += 1
    return taken_up


def report_dispatched(*, report_pk):
    """The render task is on its way: give it a grace period before the sweep steps in."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_pk).first()
        if report is None or report.status != ReportStatus.QUEUED:
            return None
        report.lease_until = timezone.now() + RENDER_LEASE
        report.save(update_fields=["lease_until"])
    return report


def report_notify_committee(*, report_pk):
    """E-mail the committee members that a quarterly report is ready (run from the outbox,
    which sends it once: the message is written only when the report first becomes ready)."""
    report = Report.objects.get(pk=report_pk)
    if report.status != ReportStatus.READY:
        return 0
    label = periods.period_label(report.period_start, report.period_end)
    recipients = User.objects.filter(role=Role.COMMITTEE, is_active=True).values_list(
        "email", flat=True
    )
    with in_french():
        subject = _("Rapport de pilotage disponible : %(label)s") % {"label": label}
        body = _(
            "Bonjour,\n\nLe rapport de pilotage du plan d'actions pour l'industrie circulaire (%(label)s) est "
            "disponible sur le portail : %(url)s\n"
        ) % {"label": label, "url": absolute_url("actionplan:report_detail", pk=report.pk)}
        # One e-mail each: members do not see each other's addresses.
        return sum(send_email(to=[email], subject=subject, body=body) for email in recipients)
