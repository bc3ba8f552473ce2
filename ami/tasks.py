from celery import shared_task
from django.conf import settings

from ami.models import Attachment, ScanStatus
from ami.services import attachment_scan, draft_reminders_send


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
    time_limit=120,
    soft_time_limit=100,
)
def scan_attachment(attachment_pk):
    attachment = (
        Attachment.objects.filter(pk=attachment_pk)
        .filter(scan_status__in=[ScanStatus.PENDING, ScanStatus.NOT_SCANNED])
        .first()
    )
    if attachment is not None:
        attachment_scan(attachment=attachment)


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def rescan_pending_attachments():
    """Scans stuck in 'pending' (broker or clamd down at upload time) are tried again, and
    files uploaded while no antivirus was configured are scanned once one is: the backlog."""
    if not settings.CLAMAV_ADDRESS:
        return
    backlog = Attachment.objects.filter(
        scan_status__in=[ScanStatus.PENDING, ScanStatus.NOT_SCANNED]
    ).values_list("pk", flat=True)
    for pk in backlog[:500]:
        scan_attachment.delay(pk)


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def send_draft_reminders():
    draft_reminders_send()
