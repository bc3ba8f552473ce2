"""E-mails that follow a change to accounts, sent from the outbox."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.models import Invitation, User
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


@outbox_handler("accounts.invitation")
def send_invitation(*, invitation_pk):
    invitation = Invitation.objects.select_related("user", "organisation", "invited_by").get(
        pk=invitation_pk
    )
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
