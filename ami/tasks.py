from django.conf import settings

from ami.models import Attachment, ScanStatus
from ami.services import attachment_scan, draft_reminders_send
from core.tasking import portal_task


@portal_task(time_limit=120, retries=5)
def scan_attachment(attachment_pk):
    attachment = (
        Attachment.objects.filter(pk=attachment_pk)
        .filter(scan_status__in=[ScanStatus.PENDING, ScanStatus.NOT_SCANNED])
        .first()
    )
    if attachment is not None:
        attachment_scan(attachment=attachment)


@portal_task(time_limit=600, retries=0)
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


@portal_task(time_limit=600, retries=0)
def send_draft_reminders():
    draft_reminders_send()
