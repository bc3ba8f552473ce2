from celery import shared_task


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
    time_limit=120,
    soft_time_limit=100,
)
def scan_attachment(attachment_pk):
    from ami.models import Attachment, ScanStatus
    from ami.services import attachment_scan

    attachment = Attachment.objects.filter(pk=attachment_pk, scan_status=ScanStatus.PENDING).first()
    if attachment is not None:
        attachment_scan(attachment=attachment)


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def rescan_pending_attachments():
    """Scans stuck in 'pending' (broker or clamd down at upload time) are tried again."""
    from django.conf import settings

    from ami.models import Attachment, ScanStatus

    if not settings.CLAMAV_ADDRESS:
        return
    for pk in Attachment.objects.filter(scan_status=ScanStatus.PENDING).values_list(
        "pk", flat=True
    )[:500]:
        scan_attachment.delay(pk)


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def send_draft_reminders():
    from ami.services import draft_reminders_send

    draft_reminders_send()
