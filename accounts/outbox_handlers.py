"""E-mails that follow a change to accounts, sent from the outbox."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Invitation, User
from accounts.services import email_verification_token, totp_enrolment_token
from core.mail import absolute_url, in_french, send_email
from core.outbox import outbox_handler


def _choose_password_link(user):
    return absolute_url(
        "password_reset_confirm",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )


@outbox_handler("accounts.welcome")
def send_welcome(*, user_pk):
    user = User.objects.get(pk=user_pk)
    with in_french():
        send_email(
            to=[user.email],
            subject=_("Votre compte sur le portail industrie circulaire"),
            body=_(
                "Bonjour,\n\nUn compte « %(role)s » vous a été ouvert sur le portail de la Région "
                "Hauts-de-France pour l'industrie circulaire. Choisissez votre mot de passe avec ce "
                "lien :\n%(link)s\n"
            )
            % {"role": user.get_role_display(), "link": _choose_password_link(user)},
        )


@outbox_handler("accounts.verify_email")
def send_email_verification(*, user_pk):
    user = User.objects.filter(pk=user_pk, email_verified_at__isnull=True).first()
    if user is None:  # confirmed meanwhile: nothing to send
        return
    link = absolute_url("accounts:verify_email", token=email_verification_token(user))
    with in_french():
        send_email(
            to=[user.email],
            subject=_("Confirmez votre adresse e-mail — portail industrie circulaire"),
            body=_(
                "Bonjour,\n\nPour confirmer que cette adresse est bien la vôtre, et pouvoir déposer "
                "vos dossiers, ouvrez ce lien (valable 7 jours) :\n%(link)s\n\nSi vous n'avez pas "
                "créé de compte sur le portail de la Région Hauts-de-France, ignorez ce message."
            )
            % {"link": link},
        )


@outbox_handler("accounts.invitation")
def send_invitation(*, invitation_pk):
    invitation = (
        Invitation.objects.select_related("user", "organisation", "invited_by")
        .filter(pk=invitation_pk)
        .first()
    )
    if invitation is None:  # revoked before the e-mail left: nothing to send
        return
    user = invitation.user
    link = _choose_password_link(user)
    with in_french():
        send_email(
            to=[user.email],
            subject=_("Invitation sur le portail industrie circulaire — %(organisation)s")
            % {"organisation": invitation.organisation.name},
            body=_(
                "Bonjour,\n\n%(inviter)s vous invite à travailler sur les dossiers de %(organisation)s. "
                "Choisissez votre mot de passe avec ce lien :\n%(link)s\n"
            )
            % {
                "inviter": invitation.invited_by.full_name,
                "organisation": invitation.organisation.name,
                "link": link,
            },
        )


@outbox_handler("accounts.totp_enrolment")
def send_totp_enrolment_link(*, device_pk):
    device = TOTPDevice.objects.select_related("user").filter(pk=device_pk, confirmed=False).first()
    if device is None:
        return  # replaced by a newer link, or already used
    minutes = settings.TOTP_ENROLMENT_LINK_SECONDS // 60
    with in_french():
        send_email(
            to=[device.user.email],
            subject=_("Activez la double authentification sur le portail industrie circulaire"),
            body=_(
                "Bonjour,\n\nPour associer votre application d'authentification à votre compte, "
                "ouvrez ce lien (valable %(minutes)s minutes, une seule fois), connecté à votre "
                "compte :\n%(link)s\n\nSi vous n'avez rien demandé, ne cliquez pas et prévenez "
                "l'administrateur du portail : quelqu'un connaît votre mot de passe.\n"
            )
            % {
                "minutes": minutes,
                "link": absolute_url("two_factor_enrol", token=totp_enrolment_token(device)),
            },
        )
