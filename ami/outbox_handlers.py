"""E-mails, documents and scans that follow a change to a dossier, run from the outbox.

The PDF documents are imported where they are rendered: WeasyPrint is heavy to load."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.permissions import is_officer
from ami.models import (
    Attachment,
    Dossier,
    DossierMessage,
    DossierStatus,
    DossierVersion,
    ExpertRequest,
    ScanStatus,
)
from ami.tasks import scan_attachment as scan_task
from ami.workflows import DOSSIER_WORKFLOW
from core.mail import absolute_url, in_french, send_email
from core.outbox import outbox_handler


def _holders(dossier):
    return list(
        User.objects.filter(
            memberships__organisation=dossier.organisation, is_active=True
        ).values_list("email", flat=True)
    )


def _paris(moment, pattern):
    return timezone.localtime(moment, timezone.get_default_timezone()).strftime(pattern)


@outbox_handler("ami.receipt")
def send_receipt(*, version_pk):
    from ami.documents import receipt_pdf

    version = DossierVersion.objects.select_related(
        "dossier__phase__call", "dossier__organisation"
    ).get(pk=version_pk)
    dossier = version.dossier
    content = receipt_pdf(version)
    with in_french():
        send_email(
            to=_holders(dossier),
            subject=_("Accusé de réception — %(reference)s") % {"reference": dossier.reference},
            body=_(
                "Bonjour,\n\nVotre dossier %(reference)s « %(title)s » a bien été déposé le %(when)s (heure de Paris).\n"
                "Empreinte SHA-256 du contenu déposé : %(hash)s\n\nL'accusé de réception est joint et reste "
                "disponible sur le portail : %(url)s\n"
            )
            % {
                "reference": dossier.reference,
                "title": dossier.title,
                "when": _paris(version.submitted_at, "%d/%m/%Y à %H:%M:%S"),
                "hash": version.content_sha256,
                "url": absolute_url("ami:dossier_detail", pk=dossier.pk),
            },
            attachments=[(f"accuse-{dossier.reference}.pdf", content, "application/pdf")],
        )


@outbox_handler("ami.status_changed")
def send_status_change(*, dossier_pk, event, status, reason=""):
    from ami.documents import decision_letter_pdf

    dossier = Dossier.objects.select_related("phase__call", "organisation").get(pk=dossier_pk)
    label = DossierStatus(status).label  # the status this event set, even if another followed since
    attachments = []
    if DOSSIER_WORKFLOW[event].traits.get("decision"):
        attachments.append(
            (f"decision-{dossier.reference}.pdf", decision_letter_pdf(dossier), "application/pdf")
        )
    with in_french():
        body = _(
            "Bonjour,\n\nLe statut de votre dossier %(reference)s « %(title)s » est désormais : %(status)s.\n"
        ) % {"reference": dossier.reference, "title": dossier.title, "status": label}
        if reason:
            body += _("\nMotif : %(reason)s\n") % {"reason": reason}
        body += _("\nSuivre le dossier : %(url)s\n") % {
            "url": absolute_url("ami:dossier_detail", pk=dossier.pk)
        }
        send_email(
            to=_holders(dossier),
            subject=_("Votre dossier %(reference)s : %(status)s")
            % {"reference": dossier.reference, "status": label},
            body=body,
            attachments=attachments,
        )


@outbox_handler("ami.message")
def send_message_notice(*, message_pk):
    message = DossierMessage.objects.select_related("dossier__instructor", "author").get(
        pk=message_pk
    )
    dossier = message.dossier
    if is_officer(message.author):
        recipients = _holders(dossier)
    else:
        recipients = [
            dossier.instructor.email if dossier.instructor else settings.DEFAULT_FROM_EMAIL
        ]
    with in_french():
        send_email(
            to=recipients,
            subject=_("Nouveau message sur le dossier %(reference)s")
            % {"reference": dossier.reference},
            body=_(
                "Bonjour,\n\nUn nouveau message vous attend sur le dossier %(reference)s : %(url)s\n"
            )
            % {
                "reference": dossier.reference,
                "url": absolute_url("ami:dossier_detail", pk=dossier.pk),
            },
        )


@outbox_handler("ami.notify_officer")
def notify_officer(*, dossier_pk, event):
    dossier = Dossier.objects.select_related("instructor").get(pk=dossier_pk)
    if dossier.instructor is None:
        return
    with in_french():
        if event == "withdraw":
            subject = _("Dossier %(reference)s retiré par le porteur")
            body = _("Bonjour,\n\nLe porteur a retiré le dossier %(reference)s : %(url)s\n")
        else:
            subject = _("Dossier %(reference)s complété par le porteur")
            body = _("Bonjour,\n\nLe porteur a complété le dossier %(reference)s : %(url)s\n")
        values = {
            "reference": dossier.reference,
            "url": absolute_url("ami:dossier_detail", pk=dossier.pk),
        }
        send_email(to=[dossier.instructor.email], subject=subject % values, body=body % values)


@outbox_handler("ami.draft_reminder")
def send_draft_reminder(*, dossier_pk, days):
    dossier = Dossier.objects.select_related("phase").get(pk=dossier_pk)
    if not dossier.is_draft:
        return
    with in_french():
        send_email(
            to=_holders(dossier),
            subject=_("Votre dossier %(reference)s n'est pas encore déposé")
            % {"reference": dossier.reference},
            body=_(
                "Bonjour,\n\nVotre dossier %(reference)s « %(title)s » est un brouillon : il n'est pas déposé. "
                "La date limite est le %(deadline)s (heure de Paris).\nTerminer et déposer : %(url)s\n"
            )
            % {
                "reference": dossier.reference,
                "title": dossier.title,
                "deadline": _paris(dossier.deadline(), "%d/%m/%Y à %H:%M"),
                "url": absolute_url("ami:dossier_detail", pk=dossier.pk),
            },
        )


@outbox_handler("ami.scan_attachment")
def scan_attachment(*, attachment_pk):
    """Hand the scan to a worker task of its own (clamd may be slow); the periodic rescan
    catches any file whose scan did not complete."""
    if Attachment.objects.filter(pk=attachment_pk, scan_status=ScanStatus.PENDING).exists():
        scan_task.delay(attachment_pk)


@outbox_handler("ami.expert_request")
def send_expert_request(*, request_pk):
    asked = ExpertRequest.objects.select_related("dossier", "expert", "requested_by").filter(
        pk=request_pk, answered_at__isnull=True
    )
    request = asked.first()
    if request is None:
        return
    with in_french():
        send_email(
            to=[request.expert.email],
            subject=_("Avis demandé par la Région Hauts-de-France — dossier %(reference)s")
            % {"reference": request.dossier.reference},
            body=_(
                "Bonjour,\n\n%(officer)s vous demande un avis sur le dossier %(reference)s « %(title)s » "
                "pour le %(due)s :\n\n%(question)s\n\nLe dossier et votre réponse : %(url)s\n\nCe "
                "dossier est confidentiel : il vous est ouvert, en lecture seule, jusqu'à votre avis.\n"
            )
            % {
                "officer": request.requested_by.full_name,
                "reference": request.dossier.reference,
                "title": request.dossier.title,
                "due": request.due_on.strftime("%d/%m/%Y"),
                "question": request.question,
                "url": absolute_url("ami:dossier_detail", pk=request.dossier.pk),
            },
        )


@outbox_handler("ami.expert_answered")
def send_expert_answered(*, request_pk):
    request = ExpertRequest.objects.select_related("dossier", "expert", "requested_by").get(
        pk=request_pk
    )
    with in_french():
        send_email(
            to=[request.requested_by.email],
            subject=_("Avis rendu sur le dossier %(reference)s")
            % {"reference": request.dossier.reference},
            body=_(
                "Bonjour,\n\n%(expert)s a rendu son avis sur le dossier %(reference)s : %(url)s\n"
            )
            % {
                "expert": request.expert.full_name,
                "reference": request.dossier.reference,
                "url": absolute_url("ami:dossier_detail", pk=request.dossier.pk),
            },
        )
