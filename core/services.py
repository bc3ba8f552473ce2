import logging
import tempfile
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.audit import acting_as
from core.models import DataFlag, ExportFile, ExportStatus, WorkerHeartbeat
from core.outbox import outbox_enqueue
from core.registry import export_sources, flag_settlers

logger = logging.getLogger(__name__)
EXPORT_LEASE = timedelta(minutes=15)


@transaction.atomic
def data_flag_resolve(*, actor, data_flag, status, resolution, value=None, settle=True):
    """An officer confirms or dismisses a point raised by the sources, saying why. Where the
    point is about a value an app can settle (``core.registry.flag_settlers``), confirming it
    with a value applies that value through the app's service, in the same transaction
    (``settle=False``: the app's service set the value itself and closes the point)."""
    if status == DataFlag.Status.OPEN:
        raise ValidationError({"status": _("Choisissez « Confirmé » ou « Écarté ».")})
    if not resolution.strip():
        raise ValidationError({"resolution": _("Expliquez la décision.")})
    settler = flag_settlers.get(data_flag.code)
    if settle and settler is not None and status == DataFlag.Status.CONFIRMED:
        if value in (None, ""):
            raise ValidationError({"value": _("Indiquez la valeur confirmée.")})
        try:
            settler.apply(actor=actor, subject=data_flag.subject, value=value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from error
        data_flag.refresh_from_db()  # the app's service may have recorded the value on it
    with acting_as(actor):
        data_flag.status = status
        data_flag.resolution = resolution.strip()
        data_flag.resolved_by = actor
        data_flag.resolved_at = timezone.now()
        data_flag.full_clean()
        data_flag.save()
    return data_flag


def data_flags_settle(*, actor, subject, code, resolution):
    """Close the open points ``code`` about ``subject`` that the calling service has just
    settled by writing the value itself (nothing more is applied)."""
    for data_flag in DataFlag.objects.filter(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        code=code,
        status=DataFlag.Status.OPEN,
    ):
        data_flag_resolve(
            actor=actor,
            data_flag=data_flag,
            status=DataFlag.Status.CONFIRMED,
            resolution=resolution,
            settle=False,
        )


@transaction.atomic
def heartbeat_request(*, name="worker"):
    """Ask a worker to answer, through the outbox like any follow-up work."""
    beat, _created = WorkerHeartbeat.objects.get_or_create(name=name)
    beat.requested_at = timezone.now()
    beat.save(update_fields=["requested_at"])
    outbox_enqueue("core.heartbeat", name=name)
    return beat


def heartbeat_answer(*, name, answered_by):
    beat, _created = WorkerHeartbeat.objects.get_or_create(name=name)
    beat.answered_at = timezone.now()
    beat.answered_by = answered_by
    beat.save(update_fields=["answered_at", "answered_by"])
    return beat


@transaction.atomic
def export_request(*, owner, source, params, file_format):
    """Queue a large export for a worker; the request that asked for it returns at once."""
    from core.exports import export_filename

    entry = export_sources.get(source)
    if entry is None or not entry.allowed(owner):
        raise ValidationError(_("Cet export n'est pas disponible."))
    export = ExportFile(
        owner=owner,
        source=source,
        params=params,
        file_format=file_format,
        filename=export_filename(entry, file_format, timezone.localdate()),
        lease_until=timezone.now() + EXPORT_LEASE,
    )
    export.full_clean()
    export.save()
    outbox_enqueue("core.build_export", export_pk=export.pk)
    return export


def export_claim(*, export_pk):
    """Take the export for building, or None if it is done or another worker holds it
    (a conditional update: of two deliveries of the same task, one wins)."""
    now = timezone.now()
    claimable = Q(status=ExportStatus.QUEUED) | Q(status=ExportStatus.RUNNING, lease_until__lt=now)
    taken = ExportFile.objects.filter(claimable, pk=export_pk).update(
        status=ExportStatus.RUNNING, lease_until=now + EXPORT_LEASE, attempts=F("attempts") + 1
    )
    return ExportFile.objects.select_related("owner").get(pk=export_pk) if taken else None


def export_build(*, export_pk):
    """Write the export's file, rows read with the owner's rights as they are now. The file is
    stored only once complete: a failure leaves none, and the owner is told either way."""
    from core.exports import write_csv, write_xlsx

    export = export_claim(export_pk=export_pk)
    if export is None:
        return None
    source = export_sources.get(export.source)
    if source is None or not export.owner.is_active or not source.allowed(export.owner):
        return _export_finish(export, failure=_("Vous n'avez plus accès à ce contenu."))
    with translation.override("fr"), tempfile.TemporaryFile() as target:
        rows = source.rows(export.owner, export.params)
        if export.file_format == "csv":
            count = write_csv(source.header(), rows, target)
        else:
            count = write_xlsx(source.header(), rows, target, sheet_title=source.sheet_title)
        target.seek(0)
        export.file.save(export.filename, File(target), save=False)
    export.row_count = count
    return _export_finish(export)


@transaction.atomic
def _export_finish(export, *, failure=""):
    export.status = ExportStatus.FAILED if failure else ExportStatus.READY
    export.failure_reason = str(failure)
    export.finished_at = timezone.now()
    export.lease_until = None
    export.save(
        update_fields=[
            "status",
            "failure_reason",
            "finished_at",
            "lease_until",
            "file",
            "row_count",
        ]
    )
    outbox_enqueue("core.export_finished", export_pk=export.pk)
    return export


def export_fail(*, export_pk, reason):
    """The worker gave up on the export (its retries spent): the owner is told."""
    export = ExportFile.objects.filter(pk=export_pk).exclude(status=ExportStatus.READY).first()
    if export is not None:
        logger.error("export %s failed: %s", export_pk, reason)
        _export_finish(export, failure=_("La préparation a échoué ; demandez-le à nouveau."))


def exports_sweep(*, now=None):
    """Take up again the exports whose worker stopped renewing its claim, and delete the
    files past their retention (``EXPORT_RETENTION_DAYS``): exports hold personal data."""
    now = now or timezone.now()
    stale = list(
        ExportFile.objects.filter(
            status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING], lease_until__lt=now
        ).values_list("pk", flat=True)
    )
    for pk in stale:
        with transaction.atomic():
            if ExportFile.objects.filter(pk=pk, lease_until__lt=now).update(
                status=ExportStatus.QUEUED, lease_until=now + EXPORT_LEASE
            ):
                outbox_enqueue("core.build_export", export_pk=pk)
    expired = ExportFile.objects.filter(
        requested_at__lt=now - timedelta(days=settings.EXPORT_RETENTION_DAYS)
    )
    for export in expired:
        export.file.delete(save=False)
        export.delete()
    return len(stale)
