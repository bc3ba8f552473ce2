"""E-mails and documents that follow a change to a dossier, sent from the outbox."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import override

from ami.documents import decision_letter_pdf, receipt_pdf
from ami.models import Dossier, DossierMessage, DossierStatus, DossierVersion
from core.outbox import outbox_handler
from partners.models import Organisation, User
from partners.permissions import is_officer


def _holders(dossier):
    return list(
        User.objects.filter(
            memberships__organisation=dossier.organisation, is_active=True
        ).values_list("email", flat=True)
    )


def _url(name, **kwargs):
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


@outbox_handler("ami.receipt")
def send_receipt(*, version_pk):
    version = DossierVersion.objects.select_related(
        "dossier__phase__call", "dossier__organisation"
    ).get(pk=version_pk)
    dossier = version.dossier
    content = receipt_pdf(version)
    with override("fr"):
        mail = EmailMessage(
            _("Accusé de réception — %(reference)s") % {"reference": dossier.reference},
            _(
                "Bonjour,\n\nVotre dossier %(reference)s « %(title)s » a bien été déposé le %(when)s (heure de Paris).\n"
                "Empreinte SHA-256 du contenu déposé : %(hash)s\n\nL'accusé de réception est joint et reste "
                "disponible sur le portail : %(url)s\n"
            )
            % {
                "reference": dossier.reference,
                "title": dossier.title,
                "when": version.submitted_at.astimezone(timezone.get_default_timezone()).strftime(
                    "%d/%m/%Y à %H:%M:%S"
                ),
                "hash": version.content_sha256,
                "url": _url("ami:dossier_detail", pk=dossier.pk),
            },
            to=_holders(dossier),
        )
    mail.attach(f"accuse-{dossier.reference}.pdf", content, "application/pdf")
    mail.send()


@outbox_handler("ami.status_changed")
def send_status_change(*, dossier_pk, event, status, reason=""):
    dossier = Dossier.objects.select_related("phase__call", "organisation").get(pk=dossier_pk)
    label = DossierStatus(status).label  # the status this event set, even if another followed since
    with override("fr"):
        body = _(
            "Bonjour,\n\nLe statut de votre dossier %(reference)s « %(title)s » est désormais : %(status)s.\n"
        ) % {
            "reference": dossier.reference,
            "title": dossier.title,
            "status": label,
        }
        if reason:
            body += _("\nMotif : %(reason)s\n") % {"reason": reason}
        body += _("\nSuivre le dossier : %(url)s\n") % {
            "url": _url("ami:dossier_detail", pk=dossier.pk)
        }
        mail = EmailMessage(
            _("Votre dossier %(reference)s : %(status)s")
            % {"reference": dossier.reference, "status": label},
            body,
            to=_holders(dossier),
        )
    if event in ("retain", "reject", "redirect"):
        mail.attach(
            f"decision-{dossier.reference}.pdf", decision_letter_pdf(dossier), "application/pdf"
        )
    mail.send()


@outbox_handler("ami.message")
def send_message_notice(*, message_pk):
    message = DossierMessage.objects.select_related("dossier", "author").get(pk=message_pk)
    dossier = message.dossier
    if is_officer(message.author):
        recipients = _holders(dossier)
    else:
        recipients = (
            [dossier.instructor.email] if dossier.instructor else [settings.DEFAULT_FROM_EMAIL]
        )
    with override("fr"):
        EmailMessage(
            _("Nouveau message sur le dossier %(reference)s") % {"reference": dossier.reference},
            _("Bonjour,\n\nUn nouveau message vous attend sur le dossier %(reference)s : %(url)s\n")
            % {"reference": dossier.reference, "url": _url("ami:dossier_detail", pk=dossier.pk)},
            to=recipients,
        ).send()


@outbox_handler("ami.notify_officer")
def notify_officer(*, dossier_pk, event):
    dossier = Dossier.objects.select_related("instructor").get(pk=dossier_pk)
    if dossier.instructor is None:
        return
    with override("fr"):
        EmailMessage(
            _("Dossier %(reference)s complété par le porteur") % {"reference": dossier.reference},
            _("Bonjour,\n\nLe porteur a complété le dossier %(reference)s : %(url)s\n")
            % {"reference": dossier.reference, "url": _url("ami:dossier_detail", pk=dossier.pk)},
            to=[dossier.instructor.email],
        ).send()


@outbox_handler("ami.invitation")
def send_invitation(*, user_pk, organisation_pk, inviter_pk):
    user = User.objects.get(pk=user_pk)
    organisation = Organisation.objects.get(pk=organisation_pk)
    inviter = User.objects.get(pk=inviter_pk)
    link = _url(
        "password_reset_confirm",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )
    with override("fr"):
        EmailMessage(
            _("Invitation sur le portail industrie circulaire — %(organisation)s")
            % {"organisation": organisation.name},
            _(
                "Bonjour,\n\n%(inviter)s vous invite à travailler sur les dossiers de %(organisation)s. "
                "Choisissez votre mot de passe avec ce lien :\n%(link)s\n"
            )
            % {"inviter": inviter.full_name, "organisation": organisation.name, "link": link},
            to=[user.email],
        ).send()


@outbox_handler("ami.draft_reminder")
def send_draft_reminder(*, dossier_pk, days):
    dossier = Dossier.objects.select_related("phase").get(pk=dossier_pk)
    if not dossier.is_draft:
        return
    deadline = dossier.deadline().astimezone(timezone.get_default_timezone())
    with override("fr"):
        EmailMessage(
            _("Votre dossier %(reference)s n'est pas encore déposé")
            % {"reference": dossier.reference},
            _(
                "Bonjour,\n\nVotre dossier %(reference)s « %(title)s » est un brouillon : il n'est pas déposé. "
                "La date limite est le %(deadline)s (heure de Paris).\nTerminer et déposer : %(url)s\n"
            )
            % {
                "reference": dossier.reference,
                "title": dossier.title,
                "deadline": deadline.strftime("%d/%m/%Y à %H:%M"),
                "url": _url("ami:dossier_detail", pk=dossier.pk),
            },
            to=_holders(dossier),
        ).send()
